import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLAUSE_KINDS, type ClauseKind } from './clauseKind.ts';
import type { Clause } from './declaration.ts';
import { CLAUSE_FIELD, ROOT } from './document/names.ts';
import { readDeclaration } from './document/readDeclaration.ts';
import { writeSeed } from './document/writeSeed.ts';
import { buenosAires2023 } from './fixtures/buenosAires2023.ts';
import { deleteClause, indentClause, insertClauses, moveClause, outdentClause, readClauses } from './document/clauseOps.ts';
import { deletedNumbers, letter, numberClauses, numbersToFreeze, ownText, parseOwnNumber, roman, typedNumbersToFreeze } from './numbering.ts';
import { isOrderKey, keysBetween } from './orderKey.ts';
import { buildOutline, flattenOutline } from './outline.ts';
import { plain } from './richText.ts';
import type { FrozenNumbering } from './workingNumbers.ts';

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

/**
 * Working numbers once the chair has frozen them (WN1–WN5), on the demo
 * declaration (PP1–PP13, OP1–OP12, OP12(a)–(d)) in a real Y.Doc edited with
 * the same clause operations the editor uses.
 */
describe('working numbers', () => {
  const demo = () => {
    const doc = new Y.Doc();
    writeSeed(doc, buenosAires2023);
    return doc;
  };
  const outlineOf = (doc: Y.Doc) => buildOutline(readClauses(doc));
  /** What the chair's freeze stores: anew, or (`keep`) keeping the working numbers. */
  const freeze = (doc: Y.Doc, keep: FrozenNumbering | null = null): FrozenNumbering => ({ at: 1, by: 'Argentina', numbers: numbersToFreeze(outlineOf(doc), keep) });
  /** Label → clause id, as the numbers read now. */
  const ids = (doc: Y.Doc, frozen: FrozenNumbering | null = null) => new Map([...numberClauses(outlineOf(doc), frozen)].map(([id, n]) => [n.label, id]));
  const id = (doc: Y.Doc, label: string, frozen: FrozenNumbering | null = null) => {
    const found = ids(doc, frozen).get(label);
    if (found === undefined) throw new Error(`No ${label}`);
    return found;
  };
  /** Labels in reading order. */
  const labels = (doc: Y.Doc, frozen: FrozenNumbering | null) => {
    const outline = outlineOf(doc);
    const numbers = numberClauses(outline, frozen);
    return flattenOutline(outline).map((n) => numbers.get(n.clause.id)!.label);
  };
  const insertAfter = (doc: Y.Doc, anchor: string, text = 'New') => insertClauses(doc, { id: anchor, side: 'after' }, [plain(text)])[0]!;
  const insertBefore = (doc: Y.Doc, anchor: string, text = 'New') => insertClauses(doc, { id: anchor, side: 'before' }, [plain(text)])[0]!;
  const labelOf = (doc: Y.Doc, frozen: FrozenNumbering, clauseId: string) => numberClauses(outlineOf(doc), frozen).get(clauseId)!;

  it('WN1: until frozen, and right after freezing, the numbers are the consecutive ones', () => {
    const doc = demo();
    const before = labels(doc, null);
    expect(labels(doc, freeze(doc))).toEqual(before);
    expect(before.slice(0, 2)).toEqual(['PP1', 'PP2']);
    expect(before.slice(-5)).toEqual(['OP12', 'OP12(a)', 'OP12(b)', 'OP12(c)', 'OP12(d)']);
  });

  it('WN2: after OP7 comes OP7 bis, after it OP7 ter; OP8 stays OP8; the markers read "7 bis." in the printed text', () => {
    const doc = demo();
    const frozen = freeze(doc);
    const bis = insertAfter(doc, id(doc, 'OP7', frozen));
    const ter = insertAfter(doc, bis);
    expect(labelOf(doc, frozen, bis)).toEqual({ label: 'OP7 bis', marker: '7 bis.', own: { n: 7, m: 2 } });
    expect(labelOf(doc, frozen, ter).label).toBe('OP7 ter');
    expect(labels(doc, frozen).filter((l) => l.startsWith('OP') && !l.includes('('))).toEqual([
      'OP1', 'OP2', 'OP3', 'OP4', 'OP5', 'OP6', 'OP7', 'OP7 bis', 'OP7 ter', 'OP8', 'OP9', 'OP10', 'OP11', 'OP12',
    ]);
    // Added clauses take their multipliers in reading order: one put between OP7 and OP7 bis is bis now.
    const between = insertAfter(doc, id(doc, 'OP7', frozen));
    expect([between, bis, ter].map((c) => labelOf(doc, frozen, c).label)).toEqual(['OP7 bis', 'OP7 ter', 'OP7 quater']);
  });

  it('WN2: before the first paragraph comes OP0 bis (PP0 bis in the preamble); a new preambular paragraph after PP3 is PP3 bis', () => {
    const doc = demo();
    const frozen = freeze(doc);
    const op0 = insertBefore(doc, id(doc, 'OP1', frozen));
    const op0ter = insertBefore(doc, id(doc, 'OP1', frozen));
    const pp0 = insertBefore(doc, id(doc, 'PP1', frozen));
    const pp3bis = insertAfter(doc, id(doc, 'PP3', frozen));
    expect(labelOf(doc, frozen, op0)).toEqual({ label: 'OP0 bis', marker: '0 bis.', own: { n: 0, m: 2 } });
    expect(labelOf(doc, frozen, op0ter).label).toBe('OP0 ter');
    expect(labelOf(doc, frozen, pp0).label).toBe('PP0 bis');
    expect(labelOf(doc, frozen, pp3bis)).toEqual({ label: 'PP3 bis', marker: '', own: { n: 3, m: 2 } });
    expect(labels(doc, frozen).slice(0, 6)).toEqual(['PP0 bis', 'PP1', 'PP2', 'PP3', 'PP3 bis', 'PP4']);
  });

  it('WN2: a new sub-item after OP12(a) is OP12(a bis), printed "a bis)"; before the first, OP12(0 bis); a new paragraph\'s sub-items are OP7 bis(a), OP7 bis(b)', () => {
    const doc = demo();
    const frozen = freeze(doc);
    const aBis = insertAfter(doc, id(doc, 'OP12(a)', frozen));
    expect(labelOf(doc, frozen, aBis)).toEqual({ label: 'OP12(a bis)', marker: 'a bis)', own: { n: 1, m: 2 } });
    expect(labelOf(doc, frozen, insertBefore(doc, id(doc, 'OP12(a)', frozen))).label).toBe('OP12(0 bis)');
    expect(labelOf(doc, frozen, id(doc, 'OP12(b)', frozen)).label).toBe('OP12(b)');
    const bis = insertAfter(doc, id(doc, 'OP7', frozen));
    const subs = insertClauses(doc, { kind: 'operative', parent: bis }, [plain('first'), plain('second')]);
    expect(subs.map((s) => labelOf(doc, frozen, s).label)).toEqual(['OP7 bis(a)', 'OP7 bis(b)']);
  });

  it('WN3: a deleted OP5 leaves its number unused and a placeholder "OP5" after OP4; a deleted sub-item too; a deleted paragraph\'s sub-items are not listed', () => {
    const doc = demo();
    const frozen = freeze(doc);
    const op4 = id(doc, 'OP4', frozen);
    const op5 = id(doc, 'OP5', frozen);
    deleteClause(doc, op5);
    expect(labels(doc, frozen).filter((l) => /^OP[4-6]$/.test(l))).toEqual(['OP4', 'OP6']);
    expect(deletedNumbers(outlineOf(doc), frozen)).toEqual([{ id: op5, label: 'OP5', kind: 'operative', parent: null, after: op4 }]);

    const op12 = id(doc, 'OP12', frozen);
    const b = id(doc, 'OP12(b)', frozen);
    deleteClause(doc, b);
    expect(labels(doc, frozen).slice(-4)).toEqual(['OP12', 'OP12(a)', 'OP12(c)', 'OP12(d)']);
    expect(deletedNumbers(outlineOf(doc), frozen)).toContainEqual({ id: b, label: 'OP12(b)', kind: 'operative', parent: op12, after: id(doc, 'OP12(a)', frozen) });

    // The first of a group: no clause before it.
    const op1 = id(doc, 'OP1', frozen);
    deleteClause(doc, op1);
    expect(deletedNumbers(outlineOf(doc), frozen)[0]).toEqual({ id: op1, label: 'OP1', kind: 'operative', parent: null, after: null });

    // The whole of OP12: one placeholder, its sub-items' numbers go with it.
    deleteClause(doc, op12);
    expect(deletedNumbers(outlineOf(doc), frozen).map((d) => d.label)).toEqual(['OP1', 'OP5', 'OP12']);
    expect(deletedNumbers(outlineOf(doc), null)).toEqual([]);
  });

  it('WN4: a paragraph moved within its group keeps its number; indented or outdented it is numbered in its new group as an added clause', () => {
    const doc = demo();
    const frozen = freeze(doc);
    const op3 = id(doc, 'OP3', frozen);
    expect(moveClause(doc, op3, 'down')).toBe(true);
    expect(moveClause(doc, op3, 'down')).toBe(true);
    expect(labels(doc, frozen).filter((l) => /^OP[2-6]$/.test(l))).toEqual(['OP2', 'OP4', 'OP5', 'OP3', 'OP6']);
    expect(deletedNumbers(outlineOf(doc), frozen)).toEqual([]);

    // OP12(d) outdented: a paragraph after OP12, so OP12 bis.
    const d = id(doc, 'OP12(d)', frozen);
    expect(outdentClause(doc, d)).toBe(true);
    expect(labelOf(doc, frozen, d).label).toBe('OP12 bis');
    // OP8 indented under OP7, which had no sub-items: OP7(a); OP9 stays OP9.
    const op8 = id(doc, 'OP8', frozen);
    expect(indentClause(doc, op8)).toBe(true);
    expect(labelOf(doc, frozen, op8).label).toBe('OP7(a)');
    expect(labelOf(doc, frozen, id(doc, 'OP9', frozen)).label).toBe('OP9');
    // Indented under OP12 (after its frozen sub-items): OP12(c bis).
    const op11 = id(doc, 'OP11', frozen);
    const op12 = id(doc, 'OP12', frozen);
    expect(moveClause(doc, op11, 'down')).toBe(true);
    expect(indentClause(doc, op11)).toBe(true);
    expect(numberClauses(outlineOf(doc), frozen).get(op11)?.label).toBe('OP12(c bis)');
    expect(numberClauses(outlineOf(doc), frozen).get(op12)?.label).toBe('OP12');
  });

  it('WN2: two delegations inserting after OP7 at once get OP7 bis and OP7 ter, in the same order on both replicas', () => {
    const chile = demo();
    const peru = new Y.Doc();
    Y.applyUpdate(peru, Y.encodeStateAsUpdate(chile));
    const frozen = freeze(chile);
    const fromChile = insertAfter(chile, id(chile, 'OP7', frozen), 'Chile');
    const fromPeru = insertAfter(peru, id(peru, 'OP7', frozen), 'Peru');
    // Each sees its own as OP7 bis before they hear from each other.
    expect(labelOf(chile, frozen, fromChile).label).toBe('OP7 bis');
    expect(labelOf(peru, frozen, fromPeru).label).toBe('OP7 bis');
    Y.applyUpdate(peru, Y.encodeStateAsUpdate(chile, Y.encodeStateVector(peru)));
    Y.applyUpdate(chile, Y.encodeStateAsUpdate(peru, Y.encodeStateVector(chile)));
    const onChile = [fromChile, fromPeru].map((c) => labelOf(chile, frozen, c).label);
    const onPeru = [fromChile, fromPeru].map((c) => labelOf(peru, frozen, c).label);
    expect(onChile).toEqual(onPeru);
    expect([...onChile].sort()).toEqual(['OP7 bis', 'OP7 ter']);
    expect(labels(chile, frozen)).toEqual(labels(peru, frozen));
    expect(labelOf(chile, frozen, id(chile, 'OP8', frozen)).label).toBe('OP8');
  });

  it('WN1 WN5: freezing again keeps OP7 bis as OP7 bis (and a deleted number unused); renumbering makes them consecutive again', () => {
    const doc = demo();
    const first = freeze(doc);
    const bis = insertAfter(doc, id(doc, 'OP7', first));
    deleteClause(doc, id(doc, 'OP5', first));
    const again = freeze(doc, first);
    expect(labelOf(doc, again, bis).label).toBe('OP7 bis');
    expect(deletedNumbers(outlineOf(doc), again).map((d) => d.label)).toEqual(['OP5']);
    // Frozen again, OP7 bis is kept even when another clause comes between it and OP7.
    const between = insertAfter(doc, id(doc, 'OP7', again));
    expect([between, bis].map((c) => labelOf(doc, again, c).label)).toEqual(['OP7 ter', 'OP7 bis']);

    const renumbered = freeze(doc, null);
    expect(deletedNumbers(outlineOf(doc), renumbered)).toEqual([]);
    const ops = labels(doc, renumbered).filter((l) => l.startsWith('OP') && !l.includes('('));
    expect(ops).toEqual(Array.from({ length: 13 }, (_, i) => `OP${i + 1}`));
    expect([between, bis].map((c) => labelOf(doc, renumbered, c).label)).toEqual(['OP7', 'OP8']);
  });
});

