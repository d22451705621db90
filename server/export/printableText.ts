import type { RichText, Run } from '../../shared/richText.ts';

/**
 * Text cleaned for every export format alike, in one place: characters no
 * XML document may hold (control characters, lone surrogates) are dropped
 * or replaced, and line breaks become spaces (a clause is one paragraph).
 * The clauses, the heading, the signatures and the proposals all pass
 * through here before any format sees them (SPEC EXP6).
 */

// Control characters other than tab, line feed and carriage return, the
// two non-characters XML forbids, and surrogate halves without their pair.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text any format can hold: no control characters, no lone surrogates, one line. */
export function cleanText(text: string): string {
  return text.replace(FORBIDDEN, (c) => (c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff ? '\uFFFD' : '')).replace(/[\t\r\n]+/g, ' ');
}

/**
 * Rich text any format can hold: each run cleaned, neighbours with the same
 * marks joined, comment anchors dropped. A footnote reference (Run.footnote)
 * travels on only when `footnotes` holds its id — a reference to a footnote
 * the declaration does not have prints as the characters it is — and is
 * never joined to its neighbours: each reference is one marker.
 */
export function cleanRuns(text: RichText, footnotes: ReadonlySet<string> = NO_FOOTNOTES): RichText {
  const out: Run[] = [];
  for (const run of text) {
    const cleaned = cleanText(run.text);
    if (cleaned === '') continue;
    // Comment anchors are not printed: only the marks a printed text uses travel on.
    const next: Run = { text: cleaned };
    if (run.italic) next.italic = true;
    if (run.bold) next.bold = true;
    if (run.footnote !== undefined && footnotes.has(run.footnote)) next.footnote = run.footnote;
    const last = out[out.length - 1];
    if (last && last.footnote === undefined && next.footnote === undefined && !!last.italic === !!next.italic && !!last.bold === !!next.bold) last.text += next.text;
    else out.push(next);
  }
  return out;
}

const NO_FOOTNOTES: ReadonlySet<string> = new Set();
