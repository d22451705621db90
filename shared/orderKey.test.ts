import { describe, expect, it } from 'vitest';
import { compareOrder, isOrderKey, keyBetween, keysBetween, MAX_ORDER_KEY_LENGTH, type Ordered } from './orderKey.ts';
import { seededRandom } from './seededRandom.ts';


const BASE62_NOT_ENDING_IN_0 = /^[0-9A-Za-z]*[1-9A-Za-z]$/;

function expectBetween(before: string | null, after: string | null, key: string): void {
  expect(key).toMatch(BASE62_NOT_ENDING_IN_0);
  expect(isOrderKey(key)).toBe(true);
  if (before !== null) expect(before < key, `${before} < ${key}`).toBe(true);
  if (after !== null) expect(key < after, `${key} < ${after}`).toBe(true);
}

describe('orderKey', () => {
  it('ORD1: thousands of random keyBetween calls, open ends included, land strictly between their neighbours', () => {
    const random = seededRandom(20230911);
    // Hand-picked awkward neighbours: adjacent keys, keys that differ only in length.
    const keys = new Set<string>(['1', '11', '2', 'z', 'zz', 'zzz', 'zzzz', 'A', 'A1', 'A01', '0001', '001', '01', 'V', 'W', 'y', 'yz', 'yzzzzz']);
    let checked = 0;
    for (let i = 0; i < 4000; i++) {
      const sorted = [...keys].sort();
      const roll = random();
      let before: string | null;
      let after: string | null;
      if (roll < 0.1) {
        before = null;
        after = sorted[Math.floor(random() * sorted.length)]!;
      } else if (roll < 0.2) {
        before = sorted[Math.floor(random() * sorted.length)]!;
        after = null;
      } else if (roll < 0.22) {
        before = null;
        after = null;
      } else if (roll < 0.6) {
        // Neighbours in the pool: the tightest gaps.
        const at = Math.floor(random() * (sorted.length - 1));
        before = sorted[at]!;
        after = sorted[at + 1]!;
      } else {
        const x = Math.floor(random() * sorted.length);
        const y = Math.floor(random() * sorted.length);
        if (x === y) continue;
        before = sorted[Math.min(x, y)]!;
        after = sorted[Math.max(x, y)]!;
      }
      const key = keyBetween(before, after, random);
      expectBetween(before, after, key);
      checked++;
      if (keys.size < 600) keys.add(key);
    }
    expect(checked).toBeGreaterThan(3500);
  });

  it('ORD1: adjacent keys and keys differing only in length still have keys between them', () => {
    const random = seededRandom(7);
    const pairs: [string | null, string | null][] = [
      ['1', '11'],
      ['1', '101'],
      ['1', '2'],
      ['z', 'zz'],
      ['zz', 'zzz'],
      ['A', 'A1'],
      ['A01', 'A1'],
      ['0001', '001'],
      [null, '0001'],
      [null, '1'],
      ['zzzz', null],
      ['y', 'yz'],
      [null, null],
    ];
    for (const [before, after] of pairs) {
      for (let i = 0; i < 50; i++) expectBetween(before, after, keyBetween(before, after, random));
    }
  });

  it('ORD1: the same key with Math.random, the default', () => {
    for (let i = 0; i < 200; i++) expectBetween('1', '11', keyBetween('1', '11'));
  });

  it('ORD1: keysBetween gives increasing keys strictly between its bounds', () => {
    const random = seededRandom(99);
    for (const [before, after] of [['1', '11'], [null, null], ['V', 'W'], [null, 'a'], ['zz', null]] as [string | null, string | null][]) {
      const keys = keysBetween(before, after, 25, random);
      expect(keys).toHaveLength(25);
      let previous = before;
      for (const key of keys) {
        expectBetween(previous, after, key);
        previous = key;
      }
    }
    expect(keysBetween('1', '2', 0, random)).toEqual([]);
  });

  it('ORD1: isOrderKey refuses the empty string, a trailing 0, foreign characters and over-long keys', () => {
    expect(isOrderKey('')).toBe(false);
    expect(isOrderKey('10')).toBe(false);
    expect(isOrderKey('0')).toBe(false);
    expect(isOrderKey('a-b')).toBe(false);
    expect(isOrderKey('a b')).toBe(false);
    expect(isOrderKey('é')).toBe(false);
    expect(isOrderKey(12)).toBe(false);
    expect(isOrderKey(null)).toBe(false);
    expect(isOrderKey('1'.repeat(MAX_ORDER_KEY_LENGTH))).toBe(true);
    expect(isOrderKey('1'.repeat(MAX_ORDER_KEY_LENGTH + 1))).toBe(false);
    expect(isOrderKey('01')).toBe(true);
    expect(isOrderKey('aZ9')).toBe(true);
  });

  it('ORD1: keyBetween throws a RangeError unless before < after, and for invalid keys', () => {
    expect(() => keyBetween('b', 'a')).toThrow(RangeError);
    expect(() => keyBetween('a', 'a')).toThrow(RangeError);
    expect(() => keyBetween('11', '1')).toThrow(RangeError);
    expect(() => keyBetween('10', null)).toThrow(RangeError);
    expect(() => keyBetween(null, '')).toThrow(RangeError);
    expect(() => keyBetween('a-b', 'c')).toThrow(RangeError);
    expect(() => keysBetween('b', 'a', 2)).toThrow(RangeError);
  });

  it('ORD2: 500 appends keep every key under 12 characters', () => {
    const random = seededRandom(1);
    let previous: string | null = null;
    let longest = 0;
    for (let i = 0; i < 500; i++) {
      const key = keyBetween(previous, null, random);
      expectBetween(previous, null, key);
      expect(key.length).toBeLessThan(12);
      longest = Math.max(longest, key.length);
      previous = key;
    }
    expect(longest).toBeLessThan(12);
  });

  it('ORD2: 500 clauses typed one after another before a fixed next clause keep every key under 12 characters', () => {
    // Enter, Enter, … in the middle of the text: each new clause goes right
    // after the previous new one and before the same next clause.
    for (const [first, next] of [['V', 'W'], ['1', '11'], ['zy', 'zz']] as const) {
      const random = seededRandom(first.charCodeAt(0));
      let previous: string = first;
      for (let i = 0; i < 500; i++) {
        const key = keyBetween(previous, next, random);
        expectBetween(previous, next, key);
        expect(key.length).toBeLessThan(12);
        previous = key;
      }
    }
  });

  it('ORD2: 500 pasted clauses keep every key under 12 characters', () => {
    const keys = keysBetween('V', 'W', 500, seededRandom(3));
    for (const key of keys) expect(key.length).toBeLessThan(12);
  });

  it('ORD3: clauses sort by order key, ties broken by id, whatever order they come in', () => {
    const items: Ordered[] = [
      { id: 'b', order: 'V' },
      { id: 'a', order: 'V' },
      { id: 'c', order: 'U' },
      { id: 'A', order: 'V' },
      { id: 'z', order: 'V1' },
      { id: 'y', order: 'W' },
    ];
    const expected = ['c', 'A', 'a', 'b', 'z', 'y'];
    const random = seededRandom(5);
    for (let i = 0; i < 20; i++) {
      const shuffled = [...items].sort(() => random() - 0.5);
      expect(shuffled.sort(compareOrder).map((item) => item.id)).toEqual(expected);
    }
    expect(compareOrder({ id: 'a', order: 'V' }, { id: 'a', order: 'V' })).toBe(0);
    // Plain string comparison, not locale order: upper case sorts before lower case.
    expect(compareOrder({ id: 'x', order: 'Z' }, { id: 'x', order: 'a' })).toBe(-1);
  });

  it('EDIT6: clauses inserted together leave no room between them for a concurrent insert at the same place', () => {
    // Two delegations insert after the same clause at the same moment: one
    // pastes several paragraphs, the other adds one. The pasted paragraphs
    // must stay together; only the place of the other clause is left to chance.
    for (let seed = 0; seed < 1000; seed++) {
      const pick = seededRandom(seed);
      const bounds: [string | null, string | null][] = [['V', null], ['V', 'W'], [null, 'V'], [null, null], ['1', '11']];
      const [before, after] = bounds[seed % bounds.length]!;
      const count = 2 + Math.floor(pick() * 4);
      const pasted = keysBetween(before, after, count, seededRandom(seed * 2 + 1));
      const single = keyBetween(before, after, seededRandom(seed * 2 + 2));
      const first = pasted[0]!;
      const last = pasted[pasted.length - 1]!;
      expect(first < single && single < last, `seed ${seed}: ${single} falls inside ${pasted.join(',')}`).toBe(false);
    }
  });
});