describe('working numbers typed in a draft (SEED1)', () => {
  it('SEED1: parseOwnNumber reads back what ownText writes, at each depth, as drafters type it; anything else is null', () => {
    for (const depth of [0, 1, 2]) {
      for (const own of [{ n: 1, m: 1 }, { n: 7, m: 2 }, { n: 12, m: 3 }, { n: 0, m: 2 }, { n: 27, m: 21 }]) {
        expect(parseOwnNumber(ownText(own, depth), depth)).toEqual(own);
      }
    }
    expect(parseOwnNumber('2bis', 0)).toEqual({ n: 2, m: 2 });
    expect(parseOwnNumber(' 7  TER ', 0)).toEqual({ n: 7, m: 3 });
    expect(parseOwnNumber('vicies semel', 0)).toBeNull();
    for (const [text, depth] of [['a', 0], ['3', 1], ['2 bos', 0], ['0', 0], ['', 0], ['iv', 3], ['2.', 0]] as const) {
      expect(parseOwnNumber(text, depth)).toBeNull();
    }
  });

  it('SEED1: typedNumbersToFreeze keeps each typed number and gives the others the number after the clause before them', () => {
    const clause = (id: string, order: string, parent: string | null = null) => ({ id, kind: 'operative' as const, parent, order, body: [] });
    const outline = buildOutline([
      { id: 'p', kind: 'preamble' as const, parent: null, order: 'a', body: [] },
      clause('one', 'a'),
      clause('oneA', 'a', 'one'),
      clause('oneABis', 'b', 'one'),
      clause('oneBis', 'b'),
      clause('two', 'c'),
    ]);
    const typed: Record<string, string> = { oneABis: 'a bis', oneBis: '1 bis' };
    const numbers = typedNumbersToFreeze(outline, (id) => typed[id]);
    expect(Object.fromEntries(Object.entries(numbers).map(([id, n]) => [id, [n.kind, n.parent, n.n, n.m]]))).toEqual({
      p: ['preamble', null, 1, 1],
      one: ['operative', null, 1, 1],
      oneA: ['operative', 'one', 1, 1],
      oneABis: ['operative', 'one', 1, 2],
      oneBis: ['operative', null, 1, 2],
      two: ['operative', null, 2, 1],
    });
    const labels = [...numberClauses(outline, { at: 1, by: 'Argentina', numbers }).values()].map((n) => n.label);
    expect(labels).toEqual(['PP1', 'OP1', 'OP1(a)', 'OP1(a bis)', 'OP1 bis', 'OP2']);
  });
});
