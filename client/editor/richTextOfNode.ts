import type { Fragment, Node as PMNode } from '@tiptap/pm/model';
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
      marks: [...(run.italic ? [{ type: 'italic' }] : []), ...(run.bold ? [{ type: 'bold' }] : [])],
    }));
}
