import { Extension, type Editor } from '@tiptap/core';
import type { RichText } from '../../shared/richText.ts';
import { readSelectionFromPage } from './domSelection.ts';
import { richTextOfContent } from './richTextOfNode.ts';

/**
 * What the keys do inside a clause, as a word processor user expects:
 * Enter starts the next clause (carrying the text after the caret), Tab and
 * Shift+Tab make a sub-item and lift it out, Alt+arrows move the clause,
 * arrows at the edge go to the neighbouring clause, Backspace in an empty
 * clause removes it, Backspace at the start of a clause joins it to the one
 * before and Delete at its end joins the next one to it (KEY1), Escape
 * leaves the editor.
 */
export interface ClauseKeyActions {
  /** Enter: `cut` takes the text after the caret out of this clause, and a new clause after it holds it (`rest`): one undo step. */
  split(rest: RichText, cut: () => void): void;
  /** Enter in an empty sub-item. Return false when not applicable. */
  enterOnEmpty(): boolean;
  /** `caret` is where the caret is, to put it back once the clause has moved. */
  indent(caret: number): boolean;
  outdent(caret: number): boolean;
  move(direction: 'up' | 'down', caret: number): boolean;
  leave(direction: 'previous' | 'next'): boolean;
  removeEmpty(): boolean;
  /** Backspace at the start ('previous') or Delete at the end ('next'): join the two clauses, or say why not. False when there is none. */
  join(direction: 'previous' | 'next'): boolean;
}

/** Where an empty caret stands in the clause's one paragraph: at its very start, its very end, or neither. */
function caretAtEdge(editor: Editor): 'start' | 'end' | null {
  const { selection, doc } = editor.state;
  if (!selection.empty) return null;
  if (selection.from <= 1) return 'start';
  return selection.from >= doc.content.size - 1 ? 'end' : null;
}

const graphemes = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/**
 * Backspace and Delete of one character, done by the editor rather than by
 * the browser. Next to another delegation's caret (a widget that cannot be
 * edited) Chromium's own deletion removes the widget instead of the letter;
 * ProseMirror puts the widget back and the keystroke is lost. One character
 * here is one grapheme: an accented letter or an emoji goes whole.
 */
function deleteCharacter(editor: Editor, direction: 'backward' | 'forward'): boolean {
  readSelectionFromPage(editor.view);
  const { selection } = editor.state;
  if (!selection.empty) return false;
  const $caret = selection.$from;
  const text = $caret.parent.textContent;
  const at = $caret.parentOffset;
  // Only where the paragraph is plain text up to the caret (it always is here); otherwise the browser decides.
  if (text.length !== $caret.parent.content.size) return false;
  let length: number;
  if (direction === 'backward') {
    if (at === 0) return false;
    const before = text.slice(Math.max(0, at - 32), at);
    const parts = graphemes ? [...graphemes.segment(before)] : [{ segment: before.slice(-1) }];
    length = parts[parts.length - 1]!.segment.length;
    editor.view.dispatch(editor.state.tr.delete(selection.from - length, selection.from).scrollIntoView());
  } else {
    if (at >= text.length) return false;
    const after = text.slice(at, at + 32);
    length = graphemes ? [...graphemes.segment(after)][0]!.segment.length : 1;
    editor.view.dispatch(editor.state.tr.delete(selection.from, selection.from + length).scrollIntoView());
  }
  return true;
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
          actions.split(rest, () => editor.chain().deleteRange({ from, to: Math.max(to, end) }).run());
          return true;
        }, false),
      'Shift-Enter': () => true, // a clause is one paragraph: no line breaks inside
      Tab: ({ editor }) => act((actions) => actions.indent(editor.state.selection.from), false),
      'Shift-Tab': ({ editor }) => act((actions) => actions.outdent(editor.state.selection.from), false),
      'Alt-ArrowUp': ({ editor }) => act((actions) => actions.move('up', editor.state.selection.from), false),
      'Alt-ArrowDown': ({ editor }) => act((actions) => actions.move('down', editor.state.selection.from), false),
      ArrowUp: ({ editor }) => editor.view.endOfTextblock('up') && act((actions) => actions.leave('previous'), false),
      ArrowDown: ({ editor }) => editor.view.endOfTextblock('down') && act((actions) => actions.leave('next'), false),
      Backspace: ({ editor }) => {
        if (editor.state.doc.textContent === '') return act((actions) => actions.removeEmpty(), false);
        readSelectionFromPage(editor.view);
        if (caretAtEdge(editor) === 'start') return act((actions) => actions.join('previous'), false);
        return deleteCharacter(editor, 'backward');
      },
      Delete: ({ editor }) => {
        readSelectionFromPage(editor.view);
        // An empty clause ends where it starts: Delete there joins the next one into it too.
        if (caretAtEdge(editor) === 'end' || editor.state.doc.textContent === '') return act((actions) => actions.join('next'), false);
        return deleteCharacter(editor, 'forward');
      },
      Escape: ({ editor }) => {
        editor.commands.blur();
        return true;
      },
    };
  },
});
