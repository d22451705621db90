import { describe, expect, it } from 'vitest';
import { isJobNumber, isPageNumber, pageFurnitureOf } from './pageFurniture.ts';

/** The lines `pageFurnitureOf` finds, as texts. */
function furniture(...lines: string[]): string[] {
  return [...pageFurnitureOf(lines)].sort((a, b) => a - b).map((i) => lines[i]!);
}

describe('page furniture of a PDF text layer (IMP20)', () => {
  it('IMP20: page numbers as UN, national and press documents print them, and not a resolution number', () => {
    for (const text of ['2/5', '12 / 40', '- 3 -', '— 3 —', 'Page 3', 'Page 3 of 5', 'Página 2 de 4', 'Page 2 sur 3', 'p. 7']) expect(isPageNumber(text), text).toBe(true);
    for (const text of ['80/3', '80/3.', '74/132. Report of the Human Rights Council', 'Page 3 of the report was read.', '1.', '2030']) expect(isPageNumber(text), text).toBe(false);
  });

  it('IMP20: job numbers, with or without the language letter, the barcode and "/..."', () => {
    for (const text of ['25-16680', '19-21981 (E)', '00-32018 (E) /...', '11-46183 (S) *1146183*', 'GE.22-12345 (F)']) expect(isJobNumber(text), text).toBe(true);
    for (const text of ['2014-2024', '2014–2024', '1-2', 'A/RES/80/3']) expect(isJobNumber(text), text).toBe(false);
  });

  it('IMP20: the document symbol printed again on the next pages is furniture, its first printing (the masthead) is not', () => {
    const lines = ['A/HRC/RES/55/1', 'Resolution adopted by the Human Rights Council', '1. Decides to continue;', '', 'A/HRC/RES/55/1', '2/2', '', '2. Requests a report.'];
    expect([...pageFurnitureOf(lines)].sort((a, b) => a - b)).toEqual([4, 5]);
  });

  it('IMP20: a running head repeated on each page beside a page number is furniture; the same words elsewhere (the annex title) are text', () => {
    const lines = [
      'Annex',
      'Declaración de Quito sobre el agua',
      '1. Reconocemos el valor del agua,',
      'Declaración de Quito sobre el agua',
      'S/2024/12',
      '3/4',
      'que es un bien común;',
      '2. Reafirmamos',
      'S/2024/12',
      'Declaración de Quito sobre el agua',
      '4/4',
      '3. Decidimos.',
    ];
    expect(furniture(...lines)).toEqual(['Declaración de Quito sobre el agua', 'S/2024/12', '3/4', 'S/2024/12', 'Declaración de Quito sobre el agua', '4/4']);
    expect(pageFurnitureOf(lines).has(1)).toBe(false);
  });

  it('IMP20: a bare number beside a running head is its page number; a repeated line ending like a clause never is a running head', () => {
    const lines = ['E/CN.6/2020/L.1', 'Texte de la déclaration', '1. Les États décident :', 'a) Supprimé.', '', 'E/CN.6/2020/L.1', '7', 'a) Supprimé.', 'b) De poursuivre.'];
    expect(furniture(...lines)).toEqual(['E/CN.6/2020/L.1', '7']);
    expect([...pageFurnitureOf(lines)]).toEqual([5, 6]);
  });

  it('IMP20: a text without page numbers, job numbers or a repeated symbol has no page furniture by shape', () => {
    expect(furniture('Declaration of Lima', 'The Ministers,', 'Recalling 2/3 of the members,', '1. Decide;', '2. Agree.')).toEqual([]);
  });
});
