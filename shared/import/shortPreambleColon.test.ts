import { describe, expect, it } from 'vitest';
import { plainLines } from './draftLine.ts';
import { recogniseDraft } from './recognise.ts';

const parse = (...lines: string[]) => recogniseDraft(plainLines(lines.join('\n')));

describe('DRAFT9: a short preambular paragraph ending with ":" is not the formula', () => {
  it('DRAFT9: keeps "Noting with concern …:" in the preamble and finds the formula after it', () => {
    const draft = parse('Declaration of Lima', '', 'The Ministers of Defense,', '', 'Recognizing the value of peace,', '', 'Noting with concern the situation in the region:', '', 'Declare:', '', '1. To meet again.');
    expect(draft.preamble.map((p) => p.text)).toEqual(['Recognizing the value of peace,', 'Noting with concern the situation in the region:']);
    expect(draft.formula).toBe('Declare:');
    expect(draft.operative).toHaveLength(1);
  });

  it('DRAFT9: a short line that proclaims what follows is still the formula, even opening like a preamble', () => {
    const draft = parse('Agreement of Lima', '', 'The Parties,', '', 'Recognizing the value of peace,', '', 'Having agreed as follows:', '', '1. To meet again.');
    expect(draft.formula).toBe('Having agreed as follows:');
    expect(draft.preamble.map((p) => p.text)).toEqual(['Recognizing the value of peace,']);
  });
});
