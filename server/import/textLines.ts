import type { DraftLine } from '../../shared/import/draftLine.ts';
import type { SourceRun } from '../../shared/import/parsedDraft.ts';
import { MAX_CLAUSE_CHARS, MAX_NOTE_CHARS } from '../../shared/import/limits.ts';
import { SHORT_NUMBER_DIGITS } from '../../shared/import/markers.ts';
import { runsOfMarks } from '../../shared/import/sourceFormatting.ts';

/**
 * Plain text and Markdown into draft lines. Both are read line by line the
 * same way: `#` headings are headings; list items ("1.", "-", "*", "•") lose
 * their marker and get a level from their indentation; rules and quote marks
 * say nothing about the text. Typed clause numbers that are not Markdown
 * list markers ("1)", "(a)", "IV.") stay in the text for the recogniser.
 *
 * Inline markup (docs/SPEC.md IMP8): in a .md file emphasis markers,
 * escapes and links are removed. In a .txt file every character is text —
 * a "*" after "2030" or before a footnote is the footnote's, "[x](y)" a
 * bracket — and stays, but for what drafts typed or OCR'd as .txt borrow
 * from Markdown (the demo as printed,
 * fixtures/declaration-of-buenos-aires-2023.txt): a pair of emphasis
 * markers around words on one line (`*Recognizing*`, `**Title**`) and a
 * backslash before punctuation (`\\*`).
 * In both, a line wholly in bold is a heading. In a .md file the emphasis
 * is kept as the line's italics and bold (`runs`, IMP8): `*x*`, `_x_`
 * italic, `**x**`, `__x__` bold, `***x***` both, nested as Markdown nests
 * them; in a .txt file it is not (plain text has no formatting).
 */
export type TextFormat = 'md' | 'txt';

