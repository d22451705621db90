import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed, type DeclarationSeed, type SeedOperative, type SeedSubitem } from '../declarationSeed.ts';
import { numberClauses } from '../numbering.ts';
import { buildOutline, flattenOutline } from '../outline.ts';
import { opening, plain, toPlainText } from '../richText.ts';
import { clausesMap } from './clauseEntry.ts';
import { joinClauses, joinRefusal } from './joinClauses.ts';
import { MAX_CLAUSE_CHARS } from './limits.ts';
import { CLAUSE_FIELD } from './names.ts';
import { readDeclaration } from './readDeclaration.ts';
import { readRichText } from './richTextFragment.ts';
import { writeSeed } from './writeSeed.ts';

const sub = (text: string, ...subitems: SeedSubitem[]): SeedSubitem => ({ body: plain(text), ...(subitems.length ? { subitems } : {}) });
const op = (text: string, ...subitems: SeedSubitem[]): SeedOperative => ({ body: plain(text), ...(subitems.length ? { subitems } : {}) });

function docOf(preamble: string[], operative: SeedOperative[]): Y.Doc {
  const seed: DeclarationSeed = { ...emptySeed(plain('Test')), preamble: preamble.map(plain), operative };
  const doc = new Y.Doc();
  writeSeed(doc, seed);
  return doc;
}

/** What a delegate reads: "label text", in reading order. */
function view(doc: Y.Doc): string[] {
  const outline = buildOutline(readDeclaration(doc).clauses);
  const numbers = numberClauses(outline);
  return flattenOutline(outline).map((n) => `${numbers.get(n.clause.id)!.label} ${toPlainText(n.clause.body)}`);
}

function idOf(doc: Y.Doc, text: string): string {
  const matches = readDeclaration(doc).clauses.filter((c) => toPlainText(c.body) === text);
  if (matches.length !== 1) throw new Error(`${matches.length} clauses read "${text}"`);
  return matches[0]!.id;
}

describe('joining two clauses (KEY1–KEY3)', () => {
  it('KEY1: the removed clause’s text is appended to the previous one, the join offset returned', () => {
    const doc = docOf(['Recognizing,', 'Noting,'], [op('Decides to act'), op(' now;'), op('Closes.')]);
    const result = joinClauses(doc, idOf(doc, 'Decides to act'), idOf(doc, ' now;'));
    expect(result).toEqual({ joined: true, at: 'Decides to act'.length });
    expect(view(doc)).toEqual(['PP1 Recognizing,', 'PP2 Noting,', 'OP1 Decides to act now;', 'OP2 Closes.']);
  });

  it('KEY1: marks of both texts are kept, and plain text does not take the italics before it', () => {
    const doc = new Y.Doc();
    writeSeed(doc, { ...emptySeed(plain('Test')), preamble: [opening('Recognizing', ' the work'), [{ text: 'Noting', italic: true }]], operative: [] });
    const [first, second] = readDeclaration(doc).clauses.map((c) => c.id);
    joinClauses(doc, first!, second!);
    const body = clausesMap(doc).get(first!)!.get(CLAUSE_FIELD.body) as Y.XmlFragment;
    expect(readRichText(body)).toEqual([{ text: 'Recognizing', italic: true }, { text: ' the work' }, { text: 'Noting', italic: true }]);
  });

  it('KEY2: a sub-item joined into its paragraph leaves its own sub-items in its place', () => {
    const doc = docOf([], [op('Agrees:', sub('first', sub('deep one')), sub('second')), op('Closes.')]);
    joinClauses(doc, idOf(doc, 'Agrees:'), idOf(doc, 'first'));
    expect(view(doc)).toEqual(['OP1 Agrees:first', 'OP1(a) deep one', 'OP1(b) second', 'OP2 Closes.']);
  });

  it('KEY2: a paragraph joined into the last sub-item above it keeps its sub-items, under the joined clause', () => {
    const doc = docOf([], [op('Agrees:', sub('first')), op('Decides:', sub('one'), sub('two'))]);
    joinClauses(doc, idOf(doc, 'first'), idOf(doc, 'Decides:'));
    expect(view(doc)).toEqual(['OP1 Agrees:', 'OP1(a) firstDecides:', 'OP1(a)(i) one', 'OP1(a)(ii) two']);
  });

  it('KEY2: refused when the kept sub-items would nest deeper than allowed', () => {
    const doc = docOf([], [op('Agrees:', sub('first', sub('deep'))), op('Decides:', sub('one', sub('deeper')))]);
    expect(joinRefusal(doc, idOf(doc, 'deep'), idOf(doc, 'Decides:'))).toBe('depth');
    const before = view(doc);
    expect(joinClauses(doc, idOf(doc, 'deep'), idOf(doc, 'Decides:'))).toEqual({ joined: false, why: 'depth' });
    expect(view(doc)).toEqual(before);
  });

  it('KEY3: a preambular and an operative paragraph are never joined', () => {
    const doc = docOf(['Noting,'], [op('Decides;')]);
    expect(joinClauses(doc, idOf(doc, 'Noting,'), idOf(doc, 'Decides;'))).toEqual({ joined: false, why: 'kind' });
    expect(view(doc)).toEqual(['PP1 Noting,', 'OP1 Decides;']);
  });

  it('KEY3: only a clause and the one right before it in reading order are joined', () => {
    const doc = docOf([], [op('One;'), op('Two;'), op('Three.')]);
    expect(joinRefusal(doc, idOf(doc, 'One;'), idOf(doc, 'Three.'))).toBe('not-adjacent');
    expect(joinRefusal(doc, idOf(doc, 'Two;'), idOf(doc, 'One;'))).toBe('not-adjacent');
  });

  it('KEY3: refused when the joined text would be longer than a clause may be', () => {
    const doc = docOf([], [op('a'.repeat(MAX_CLAUSE_CHARS - 3)), op('four')]);
    expect(joinRefusal(doc, idOf(doc, 'a'.repeat(MAX_CLAUSE_CHARS - 3)), idOf(doc, 'four'))).toBe('too-long');
  });

  it('KEY1: the join is one transaction: one undo step brings both clauses back as they were', () => {
    const doc = docOf([], [op('Agrees:', sub('first', sub('deep one')), sub('second')), op('Closes.')]);
    const before = view(doc);
    const undo = new Y.UndoManager(clausesMap(doc), { trackedOrigins: new Set(['join']) });
    joinClauses(doc, idOf(doc, 'Agrees:'), idOf(doc, 'first'), 'join');
    expect(undo.undoStack).toHaveLength(1);
    undo.undo();
    expect(view(doc)).toEqual(before);
  });
});
