import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../declarationSeed.ts';
import { numberClauses } from '../numbering.ts';
import { buildOutline, flattenOutline } from '../outline.ts';
import { plain, toPlainText } from '../richText.ts';
import { clausesMap } from './clauseEntry.ts';
import { insertClauses } from './clauseOps.ts';
import { CLAUSE_FIELD } from './names.ts';
import { readDeclaration } from './readDeclaration.ts';
import { writeSeed } from './writeSeed.ts';

/** A declaration with a preambular and two operative paragraphs, and entries a broken client left behind. */
function damaged(): Y.Doc {
  const doc = new Y.Doc();
  writeSeed(doc, { ...emptySeed(plain('Damaged')), preamble: [plain('Recalling,')], operative: [{ body: plain('First;') }, { body: plain('Second.') }] });
  const first = readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === 'First;')!.id;
  clausesMap(doc).get(first)!.set(CLAUSE_FIELD.order, 'not a key!');
  const preamble = readDeclaration(doc).clauses.find((c) => c.kind === 'preamble')!.id;
  clausesMap(doc).get(preamble)!.set(CLAUSE_FIELD.kind, 'recital');
  return doc;
}

describe('readers never hide text', () => {
  it('OUT2: a clause whose order key or kind cannot be read is shown at the end of the operative part, numbered, with its text', () => {
    const doc = damaged();
    const outline = buildOutline(readDeclaration(doc).clauses);
    const inOrder = flattenOutline(outline).map((n) => toPlainText(n.clause.body));
    // The readable one keeps its place; the two unreadable ones follow it (between themselves, by id).
    expect(inOrder[0]).toBe('Second.');
    expect(new Set(inOrder)).toEqual(new Set(['Second.', 'First;', 'Recalling,']));
    expect(outline.preamble).toHaveLength(0);
    const numbers = numberClauses(outline);
    expect([...numbers.values()].map((n) => n.label)).toEqual(['OP1', 'OP2', 'OP3']);
  });

  it('OUT2: inserting after a clause shown at the end puts the new clause after it, not in the middle', () => {
    const doc = damaged();
    const unplaced = readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === 'First;')!.id;
    const second = readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === 'Second.')!.id;
    const [created] = insertClauses(doc, { id: second, side: 'after' }, [plain('Third;')]);
    expect(created).toBeDefined();
    expect(() => insertClauses(doc, { id: unplaced, side: 'after' }, [plain('After the unplaced;')])).not.toThrow();
    const texts = flattenOutline(buildOutline(readDeclaration(doc).clauses)).map((n) => toPlainText(n.clause.body));
    expect(texts.indexOf('Third;')).toBe(1);
    expect(texts).toContain('After the unplaced;');
  });
});
