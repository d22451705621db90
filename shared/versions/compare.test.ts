import { describe, expect, it } from 'vitest';
import type { ClauseStatus } from '../clauseStatus.ts';
import { META_FIELDS, type Clause, type Declaration } from '../declaration.ts';
import { keyBetween } from '../orderKey.ts';
import { buildOutline, flattenOutline } from '../outline.ts';
import { tokenize, tokensToRuns } from '../proposals/wordDiff.ts';
import { plain, type RichText } from '../richText.ts';
import { seededRandom } from '../seededRandom.ts';
import { applyComparison, comparisonBaseText } from './applyComparison.ts';
import { commonOrder, compareDeclarations, type ComparedSide } from './compare.ts';

/**
 * The clause-aligned comparison (docs/SPEC.md CMP1, CMP2): examples that
 * say what a reader sees, and a property over random sequences of edits,
 * inserts, deletions and moves — applying the comparison gives the target,
 * its redlines come from the base's words, and each clause is reported as
 * what happened to it.
 */
const WORDS = ['the', 'States', 'shall', 'should', 'cooperate', 'on', 'trade', 'science', 'voluntary', 'contributions', 'regional', 'fund', 'decide', 'and', 'of', ',', ';'];

function side(clauses: Clause[], statuses: Record<string, ClauseStatus> = {}, meta: Partial<Declaration['meta']> = {}): ComparedSide {
  const heading = Object.fromEntries(META_FIELDS.map((field) => [field, field === 'title' ? plain('Declaration of Buenos Aires') : []])) as Declaration['meta'];
  return { declaration: { meta: { ...heading, ...meta }, clauses, signatories: [] }, statuses, frozen: null };
}

const op = (id: string, order: string, text: string, parent: string | null = null): Clause => ({ id, kind: 'operative', parent, order, body: plain(text) });
const pp = (id: string, order: string, text: string): Clause => ({ id, kind: 'preamble', parent: null, order, body: plain(text) });
const agreed = (by = 'Argentina'): ClauseStatus => ({ state: 'agreed', by, at: 1 });

/** A body as the redline reads it: the same words with the same italics and bold. */
const normal = (body: RichText) => tokensToRuns(tokenize(body));
/** A declaration's clauses as they read: in reading order, with kind, parent where it counts, and words. */
const reading = (declaration: Declaration) =>
  flattenOutline(buildOutline(declaration.clauses)).map((n) => ({ id: n.clause.id, kind: n.clause.kind, depth: n.depth, parent: n.depth === 0 ? null : n.clause.parent, body: normal(n.clause.body) }));

