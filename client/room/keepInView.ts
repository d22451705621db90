/**
 * Brings a clause into view, smoothly, without touching the focus: whoever
 * is typing elsewhere keeps the caret where it is (ROOM4). `block` says where
 * the clause lands: the editing screens centre it, the room view puts it near
 * the top (its rows set a scroll margin) so that what follows shows too.
 */
export function keepInView(clauseId: string, block: ScrollLogicalPosition = 'center'): void {
  const row = document.querySelector(`[data-clause-id="${CSS.escape(clauseId)}"]`);
  const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  row?.scrollIntoView({ behavior: reduced ? 'auto' : 'smooth', block });
}
