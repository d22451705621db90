import { describe, expect, it } from 'vitest';
import { plainLines } from './draftLine.ts';
import { footnotesOf } from './footnotes.ts';
import { pageFurnitureOf } from './pageFurniture.ts';

/** The notes of a text, its page furniture found as the recogniser finds it. */
function notes(...texts: string[]): { marker: string; text: string }[] {
  const lines = plainLines(texts.join('\n'));
  return footnotesOf(
    lines,
    pageFurnitureOf(lines.map((l) => l.text)),
  ).notes.map(({ marker, text }) => ({ marker, text }));
}

describe('footnotes at the foot of a page (IMP11, IMP20)', () => {
  it('IMP20: the notes after a rule at the foot of every page are notes, not only those after the last rule', () => {
    expect(
      notes(
        '1. Recalls the Charter,1 and the Declaration 2 of 1948;',
        '_______________',
        '1 Signed at San Francisco.',
        '2 Resolution 217 A (III), adopted',
        'in Paris.',
        '',
        'A/RES/79/9',
        '2/3',
        '2. Notes the report of the Secretary-General;3',
        '_______________',
        '3 A/79/100.',
        '',
        '3/3',
        'A/RES/79/9',
        '3. Decides to remain seized of the matter.',
      ),
    ).toEqual([
      { marker: '1', text: 'Signed at San Francisco.' },
      { marker: '2', text: 'Resolution 217 A (III), adopted in Paris.' },
      { marker: '3', text: 'A/79/100.' },
    ]);
  });

  it('IMP20: without a rule, marker lines that end a page are its notes, in Spanish and French too; a line opening with a number is text when not referenced above, out of sequence or not at the foot of a page', () => {
    expect(
      notes(
        'Recordando la Carta,1 y la Declaración Universal 2',
        'de Derechos Humanos,',
        '1 Firmada en San Francisco.',
        '2 Resolución 217 A (III).',
        '- 2 -',
        '1. Decide continuar;',
      ),
    ).toEqual([
      { marker: '1', text: 'Firmada en San Francisco.' },
      { marker: '2', text: 'Resolución 217 A (III).' },
    ]);
    expect(
      notes('Rappelant la Charte¹,', '¹ Signée à San Francisco.', 'Page 2 sur 3', '1. Décide de poursuivre.')).toEqual([{ marker: '¹', text: 'Signée à San Francisco.' }]);
    // "25 Member States …" wraps a paragraph: no "25" above.
    expect(notes('2. Welcomes that the', '25 Member States of the Group agreed;', '2/3', '3. Decides.')).toEqual([]);
    // "9" does not follow "4": the notes of the page are those from "9" on, and "4 Resolution 1." stays text.
    expect(notes('Recalling its resolutions,4 and its decision,9', '4 Resolution 1.', '9 Resolution 2.', '2/3', '1. Decides.')).toEqual([{ marker: '9', text: 'Resolution 2.' }]);
    // Not referenced above: text.
    expect(notes('Recalling its resolutions,', '4 Resolution 1.', '2/3', '1. Decides.')).toEqual([]);
    // Without page furniture a marker line inside the text is text, as before.
    expect(notes('Recalling the Charter,1', '1 Signed at San Francisco.', '1. Decides to continue.')).toEqual([]);
  });
});
