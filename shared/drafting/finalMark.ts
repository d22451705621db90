import type { RichText } from '../richText.ts';

/**
 * The mark a clause ends with, as a reader sees it (docs/SPEC.md DRAFT2):
 * what follows the last word is not the end of the sentence when it is
 *
 * - a footnote reference (the `footnote` mark, or a marker glued after the
 *   mark as imports and OCR leave it: "meeting.27", "peace,¹", "2030.*",
 *   "Francisco.[1]") — on real UN resolutions every remark once seen was
 *   false because of these;
 * - a closing quote or bracket: `… "RELACOPAZ".`, `… (A4P+),`;
 * - a conjunction after a semicolon, as sub-items are chained: "…; and",
 *   "…; y", "…; et", "…; e", "…; or", "…; o", "…; ou".
 *
 * Returns the mark (one of FINAL_MARKS) or '' when the text ends with none.
 */
export const FINAL_MARKS = ['.', ',', ';', ':', '!', '?', '…'] as const;
export type FinalMark = (typeof FINAL_MARKS)[number];

const FOOTNOTE_AFTER_MARK = /(?<=[.,;:!?…]["'”’»)\]]*)(?:\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[*†‡]{1,3}|\[\d{1,3}\])$/u;
const SUPERSCRIPT = /[¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u;
const CLOSERS = /["'”’»)\]]+$/u;
const CHAINING = /(?<=;)\s+(?:and|or|y|o|e|ou|et)$/iu;

/** The text without the runs that carry a footnote reference. */
export function textWithoutFootnotes(body: RichText): string {
  return body
    .filter((run) => run.footnote === undefined)
    .map((run) => run.text)
    .join('');
}

export function finalMark(body: RichText): FinalMark | '' {
  let text = textWithoutFootnotes(body).trimEnd();
  text = text.replace(FOOTNOTE_AFTER_MARK, '').replace(SUPERSCRIPT, '').trimEnd();
  text = text.replace(CHAINING, '');
  text = text.replace(CLOSERS, '').trimEnd();
  const last = text.slice(-1);
  return (FINAL_MARKS as readonly string[]).includes(last) ? (last as FinalMark) : '';
}
