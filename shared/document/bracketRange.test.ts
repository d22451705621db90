import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Bracket } from '../brackets/bracket.ts';
import { plain } from '../richText.ts';
import { anchorPassage, bracketRanges, clauseXmlText, reanchoredPassage, resolveBracket } from './bracketRange.ts';
import { writeClause } from './clauseEntry.ts';

/** BRK7: brackets as two Yjs relative positions that follow the text on every replica. */
function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  writeClause(doc, 'c1', 'operative', null, 'a0', plain(text));
  return doc;
}

function bracket(doc: Y.Doc, start: number, end: number, id = 'b1'): Bracket {
  const passage = anchorPassage(doc, 'c1', start, end);
  if (passage === null) throw new Error('no passage');
  return { id, clauseId: 'c1', ...passage, quote: '', at: 1, requestedBy: [] };
}

const text = (doc: Y.Doc) => clauseXmlText(doc, 'c1')!;
const passageOf = (doc: Y.Doc, b: Bracket) => {
  const range = resolveBracket(doc, b);
  return range === null ? null : text(doc).toString().slice(range.start, range.end);
};

function replicaOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('BRK7: bracketRange', () => {
  it('BRK7: anchors a passage and resolves it to the same offsets', () => {
    const doc = docWith('Decide to act now;');
    const b = bracket(doc, 10, 17);
    expect(resolveBracket(doc, b)).toEqual({ id: 'b1', start: 10, end: 17 });
    expect(passageOf(doc, b)).toBe('act now');
  });

  it('BRK7: refuses passages that are not there', () => {
    const doc = docWith('Decide;');
    expect(anchorPassage(doc, 'c1', 3, 3)).toBeNull();
    expect(anchorPassage(doc, 'c1', 2, 99)).toBeNull();
    expect(anchorPassage(doc, 'c1', -1, 2)).toBeNull();
    expect(anchorPassage(doc, 'nope', 0, 2)).toBeNull();
  });

  it('BRK4 BRK7: text typed at either edge falls outside; text typed inside falls inside', () => {
    const doc = docWith('Decide to act now;');
    const b = bracket(doc, 10, 17);
    text(doc).insert(10, 'really ');
    text(doc).insert(24, ' and here');
    expect(passageOf(doc, b)).toBe('act now');
    text(doc).insert(20, ' firmly');
    expect(passageOf(doc, b)).toBe('act firmly now');
    text(doc).insert(0, 'We ');
    expect(passageOf(doc, b)).toBe('act firmly now');
  });

  it('BRK4 BRK7: deleting part of the passage shrinks it; deleting all of it collapses it to null', () => {
    const doc = docWith('Decide to act now;');
    const b = bracket(doc, 10, 17);
    text(doc).delete(10, 4);
    expect(passageOf(doc, b)).toBe('now');
    text(doc).delete(9, 5);
    expect(resolveBracket(doc, b)).toBeNull();
    expect(bracketRanges(doc, [b]).size).toBe(0);
  });

  it('BRK7: a passage typed over (deleted and retyped in one go) is gone, not the new words', () => {
    const doc = docWith('Decide to act now;');
    const b = bracket(doc, 10, 17);
    doc.transact(() => {
      text(doc).delete(10, 7);
      text(doc).insert(10, 'wait');
    });
    expect(resolveBracket(doc, b)).toBeNull();
  });

  it('BRK7: a deleted clause leaves its brackets without a passage', () => {
    const doc = docWith('Decide to act now;');
    const b = bracket(doc, 0, 6);
    doc.getMap('clauses').delete('c1');
    expect(resolveBracket(doc, b)).toBeNull();
  });

  it('BRK7: concurrent edits on two replicas: both find the same words in brackets', () => {
    const a = docWith('Decide to act now;');
    const b = replicaOf(a);
    const br = bracket(a, 10, 17);
    text(a).insert(0, 'We ');
    text(b).insert(13, ' firmly');
    text(b).insert(text(b).length, ' Today.');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(passageOf(a, br)).toBe('act firmly now');
    expect(passageOf(b, br)).toBe('act firmly now');
    expect(resolveBracket(a, br)).toEqual(resolveBracket(b, br));
  });

  it('BRK7: nested brackets resolve outer before inner, per clause', () => {
    const doc = docWith('abcdefgh');
    const inner = bracket(doc, 3, 5, 'inner');
    const outer = bracket(doc, 1, 7, 'outer');
    expect(bracketRanges(doc, [inner, outer]).get('c1')).toEqual([
      { id: 'outer', start: 1, end: 7 },
      { id: 'inner', start: 3, end: 5 },
    ]);
    expect(bracketRanges(doc, [{ ...inner, removed: { by: 'x', at: 1, how: 'removed' } }]).size).toBe(0);
  });

  it('BRK4 BRK7: after an undo of the deletion only the undoing replica follows the text; reanchoredPassage gives positions every replica reads alike', () => {
    const server = docWith('Decide to act now;');
    const b = bracket(server, 10, 17);
    const other = replicaOf(server);
    // A delegation's deletion, captured and undone as the relay's enforce step does.
    const author = { author: true };
    const undo = new Y.UndoManager(server.getMap('clauses'), { trackedOrigins: new Set([author]), captureTimeout: 0 });
    server.transact(() => text(server).delete(9, 8), author);
    expect(resolveBracket(server, b)).toBeNull();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    undo.undo();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server));
    expect(text(other).toString()).toBe(text(server).toString());
    expect(resolveBracket(server, b, true)).toEqual({ id: 'b1', start: 10, end: 17 });
    // The restored words are new items: nobody else knows they replace the deleted ones.
    expect(resolveBracket(other, b)).toBeNull();
    const moved = reanchoredPassage(server, b);
    expect(moved).not.toBeNull();
    const again = { ...b, ...moved! };
    expect(resolveBracket(server, again)).toEqual({ id: 'b1', start: 10, end: 17 });
    expect(resolveBracket(other, again)).toEqual({ id: 'b1', start: 10, end: 17 });
    expect(reanchoredPassage(server, again)).toBeNull();
    undo.destroy();
  });

  it('BRK7: reanchoredPassage is null when every replica already reads the passage where the server does', () => {
    const doc = docWith('Decide to act now;');
    const b = bracket(doc, 10, 17);
    text(doc).insert(0, 'We ');
    expect(reanchoredPassage(doc, b)).toBeNull();
  });
});
