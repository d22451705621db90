import { quote, type DeclarationLanguage } from './declarationLanguage.ts';
import { documentDate } from './documentWords.ts';

/**
 * The words a negotiation text prints around its comment threads
 * (docs/SPEC.md EXP16), in the declaration's language like the rest of the
 * file's own words (shared/documentWords.ts, DL5): a Spanish declaration
 * files its discussion in Spanish, whoever exports it. Times are stated in
 * UTC, so that every server and every reader gets the same line.
 */
export interface CommentWords {
  /** The section of threads whose clause is no longer in the text. */
  elsewhereHeading: string;
  /** "Comment thread opened by Chile on 3 December 2026 at 14:05 UTC — open". */
  thread(author: string, when: string, resolved: { by: string; when: string } | null): string;
  /** "On the passage “…”". */
  onPassage(quoted: string): string;
  /** "Chile, 3 December 2026 at 14:05 UTC (edited 3 December 2026 at 14:20 UTC)". */
  comment(author: string, when: string, edited: string | null): string;
  /** Where a deleted comment's text was. */
  deletedComment: string;
  /** "3 December 2026 at 14:05 UTC". */
  time(date: string, hhmm: string): string;
}

const NBSP = '\u00a0';

const en: CommentWords = {
  elsewhereHeading: 'Comments on clauses no longer in the text',
  thread: (author, when, resolved) => `Comment thread opened by ${author} on ${when} — ${resolved ? `resolved by ${resolved.by} on ${resolved.when}` : 'open'}`,
  onPassage: (quoted) => `On the passage ${quoted}`,
  comment: (author, when, edited) => `${author}, ${when}${edited ? ` (edited ${edited})` : ''}`,
  deletedComment: '(comment deleted by its author)',
  time: (date, hhmm) => `${date} at ${hhmm} UTC`,
};

const es: CommentWords = {
  elsewhereHeading: 'Comentarios sobre párrafos que ya no figuran en el texto',
  thread: (author, when, resolved) => `Hilo de comentarios abierto por ${author} el ${when} — ${resolved ? `resuelto por ${resolved.by} el ${resolved.when}` : 'abierto'}`,
  onPassage: (quoted) => `Sobre el pasaje ${quoted}`,
  comment: (author, when, edited) => `${author}, ${when}${edited ? ` (editado el ${edited})` : ''}`,
  deletedComment: '(comentario suprimido por su autor)',
  time: (date, hhmm) => `${date} a las ${hhmm} UTC`,
};

const pt: CommentWords = {
  elsewhereHeading: 'Comentários sobre parágrafos que já não constam do texto',
  thread: (author, when, resolved) => `Conversa aberta por ${author} em ${when} — ${resolved ? `resolvida por ${resolved.by} em ${resolved.when}` : 'aberta'}`,
  onPassage: (quoted) => `Sobre o trecho ${quoted}`,
  comment: (author, when, edited) => `${author}, ${when}${edited ? ` (editado em ${edited})` : ''}`,
  deletedComment: '(comentário suprimido pelo autor)',
  time: (date, hhmm) => `${date}, às ${hhmm} UTC`,
};

const fr: CommentWords = {
  elsewhereHeading: 'Commentaires sur des paragraphes qui ne figurent plus dans le texte',
  thread: (author, when, resolved) => `Fil de commentaires ouvert par ${author} le ${when} — ${resolved ? `résolu par ${resolved.by} le ${resolved.when}` : 'ouvert'}`,
  onPassage: (quoted) => `Sur le passage ${quoted}`,
  comment: (author, when, edited) => `${author}, ${when}${edited ? ` (modifié le ${edited})` : ''}`,
  deletedComment: '(commentaire supprimé par son auteur)',
  // French writes the hour "14 h 05".
  time: (date, hhmm) => `${date} à ${hhmm.replace(':', `${NBSP}h${NBSP}`)} UTC`,
};

const WORDS: Record<DeclarationLanguage, CommentWords> = { en, es, pt, fr };

export function commentWords(language: DeclarationLanguage): CommentWords {
  return WORDS[language];
}

/** A moment as a comment line states it: "3 December 2026 at 14:05 UTC", "3 de diciembre de 2026 a las 14:05 UTC". */
export function commentTime(language: DeclarationLanguage, ms: number): string {
  if (!Number.isFinite(ms)) return '';
  return WORDS[language].time(documentDate(language, ms), new Date(ms).toISOString().slice(11, 16));
}

/** The quoted passage in the declaration's quotation marks. */
export function quotedPassage(language: DeclarationLanguage, text: string): string {
  return WORDS[language].onPassage(quote(language, text));
}
