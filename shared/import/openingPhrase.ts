import { ALL_PREAMBLE_OPENERS } from '../drafting/openers.ts';

/**
 * The opening phrase of a preambular paragraph, the words printed in
 * italics: "Recognizing", "Bearing in mind", "Teniendo en cuenta",
 * "Prenant note". Known phrases of several words (English, Spanish,
 * Portuguese, French) first, else the first word. Used to italicise
 * imported paragraphs (seedFromDraft.ts), to tell where a preambular
 * paragraph starts in wrapped text (recognise.ts) and by the drafting checks.
 */
const PHRASES = [
  // English
  'Bearing in mind', 'Taking note with appreciation', 'Taking note with satisfaction', 'Taking note with concern', 'Taking note',
  'Taking into account', 'Taking into consideration', 'Having regard to', 'Having considered', 'Having examined', 'Having heard',
  'Returning to the fact', 'Deeply concerned', 'Gravely concerned', 'Seriously concerned', 'Deeply alarmed', 'Deeply convinced',
  'Firmly convinced', 'Fully aware', 'Fully convinced', 'Guided by', 'Mindful of', 'Conscious of', 'Aware of', 'Determined to',
  // "Whereas …": the preambles of declarations in articles (the Universal Declaration).
  'Whereas',
  'Expressing its appreciation', 'Expressing its concern', 'Expressing concern', 'Expressing appreciation', 'Noting with appreciation',
  'Noting with concern', 'Noting with satisfaction', 'Noting with interest', 'Welcoming with appreciation', 'In this regard',
  // Spanish
  'Teniendo en cuenta', 'Teniendo presente', 'Tomando nota con beneplácito', 'Tomando nota con reconocimiento', 'Tomando nota con preocupación', 'Tomando nota',
  'Tomando en cuenta', 'Tomando en consideración', 'Habiendo examinado', 'Habiendo considerado', 'Profundamente preocupados', 'Profundamente preocupado',
  'Observando con preocupación', 'Observando con satisfacción', 'Expresando su preocupación', 'Expresando su reconocimiento', 'Guiados por', 'Conscientes de',
  // Portuguese
  'Tendo em conta', 'Tendo em mente', 'Tendo presente', 'Tomando nota', 'Levando em consideração', 'Levando em conta', 'Profundamente preocupados',
  'Observando com preocupação', 'Expressando sua preocupação', 'Guiados por', 'Conscientes de',
  // French
  'Prenant note avec satisfaction', 'Prenant note avec préoccupation', 'Prenant note', 'Prenant acte', 'Ayant à l’esprit', "Ayant à l'esprit", 'Tenant compte',
  'Ayant examiné', 'Profondément préoccupés', 'Profondément préoccupé', 'Notant avec préoccupation', 'Notant avec satisfaction', 'Guidés par', 'Conscients de',
];

/** "Recalling also", "Reconociendo además": a participle with an adverb that belongs to it. */
const ADVERBS = ['also', 'further', 'furthermore', 'moreover', 'además', 'asimismo', 'también', 'igualmente', 'ainda', 'também', 'igualmente', 'également', 'en outre', 'aussi'];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

// Longest first, so that "Taking note with appreciation" wins over "Taking note".
const KNOWN = new RegExp(`^(?:${[...PHRASES].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}\\p{M}])`, 'iu');
const WORD = /^[[("“'«¿¡]*[\p{L}\p{M}][\p{L}\p{M}'’-]*/u;
const WITH_ADVERB = new RegExp(`^[\\p{L}\\p{M}]+\\s+(?:${ADVERBS.map(escape).join('|')})(?![\\p{L}\\p{M}])`, 'iu');

/** Length (in UTF-16 units from the start of `text`, which has no leading space) of the opening phrase; 0 if `text` opens with no word. */
export function openingPhraseLength(text: string): number {
  const known = KNOWN.exec(text);
  if (known) return known[0].length;
  const adverb = WITH_ADVERB.exec(text);
  if (adverb && /(?:ing|ndo|ant)$/iu.test(adverb[0].split(/\s+/)[0]!)) return adverb[0].length;
  const word = WORD.exec(text);
  return word ? word[0].length : 0;
}

/**
 * Where a preambular paragraph glued to the one before it on the same line
 * starts: after "; " and before a known phrase of several words in capitals
 * ("… justiça social; Tendo em mente …", a PDF copy's join). The offsets of
 * each such start in `text`.
 */
export function gluedParagraphStarts(text: string): number[] {
  const starts: number[] = [];
  for (const match of text.matchAll(/;\s+(?=\p{Lu})/gu)) {
    const at = match.index + match[0].length;
    const known = KNOWN.exec(text.slice(at));
    if (known && /\s/u.test(known[0])) starts.push(at);
  }
  return starts;
}

/**
 * Whether `text` reads like the start of a preambular paragraph: a known
 * phrase, or a first word from the closed lists of shared/drafting/openers.ts ("Recognizing",
 * "Convinced", "Reconociendo", "Considérant").
 */
export function opensLikePreamble(text: string): boolean {
  const bare = text.replace(/^[[("“'«¿¡*_]+/u, '');
  if (KNOWN.test(bare)) return true;
  const word = /^[\p{L}\p{M}]+/u.exec(bare)?.[0] ?? '';
  return /^\p{Lu}/u.test(word) && ALL_PREAMBLE_OPENERS.has(word.toLowerCase());
}
