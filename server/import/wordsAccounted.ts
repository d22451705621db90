import type { ParsedDraft, ParsedItem } from '../../shared/import/parsedDraft.ts';
import { readMarker } from '../../shared/import/markers.ts';
import { readArticleLine } from '../../shared/import/shapes.ts';

/**
 * What IMP1 checks: every word of a file is somewhere in its parse — a part,
 * a heading, a working number, a footnote's marker or text, or `unplaced`.
 * A word is a run of letters and digits (\p{L}\p{N}); counted as a multiset,
 * so that a word dropped from a line whose twin survives elsewhere is still
 * missed. Taken out of the file first is only what the format or the
 * derivation removes on purpose: Markdown's list and heading marks, a
 * clause's typed number ("1.", "(a)", "IV)" — numbers are derived, NUM3),
 * an article's "Article 5" (derived from the paragraph style) and the note's
 * "Note:" label. Used by the corpus and recogniser tests (server/import).
 */
export type WordCounts = Map<string, number>;

/** Letters and digits; a digit-letter boundary splits ("27One": a footnote marker glued to its note). */
const WORD = /\p{L}+|\p{N}+/gu;

export function countWords(texts: Iterable<string>): WordCounts {
  const counts: WordCounts = new Map();
  for (const text of texts) for (const word of text.match(WORD) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

const MD_HEADING = /^#{1,6}\s+/u;
const LIST_MARK = /^(?:[-*+•‣◦–—]\s+|\d{1,9}[.)]\s+)/u;
const NOTE_LABEL = /^[*†‡\s]*(?:notes?|nota|n\.\s?b\.)\s*:\s*/iu;
const MD_FOOTNOTE = /\[\^([^\]\s]+)\]:?/gu;

/** A line of the file without what the format and the derivation remove on purpose (see above). */
export function wordsOfLine(raw: string, format: 'md' | 'txt' | 'docx'): string {
  let text = raw.trim();
  if (format === 'md') text = text.replace(MD_HEADING, '').replace(MD_FOOTNOTE, '$1');
  for (let k = 0; k < 2; k++) {
    // A Markdown list mark, then a typed number after it ("- a) …").
    text = text.replace(LIST_MARK, '');
    // Long numbers too: a "1000." the recogniser took is not a word to find (a year it left is only counted less).
    const marker = readMarker(text, { long: true });
    if (marker) text = marker.suffix ? `${marker.suffix} ${marker.rest}` : marker.rest;
  }
  const article = readArticleLine(text);
  if (article) text = article.caption;
  return text.replace(NOTE_LABEL, '');
}

/** Every text the parse holds, parts and unplaced lines alike. */
export function textsOfDraft(draft: ParsedDraft): string[] {
  const out: string[] = [];
  const push = (value: string | null | undefined) => {
    if (typeof value === 'string') out.push(value);
  };
  push(draft.conference);
  push(draft.title);
  push(draft.subtitle);
  push(draft.chapeau);
  for (const p of draft.preamble) {
    push(p.text);
    push(p.heading);
  }
  push(draft.formula);
  const items = (list: ParsedItem[]) => {
    for (const item of list) {
      push(item.text);
      push(item.heading);
      // "2 bis": the number is derived, its suffix is the source's word.
      push(item.number?.replace(/^\d+\s*/u, ''));
      items(item.subitems);
    }
  };
  items(draft.operative);
  push(draft.closing);
  push(draft.note);
  for (const s of draft.signatories) out.push(s.name, s.title, s.state);
  for (const f of draft.footnotes ?? []) out.push(f.marker, f.text);
  for (const u of draft.unplaced ?? []) out.push(u.text);
  return out;
}

/** The words of the file the parse does not hold (as many times as they are missing); empty when every word is accounted for. */
export function missingWords(fileText: string, format: 'md' | 'txt' | 'docx', draft: ParsedDraft): string[] {
  const wanted = countWords(fileText.split(/\r\n|\r|\n/u).map((line) => wordsOfLine(line, format)));
  const held = countWords(textsOfDraft(draft));
  const missing: string[] = [];
  for (const [word, count] of wanted) {
    const short = count - (held.get(word) ?? 0);
    for (let k = 0; k < short; k++) missing.push(word);
  }
  return missing;
}