describe('CMP1 CMP2: the comparison aligned by clause', () => {
  it('CMP1: an edited clause is a word redline; an added one is all inserted; a deleted one all deleted and kept where it stood; labels on each side', () => {
    const base = side([pp('p1', 'a0', 'Recalling the first,'), op('o1', 'a0', 'The States shall cooperate;'), op('o2', 'a1', 'Old paragraph;'), op('o3', 'a2', 'Last.')]);
    const target = side([pp('p1', 'a0', 'Recalling the first,'), op('o1', 'a0', 'The States should cooperate;'), op('o3', 'a2', 'Last.'), op('o4', 'a3', 'New paragraph.')]);
    const comparison = compareDeclarations(base, target);
    expect(comparison.clauses.map((c) => [c.id, c.fromLabel, c.toLabel, c.added, c.deleted, c.moved, c.changed])).toEqual([
      ['p1', 'PP1', 'PP1', false, false, false, false],
      ['o1', 'OP1', 'OP1', false, false, false, true],
      ['o2', 'OP2', null, false, true, false, true],
      ['o3', 'OP3', 'OP2', false, false, false, false],
      ['o4', null, 'OP3', true, false, false, true],
    ]);
    expect(comparison.clauses[1]!.redline).toEqual([
      { op: 'equal', runs: plain('The States ') },
      { op: 'delete', runs: plain('shall') },
      { op: 'insert', runs: plain('should') },
      { op: 'equal', runs: plain(' cooperate;') },
    ]);
    expect(comparison.clauses[2]!.redline).toEqual([{ op: 'delete', runs: plain('Old paragraph;') }]);
    expect(comparison.summary).toMatchObject({ added: ['OP3'], deleted: ['OP2'], moved: [], changed: 1 });
  });

  it('CMP1: a moved clause is moved — one clause, its words compared — never a deletion plus an insertion; a sub-item outdented is moved too', () => {
    const base = side([op('o1', 'a0', 'First;'), op('o2', 'a1', 'Second;'), op('o3', 'a2', 'Third;'), op('s1', 'a0', 'a sub-item;', 'o3')]);
    const target = side([op('o3', 'Zz', 'Third, amended;'), op('o1', 'a0', 'First;'), op('o2', 'a1', 'Second;'), op('s1', 'a3', 'a sub-item;')]);
    const comparison = compareDeclarations(base, target);
    expect(comparison.clauses.map((c) => [c.id, c.added, c.deleted, c.moved, c.changed])).toEqual([
      ['o3', false, false, true, true],
      ['o1', false, false, false, false],
      ['o2', false, false, false, false],
      ['s1', false, false, true, false],
    ]);
    expect(comparison.summary).toMatchObject({ added: [], deleted: [], moved: ['OP1', 'OP4'], changed: 1 });
  });

  it('CMP1: the heading is compared field by field, and signatories added, deleted and changed are listed', () => {
    const base = side([], {}, { title: plain('Declaration of Lima'), formula: plain('Declare:') });
    const target = side([], {}, { title: plain('Declaration of Buenos Aires'), formula: plain('Declare:') });
    base.declaration.signatories = [
      { id: 's1', order: 'a0', name: 'Ana', title: 'Minister', state: 'Chile' },
      { id: 's2', order: 'a1', name: 'Luis', title: 'Minister', state: 'Peru' },
    ];
    target.declaration.signatories = [
      { id: 's1', order: 'a0', name: 'Ana', title: 'Minister of Science', state: 'Chile' },
      { id: 's3', order: 'a2', name: 'Eva', title: 'Minister', state: 'Cuba' },
    ];
    const comparison = compareDeclarations(base, target);
    expect(comparison.summary.meta).toEqual(['title']);
    expect(comparison.meta.find((m) => m.field === 'title')!.redline).toEqual([
      { op: 'equal', runs: plain('Declaration of ') },
      { op: 'delete', runs: plain('Lima') },
      { op: 'insert', runs: plain('Buenos Aires') },
    ]);
    expect(comparison.signatories.map((s) => [s.id, s.added, s.deleted, s.changed])).toEqual([
      ['s1', false, false, true],
      ['s3', true, false, true],
      ['s2', false, true, true],
    ]);
    expect(comparison.summary.signatories).toBe(3);
  });

  it('CMP6: the closing line, clause headings and footnotes are compared; applying the comparison gives them back; a base saved before the closing line existed compares as empty', () => {
    const base = side([{ ...op('a', 'a0', 'Act now;'), heading: 'A. Health' }, op('b', 'a1', 'Welcome the report;'), { ...op('c', 'a2', 'Gone;'), heading: 'C. Gone' }]);
    delete (base.declaration.meta as Partial<Declaration['meta']>).closing;
    base.declaration.footnotes = [
      { id: 'f1', order: 'a0', marker: '1', body: plain('See A/1.') },
      { id: 'f2', order: 'a1', marker: '2', body: plain('Deleted note.') },
    ];
    const target = side([{ ...op('a', 'a0', 'Act now;'), heading: 'A. Health and care' }, { ...op('b', 'a1', 'Welcome the report;'), heading: 'B. Reports' }], {}, { closing: plain('Done at Lima.') });
    target.declaration.footnotes = [
      { id: 'f1', order: 'a0', marker: '1', body: plain('See A/2.') },
      { id: 'f3', order: 'a2', marker: '*', body: plain('New note.') },
    ];
    const comparison = compareDeclarations(base, target);
    expect(comparison.summary.meta).toEqual(['closing']);
    expect(comparison.meta.find((m) => m.field === 'closing')!.redline).toEqual([{ op: 'insert', runs: plain('Done at Lima.') }]);
    expect(comparison.clauses.map((c) => [c.id, c.heading ?? null])).toEqual([
      ['a', { from: 'A. Health', to: 'A. Health and care' }],
      ['b', { from: '', to: 'B. Reports' }],
      ['c', { from: 'C. Gone', to: '' }],
    ]);
    expect(comparison.summary.headings).toEqual(['OP1', 'OP2', 'OP3']);
    expect(comparison.footnotes.map((f) => [f.id, f.added, f.deleted, f.changed, f.marker])).toEqual([
      ['f1', false, false, true, { from: '1', to: '1' }],
      ['f3', true, false, true, { from: '', to: '*' }],
      ['f2', false, true, true, { from: '2', to: '' }],
    ]);
    expect(comparison.summary.footnotes).toBe(3);
    const rebuilt = applyComparison(comparison);
    expect(rebuilt.meta.closing).toEqual(plain('Done at Lima.'));
    expect(rebuilt.clauses.map((c) => [c.id, c.heading ?? null])).toEqual([
      ['a', 'A. Health and care'],
      ['b', 'B. Reports'],
    ]);
    expect(rebuilt.footnotes!.map((f) => [f.id, f.marker, normal(f.body)])).toEqual([
      ['f1', '1', normal(plain('See A/2.'))],
      ['f3', '*', normal(plain('New note.'))],
    ]);
    expect(compareDeclarations(target, target).summary).toMatchObject({ meta: [], headings: [], footnotes: 0 });
  });

  it('CMP2: status changes are listed with their clause and counted (an added clause counts from open)', () => {
    const base = side([op('o1', 'a0', 'One;'), op('o2', 'a1', 'Two;')], { o2: agreed() });
    const target = side([op('o1', 'a0', 'One;'), op('o2', 'a1', 'Two;'), op('o3', 'a2', 'Three.')], { o1: agreed(), o3: agreed(), o2: { state: 'open', by: 'Argentina', at: 2, reason: 'Peru asked.' } });
    const comparison = compareDeclarations(base, target);
    expect(comparison.clauses.map((c) => c.status)).toEqual([
      { from: 'open', to: 'agreed' },
      { from: 'agreed', to: 'open' },
      { from: 'open', to: 'agreed' },
    ]);
    expect(comparison.summary.statuses).toEqual({ open: 1, 'ad-ref': 0, agreed: 2 });
  });

  it('CMP1: commonOrder keeps the longest run of ids in the same order', () => {
    expect([...commonOrder(['a', 'b', 'c', 'd'], ['d', 'a', 'b', 'c'])].sort()).toEqual(['a', 'b', 'c']);
    expect([...commonOrder(['a', 'b', 'c'], ['a', 'b', 'c'])].sort()).toEqual(['a', 'b', 'c']);
    expect([...commonOrder([], [])]).toEqual([]);
  });

  it('CMP1 (property): over random sequences of edits, inserts, deletions and moves, applying the comparison gives the target and each redline comes from the base', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      const sentence = () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(WORDS)).join(' ');
      const body = (): RichText => (random() < 0.2 ? [{ text: sentence() + ' ', italic: true }, { text: sentence() }] : plain(sentence()));
      let next = 0;
      const fresh = () => `c${seed}_${next++}`;
      const orderAfter = (clauses: Clause[]) => keyBetween(clauses.length === 0 ? null : [...clauses].map((c) => c.order).sort().at(-1)!, null, random);

      const base: Clause[] = [];
      for (let i = 0; i < 1 + Math.floor(random() * 8); i++) {
        const kind = random() < 0.3 ? 'preamble' : 'operative';
        const parent = kind === 'operative' && random() < 0.3 ? (base.filter((c) => c.kind === 'operative' && c.parent === null).at(-1)?.id ?? null) : null;
        base.push({ id: fresh(), kind, parent, order: orderAfter(base), body: body() });
      }
      let target = base.map((c) => ({ ...c }));
      const expected = { added: new Set<string>(), deleted: new Set<string>() };
      for (let step = 0; step < 1 + Math.floor(random() * 10); step++) {
        const choice = random();
        if (choice < 0.35 && target.length > 0) {
          const c = pick(target);
          c.body = random() < 0.5 ? body() : [...c.body, { text: ' ' + sentence() }];
        } else if (choice < 0.55) {
          const clause: Clause = { id: fresh(), kind: random() < 0.3 ? 'preamble' : 'operative', parent: null, order: keyBetween(null, null, random), body: body() };
          target.push(clause);
          expected.added.add(clause.id);
        } else if (choice < 0.75 && target.length > 0) {
          const gone = pick(target);
          target = target.filter((c) => c !== gone);
          if (expected.added.has(gone.id)) expected.added.delete(gone.id);
          else expected.deleted.add(gone.id);
        } else if (target.length > 0) {
          const moved = pick(target);
          moved.order = keyBetween(null, null, random);
          if (random() < 0.3) moved.parent = null;
        }
      }
      const statuses = Object.fromEntries(target.filter(() => random() < 0.3).map((c) => [c.id, agreed()]));
      const from = side(base);
      const to = side(target, statuses);
      const comparison = compareDeclarations(from, to);

      const rebuilt = applyComparison(comparison);
      expect(reading(rebuilt), `seed ${seed}`).toEqual(reading(to.declaration));
      const baseText = comparisonBaseText(comparison);
      for (const clause of base) {
        if (baseText.has(clause.id)) expect(baseText.get(clause.id), `seed ${seed}`).toBe(clause.body.map((r) => r.text).join(''));
      }
      expect(new Set(comparison.clauses.filter((c) => c.added).map((c) => c.id)), `seed ${seed}`).toEqual(expected.added);
      expect(new Set(comparison.clauses.filter((c) => c.deleted).map((c) => c.id)), `seed ${seed}`).toEqual(expected.deleted);
      // Every clause of both sides appears exactly once.
      const ids = comparison.clauses.map((c) => c.id);
      expect(new Set(ids).size, `seed ${seed}`).toBe(ids.length);
      expect(new Set(ids), `seed ${seed}`).toEqual(new Set([...base, ...target].map((c) => c.id)));
      // A clause whose place never changed is never reported moved.
      for (const row of comparison.clauses.filter((c) => c.moved)) expect(row.added || row.deleted, `seed ${seed}`).toBe(false);
    }
  });
});
