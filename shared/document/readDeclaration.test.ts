import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../declarationSeed.ts';
import { numberClauses } from '../numbering.ts';
import { buildOutline, flattenOutline } from '../outline.ts';
import { plain, toPlainText } from '../richText.ts';
import { clausesMap } from './clauseEntry.ts';
import { insertClauses } from './clauseOps.ts';
import { CLAUSE_FIELD, FOOTNOTE_FIELD, ROOT } from './names.ts';
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

  it('HEAD1 FN1: headings and footnotes read back from a seed; a heading that is not text reads as none; a footnote without an order key is skipped', () => {
    const doc = new Y.Doc();
    writeSeed(doc, {
      ...emptySeed(plain('Headed')),
      closing: plain('Done at Lima.'),
      preamble: [plain('Recalling,')],
      preambleHeadings: ['I. Context'],
      operative: [{ body: [{ text: 'Act' }, { text: '1', footnote: 'fnB' }, { text: ';' }], heading: 'A. Health' }, { body: plain('Welcome.') }],
      footnotes: [
        { id: 'fnA', marker: '*', body: plain('First.') },
        { id: 'fnB', marker: '1', body: plain('Second.') },
      ],
    });
    const read = readDeclaration(doc);
    expect(toPlainText(read.meta.closing)).toBe('Done at Lima.');
    expect(read.clauses.map((c) => [toPlainText(c.body), c.heading ?? null]).sort()).toEqual([
      ['Act1;', 'A. Health'],
      ['Recalling,', 'I. Context'],
      ['Welcome.', null],
    ]);
    expect(read.clauses.find((c) => c.heading === 'A. Health')!.body).toEqual([{ text: 'Act' }, { text: '1', footnote: 'fnB' }, { text: ';' }]);
    expect(read.footnotes!.map((f) => [f.id, f.marker, toPlainText(f.body)])).toEqual([
      ['fnA', '*', 'First.'],
      ['fnB', '1', 'Second.'],
    ]);
    const welcome = read.clauses.find((c) => toPlainText(c.body) === 'Welcome.')!.id;
    clausesMap(doc).get(welcome)!.set(CLAUSE_FIELD.heading, new Y.XmlText('x'));
    doc.getMap<Y.Map<unknown>>(ROOT.footnotes).get('fnA')!.set(FOOTNOTE_FIELD.order, 'not a key!');
    const again = readDeclaration(doc);
    expect(again.clauses.find((c) => c.id === welcome)!.heading).toBeUndefined();
    expect(again.footnotes!.map((f) => f.id)).toEqual(['fnB']);
    expect(readDeclaration(new Y.Doc()).footnotes).toBeUndefined();
  });
});

