import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { plain } from '../richText.ts';
import { writeClause } from './clauseEntry.ts';
import { anchorThread, commentAnchors, unanchorThread } from './commentMark.ts';
import { clausesMap } from './clauseEntry.ts';
import { readRichText } from './richTextFragment.ts';

function clauseText(doc: Y.Doc, id: string): Y.XmlText {
  const body = clausesMap(doc).get(id)!.get('body') as Y.XmlFragment;
  return (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

describe('COM6: a passage is anchored by a mark in the text', () => {
  it('anchors overlapping threads without replacing each other, and finds them', () => {
    const doc = new Y.Doc();
    writeClause(doc, 'c1', 'operative', null, 'a0', plain('Reaffirm the commitment to peace'));
    doc.transact(() => anchorThread(clauseText(doc, 'c1'), 0, 14, 'one'));
    doc.transact(() => anchorThread(clauseText(doc, 'c1'), 9, 24, 'two'));
    const anchors = commentAnchors(doc);
    expect(anchors.get('one')).toEqual({ clauseId: 'c1', text: 'Reaffirm the c' });
    expect(anchors.get('two')).toEqual({ clauseId: 'c1', text: 'the commitment ' });
    const body = clausesMap(doc).get('c1')!.get('body') as Y.XmlFragment;
    expect(readRichText(body).map((r) => r.comments ?? [])).toEqual([['one'], ['one', 'two'], ['two'], []]);
  });
  it('follows the text through edits around it and is gone when the passage is deleted', () => {
    const doc = new Y.Doc();
    writeClause(doc, 'c1', 'operative', null, 'a0', plain('Reaffirm the commitment'));
    doc.transact(() => anchorThread(clauseText(doc, 'c1'), 13, 23, 't'));
    clauseText(doc, 'c1').insert(0, 'We ');
    expect(commentAnchors(doc).get('t')?.text).toBe('commitment');
    clauseText(doc, 'c1').delete(16, 10);
    expect(commentAnchors(doc).has('t')).toBe(false);
  });
  it('takes an anchor out again, leaving the others', () => {
    const doc = new Y.Doc();
    writeClause(doc, 'c1', 'operative', null, 'a0', plain('Reaffirm'));
    doc.transact(() => {
      anchorThread(clauseText(doc, 'c1'), 0, 8, 'a');
      anchorThread(clauseText(doc, 'c1'), 0, 4, 'b');
    });
    doc.transact(() => unanchorThread(clausesMap(doc).get('c1')!.get('body') as Y.XmlFragment, 'a'));
    expect([...commentAnchors(doc).keys()]).toEqual(['b']);
  });
});
