import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/**
 * Another participant's caret and its name flag (LAY5). The flag sits above
 * the line, over the words of the line before: shown always, it hid the text
 * being negotiated. So it shows only while that person types or moves their
 * caret (and for FLAG_MS after), and while the pointer is on the caret; the
 * rest of the time the caret is a line in their colour, and the clause's
 * gutter names who is in it (UI2).
 */
export const FLAG_MS = 2000;

/** Participant id → until when their flag shows. */
const activeUntil = new Map<string, number>();
const timers = new Map<string, ReturnType<typeof setTimeout>>();
const watched = new WeakSet<Awareness>();

function carets(userId: string): NodeListOf<HTMLElement> {
  return document.querySelectorAll<HTMLElement>(`.collaboration-carets__caret[data-user="${CSS.escape(userId)}"]`);
}

function markActive(userId: string): void {
  activeUntil.set(userId, Date.now() + FLAG_MS);
  carets(userId).forEach((caret) => caret.classList.add('is-active'));
  clearTimeout(timers.get(userId));
  timers.set(
    userId,
    setTimeout(() => {
      activeUntil.delete(userId);
      timers.delete(userId);
      carets(userId).forEach((caret) => caret.classList.remove('is-active'));
    }, FLAG_MS),
  );
}

/** The caret element Tiptap's CollaborationCaret draws for a remote user (its `render` option). */
export function renderCaret(user: { id?: string; name?: string; color: string }): HTMLElement {
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = user.color;
  if (user.id) {
    caret.dataset.user = user.id;
    // The widget may be drawn anew while its owner types: it keeps the flag up.
    if ((activeUntil.get(user.id) ?? 0) > Date.now()) caret.classList.add('is-active');
  }
  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = user.color;
  label.textContent = user.name ?? '';
  caret.append(label);
  return caret;
}

interface CaretState {
  user?: { id?: string };
  cursor?: unknown;
}

/**
 * Watches who types or moves their caret: a changed `cursor` in someone's
 * presence, or text from their Yjs client arriving. Once per connection,
 * whatever the number of editors.
 */
export function watchCaretActivity(awareness: Awareness, doc: Y.Doc): void {
  if (watched.has(awareness)) return;
  watched.add(awareness);
  const lastCursor = new Map<number, string>();
  const userOf = (clientId: number) => (awareness.getStates().get(clientId) as CaretState | undefined)?.user?.id;
  awareness.on('change', ({ added, updated }: { added: number[]; updated: number[] }) => {
    for (const clientId of [...added, ...updated]) {
      if (clientId === awareness.clientID) continue;
      const state = awareness.getStates().get(clientId) as CaretState | undefined;
      const cursor = JSON.stringify(state?.cursor ?? null);
      if (lastCursor.get(clientId) === cursor) continue;
      lastCursor.set(clientId, cursor);
      const id = state?.user?.id;
      if (id && state?.cursor) markActive(id);
    }
  });
  // Typing in the middle of a line leaves the caret's relative position as it was: the text itself says who typed.
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.local) return;
    transaction.afterState.forEach((clock, clientId) => {
      if (clientId === awareness.clientID || (transaction.beforeState.get(clientId) ?? 0) === clock) return;
      const id = userOf(clientId);
      if (id) markActive(id);
    });
  });
}