const BULLET = /^([-*+•‣◦–—])\s+(.*)$/u;
// Four digits or more only after the number before ("999." then "1000."), as in shared/import/recognise.ts: "2030. The …" is a wrapped year (IMP19).
const ORDERED = /^(\d{1,9})[.)]\s+(.*)$/u;
const ATX_HEADING = /^#{1,6}\s+(.*?)(?:\s+#+)?\s*$/u;
const SETEXT_H1 = /^=+\s*$/u;
const RULE = /^([-*_])(?:\s*\1){2,}\s*$/u;
const WHOLLY_BOLD = /^(\*\*|__)(?=\S)(.+?)(?<=\S)\1$/u;
const ESCAPED = /\\([\\`*_{}[\]()#+\-.!|>~"'])/gu;
const PLACEHOLDER = '\u0000';
const FOOTNOTE_DEFINITION = /^\[\^([^\]\s]+)\]:\s*(.*)$/u;
/** A Markdown footnote reference "[^1]": its marker stays in the text, glued, as printed. */
const FOOTNOTE_REFERENCE = /\[\^([^\]\s]+)\]/gu;

function indentOf(raw: string): number {
  let width = 0;
  for (const ch of raw) {
    if (ch === ' ') width += 1;
    else if (ch === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

// An opening marker at the start of a word, the words, the same marker at the end of a word.
const EMPHASIS_PAIR = /(^|[\s([{"“'«/-])(\*{1,3}|_{2,3})(?=\S)(.*?\S)\2(?=$|[\s)\]}"”'».,;:!?/-])/gu;

/**
 * Removes Markdown's inline markup; escaped characters stay as they are. In
 * plain text only escapes and pairs of emphasis markers around words are
 * markup: a lone "*" or "_", links and backticks are text.
 */
export function withoutInlineMarkup(text: string, format: TextFormat = 'md'): string {
  return format === 'md' ? markdownInline(text).text : withoutTxtMarkup(text);
}

function withoutTxtMarkup(text: string): string {
  const escaped: string[] = [];
  // Escaped characters wait behind a NUL (one a text line cannot hold: any is dropped first).
  let out = text.replaceAll(PLACEHOLDER, '').replace(ESCAPED, (_all, ch: string) => {
    escaped.push(ch);
    return PLACEHOLDER;
  });
  out = out.replace(EMPHASIS_PAIR, '$1$3');
  let k = 0;
  return out.replaceAll(PLACEHOLDER, () => escaped[k++] ?? '');
}

const OPENS_AFTER = /[\s([{"“'«/-]/u;
const CLOSES_BEFORE = /[\s)\]}"”'».,;:!?/-]/u;
const ITALIC = 1;
const BOLD = 2;

/**
 * A Markdown line's text and its emphasis as runs. A run of "*" (or "_")
 * at the start of a word opens emphasis, at the end of a word closes the
 * nearest open one of the same character: one marker italic, two bold,
 * three both (nested runs as Markdown nests them, `**bold *both* bold**`;
 * runs glued as the exporter writes them, `***both****,*`).
 * A "*" inside a word is text. A "*" marker left unmatched on its line is
 * markup all the same and removed (as before IMP8), without formatting; a
 * lone "_" stays, as in "snake_case".
 */
export function markdownInline(text: string): { text: string; runs?: SourceRun[] } {
  const { text: out, marks } = inlineMarks(text);
  // The line is trimmed: its runs with it.
  const start = out.length - out.trimStart().length;
  const trimmed = out.trim();
  const runs = runsOfMarks(trimmed, marks.slice(start, start + trimmed.length));
  return runs ? { text: trimmed, runs } : { text: trimmed };
}

/**
 * Markdown's inline markup over the lines of one paragraph at once, joined
 * with "\n": emphasis opened on one line and closed on a later one
 * (`*Recalling\nits resolution*`, a hard-wrapped draft) marks every
 * character between, as Markdown reads it (IMP8). Each line keeps its own
 * text, trimmed, and runs.
 */
function markdownParagraph(bodies: readonly string[]): { text: string; runs?: SourceRun[] }[] {
  // A "paragraph" far longer than any part a declaration holds (a file with no blank line) is read line by line, as before: emphasis across its lines is not worth the work of matching over megabytes (IMP16).
  if (bodies.length === 1 || bodies.reduce((sum, body) => sum + body.length, 0) > MAX_PARAGRAPH_CHARS) return bodies.map((body) => markdownInline(body));
  // A line's own "\n" cannot occur (lines are split on it); an escaped one is not possible either.
  const { text, marks } = inlineMarks(bodies.join('\n'));
  const out: { text: string; runs?: SourceRun[] }[] = [];
  let from = 0;
  for (const piece of text.split('\n')) {
    const start = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    const runs = runsOfMarks(trimmed, marks.slice(from + start, from + start + trimmed.length));
    out.push(runs ? { text: trimmed, runs } : { text: trimmed });
    from += piece.length + 1;
  }
  return out;
}

/** Four times the longest part a declaration holds (a clause, the note: 10,000 characters, shared/import/limits.ts), with room for the markup. */
const MAX_PARAGRAPH_CHARS = 4 * Math.max(MAX_CLAUSE_CHARS, MAX_NOTE_CHARS);

/** The text without inline markup, untrimmed, with each character's marks (ITALIC, BOLD). */
function inlineMarks(text: string): { text: string; marks: number[] } {
  const escaped: string[] = [];
  const source = text
    .replaceAll(PLACEHOLDER, '')
    .replace(ESCAPED, (_all, ch: string) => {
      escaped.push(ch);
      return PLACEHOLDER;
    })
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1')
    .replace(/`([^`]*)`/gu, '$1');
  let out = '';
  const marks: number[] = [];
  const open: { ch: string; left: number; at: number }[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch !== '*' && ch !== '_') {
      out += ch;
      marks.push(0);
      i++;
      continue;
    }
    let end = i;
    while (source[end] === ch) end++;
    const count = end - i;
    const before = i === 0 ? '' : source[i - 1]!;
    const after = end >= source.length ? '' : source[end]!;
    const canOpen = (before === '' || OPENS_AFTER.test(before)) && after !== '' && !/\s/u.test(after);
    const canClose = before !== '' && !/\s/u.test(before) && (after === '' || CLOSES_BEFORE.test(after));
    const closes = canClose && open.some((entry) => entry.ch === ch);
    if ((count > 3 && !closes) || (!canOpen && !canClose)) {
      out += source.slice(i, end);
      for (let k = i; k < end; k++) marks.push(0);
      i = end;
      continue;
    }
    let left = count;
    if (canClose) {
      while (left > 0) {
        const o = open.map((entry) => entry.ch).lastIndexOf(ch);
        if (o === -1) break;
        const opener = open[o]!;
        const use = left >= 2 && opener.left >= 2 ? 2 : 1;
        for (let k = opener.at; k < marks.length; k++) marks[k]! |= use === 2 ? BOLD : ITALIC;
        opener.left -= use;
        left -= use;
        // Openers inside the matched pair that were never closed are removed, without formatting.
        open.length = opener.left === 0 ? o : o + 1;
      }
    }
    // What a closing run leaves opens the next emphasis when a word follows: the exporter writes "***Heads****,*" for "Heads" in bold italics, then "," in italics.
    const opens = canOpen || (left < count && after !== '' && !/\s/u.test(after));
    if (left > 0 && opens) open.push({ ch, left: Math.min(left, 3), at: marks.length });
    else if (left > 0 && ch === '_' && left === count) {
      out += source.slice(i, end);
      for (let k = i; k < end; k++) marks.push(0);
    }
    i = end;
  }
  // An opener never closed on this line: its "_" stays as text; a "*" is removed.
  for (const opener of open.reverse()) {
    if (opener.ch !== '_' || opener.left < 1) continue;
    out = out.slice(0, opener.at) + '_'.repeat(opener.left) + out.slice(opener.at);
    marks.splice(opener.at, 0, ...Array<number>(opener.left).fill(0));
  }
  let k = 0;
  out = out.replaceAll(PLACEHOLDER, () => escaped[k++] ?? '');
  return { text: out, marks };
}

export function textLines(text: string, format: TextFormat): DraftLine[] {
  const raw = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const lines: DraftLine[] = [];
  const indents: number[] = [];
  let afterBlank = true;
  /** The number of the last list item typed with one. */
  let lastNumber: number | null = null;
  /** Markdown: the lines of the paragraph being read, whose inline markup is read together (emphasis may span them). */
  let paragraph: { line: DraftLine; body: string }[] = [];
  const flush = () => {
    if (paragraph.length === 0) return;
    const read = markdownParagraph(paragraph.map((entry) => entry.body));
    paragraph.forEach(({ line }, k) => {
      line.text = read[k]!.text;
      if (read[k]!.runs) line.runs = read[k]!.runs;
    });
    paragraph = [];
  };
  for (const rawLine of raw) {
    let body = rawLine.trim();
    const indent = indentOf(rawLine);
    if (body === '' || RULE.test(body)) flush();
    if (body === '') {
      lines.push({ text: '' });
      afterBlank = true;
      continue;
    }
    if (SETEXT_H1.test(body) && lines.length > 0 && lines[lines.length - 1]!.text !== '') {
      lines[lines.length - 1]!.heading = true;
      flush();
      lines.push({ text: '' });
      afterBlank = true;
      continue;
    }
    if (RULE.test(body)) {
      // A rule has no words, but it may set the footnotes apart (shared/import/footnotes.ts).
      lines.push({ text: '', rule: true });
      afterBlank = true;
      continue;
    }
    // Quote marks and a hard line break ("\" at the end) say nothing about the text.
    body = body.replace(/^(?:>\s?)+/u, '').replace(/\\$/u, '').trimEnd();
    const line: DraftLine = { text: '' };
    // A Markdown footnote "[^1]: text": the note of marker "1" (the export's form, IMP11).
    const note = format === 'md' ? FOOTNOTE_DEFINITION.exec(body) : null;
    if (note) {
      line.note = note[1]!;
      body = note[2]!;
    }
    const heading = note ? null : ATX_HEADING.exec(body);
    if (heading) {
      body = heading[1]!;
      line.heading = true;
    } else if (WHOLLY_BOLD.test(body)) {
      line.heading = true;
    }
    const bullet = line.heading || note ? null : BULLET.exec(body);
    let ordered = line.heading || bullet ? null : ORDERED.exec(body);
    if (ordered && ordered[1]!.length > SHORT_NUMBER_DIGITS && (lastNumber === null || Number(ordered[1]) !== lastNumber + 1)) ordered = null;
    if (ordered) lastNumber = Number(ordered[1]);
    if (bullet || ordered) {
      while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
      line.list = bullet ? { level: indents.length - 1, kind: 'bullet' } : { level: indents.length - 1, kind: 'number', value: Number(ordered![1]) };
      if (bullet) line.bullet = bullet[1]!;
      body = (bullet ? bullet[2] : ordered![2])!;
    } else if (indent === 0 && afterBlank) {
      indents.length = 0;
    }
    // The marker is text: escaped, so that a "*" marker is not read as emphasis below.
    if (format === 'md') body = body.replace(FOOTNOTE_REFERENCE, (_all, marker: string) => marker.replace(/\\?([\\`*_{}[\]()#+\-.!|>~"'])/gu, '\\$1'));
    if (format === 'md') {
      // A heading, a footnote and a list item start a paragraph of their own (a heading or a footnote also ends it): emphasis never runs from one into another.
      if (line.heading || note || line.list) flush();
      // The raw text until the paragraph is read: a setext underline below it sees a line with text.
      line.text = body;
      paragraph.push({ line, body });
      if (line.heading || note) flush();
    } else line.text = withoutTxtMarkup(body).trim();
    lines.push(line);
    afterBlank = false;
  }
  flush();
  return lines;
}
