/**
 * The UN masthead and the subtitle lines around a title (docs/SPEC.md IMP2):
 * lines that frame a text but never name it, in en, es, pt and fr. The
 * recogniser keeps them out of the title; they are not clauses either.
 */

import { isPlaceAndDate } from './shapes.ts';

const MASTHEAD: readonly RegExp[] = [
  // Distribution: "General Assembly Distr.: General", "Distr. limitada".
  /(?<![\p{L}])distr\.\s*:?\s*\p{L}+/iu,
  // Document symbols alone on a line: "A/RES/74/132", "S/RES/242 (1967)", "A/74/L.12", "E/CN.6/2020/L.1".
  /^(?:[A-Z]{1,5}\/)+[A-Z0-9.]+(?:\/[A-Za-z0-9.]+)*(?:\s*\(\d{4}\))?(?:\s*\*)?$/u,
  // Agenda items: "Agenda item 77", "Tema 69 del programa", "Item 69 da agenda", "Point 69 de l'ordre du jour", "Items 69 and 70".
  /^(?:agenda\s+items?|tema|temas|item|itens|point|points)\s+\d+(?:\s*\(\p{L}\))?(?:\s+(?:and|y|e|et)\s+\d+)?(?:\s+(?:del programa|da agenda|de la agenda|de l['’]ordre du jour))?\.?$/iu,
  // Job numbers: "19-21981 (E)", "00-32018 (E) /...", "11-46183 (S)".
  /^\d{2}-\d{4,6}\s*\(\p{Lu}\)(?:\s*\*\d+\*)?(?:\s*\/\.{3})?$/u,
  // Adoption line: "Resolution adopted by the General Assembly on 18 December 2019" and its translations.
  /^(?:resolution|decision)\s+adopted\s+by\s+the\b/iu,
  /^(?:resolución|decisión)\s+aprobada\s+por\s+(?:la|el)\b/iu,
  /^(?:resolução|decisão)\s+(?:adotada|aprovada)\s+pel[ao]\b/iu,
  /^(?:résolution|décision)\s+adoptée\s+par\s+l/iu,
  // Committee line: "[on the report of the Third Committee (A/74/394)]", "[sin remisión previa a una Comisión Principal]".
  /^\[.*\]$/u,
  // Session: "Seventy-fourth session", "Septuagésimo cuarto período de sesiones", "Soixante-quatorzième session".
  /^[\p{L}-]+(?:\s+[\p{L}-]+)?\s+(?:session|período de sesiones|sessão)$/iu,
  // "Page 2", "Página 2".
  /^(?:page|página|pág\.)\s+\d+$/iu,
  // The document's date alone on a line of the heading: "29 February 2000", "4 de julho de 2023", "8 janvier 2020".
  /^\d{1,2}(?:er|º)?\s+(?:de\s+)?\p{L}+\.?\s+(?:de\s+)?\d{4}$/u,
  // A press note's number: "Nota nº 275", "Press release No. 12", "Communiqué n° 3".
  /^(?:nota|note|press release|communiqué|comunicado)(?:\s+(?:à imprensa|de prensa|de presse))?\s+(?:n[º°o]\.?\s*)?\d+$/iu,
];

/** A line of the masthead: never a title. */
export function isMasthead(text: string): boolean {
  const line = text.trim();
  return MASTHEAD.some((re) => re.test(line));
}

/**
 * A line below a title that says when or how the text was adopted, not what
 * it is: "of 22 November 1967", "Adopted by the Security Council at its …",
 * "Approved by the Ministers …", "Aprobada por …". A separate line, not part of
 * the title.
 */
const SUBTITLE =
  /^(?:(?:of|del?|do|da|du)\s+\d{1,2}(?:er|º)?\s+(?:de\s+)?\p{L}+|(?:adopted|approved|aprobad[oa]|adoptad[oa]|aprovad[oa]|adotad[oa]|adopté|adoptée|approuvé|approuvée)\s+(?:by|por|pel[oa]|par|at|en|em|à|on|el|le|a)\b)/iu;

/** A subtitle line: "of 22 November 1967", "Adopted by …", "Aprobada por …", or place and date ("San José, Costa Rica, el 4 de diciembre de 2000,"). */
export function isSubtitle(text: string): boolean {
  return SUBTITLE.test(text.trim()) || isPlaceAndDate(text);
}

/** The resolution number before the name of a General Assembly resolution: "74/132. " in "74/132. Report of …". */
export const RESOLUTION_NUMBER = /^\d{1,3}\/\d{1,4}(?:\s+\p{Lu})?\.\s+/u;
