import { describe, expect, it } from 'vitest';
import { plain, toPlainText } from '../richText.ts';
import { withBrackets } from './withBrackets.ts';

/** BRK3: square brackets printed as bold `[` `]` around each passage, whatever the runs. */
describe('BRK3: withBrackets', () => {
  it('BRK3: prints bold brackets around one passage, the rest as it was', () => {
    expect(withBrackets(plain('Decide to act now;'), [{ start: 10, end: 17 }])).toEqual([
      { text: 'Decide to ' },
      { text: '[', bold: true },
      { text: 'act now' },
      { text: ']', bold: true },
      { text: ';' },
    ]);
  });

  it('BRK3: no brackets gives the text unchanged', () => {
    const text = plain('Decide;');
    expect(withBrackets(text, [])).toBe(text);
  });

  it('BRK3: nested brackets each print their own pair, outer outside inner', () => {
    const out = withBrackets(plain('abcdefgh'), [{ start: 1, end: 7 }, { start: 3, end: 5 }]);
    expect(toPlainText(out)).toBe('a[bc[de]fg]h');
    // Nested sharing an edge: the outer opens first and closes last.
    expect(toPlainText(withBrackets(plain('abcdefgh'), [{ start: 2, end: 6 }, { start: 2, end: 4 }]))).toBe('ab[[cd]ef]gh');
  });

  it('BRK3: adjacent passages close before the next opens, never "[]"', () => {
    expect(toPlainText(withBrackets(plain('onetwo'), [{ start: 0, end: 3 }, { start: 3, end: 6 }]))).toBe('[one][two]');
  });

  it('BRK3: passages at the very start and end of the text', () => {
    const out = withBrackets(plain('Decide;'), [{ start: 0, end: 7 }]);
    expect(out).toEqual([{ text: '[', bold: true }, { text: 'Decide;' }, { text: ']', bold: true }]);
  });

  it('BRK3: a passage across runs keeps each run\'s italics and comments, the brackets bold and plain', () => {
    const text = [{ text: 'Recalling ', italic: true }, { text: 'the Charter', comments: ['t1'] }, { text: ' of 1945,' }];
    const out = withBrackets(text, [{ start: 4, end: 14 }]);
    expect(out).toEqual([
      { text: 'Reca', italic: true },
      { text: '[', bold: true },
      { text: 'lling ', italic: true },
      { text: 'the ', comments: ['t1'] },
      { text: ']', bold: true },
      { text: 'Charter', comments: ['t1'] },
      { text: ' of 1945,' },
    ]);
    expect(toPlainText(out)).toBe('Reca[lling the ]Charter of 1945,');
  });
});
