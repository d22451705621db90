import { CONVENTIONS, DECLARATION_LANGUAGES, DEFAULT_DECLARATION_LANGUAGE, type DeclarationLanguage } from '../declarationLanguage.ts';
import { OPENERS } from '../drafting/openers.ts';
import type { ParsedDraft, ParsedItem } from './parsedDraft.ts';

/**
 * The language a zero draft is written in (DL6), told from its words: the
 * short words of running text that only one of the four languages has
 * ("the", "y", "do", "les"), the first words of its paragraphs
 * (shared/drafting/openers.ts) and its formula. The preview shows the
 * guess and the user may change it; a draft with nothing to go by is
 * English, the default.
 *
 * Signature blocks are left out: an English text is often signed
 * "Ministro de Defensa, República Argentina".
 */
const STOP_WORDS: Record<DeclarationLanguage, readonly string[]> = {
  en: ['the', 'of', 'and', 'to', 'in', 'that', 'for', 'with', 'on', 'by', 'is', 'are', 'this', 'their', 'its', 'which', 'be', 'as', 'an', 'from'],
  es: ['el', 'los', 'las', 'del', 'y', 'con', 'una', 'sus', 'al', 'es', 'lo', 'su', 'también', 'según', 'entre', 'cual'],
  pt: ['os', 'do', 'da', 'dos', 'das', 'e', 'em', 'na', 'nas', 'com', 'uma', 'ao', 'pelo', 'pela', 'seu', 'sua', 'não', 'à', 'também'],
  fr: ['le', 'les', 'des', 'du', 'et', 'dans', 'pour', 'avec', 'une', 'aux', 'au', 'est', 'sur', 'par', 'ses', 'leur', 'ce', 'cette', 'qui'],
};

const STOP = new Map<string, DeclarationLanguage[]>();
for (const language of DECLARATION_LANGUAGES) {
  for (const word of STOP_WORDS[language]) STOP.set(word, [...(STOP.get(word) ?? []), language]);
}

/** A paragraph's first word says more than any word inside it. */
const OPENER_WEIGHT = 3;
/** "Declaran:" is nearly proof. */
const FORMULA_WEIGHT = 10;

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{M}’'-]+/gu) ?? [];
const firstWord = (text: string) => wordsOf(text)[0] ?? '';

export type LanguageScores = Record<DeclarationLanguage, number>;

/** Points per language for running text: one per stop word of that language. */
export function scoreText(text: string, scores: LanguageScores = { en: 0, es: 0, pt: 0, fr: 0 }): LanguageScores {
  for (const word of wordsOf(text)) for (const language of STOP.get(word) ?? []) scores[language] += 1;
  return scores;
}

function scoreOpener(text: string, kind: 'preamble' | 'operative', scores: LanguageScores): void {
  const word = firstWord(text);
  if (word === '') return;
  for (const language of DECLARATION_LANGUAGES) if (OPENERS[language][kind].includes(word)) scores[language] += OPENER_WEIGHT;
}

/** The language with the most points; English on a tie with it or when nothing scored. */
export function bestLanguage(scores: LanguageScores): DeclarationLanguage {
  let best: DeclarationLanguage = DEFAULT_DECLARATION_LANGUAGE;
  for (const language of DECLARATION_LANGUAGES) if (scores[language] > scores[best]) best = language;
  return best;
}

export function detectLanguage(draft: ParsedDraft): DeclarationLanguage {
  const scores: LanguageScores = { en: 0, es: 0, pt: 0, fr: 0 };
  for (const text of [draft.title, draft.chapeau, draft.note]) if (text) scoreText(text, scores);
  for (const { text } of draft.preamble) {
    scoreText(text, scores);
    scoreOpener(text, 'preamble', scores);
  }
  const operative = (items: ParsedItem[]) => {
    for (const item of items) {
      scoreText(item.text, scores);
      scoreOpener(item.text, 'operative', scores);
      operative(item.subitems);
    }
  };
  operative(draft.operative);
  const formula = (draft.formula ?? '').toLowerCase().replace(/[\s:]+/gu, '');
  for (const language of DECLARATION_LANGUAGES) {
    if (formula !== '' && formula === CONVENTIONS[language].formula.toLowerCase().replace(/[\s:]+/gu, '')) scores[language] += FORMULA_WEIGHT;
  }
  return bestLanguage(scores);
}
