import type { Fragment, Node as PMNode } from '@tiptap/pm/model';
import { COMMENT_MARK, threadsOfMark } from '../../shared/document/commentMark.ts';
import { FOOTNOTE_MARK } from '../../shared/document/names.ts';
import { mergeRuns } from '../../shared/document/richTextFragment.ts';
import type { RichText, Run } from '../../shared/richText.ts';

/** A ProseMirror paragraph (or any inline content) as plain rich text. */
export function richTextOfContent(content: Fragment): RichText {
  const runs: Run[] = [];
  content.descendants((node: PMNode) => {
    if (!node.isText) return true;
    const run: Run = { text: node.text ?? '' };
    if (node.marks.some((m) => m.type.name === 'italic')) run.italic = true;
    if (node.marks.some((m) => m.type.name === 'bold')) run.bold = true;
    // Thread anchors go with the text, so a clause split by Enter keeps them.
    const threads = threadsOfMark(node.marks.find((m) => m.type.name === COMMENT_MARK)?.attrs);
    if (threads.length > 0) run.comments = threads;
    // A footnote's marker stays a marker wherever its characters go (FN2).
    const footnote: unknown = node.marks.find((m) => m.type.name === FOOTNOTE_MARK)?.attrs.id;
    if (typeof footnote === 'string' && footnote !== '') run.footnote = footnote;
    runs.push(run);
    return false;
  });
  return mergeRuns(runs);
}

/** Tiptap JSON content for a paragraph holding `text`. */
export function paragraphContent(text: RichText) {
  return text
    .filter((run) => run.text !== '')
    .map((run) => ({
      type: 'text',
      text: run.text,
      marks: [
        ...(run.italic ? [{ type: 'italic' }] : []),
        ...(run.bold ? [{ type: 'bold' }] : []),
        ...(run.comments?.length ? [{ type: COMMENT_MARK, attrs: { threads: run.comments.join(' ') } }] : []),
        ...(run.footnote !== undefined ? [{ type: FOOTNOTE_MARK, attrs: { id: run.footnote } }] : []),
      ],
    }));
}
