import * as Y from 'yjs';
import { marksOf, runsOfText } from '../document/richTextFragment.ts';
import { PARAGRAPH } from '../document/names.ts';
import type { RichText } from '../richText.ts';
import { wordSteps } from './wordDiff.ts';

/**
 * Changes a clause's text to `to` by its word diff, in place (docs/SPEC.md
 * PROP7): only the words that differ are deleted and inserted, at their
 * index, so that a delegation typing elsewhere in the same clause at that
 * moment keeps every letter — their insertions sit between items this
 * change never touches. Replacing the whole text would delete theirs.
 *
 * `body` is a clause's `Y.XmlFragment` (one paragraph holding one
 * `Y.XmlText`, STRUCT1); the paragraph or its text is created when missing.
 * Call inside a transaction. Words kept keep their comment marks; a
 * footnote reference is written with its `footnote` mark (FN2).
 */
export function applyWordDiff(body: Y.XmlFragment, to: RichText): void {
  let paragraph = body.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === PARAGRAPH);
  if (paragraph === undefined) {
    paragraph = new Y.XmlElement(PARAGRAPH);
    body.insert(body.length, [paragraph]);
  }
  let text = paragraph.toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText);
  if (text === undefined) {
    text = new Y.XmlText();
    paragraph.insert(0, [text]);
  }
  let index = 0;
  for (const step of wordSteps(runsOfText(text), to)) {
    const length = step.tokens.reduce((sum, token) => sum + token.text.length, 0);
    if (step.op === 'equal') {
      index += length;
    } else if (step.op === 'delete') {
      text.delete(index, length);
    } else {
      for (const token of step.tokens) {
        // Explicit marks, even none, so an inserted word does not inherit the italics before it.
        text.insert(index, token.text, marksOf({ text: token.text, italic: token.italic, bold: token.bold, ...(token.footnote !== undefined ? { footnote: token.footnote } : {}) }));
        index += token.text.length;
      }
    }
  }
}
