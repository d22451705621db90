import { describe, expect, it } from 'vitest';
import { plainLines } from './draftLine.ts';
import { readMarker } from './markers.ts';
import { recogniseDraft } from './recognise.ts';

const parse = (...lines: string[]) => recogniseDraft(plainLines(lines.join('\n')));

/** A draft whose operative part goes past paragraph 999, each paragraph on a line of its own and typed as `typed(n)`. */
function longDraft(from: number, to: number, typed: (n: number) => string, last = ''): string[] {
  const operative: string[] = [];
  for (let n = from; n <= to; n++) operative.push(`${typed(n)} Decides to act on item ${n};`);
  return ['Declaration of Lima', '', 'The General Assembly,', '', 'Recalling its resolution 70/1,', '', ...operative, ...(last ? [last] : [])];
}

describe('typed clause numbers', () => {
  it('IMP19: readMarker reads numbers of four digits or more only when asked', () => {
    expect(readMarker('1000. Decides;')).toBeNull();
    expect(readMarker('999. Decides;')).toMatchObject({ style: 'number', value: '999', rest: 'Decides;' });
    expect(readMarker('1000. Decides;', { long: true })).toMatchObject({ style: 'number', value: '1000', rest: 'Decides;' });
    expect(readMarker('(1234) Decides;', { long: true })).toMatchObject({ style: 'number', value: '1234', enclosed: true });
    expect(readMarker('1000 bis. Decides;', { long: true })).toMatchObject({ value: '1000', suffix: 'bis' });
    // Without its period or bracket a number is never a marker.
    expect(readMarker('2030 Agenda for Sustainable Development', { long: true })).toBeNull();
  });

  it('IMP19: paragraphs 1000 and after, typed "1000.", "1001)", "(1002)" or "1002 bis.", continue the numbering', () => {
    const draft = parse(...longDraft(995, 1001, (n) => (n === 1001 ? `${n})` : `${n}.`)), '1002.\tDecides;', '1002 bis. Decides again;', '(1003) Decides at last.');
    expect(draft.operative.map((op) => op.text)).toEqual([
      ...[995, 996, 997, 998, 999, 1000, 1001].map((n) => `Decides to act on item ${n};`),
      'Decides;',
      'Decides again;',
      'Decides at last.',
    ]);
    expect(draft.operative[8]!.number).toBe('1002 bis');
  });

  it('IMP19: a year or an amount at the start of a line stays text: "2030." after paragraph 12, "2030 Agenda …", "1000." with no paragraph before', () => {
    const draft = parse(...longDraft(11, 12, (n) => `${n}.`), 'in line with the', '2030. Agenda for Sustainable Development;', '13. Decides to remain seized.');
    expect(draft.operative.map((op) => op.text)).toEqual([
      'Decides to act on item 11;',
      'Decides to act on item 12; in line with the 2030. Agenda for Sustainable Development;',
      'Decides to remain seized.',
    ]);
    const wrapped = parse('Declaration of Lima', '', 'The Ministers,', '', 'Recalling the commitments of the', '2030 Agenda for Sustainable Development and the', '1000. participants of the conference,', '', 'Declare:', '', '1. Their agreement.');
    expect(wrapped.preamble.map((p) => p.text)).toEqual(['Recalling the commitments of the 2030 Agenda for Sustainable Development and the 1000. participants of the conference,']);
    expect(wrapped.operative.map((op) => op.text)).toEqual(['Their agreement.']);
  });

  it('IMP19: a number that skips ahead ("999." then "1001.") is not taken as the next paragraph', () => {
    const draft = parse(...longDraft(998, 999, (n) => `${n}.`), '1001. Decides.');
    expect(draft.operative).toHaveLength(2);
    expect(draft.operative[1]!.text).toBe('Decides to act on item 999; 1001. Decides.');
  });
});
