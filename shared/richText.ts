/**
 * Rich text as plain data: a run of characters sharing the same marks.
 * The only marks a clause may carry are the ones a printed declaration uses.
 */
export interface Run {
  text: string;
  italic?: boolean;
  bold?: boolean;
  /** Ids of the comment threads anchored on this run (the `comment` mark). Not printed. */
  comments?: string[];
  /** The id of the footnote this run is the reference marker of (the `footnote` mark; Declaration.footnotes). */
  footnote?: string;
}

export type RichText = Run[];

/** A run list built from a plain string (no marks). */
export function plain(text: string): RichText {
  return text === '' ? [] : [{ text }];
}

/** A preambular-style text: `opening` in italics, then `rest`. */
export function opening(openingPhrase: string, rest: string): RichText {
  return [{ text: openingPhrase, italic: true }, ...plain(rest)];
}

export function toPlainText(text: RichText): string {
  return text.map((run) => run.text).join('');
}
