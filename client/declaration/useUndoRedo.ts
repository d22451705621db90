import { useEffect } from 'react';
import type { EditPlace } from '../collab/editPlace.ts';
import type { History } from '../collab/history.ts';
import type { FocusRegistry } from '../editor/focusRegistry.ts';

/**
 * Undo and redo on the declaration screen (SPEC UNDO1): Ctrl+Z, Ctrl+Shift+Z
 * and Ctrl+Y (Cmd on a Mac) drive the participant's one history wherever the
 * caret is — in a clause, a heading field, a signatory's field, or on the
 * page (right after a clause was deleted) — but not in other text fields,
 * such as a comment being written, which keep the browser's own undo. After
 * an undo or a redo the caret goes where the change happened, in an editor
 * mounted for it if need be, and that place scrolls into view.
 */

/** Marks the box of what the caret can be in: a clause's or field's editor (LazyEditor), a signatory's field. */
const FOCUS_KEY = 'data-focus-key';

function commandOf(event: KeyboardEvent): 'undo' | 'redo' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.isComposing) return null;
  // The letter as the layout prints it; on a non-Latin layout, the key where Z or Y sits.
  const letter = /^[a-z]$/i.test(event.key) ? event.key.toLowerCase() : event.code === 'KeyZ' ? 'z' : event.code === 'KeyY' ? 'y' : '';
  if (letter === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (letter === 'y' && !event.shiftKey) return 'redo';
  return null;
}

function isDeclarationTarget(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return true;
  if (target.closest(`[${FOCUS_KEY}]`)) return true;
  return !target.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]');
}

function boxOf(key: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[${FOCUS_KEY}="${CSS.escape(key)}"]`);
}

/** Where the caret is: which clause or field (the position is the editor's business). */
function caretPlace(): EditPlace | null {
  const key = document.activeElement?.closest(`[${FOCUS_KEY}]`)?.getAttribute(FOCUS_KEY);
  return key ? { key, at: null } : null;
}

/** Scrolls a place to the middle of the screen, unless it is in full view already (below the sticky top bar). */
function reveal(key: string): void {
  const box = boxOf(key);
  if (!box) return;
  const top = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
  const rect = box.getBoundingClientRect();
  if (rect.top < top || rect.bottom > window.innerHeight) box.scrollIntoView({ block: 'center' });
}

export function useUndoRedo(history: History, focus: FocusRegistry): void {
  useEffect(() => {
    history.caretPlace = caretPlace;
    const goTo = (place: EditPlace | null) => {
      if (!place) return;
      // A clause moved back with the caret in it keeps the caret where it is.
      const stays = place.at === null && (boxOf(place.key)?.contains(document.activeElement) ?? false);
      if (!stays) focus.focus(place.key, place.at === null ? 'end' : { at: place.at });
      reveal(place.key);
    };
    const onKey = (event: KeyboardEvent) => {
      const command = commandOf(event);
      if (!command || !isDeclarationTarget(event.target)) return;
      // Before any editor sees it: the history is the page's, not one editor's.
      event.preventDefault();
      event.stopPropagation();
      if (command === 'undo') history.undo();
      else history.redo();
    };
    const stopListening = history.onUndoRedo(goTo);
    window.addEventListener('keydown', onKey, true);
    return () => {
      stopListening();
      window.removeEventListener('keydown', onKey, true);
      history.caretPlace = () => null;
    };
  }, [history, focus]);
}
