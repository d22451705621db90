import { useCallback, useSyncExternalStore } from 'react';

/**
 * Which clause has a passage selected in its editor, for the Brackets
 * button (enabled only then, BRK1). One listener on the page for every
 * clause's button. Moving the focus to the clause's own rail (the button
 * itself, by Tab) keeps the answer: the editor keeps its selection then.
 */
let selected: string | null = null;
const listeners = new Set<() => void>();

function read(): string | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode) return null;
  const elementOf = (node: Node) => (node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement);
  const editor = elementOf(selection.anchorNode)?.closest('.clause__editor');
  if (!editor || editor !== elementOf(selection.focusNode)?.closest('.clause__editor')) return null;
  return editor.closest<HTMLElement>('[data-clause-id]')?.dataset.clauseId ?? null;
}

function onSelectionChange(): void {
  if (document.activeElement?.closest('.clause__rail')) return;
  const next = read();
  if (next === selected) return;
  selected = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) {
    selected = read();
    document.addEventListener('selectionchange', onSelectionChange);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) document.removeEventListener('selectionchange', onSelectionChange);
  };
}

/** Whether a passage of this clause is selected now. */
export function usePassageSelectedIn(clauseId: string): boolean {
  const snapshot = useCallback(() => selected === clauseId, [clauseId]);
  return useSyncExternalStore(subscribe, snapshot);
}
