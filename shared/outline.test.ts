import { describe, expect, it } from 'vitest';
import type { ClauseKind } from './clauseKind.ts';
import type { Clause } from './declaration.ts';
import { numberClauses } from './numbering.ts';
import { buildOutline, flattenOutline, siblingsOf } from './outline.ts';
import { plain, toPlainText } from './richText.ts';

/** A clause whose text is its id, so that what is shown reads as what was built. */
function clause(kind: ClauseKind, id: string, order: string, parent: string | null = null): Clause {
  return { id, kind, parent, order, body: plain(id) };
}

/** The outline as "label text" lines, in reading order. */
function view(clauses: Clause[]): string[] {
  const outline = buildOutline(clauses);
  const numbers = numberClauses(outline);
  return flattenOutline(outline).map((n) => `${numbers.get(n.clause.id)!.label} ${toPlainText(n.clause.body)}`);
}

function expectEveryClauseOnce(clauses: Clause[]): void {
  const ids = flattenOutline(buildOutline(clauses)).map((n) => n.clause.id);
  expect([...ids].sort()).toEqual(clauses.map((c) => c.id).sort());
}

describe('outline', () => {
  it('OUT1: arranges preamble then operative paragraphs with their sub-items, whatever order the clauses come in', () => {
    const clauses = [
      clause('operative', 'op2', 'W'),
      clause('operative', 'op1-b', 'W', 'op1'),
      clause('preamble', 'pp2', 'W'),
      clause('operative', 'op1', 'V'),
      clause('operative', 'op1-a', 'V', 'op1'),
      clause('operative', 'op1-a-i', 'V', 'op1-a'),
      clause('preamble', 'pp1', 'V'),
    ];
    expect(view(clauses)).toEqual(['PP1 pp1', 'PP2 pp2', 'OP1 op1', 'OP1(a) op1-a', 'OP1(a)(i) op1-a-i', 'OP1(b) op1-b', 'OP2 op2']);
    expect(view([...clauses].reverse())).toEqual(view(clauses));
    const depths = flattenOutline(buildOutline(clauses)).map((n) => n.depth);
    expect(depths).toEqual([0, 0, 0, 1, 2, 1, 0]);
  });

  it('OUT1: a sub-item whose parent is missing is shown as an operative paragraph of its own', () => {
    const clauses = [clause('operative', 'op1', 'V'), clause('operative', 'orphan', 'W', 'deleted-elsewhere'), clause('operative', 'op3', 'X')];
    expect(view(clauses)).toEqual(['OP1 op1', 'OP2 orphan', 'OP3 op3']);
    expectEveryClauseOnce(clauses);
  });

  it('OUT1: a sub-item whose parent is a preambular paragraph is shown as an operative paragraph', () => {
    const clauses = [clause('preamble', 'pp1', 'V'), clause('operative', 'under-pp', 'V', 'pp1'), clause('operative', 'op2', 'W')];
    expect(view(clauses)).toEqual(['PP1 pp1', 'OP1 under-pp', 'OP2 op2']);
    expectEveryClauseOnce(clauses);
  });

  it('OUT1: a preambular paragraph with a parent stays a preambular paragraph; its would-be sub-items are shown too', () => {
    const clauses = [clause('operative', 'op1', 'V'), clause('preamble', 'pp-with-parent', 'V', 'op1'), clause('operative', 'op1-a', 'V', 'op1')];
    expect(view(clauses)).toEqual(['PP1 pp-with-parent', 'OP1 op1', 'OP1(a) op1-a']);
    expectEveryClauseOnce(clauses);
  });

  it('OUT1: a clause that is its own parent is shown', () => {
    const clauses = [clause('operative', 'self', 'V', 'self')];
    expect(view(clauses)).toEqual(['OP1 self']);
  });

  it('OUT1: two clauses made each other\'s parent are both shown, once each', () => {
    const clauses = [clause('operative', 'b', 'W', 'a'), clause('operative', 'a', 'V', 'b'), clause('operative', 'c', 'X')];
    expectEveryClauseOnce(clauses);
    // The cycle is cut at its smallest id: a becomes a paragraph and b its sub-item.
    expect(view(clauses)).toEqual(['OP1 a', 'OP1(a) b', 'OP2 c']);
  });

  it('OUT1: a 3-cycle with a sub-item hanging off it shows every clause exactly once', () => {
    const clauses = [
      clause('operative', 'x', 'V', 'z'),
      clause('operative', 'y', 'W', 'x'),
      clause('operative', 'z', 'X', 'y'),
      clause('operative', 'tail', 'Y', 'y'),
      clause('operative', 'plain', 'Z'),
    ];
    expectEveryClauseOnce(clauses);
    const lines = view(clauses);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('OP1 x');
    expect(lines).toContain('OP2 plain');
  });

  it('OUT1: many random parent links, cycles included, never hide or duplicate a clause', () => {
    let state = 12345;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    for (let round = 0; round < 200; round++) {
      const count = 1 + Math.floor(random() * 12);
      const ids = Array.from({ length: count }, (_, i) => `c${i}`);
      const clauses = ids.map((id) => {
        const roll = random();
        const parent = roll < 0.6 ? ids[Math.floor(random() * count)]! : roll < 0.7 ? 'missing' : null;
        return clause(random() < 0.15 ? 'preamble' : 'operative', id, random() < 0.3 ? 'V' : 'W', parent);
      });
      expectEveryClauseOnce(clauses);
    }
  });

  it('OUT1: clauses with the same order key are shown in id order, on every replica alike', () => {
    const clauses = [clause('operative', 'b', 'V'), clause('operative', 'a', 'V'), clause('operative', 'c', 'V')];
    expect(view(clauses)).toEqual(['OP1 a', 'OP2 b', 'OP3 c']);
    expect(view([clauses[2]!, clauses[0]!, clauses[1]!])).toEqual(['OP1 a', 'OP2 b', 'OP3 c']);
  });

  it('OUT1: siblingsOf finds a clause\'s siblings at any depth, and null for an unknown id', () => {
    const outline = buildOutline([
      clause('preamble', 'pp1', 'V'),
      clause('operative', 'op1', 'V'),
      clause('operative', 'a', 'V', 'op1'),
      clause('operative', 'b', 'W', 'op1'),
      clause('operative', 'i', 'V', 'b'),
    ]);
    expect(siblingsOf(outline, 'pp1')!.map((n) => n.clause.id)).toEqual(['pp1']);
    expect(siblingsOf(outline, 'b')!.map((n) => n.clause.id)).toEqual(['a', 'b']);
    expect(siblingsOf(outline, 'i')!.map((n) => n.clause.id)).toEqual(['i']);
    expect(siblingsOf(outline, 'nope')).toBeNull();
  });
});
