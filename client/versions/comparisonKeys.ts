/**
 * The keys of the comparison view (docs/SPEC.md CMP5): n and p go to the
 * next and the previous change, as in a reader, and Alt+PageDown /
 * Alt+PageUp do the same as they do for proposals (PROP13) — the comparison
 * takes them while it is open. Escape closes it.
 */
export const NEXT_CHANGE_KEYS = 'n · Alt+PageDown';
export const PREVIOUS_CHANGE_KEYS = 'p · Alt+PageUp';

/** Where a key sends the reader: +1, -1, or nowhere (null). Letters are left to fields that take text. */
export function changeStep(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }, inField: boolean): 1 | -1 | null {
  if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'PageDown' || event.key === 'PageUp')) return event.key === 'PageDown' ? 1 : -1;
  if (inField || event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === 'n') return 1;
  if (event.key === 'p') return -1;
  return null;
}

/** Whether the key went to an element that takes typing (a text field or a list to choose from with letters). */
export function isField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}
