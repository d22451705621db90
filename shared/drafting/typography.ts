import type { DeclarationLanguage } from '../declarationLanguage.ts';

/**
 * Typing slips inside a clause, whatever the declaration's style
 * (docs/SPEC.md DRAFT5–DRAFT7). Each returns what it found, or null.
 */

/** Two or more spaces between words (DRAFT5). No-break spaces are typography, not slips. */
export function hasDoubledSpace(text: string): boolean {
  return /\S[ \t]{2,}(?=\S)/u.test(text);
}

/**
 * A space before a mark that follows its word directly (DRAFT6). In a French
 * declaration a space (ideally no-break) before ";", ":", "!" and "?" is the
 * rule, so only "," and "." count there. An ellipsis (" ...", " …") and a
 * decimal (" .5") are not slips. Returns the mark, or null.
 */
export function spaceBeforeMark(text: string, language: DeclarationLanguage): string | null {
  const marks = language === 'fr' ? ',.' : ',.;:!?';
  for (const match of text.matchAll(/(?<=\S)\s+([,.;:!?])/gu)) {
    const mark = match[1]!;
    if (!marks.includes(mark)) continue;
    const after = text.slice(match.index + match[0].length);
    if (mark === '.' && /^[.\d]/u.test(after)) continue;
    return mark;
  }
  return null;
}

const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '“': '”', '«': '»' };
const CLOSING = new Map(Object.entries(PAIRS).map(([open, close]) => [close, open]));

/**
 * The first quote or bracket left without its partner (DRAFT7), or null.
 * Straight double quotes pair by count; single quotes are apostrophes too
 * and are not counted. A quotation of several paragraphs opens each and
 * closes only the last, so a quote opening the clause may stay open. A letter or numeral before ")" at the start of a
 * word is an inline list marker ("a) …, b) …"), not a bracket. The
 * negotiation's square brackets are not characters of the text (they live
 * in the `brackets` map), so any "[" or "]" here was typed.
 */
export function unbalancedMark(text: string): string | null {
  const open: string[] = [];
  const bare = text.replace(/(?<=^|\s)(?:[a-zA-Z]|[ivxlcIVXLC]{1,6}|\d{1,2})\)/gu, ' ');
  for (const ch of bare) {
    if (PAIRS[ch]) open.push(ch);
    else if (CLOSING.has(ch)) {
      if (open[open.length - 1] !== CLOSING.get(ch)) return ch;
      open.pop();
    }
  }
  // A quotation of several paragraphs opens each of them and closes only the last: an opening quote that begins the clause may stay open.
  const continued = open.length === 1 && /^\s*[“«"]/u.test(bare) && open[0] === bare.trimStart()[0];
  if (open.length > 0 && !continued) return open[open.length - 1]!;
  if ((bare.match(/"/gu) ?? []).length % 2 === 1 && !/^\s*"/u.test(bare)) return '"';
  return null;
}
