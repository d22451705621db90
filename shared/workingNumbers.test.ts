import { describe, expect, it } from 'vitest';
import { latinMultiplier, readFrozenNumbering } from './workingNumbers.ts';

describe('working numbers', () => {
  it('WN2: the Latin multipliers run bis … decies … novodecies, vicies, vicies semel … nonagies novies, then the number itself', () => {
    const table: [number, string][] = [
      [2, 'bis'], [3, 'ter'], [4, 'quater'], [5, 'quinquies'], [6, 'sexies'], [7, 'septies'], [8, 'octies'], [9, 'novies'],
      [10, 'decies'], [11, 'undecies'], [12, 'duodecies'], [13, 'terdecies'], [14, 'quaterdecies'], [15, 'quindecies'],
      [16, 'sexdecies'], [17, 'septdecies'], [18, 'octodecies'], [19, 'novodecies'],
      [20, 'vicies'], [21, 'vicies semel'], [22, 'vicies bis'], [29, 'vicies novies'], [30, 'tricies'], [45, 'quadragies quinquies'],
      [90, 'nonagies'], [99, 'nonagies novies'], [100, '100'], [123, '123'],
    ];
    for (const [m, word] of table) expect([m, latinMultiplier(m)]).toEqual([m, word]);
  });

  it('WN2: multiplier 1 (the number itself) and anything that is not a multiplier have no word', () => {
    for (const m of [1, 0, -2, 2.5, Number.NaN]) expect(latinMultiplier(m)).toBe('');
  });

  it('WN6: the numbering map reads as null until frozen; malformed entries are skipped, not trusted', () => {
    const map = (value: unknown) => new Map<string, unknown>(value === undefined ? [] : [['frozen', value]]);
    expect(readFrozenNumbering(map(undefined))).toBeNull();
    expect(readFrozenNumbering(map('frozen'))).toBeNull();
    expect(readFrozenNumbering(map({ at: 1, by: 'Argentina' }))).toBeNull();
    const read = readFrozenNumbering(
      map({
        at: 5,
        by: 'Argentina',
        numbers: {
          op7: { kind: 'operative', parent: null, n: 7, m: 1 },
          sub: { kind: 'operative', parent: 'op7', n: 1, m: 2 },
          bad1: { kind: 'signature', parent: null, n: 1, m: 1 },
          bad2: { kind: 'operative', parent: null, n: -1, m: 1 },
          bad3: { kind: 'preamble', parent: null, n: 1, m: 0 },
          bad4: 'PP1',
        },
      }),
    );
    expect(read).toEqual({
      at: 5,
      by: 'Argentina',
      numbers: { op7: { kind: 'operative', parent: null, n: 7, m: 1 }, sub: { kind: 'operative', parent: 'op7', n: 1, m: 2 } },
    });
  });
});
