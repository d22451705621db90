import { describe, expect, it } from 'vitest';
import { plainLines } from './draftLine.ts';
import type { ParsedDraft } from './parsedDraft.ts';
import { recogniseDraft } from './recognise.ts';

/**
 * Drafts as a PDF's text layer gives them (IMP20): page furniture between
 * the lines, notes at the foot of each page, paragraphs running on across
 * a page break, headings split over two lines. Three-page resolutions
 * written for these tests, in English, Spanish and French.
 */
const parse = (...lines: string[]): ParsedDraft => recogniseDraft(plainLines(lines.join('\n')));

function texts(items: readonly { text: string }[]): string[] {
  return items.map((item) => item.text);
}

function furniture(draft: ParsedDraft): string[] {
  return (draft.unplaced ?? []).filter((u) => u.reason === 'page-furniture').map((u) => u.text);
}

describe('a PDF text layer (IMP20)', () => {
  it('IMP20: an English resolution over three pages: furniture reported, page-foot notes read, paragraphs joined across the breaks, "I." and a wrapped heading read as one heading each', () => {
    const draft = parse(
      'United Nations',
      'A/RES/81/7',
      'General Assembly',
      'Distr.: General',
      '3 March 2026',
      '26-01234 (E)',
      '',
      '81/7. Declaration on Mountain Partnerships',
      '',
      'The General Assembly,',
      '',
      'Recalling its resolution 78/1 of 2 January 2024,1',
      '',
      'Adopts the following declaration:',
      '',
      'I.',
      'Shared commitments',
      '1.',
      'We recognize the particular needs of mountain communities and the',
      'role of the Mountain Partnership2 in supporting them, and we note that',
      '_______________',
      '1 See A/78/PV.1.',
      '2 A voluntary alliance founded in',
      '2002.',
      '',
      'A/RES/81/7',
      'Declaration on Mountain Partnerships',
      '',
      '26-01234',
      '2/3',
      '',
      'Glacier loss threatens their water supply.',
      '2.',
      'We commit ourselves to acting together.',
      '',
      'II. Implementation of the commitments made by mountain and lowland',
      'countries for the decade 2026–2036',
      '3. We invite all partners to contribute:',
      '(a) Through finance;',
      '(b) Through technology.',
      '',
      'Declaration on Mountain Partnerships',
      'A/RES/81/7',
      '',
      '3/3',
      '26-01234',
      '',
      '4. We request a report by 2028.',
      '',
      '12th plenary meeting',
      '3 March 2026',
    );
    expect(draft.title).toBe('Declaration on Mountain Partnerships');
    expect(texts(draft.operative)).toEqual([
      'We recognize the particular needs of mountain communities and the role of the Mountain Partnership2 in supporting them, and we note that Glacier loss threatens their water supply.',
      'We commit ourselves to acting together.',
      'We invite all partners to contribute:',
      'We request a report by 2028.',
    ]);
    expect(texts(draft.operative[2]!.subitems)).toEqual(['Through finance;', 'Through technology.']);
    expect(draft.operative.map((op) => op.heading)).toEqual([
      'I. Shared commitments',
      undefined,
      'II. Implementation of the commitments made by mountain and lowland countries for the decade 2026–2036',
      undefined,
    ]);
    expect(draft.footnotes).toEqual([
      { marker: '1', text: 'See A/78/PV.1.' },
      { marker: '2', text: 'A voluntary alliance founded in 2002.' },
    ]);
    expect(draft.signatories).toEqual([]);
    expect(draft.note).toBeNull();
    expect(draft.closing).toBe('12th plenary meeting\n3 March 2026');
    // The rule above the notes is reported too (IMP1).
    expect(furniture(draft)).toEqual(['_______________', 'A/RES/81/7', 'Declaration on Mountain Partnerships', '26-01234', '2/3', 'Declaration on Mountain Partnerships', 'A/RES/81/7', '3/3', '26-01234']);
    // The first page's symbol and job number are the masthead's.
    expect(draft.unplaced!.filter((u) => u.reason === 'masthead').map((u) => u.text)).toEqual(expect.arrayContaining(['A/RES/81/7', '26-01234 (E)']));
    // Furniture is reported where it stood: before the paragraph that runs on after it ends, the next one.
    expect(draft.unplaced!.find((u) => u.text === '2/3')!.before).toEqual({ part: 'operative', index: 1 });
  });

  it('IMP20: a Spanish resolution: page numbers "- 2 -", a symbol as running head, notes without a rule at the foot of the page', () => {
    const draft = parse(
      'S/RES/2801 (2026)',
      'Resolución 2801 (2026)',
      '',
      'El Consejo de Seguridad,',
      '',
      'Recordando sus resoluciones anteriores,1 en particular la resolución',
      '2750 (2025),2',
      'Tomando nota del informe del Secretario General,',
      '1 Véanse S/RES/2700 (2024) y S/RES/2725 (2024).',
      '2 Aprobada en su 9800ª sesión.',
      '',
      'S/RES/2801 (2026)',
      '- 2 -',
      '',
      'I',
      'Mandato',
      '1. Decide prorrogar el mandato de la Misión',
      'hasta el 31 de enero de 2027;',
      '2. Decide seguir ocupándose de la cuestión.',
    );
    expect(draft.title).toBe('Resolución 2801 (2026)');
    expect(texts(draft.preamble)).toEqual(['Recordando sus resoluciones anteriores,1 en particular la resolución 2750 (2025),2', 'Tomando nota del informe del Secretario General,']);
    expect(draft.footnotes).toEqual([
      { marker: '1', text: 'Véanse S/RES/2700 (2024) y S/RES/2725 (2024).' },
      { marker: '2', text: 'Aprobada en su 9800ª sesión.' },
    ]);
    expect(texts(draft.operative)).toEqual(['Decide prorrogar el mandato de la Misión hasta el 31 de enero de 2027;', 'Decide seguir ocupándose de la cuestión.']);
    expect(draft.operative[0]!.heading).toBe('I Mandato');
    expect(furniture(draft)).toEqual(['S/RES/2801 (2026)', '- 2 -']);
  });

  it('IMP20: a French declaration: "Page 2 sur 3" and a repeated running head, a paragraph continuing after the break in lower case and in upper case', () => {
    const draft = parse(
      'Déclaration de Genève sur les forêts',
      '',
      'Les Ministres,',
      '',
      'Rappelant la Convention de 1992¹,',
      '',
      'Déclarent :',
      '',
      '1. Ils reconnaissent le rôle des forêts dans la protection de la',
      '¹ Nations Unies, Recueil des Traités, vol. 1760.',
      'Page 2 sur 3',
      'Déclaration de Genève sur les forêts',
      'biodiversité ;',
      '2. Ils s’engagent à coopérer avec l’Organisation des Nations',
      'Page 3 sur 3',
      'Déclaration de Genève sur les forêts',
      'Unies pour l’alimentation et l’agriculture.',
    );
    expect(draft.title).toBe('Déclaration de Genève sur les forêts');
    expect(draft.formula).toBe('Déclarent :');
    expect(texts(draft.operative)).toEqual([
      'Ils reconnaissent le rôle des forêts dans la protection de la biodiversité ;',
      'Ils s’engagent à coopérer avec l’Organisation des Nations Unies pour l’alimentation et l’agriculture.',
    ]);
    expect(draft.footnotes).toEqual([{ marker: '¹', text: 'Nations Unies, Recueil des Traités, vol. 1760.' }]);
    expect(furniture(draft)).toEqual(['Page 2 sur 3', 'Déclaration de Genève sur les forêts', 'Page 3 sur 3', 'Déclaration de Genève sur les forêts']);
  });

  it('IMP20: a Roman part heading alone on its line before an ordinary paragraph number is a heading, not a paragraph "I.", and so is a heading wrapped over two lines; a paragraph numbered in Roman numerals stays a paragraph', () => {
    const headed = parse('The Ministers,', '', 'Declare:', '', 'IV.', 'Follow-up', '1. We meet again in 2027.');
    expect(texts(headed.operative)).toEqual(['We meet again in 2027.']);
    expect(headed.operative[0]!.heading).toBe('IV. Follow-up');
    const wrapped = parse('The Ministers,', '', 'Declare:', '', 'II. Cooperation between the ministries of defence and the regional', 'training centres for peace operations', '1. We meet again in 2027.');
    expect(texts(wrapped.operative)).toEqual(['We meet again in 2027.']);
    expect(wrapped.operative[0]!.heading).toBe('II. Cooperation between the ministries of defence and the regional training centres for peace operations');
    const roman = parse('The Ministers,', '', 'Declare:', '', 'I. To cooperate closely;', 'II. To meet again in 2027.');
    expect(texts(roman.operative)).toEqual(['To cooperate closely;', 'To meet again in 2027.']);
    expect(roman.operative.map((op) => op.heading)).toEqual([undefined, undefined]);
  });
});
