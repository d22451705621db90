import { describe, expect, it } from 'vitest';
import { columnsOf, isPartyLine, isWitnessLine, signatoriesOf } from './signatures.ts';

const one = (...lines: string[]) => signatoriesOf(lines.map((l) => columnsOf(l)));

describe('signature blocks of joint statements', () => {
  it('IMP17: party lines in en/es/pt/fr name a party with a capital; "For the purposes of …" does not', () => {
    for (const line of [
      'For the Government of the Republic of Sudan.',
      'On behalf of the European Union',
      'Por la República Argentina',
      'Por el Gobierno de la República de Chile:',
      'Pela República Federativa do Brasil',
      'Pelo Governo da República Portuguesa',
      'Pour le Gouvernement de la République française :',
      "Pour l'Organisation des Nations Unies",
      'Au nom du Royaume du Maroc',
    ]) {
      expect(isPartyLine(line), line).toBe(true);
    }
    for (const line of ['For the purposes of this Declaration,', 'Por lo tanto', 'pour le gouvernement', 'Pour la paix et la sécurité dans la région et le monde entier, les parties conviennent de ce qui suit']) {
      expect(isPartyLine(line), line).toBe(false);
    }
  });

  it('IMP17: witness lines in en/es/pt/fr', () => {
    for (const line of ['Witnessed by:', 'Witnesses:', 'In the presence of:', 'Testigo:', 'Testigos:', 'En presencia de:', 'Testemunha:', 'Testemunhas:', 'Témoin :', 'Témoins :', 'En présence de :']) {
      expect(isWitnessLine(line), line).toBe(true);
    }
    expect(isWitnessLine('Witnessed by the Chair, the parties agreed')).toBe(false);
  });

  it('IMP17: blocks typed one after another, each closed by its party line; a facilitator without one signs with name and title', () => {
    expect(
      one(
        'Engineer Ibrahim Mahmoud Hamid,',
        'Assistant of the President of the Republic of Sudan,',
        'For the Government of the Republic of Sudan.',
        'Amar Amoun',
        'Secretary General,',
        'For the Sudan People’s Liberation Movement/Army - North',
        'Thabo Mvuyelwa Mbeki',
        'Chairperson of the African Union High-Level Implementation Panel',
      ),
    ).toEqual([
      { name: 'Engineer Ibrahim Mahmoud Hamid', title: 'Assistant of the President of the Republic of Sudan', state: 'For the Government of the Republic of Sudan.' },
      { name: 'Amar Amoun', title: 'Secretary General', state: 'For the Sudan People’s Liberation Movement/Army - North' },
      { name: 'Thabo Mvuyelwa Mbeki', title: 'Chairperson of the African Union High-Level Implementation Panel', state: '' },
    ]);
  });

  it('IMP17: blocks opened by their party line (es), then witnesses whose title says so in the source words', () => {
    expect(one('Por la República Argentina:', 'Santiago Cafiero', 'Canciller', 'Por la República de Chile:', 'Antonia Urrejola', 'Ministra de Relaciones Exteriores', 'Testigo:', 'Luis Almagro', 'Secretario General de la OEA')).toEqual([
      { name: 'Santiago Cafiero', title: 'Canciller', state: 'Por la República Argentina' },
      { name: 'Antonia Urrejola', title: 'Ministra de Relaciones Exteriores', state: 'Por la República de Chile' },
      { name: 'Luis Almagro', title: 'Testigo: Secretario General de la OEA', state: '' },
    ]);
  });

  it('IMP17: two blocks side by side (tab or a run of spaces), read column by column, witnesses below them (fr, pt)', () => {
    expect(
      one(
        'Pour le Gouvernement de la République française :\tPour le Gouvernement du Royaume du Maroc :',
        'Jean-Yves Le Drian      Nasser Bourita',
        "Ministre de l'Europe et des Affaires étrangères      Ministre des Affaires étrangères",
        'Témoin :',
        'António Guterres',
        'Secrétaire général des Nations Unies',
      ),
    ).toEqual([
      { name: 'Jean-Yves Le Drian', title: "Ministre de l'Europe et des Affaires étrangères", state: 'Pour le Gouvernement de la République française' },
      { name: 'Nasser Bourita', title: 'Ministre des Affaires étrangères', state: 'Pour le Gouvernement du Royaume du Maroc' },
      { name: 'António Guterres', title: 'Témoin: Secrétaire général des Nations Unies', state: '' },
    ]);
    expect(one('Pela República Federativa do Brasil    Pela República Portuguesa', 'Mauro Vieira    Paulo Rangel', 'Testemunhas:', 'Pelo Secretariado Executivo da CPLP', 'Zacarias da Costa')).toEqual([
      { name: 'Mauro Vieira', title: '', state: 'Pela República Federativa do Brasil' },
      { name: 'Paulo Rangel', title: '', state: 'Pela República Portuguesa' },
      { name: 'Zacarias da Costa', title: 'Testemunhas', state: 'Pelo Secretariado Executivo da CPLP' },
    ]);
  });

  it('IMP17: one line with a run of spaces is not two columns; blocks without party lines keep the older rule (threes)', () => {
    expect(one('Jorge   Taiana', 'Ministro de Defensa', 'República Argentina')).toEqual([{ name: 'Jorge Taiana', title: 'Ministro de Defensa', state: 'República Argentina' }]);
    expect(one('A', 'B', 'C', 'D', 'E', 'F')).toEqual([
      { name: 'A', title: 'B', state: 'C' },
      { name: 'D', title: 'E', state: 'F' },
    ]);
  });
});
