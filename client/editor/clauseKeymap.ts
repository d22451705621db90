import { Extension } from '@tiptap/core';
import type { RichText } from '../../shared/richText.ts';
import { readSelectionFromPage } from './domSelection.ts';
import { richTextOfContent } from './richTextOfNode.ts';

/**
 * What the keys do inside a clause, as a word processor user expects:
 * Enter starts the next clause (carrying the text after the caret), Tab and
 * Shift+Tab make a sub-item and lift it out, Alt+arrows move the clause,
 * arrows at the edge go to the neighbouring clause, Backspace in an empty
 * clause removes it, Escape leaves the editor.
 */
export interface ClauseKeyActions {
  /** Enter: a new clause after this one holding `rest`. */
  split(rest: RichText): void;
  /** Enter in an empty sub-item. Return false when not applicable. */
  enterOnEmpty(): boolean;
  /** `caret` is where the caret is, to put it back once the clause has moved. */
  indent(caret: number): boolean;
  outdent(caret: number): boolean;
  move(direction: 'up' | 'down', caret: number): boolean;
  leave(direction: 'previous' | 'next'): boolean;
  removeEmpty(): boolean;
}

export interface ClauseKeymapOptions {
  actions: () => ClauseKeyActions | null;
}

export const ClauseKeymap = Extension.create<ClauseKeymapOptions>({
  name: 'clauseKeymap',
  priority: 1000,
  addOptions() {
    return { actions: () => null };
  },
  addKeyboardShortcuts() {
    const act = <T>(fn: (actions: ClauseKeyActions) => T, fallback: T): T => {
      const actions = this.options.actions();
      if (!actions) return fallback;
      // Act on the caret the delegate sees, not on one ProseMirror has yet to hear about.
      readSelectionFromPage(this.editor.view);
      return fn(actions);
    };
    return {
      Enter: ({ editor }) =>
        act((actions) => {
          const { state } = editor;
          if (state.doc.textContent === '' && actions.enterOnEmpty()) return true;
          const end = state.doc.content.size - 1;
          const { from, to } = state.selection;
          const rest = richTextOfContent(state.doc.slice(to, Math.max(to, end)).content);
          editor.chain().deleteRange({ from, to: Math.max(to, end) }).run();
          actions.split(rest);
          return true;
        }, false),
      'Shift-Enter': () => true, // a clause is one paragraph: no line breaks inside
      Tab: ({ editor }) => act((actions) => actions.indent(editor.state.selection.from), false),
      'Shift-Tab': ({ editor }) => act((actions) => actions.outdent(editor.state.selection.from), false),
      'Alt-ArrowUp': ({ editor }) => act((actions) => actions.move('up', editor.state.selection.from), false),
      'Alt-ArrowDown': ({ editor }) => act((actions) => actions.move('down', editor.state.selection.from), false),
      ArrowUp: ({ editor }) => editor.view.endOfTextblock('up') && act((actions) => actions.leave('previous'), false),
      ArrowDown: ({ editor }) => editor.view.endOfTextblock('down') && act((actions) => actions.leave('next'), false),
      Backspace: ({ editor }) => editor.state.doc.textContent === '' && act((actions) => actions.removeEmpty(), false),
      Escape: ({ editor }) => {
        editor.commands.blur();
        return true;
      },
    };
  },
});
