import type { EditorView } from '@tiptap/pm/view';

/**
 * Makes ProseMirror take the caret from the page now. ProseMirror learns of
 * a native caret move (Home, an arrow, a click) from the selectionchange
 * event, which the browser fires a moment later; a key handled or an
 * update dispatched in between would act on, and write back, the old caret.
 * `domObserver` is internal to prosemirror-view, hence the guard.
 */
export function readSelectionFromPage(view: EditorView): void {
  const internal = view as unknown as { domObserver?: { flush(): void } };
  if (view.hasFocus()) internal.domObserver?.flush();
}
