import type { DraftLine } from '../../shared/import/draftLine.ts';

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
 * In both, a line wholly in bold is a heading.
 */
export type TextFormat = 'md' | 'txt';

const BULLET = /^([-*+•‣◦–—])\s+(.*)$/u;
// Three digits at most, as in shared/import/markers.ts: "2023. The …" is a wrapped year.
const ORDERED = /^(\d{1,3})[.)]\s+(.*)$/u;
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
  const escaped: string[] = [];
  // Escaped characters wait behind a NUL (one a text line cannot hold: any is dropped first).
  let out = text.replaceAll(PLACEHOLDER, '').replace(ESCAPED, (_all, ch: string) => {
    escaped.push(ch);
    return PLACEHOLDER;
  });
  out =
    format === 'txt'
      ? out.replace(EMPHASIS_PAIR, '$1$3')
      : out
          .replace(/!\[([^\]]*)\]\([^)]*\)/gu, '')
          .replace(/\[([^\]]+)\]\([^)]*\)/gu, '$1')
          .replace(/`([^`]*)`/gu, '$1')
          // Emphasis markers at the edge of a word; a lone "*" inside text stays.
          .replace(/(^|[\s([{"“'«/-])(\*{1,3}|_{2,3})(?=\S)/gu, '$1')
          .replace(/(?<=\S)(\*{1,3}|_{2,3})(?=$|[\s)\]}"”'».,;:!?/-])/gu, '');
  let k = 0;
  return out.replaceAll(PLACEHOLDER, () => escaped[k++] ?? '');
}

export function textLines(text: string, format: TextFormat): DraftLine[] {
  const raw = text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
  const lines: DraftLine[] = [];
  const indents: number[] = [];
  let afterBlank = true;
  for (const rawLine of raw) {
    let body = rawLine.trim();
    const indent = indentOf(rawLine);
    if (body === '') {
      lines.push({ text: '' });
      afterBlank = true;
      continue;
    }
    if (SETEXT_H1.test(body) && lines.length > 0 && lines[lines.length - 1]!.text !== '') {
      lines[lines.length - 1]!.heading = true;
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
    const ordered = line.heading || bullet ? null : ORDERED.exec(body);
    if (bullet || ordered) {
      while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
      if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
      line.list = { level: indents.length - 1, kind: bullet ? 'bullet' : 'number' };
      if (bullet) line.bullet = bullet[1]!;
      body = (bullet ? bullet[2] : ordered![2])!;
    } else if (indent === 0 && afterBlank) {
      indents.length = 0;
    }
    // The marker is text: escaped, so that a "*" marker is not read as emphasis below.
    if (format === 'md') body = body.replace(FOOTNOTE_REFERENCE, (_all, marker: string) => marker.replace(/\\?([\\`*_{}[\]()#+\-.!|>~"'])/gu, '\\$1'));
    line.text = withoutInlineMarkup(body, format).trim();
    lines.push(line);
    afterBlank = false;
  }
  return lines;
}
