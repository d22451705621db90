import { describe, expect, it } from 'vitest';
import { conventionsOf, DECLARATION_LANGUAGES, quote, readDeclarationLanguage } from './declarationLanguage.ts';
import { documentDate, documentWords } from './documentWords.ts';
import { opensLikePreamble } from './import/openingPhrase.ts';
import { detectLanguage } from './import/detectLanguage.ts';
import { emptyDraft, type ParsedDraft } from './import/parsedDraft.ts';
import { numberClauses } from './numbering.ts';
import { buildOutline } from './outline.ts';
import type { Clause } from './declaration.ts';

const clause = (id: string, kind: Clause['kind'], order: string, parent?: string): Clause => ({ id, kind, order, body: [], ...(parent ? { parent } : {}) }) as Clause;

describe('the declaration language: conventions', () => {
  it('DL3: sub-items print "(a)", "(i)" in English and "a)", "i)" in Spanish, Portuguese and French; working labels do not change', () => {
    const outline = buildOutline([clause('op', 'operative', 'a'), clause('sub', 'operative', 'a', 'op'), clause('subsub', 'operative', 'a', 'sub')]);
    const markers = (language: (typeof DECLARATION_LANGUAGES)[number]) => {
      const numbers = numberClauses(outline, null, conventionsOf(language).subItemStyle);
      return ['op', 'sub', 'subsub'].map((id) => [numbers.get(id)!.label, numbers.get(id)!.marker]);
    };
    expect(markers('en')).toEqual([['OP1', '1.'], ['OP1(a)', '(a)'], ['OP1(a)(i)', '(i)']]);
    for (const language of ['es', 'pt', 'fr'] as const) expect(markers(language)).toEqual([['OP1', '1.'], ['OP1(a)', 'a)'], ['OP1(a)(i)', 'i)']]);
  });

  it('DL4: each language has its default formula, quotes and codes; the mirror reads English when missing or unreadable', () => {
    expect(DECLARATION_LANGUAGES.map((l) => conventionsOf(l).formula)).toEqual(['Declare:', 'Declaran:', 'Declaram:', 'Déclarent\u00a0:']);
    expect(DECLARATION_LANGUAGES.map((l) => [conventionsOf(l).htmlLang, conventionsOf(l).aknLanguage])).toEqual([['en', 'eng'], ['es', 'spa'], ['pt', 'por'], ['fr', 'fra']]);
    expect(quote('en', 'Peace Operations')).toBe('“Peace Operations”');
    expect(quote('es', 'Operaciones de Paz')).toBe('«Operaciones de Paz»');
    expect(quote('fr', 'Opérations de paix')).toBe('«\u00a0Opérations de paix\u00a0»');
    expect(readDeclarationLanguage(new Map([['language', 'pt']]))).toBe('pt');
    expect(readDeclarationLanguage(new Map([['language', 'de']]))).toBe('en');
    expect(readDeclarationLanguage(new Map())).toBe('en');
  });

  it('DL5: the words around the text are the declaration language\'s: note, states, negotiation heading, adoption date', () => {
    expect(DECLARATION_LANGUAGES.map((l) => documentWords(l).note)).toEqual(['Note: ', 'Nota: ', 'Nota: ', 'Note\u00a0: ']);
    expect(DECLARATION_LANGUAGES.map((l) => documentWords(l).state.agreed)).toEqual(['agreed', 'acordado', 'acordado', 'agréé']);
    expect(documentWords('es').notApplied('Perú', true)).toBe('No aplicado: Perú intentó suprimir este párrafo');
    expect(documentWords('fr').countsLine({ open: 1, adRef: 0, agreed: 2 }, 1)).toBe('Paragraphes\u00a0: 1 ouvert · 0 ad réf. · 2 agréés · 1 passage entre crochets.');
    const at = Date.UTC(2023, 8, 12);
    expect(documentWords('en').adoptedOn(documentDate('en', at))).toBe('Adopted on 12 September 2023');
    expect(documentWords('es').adoptedOn(documentDate('es', at))).toBe('Adoptada el 12 de septiembre de 2023');
    expect(documentWords('pt').adoptedOn(documentDate('pt', at))).toBe('Adotada em 12 de setembro de 2023');
    expect(documentWords('fr').adoptedOn(documentDate('fr', at))).toBe('Adoptée le 12 septembre 2023');
  });
});

