import type { SourceRun } from './parsedDraft.ts';

/**
 * One line of a draft as a file reader hands it to the recogniser
 * (recognise.ts): its text, with the markup of the file format removed, and
 * what the format says about it that the text alone does not.
 */
export type ListKind = 'number' | 'letter' | 'roman' | 'bullet';

export interface DraftLine {
  text: string;
  /**
   * The line's italics and bold, as the file marks them (Word's w:i, w:b and
   * the Emphasis and Strong styles; Markdown's `*…*`, `**…**`). Absent when the line has none, and always for
   * plain text (.txt has no formatting). Joined, they are `text` (a Word
   * footnote's line: white space and the printed mark aside).
   * shared/import/sourceFormatting.ts copies them onto the parts.
   */
  runs?: SourceRun[];
  /**
   * An automatic list item (Word numbering, a Markdown list): its nesting
   * level (0 at the top) and the kind of number it shows. The number itself
   * is not in `text`; `value` is the number typed before a Markdown or
   * text list item ("12." gives 12), which tells whether a "1000." after it
   * continues the numbering (recognise.ts, IMP19).
   */
  list?: { level: number; kind: ListKind; value?: number };
  /** The bullet typed before a list item ("-", "*", "•"): a "*" line after a rule is a footnote, not a bullet (footnotes.ts). */
  bullet?: string;
  /** The line ends a paragraph of the file (a Word paragraph): it is never joined with the next line. */
  ends?: boolean;
  /** Set apart as a heading: Markdown `#`, a Word Title or Heading style, a line wholly in bold. */
  heading?: boolean;
  /** Comes from a table cell (Word): signature pages are often tables. */
  table?: boolean;
  /** A rule (Markdown `---`, a line of underscores): no text, but it may set the footnotes apart. */
  rule?: boolean;
  /** The text of a footnote the format marks as such (Markdown `[^1]: …`, Word's footnotes.xml), without its marker; `note` is the marker. */
  note?: string;
}

/** Lines of plain text, nothing known about them but their text: what the recogniser's tests start from. */
export function plainLines(text: string): DraftLine[] {
  return text.split(/\r\n|\r|\n/).map((line) => ({ text: line }));
}
