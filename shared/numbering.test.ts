import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLAUSE_KINDS, type ClauseKind } from './clauseKind.ts';
import type { Clause } from './declaration.ts';
import { CLAUSE_FIELD, ROOT } from './document/names.ts';
import { readDeclaration } from './document/readDeclaration.ts';
import { writeSeed } from './document/writeSeed.ts';
import { buenosAires2023 } from './fixtures/buenosAires2023.ts';
import { letter, numberClauses, roman } from './numbering.ts';
import { isOrderKey, keysBetween } from './orderKey.ts';
import { buildOutline, flattenOutline } from './outline.ts';
import { plain } from './richText.ts';

function clause(kind: ClauseKind, id: string, order: string, parent: string | null = null): Clause {
  return { id, kind, parent, order, body: plain(id) };
}

/** [label, marker] for each clause in reading order. */
function numbered(clauses: Clause[]): [string, string, string][] {
  const outline = buildOutline(clauses);
  const numbers = numberClauses(outline);
  return flattenOutline(outline).map((n) => [n.clause.id, numbers.get(n.clause.id)!.label, numbers.get(n.clause.id)!.marker]);
}

describe('numbering', () => {
  it('NUM1: preambular paragraphs are PP1…PPn in order, with no printed number', () => {
    const clauses = ['X', 'V', 'Z', 'W'].map((order, i) => clause('preamble', `pp-${order}-${i}`, order));
    expect(numbered(clauses)).toEqual([
      ['pp-V-1', 'PP1', ''],
      ['pp-W-3', 'PP2', ''],
      ['pp-X-0', 'PP3', ''],
      ['pp-Z-2', 'PP4', ''],
    ]);
  });

  it('NUM1, NUM2: preambular and operative paragraphs are counted apart', () => {
    const clauses = [clause('preamble', 'pp1', 'V'), clause('operative', 'op1', 'U'), clause('preamble', 'pp2', 'W'), clause('operative', 'op2', 'X')];
    expect(numbered(clauses)).toEqual([
      ['pp1', 'PP1', ''],
      ['pp2', 'PP2', ''],
      ['op1', 'OP1', '1.'],
      ['op2', 'OP2', '2.'],
    ]);
  });

  it('NUM2: operative paragraphs are 1…n, sub-items a), b)…, second-level sub-items i), ii)…', () => {
    const ops = Array.from({ length: 12 }, (_, i) => clause('operative', `op${i + 1}`, `V${String.fromCharCode(65 + i)}`));
    const subs = ['a', 'b', 'c', 'd'].map((x, i) => clause('operative', `op12-${x}`, `V${i + 1}`, 'op12'));
    const subsubs = ['i', 'ii', 'iii'].map((x, i) => clause('operative', `op12-a-${x}`, `V${i + 1}`, 'op12-a'));
    const result = numbered([...subsubs, ...subs, ...ops]);
    expect(result.slice(0, 12).map(([, label, marker]) => [label, marker])).toEqual(
      Array.from({ length: 12 }, (_, i) => [`OP${i + 1}`, `${i + 1}.`]),
    );
    expect(result.slice(11)).toEqual([
      ['op12', 'OP12', '12.'],
      ['op12-a', 'OP12(a)', 'a)'],
      ['op12-a-i', 'OP12(a)(i)', 'i)'],
      ['op12-a-ii', 'OP12(a)(ii)', 'ii)'],
      ['op12-a-iii', 'OP12(a)(iii)', 'iii)'],
      ['op12-b', 'OP12(b)', 'b)'],
      ['op12-c', 'OP12(c)', 'c)'],
      ['op12-d', 'OP12(d)', 'd)'],
    ]);
  });

  it('NUM2: numbers follow a move: they are derived from order, not kept', () => {
    const clauses = [clause('operative', 'first', 'V'), clause('operative', 'second', 'W')];
    expect(numbered(clauses).map(([id, label]) => `${label} ${id}`)).toEqual(['OP1 first', 'OP2 second']);
    clauses[0] = { ...clauses[0]!, order: 'X' };
    expect(numbered(clauses).map(([id, label]) => `${label} ${id}`)).toEqual(['OP1 second', 'OP2 first']);
  });

  it('NUM2: letters go a … z, then aa, ab …', () => {
    expect(Array.from({ length: 26 }, (_, i) => letter(i)).join('')).toBe('abcdefghijklmnopqrstuvwxyz');
    expect(letter(26)).toBe('aa');
    expect(letter(27)).toBe('ab');
    expect(letter(51)).toBe('az');
    expect(letter(52)).toBe('ba');
    expect(letter(26 + 26 * 26)).toBe('aaa');
  });

  it('NUM2: roman numerals go i, ii, iii, iv … xiv and on', () => {
    expect(Array.from({ length: 14 }, (_, i) => roman(i))).toEqual([
      'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv',
    ]);
    expect(roman(18)).toBe('xix');
    expect(roman(39)).toBe('xl');
    expect(roman(48)).toBe('xlix');
    expect(roman(1999)).toBe('mm');
  });

  it('NUM2: a 27th sub-item is aa)', () => {
    const keys = keysBetween(null, null, 27);
    const subs = keys.map((key, i) => clause('operative', `s${i}`, key, 'op'));
    const result = numbered([clause('operative', 'op', 'V'), ...subs.reverse()]);
    expect(result.slice(1).map(([id]) => id)).toEqual(keys.map((_, i) => `s${i}`));
    expect(result[26]).toEqual(['s25', 'OP1(z)', 'z)']);
    expect(result[27]).toEqual(['s26', 'OP1(aa)', 'aa)']);
  });

  it('NUM3: numbers are never stored: the demo document holds only kind, parent, order and body per clause', () => {
    const doc = new Y.Doc();
    writeSeed(doc, buenosAires2023);
    const clauses = doc.getMap<Y.Map<unknown>>(ROOT.clauses);
    expect(clauses.size).toBe(13 + 12 + 4);
    const allowed = new Set<string>(Object.values(CLAUSE_FIELD));
    const numberLike = /^(PP|OP)\d|^\d+\.$|^[a-z]{1,3}\)$|^\(?[ivxlc]+\)$/;
    clauses.forEach((entry) => {
      for (const field of entry.keys()) expect(allowed.has(field), `field ${field}`).toBe(true);
      expect(CLAUSE_KINDS).toContain(entry.get(CLAUSE_FIELD.kind));
      const order = entry.get(CLAUSE_FIELD.order);
      expect(isOrderKey(order)).toBe(true);
      expect(order).not.toMatch(numberLike);
      // A parent is a reference to another clause, not a number.
      if (entry.has(CLAUSE_FIELD.parent)) expect(clauses.has(entry.get(CLAUSE_FIELD.parent) as string)).toBe(true);
      expect(entry.get(CLAUSE_FIELD.body)).toBeInstanceOf(Y.XmlFragment);
    });
    // And the text itself starts with no printed number.
    const declaration = readDeclaration(doc);
    for (const c of declaration.clauses) expect(c.body[0]!.text).not.toMatch(/^\s*(\d+\.|[a-z]\)|\(?[ivx]+\))\s/);
    // The numbers come out of the outline instead.
    const numbers = numberClauses(buildOutline(declaration.clauses));
    const labels = [...numbers.values()].map((n) => n.label);
    expect(labels).toContain('PP13');
    expect(labels).toContain('OP12');
    expect(labels).toContain('OP12(d)');
    expect(labels).not.toContain('PP14');
    expect(labels).not.toContain('OP13');
  });
});
