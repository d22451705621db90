import { describe, expect, it } from 'vitest';
import { proposalWording } from './proposalWording.ts';

describe('proposalWording', () => {
  it('FN2 PROP1: a proposal keeps italics, bold and footnote references, and drops comment anchors and empty runs', () => {
    expect(
      proposalWording([
        { text: 'Decide', italic: true, comments: ['t1'] },
        { text: ' to act', comments: ['t1'] },
        { text: '' },
        { text: ' now' },
        { text: '1', footnote: 'fn1', bold: true },
      ]),
    ).toEqual([{ text: 'Decide', italic: true }, { text: ' to act now' }, { text: '1', bold: true, footnote: 'fn1' }]);
  });
});
