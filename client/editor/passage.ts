import type { Editor } from '@tiptap/core';
import * as Y from 'yjs';
import { anchorThread } from '../../shared/document/commentMark.ts';
import { MAX_QUOTE_LENGTH } from '../../shared/comments/thread.ts';

/**
 * A passage chosen for a new thread. It is held as Yjs relative positions,
 * not as offsets: the delegate may take a while to write the comment, and
 * others keep typing meanwhile.
 */
export interface Passage {
  quote: string;
  from: Y.RelativePosition;
  to: Y.RelativePosition;
}

/** The editor's selected passage, or null when nothing is selected. Only the selection's first paragraph counts. */
export function selectedPassage(editor: Editor, fragment: Y.XmlFragment): Passage | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const $from = editor.state.doc.resolve(from);
  const $to = editor.state.doc.resolve(to);
  const paragraph = fragment.get($from.index(0));
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) return null;
  const start = $from.parentOffset;
  const end = $to.index(0) === $from.index(0) ? $to.parentOffset : $from.parent.content.size;
  const quote = $from.parent.textBetween(start, end).trim();
  if (quote === '') return null;
  return {
    quote: quote.length > MAX_QUOTE_LENGTH ? `${quote.slice(0, MAX_QUOTE_LENGTH - 1)}…` : quote,
    from: Y.createRelativePositionFromTypeIndex(text, start),
    to: Y.createRelativePositionFromTypeIndex(text, end, -1),
  };
}

/** Where the local anchors come from: not the editor's undo history, so Ctrl+Z does not take a thread's anchor away. */
export const ANCHOR_ORIGIN = Symbol('comment anchor');

/** Puts the thread's mark on the passage as it stands now. False if the passage is gone. */
export function anchorPassage(doc: Y.Doc, passage: Passage, threadId: string): boolean {
  const from = Y.createAbsolutePositionFromRelativePosition(passage.from, doc);
  const to = Y.createAbsolutePositionFromRelativePosition(passage.to, doc);
  if (!from || !to || from.type !== to.type || !(from.type instanceof Y.XmlText) || to.index <= from.index) return false;
  const text = from.type;
  doc.transact(() => anchorThread(text, from.index, to.index, threadId), ANCHOR_ORIGIN);
  return true;
}
