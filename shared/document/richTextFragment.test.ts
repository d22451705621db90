import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RichText } from '../richText.ts';
import { opening, plain } from '../richText.ts';
import { PARAGRAPH } from './names.ts';
import { appendParagraph, mergeRuns, readRichText } from './richTextFragment.ts';

/** A fragment inside a document, as clause bodies are. */
function fragmentWith(...paragraphs: RichText[]): { doc: Y.Doc; fragment: Y.XmlFragment } {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('body');
  for (const paragraph of paragraphs) appendParagraph(fragment, paragraph);
  return { doc, fragment };
}

/** The same fragment after a trip through an update, as another replica or a reload sees it. */
function reloaded(doc: Y.Doc): Y.XmlFragment {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy.getXmlFragment('body');
}

describe('rich text in a fragment', () => {
  it('FN1: a footnote reference reads back as Run.footnote, also after a reload; a run without it is not merged into it; a mark value of another shape is no reference', () => {
    const text: RichText = [{ text: 'Peace' }, { text: '1', footnote: 'fn1' }, { text: ' now', italic: true }, { text: '2', italic: true, footnote: 'fn2' }];
    const { doc, fragment } = fragmentWith(text);
    expect(readRichText(fragment)).toEqual(text);
    expect(readRichText(reloaded(doc))).toEqual(text);
    expect(mergeRuns([{ text: 'a', footnote: 'x' }, { text: 'b', footnote: 'x' }, { text: 'c' }])).toEqual([{ text: 'ab', footnote: 'x' }, { text: 'c' }]);
    const xmlText = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    xmlText.format(0, 5, { footnote: { id: 'not an id!' } });
    expect(readRichText(fragment)[0]).toEqual({ text: 'Peace' });
  });

  it('EDIT4, UI3: an italic opening phrase and a plain rest read back as written, also after a reload', () => {
    const text = opening('Recognizing', ' that peace matters,');
    const { doc, fragment } = fragmentWith(text);
    expect(readRichText(fragment)).toEqual([{ text: 'Recognizing', italic: true }, { text: ' that peace matters,' }]);
    expect(readRichText(reloaded(doc))).toEqual(readRichText(fragment));
  });

  it('EDIT4: a plain run after an italic or bold one does not inherit its marks', () => {
    const text: RichText = [
      { text: 'Noting', italic: true },
      { text: ' with ' },
      { text: 'deep', bold: true },
      { text: ' concern ' },
      { text: 'both', italic: true, bold: true },
      { text: '.' },
    ];
    const { doc, fragment } = fragmentWith(text);
    expect(readRichText(fragment)).toEqual(text);
    expect(readRichText(reloaded(doc))).toEqual(text);
  });

  it('EDIT4: the fragment has the shape the editor binding writes: one paragraph with one text node, marks as attributes', () => {
    const { fragment } = fragmentWith(opening('Considering', ' this,'));
    expect(fragment.length).toBe(1);
    const paragraph = fragment.get(0) as Y.XmlElement;
    expect(paragraph).toBeInstanceOf(Y.XmlElement);
    expect(paragraph.nodeName).toBe(PARAGRAPH);
    expect(paragraph.length).toBe(1);
    const xmlText = paragraph.get(0) as Y.XmlText;
    expect(xmlText).toBeInstanceOf(Y.XmlText);
    expect(xmlText.toDelta()).toEqual([{ insert: 'Considering', attributes: { italic: {} } }, { insert: ' this,' }]);
  });

  it('EDIT4: an empty text makes an empty paragraph, read back as no runs', () => {
    const { fragment } = fragmentWith([]);
    expect(fragment.length).toBe(1);
    expect(readRichText(fragment)).toEqual([]);
    expect(readRichText(fragmentWith(plain(''), [{ text: '' }]).fragment)).toEqual([]);
    expect(readRichText(fragmentWith().fragment)).toEqual([]);
  });

  it('EDIT4: text typed after an italic phrase with explicit plain marks stays plain', () => {
    const { fragment } = fragmentWith([{ text: 'Welcoming', italic: true }]);
    const xmlText = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    xmlText.insert(xmlText.length, ' the report,', {});
    expect(readRichText(fragment)).toEqual([{ text: 'Welcoming', italic: true }, { text: ' the report,' }]);
  });

  it('OUT1, SYNC1: two paragraphs left in one clause by concurrent edits are both shown, joined by a space', () => {
    const { fragment } = fragmentWith(opening('Recognizing', ' the first'), plain('and the second,'));
    expect(readRichText(fragment)).toEqual([{ text: 'Recognizing', italic: true }, { text: ' the first and the second,' }]);
  });

  it('OUT1, SYNC1: two replicas each adding a paragraph to the same empty clause keep both texts', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    appendParagraph(a.getXmlFragment('body'), plain('from A'));
    appendParagraph(b.getXmlFragment('body'), [{ text: 'from B', bold: true }]);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const read = readRichText(a.getXmlFragment('body'));
    expect(readRichText(b.getXmlFragment('body'))).toEqual(read);
    expect(read.map((r) => r.text).join('')).toMatch(/^(from A from B|from B from A)$/);
    expect(read.find((r) => r.text === 'from B')).toEqual({ text: 'from B', bold: true });
  });

  it('OUT1: an empty paragraph between two others adds no extra space', () => {
    const { fragment } = fragmentWith(plain('one'), [], plain('two'));
    expect(readRichText(fragment)).toEqual([{ text: 'one two' }]);
    expect(readRichText(fragmentWith([], plain('alone')).fragment)).toEqual([{ text: 'alone' }]);
  });

  it('EDIT4: mergeRuns joins neighbours with the same marks and drops empty runs', () => {
    expect(mergeRuns([])).toEqual([]);
    expect(mergeRuns([{ text: 'a' }, { text: 'b' }, { text: 'c', italic: false }])).toEqual([{ text: 'abc' }]);
    expect(mergeRuns([{ text: 'a', italic: true }, { text: 'b', italic: true }, { text: 'c' }])).toEqual([{ text: 'ab', italic: true }, { text: 'c' }]);
    expect(mergeRuns([{ text: 'a', bold: true }, { text: 'b', bold: true, italic: true }])).toEqual([
      { text: 'a', bold: true },
      { text: 'b', bold: true, italic: true },
    ]);
    expect(mergeRuns([{ text: '' }, { text: 'x', italic: true }, { text: '', bold: true }, { text: 'y', italic: true }])).toEqual([
      { text: 'xy', italic: true },
    ]);
    // The input is not changed.
    const input: RichText = [{ text: 'a' }, { text: 'b' }];
    mergeRuns(input);
    expect(input).toEqual([{ text: 'a' }, { text: 'b' }]);
  });
});