/** Real shapes of declarations in the four languages (the Buenos Aires declaration's style), signatures in Spanish throughout. */
const draft = (title: string, chapeau: string, preamble: string[], formula: string | null, operative: string[]): ParsedDraft => ({
  ...emptyDraft(),
  title,
  chapeau,
  preamble: preamble.map((text) => ({ text })),
  formula,
  operative: operative.map((text) => ({ text, subitems: [] })),
  signatories: [{ name: 'Jorge Taiana', title: 'Ministro de Defensa', state: 'República Argentina' }],
});

const SAMPLES: Record<(typeof DECLARATION_LANGUAGES)[number], ParsedDraft> = {
  en: draft('Declaration of Buenos Aires', 'The Honorable Ministers of Defense of Latin America and the Caribbean,', ['Recognizing that United Nations Peacekeeping Operations are an important means of promoting international peace,', 'Bearing in mind the principles of the Charter of the United Nations,'], 'Declare:', ['Their agreement regarding the implementation of the Network;', 'Thank the Argentine Republic for its hospitality.']),
  es: draft('Declaración de Buenos Aires', 'Los Ministros de Defensa de América Latina y el Caribe,', ['Reconociendo que las Operaciones de Paz de las Naciones Unidas son un medio importante para promover la paz internacional,', 'Teniendo presente los principios de la Carta de las Naciones Unidas,'], 'Declaran:', ['Su acuerdo con la puesta en marcha de la Red;', 'Agradecer a la República Argentina por su hospitalidad.']),
  pt: draft('Declaração de Buenos Aires', 'Os Ministros da Defesa da América Latina e do Caribe,', ['Reconhecendo que as Operações de Paz das Nações Unidas são um meio importante para promover a paz internacional,', 'Tendo presente os princípios da Carta das Nações Unidas,'], 'Declaram:', ['Seu acordo com a implementação da Rede;', 'Agradecer à República Argentina pela sua hospitalidade.']),
  fr: draft('Déclaration de Buenos Aires', 'Les Ministres de la Défense de l’Amérique latine et des Caraïbes,', ['Reconnaissant que les opérations de maintien de la paix des Nations Unies sont un moyen important de promouvoir la paix internationale,', 'Ayant à l’esprit les principes de la Charte des Nations Unies,'], 'Déclarent :', ['Leur accord sur la mise en œuvre du Réseau ;', 'Remercient la République argentine pour son hospitalité.']),
};

describe('the declaration language: drafts', () => {
  it('DL6: the language of a draft is told from its words, openers and formula, not from its Spanish signature blocks; without a formula too', () => {
    for (const language of DECLARATION_LANGUAGES) {
      expect(detectLanguage(SAMPLES[language]), language).toBe(language);
      expect(detectLanguage({ ...SAMPLES[language], formula: null }), `${language} without formula`).toBe(language);
    }
    expect(detectLanguage(emptyDraft())).toBe('en');
  });

  it('DL7: the preambular openers of the four languages are known to the import and the drafting checks', () => {
    for (const opener of ['Recognizing that', 'Reconociendo que', 'Reconhecendo que', 'Reconnaissant que', 'Saudando a', 'Considérant que']) expect(opensLikePreamble(opener), opener).toBe(true);
    for (const sentence of ['Peacekeeping is', 'Cuando la', 'Cependant les']) expect(opensLikePreamble(sentence), sentence).toBe(false);
  });
});
