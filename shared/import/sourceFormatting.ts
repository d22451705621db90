import { cleanText } from './cleanText.ts';
import { MAX_CLAUSE_CHARS, MAX_NOTE_CHARS } from './limits.ts';
import type { DraftLine } from './draftLine.ts';
import type { FormattedField, ParsedDraft, ParsedItem, SourceRun } from './parsedDraft.ts';

/**
 * The source's italics and bold put back on the parts the recogniser found
 * (docs/SPEC.md IMP8). The recogniser (recognise.ts) works on plain text;
 * afterwards each part's text is found again, in file order, in the
 * characters of the lines it came from, and takes their italics and bold.
 * White space is not compared (the recogniser joins wrapped lines and
 * collapses spaces), and what the recogniser took away — typed numbers,
 * "Note:" labels, article lines — is skipped over, since each part is
 * looked for from where the one before it ended (and not much further). A
 * part not found keeps no runs and gets the derived italics (IMP4):
 * formatting is never guessed.
 */

/**
 * The longest part a declaration can hold (a clause, the note): a longer one
 * is refused by create until the chair splits it in the preview, where it
 * would keep only the derived italics anyway, so its formatting is not
 * looked for — a 5 MB file read as one endless note would otherwise cost
 * seconds (IMP16).
 */
const MAX_FORMATTED_CHARS = Math.max(MAX_CLAUSE_CHARS, MAX_NOTE_CHARS);

/** How far past the part before a part is looked for: more than any masthead, heading or signature page between two parts. */
const SKIP_CHARS = 50_000;

const ITALIC = 1;
const BOLD = 2;

/** Characters a part's text is not compared by: white space (as `\s`) and what cleanText takes away. A test of the code unit, not a regular expression: it runs once per character of the file. */
function ignored(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0xad ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2060 ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The same characters as `ignored`, for the native replace that compacts a whole run at once. */
const IGNORED_RUNS = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]+/gu;

/** How much of the stream is made at a time, at least. */
const BLOCK_CHARS = 1 << 20;

/**
 * The file's visible characters, in order, with the marks of each — made
 * only as far as the parts looked for reach, a block at a time: a file read
 * as one endless note (whose formatting is not looked for) is never
 * compacted past the parts before it (IMP16). Only the stretch from the
 * part before onwards is kept.
 */
class Stream {
  private line = 0;
  /** Compacted runs not yet in `chars`, with their marks. */
  private chars = '';
  private marks = new Uint8Array(0);
  /** The stream offset of `chars[0]`. */
  private base = 0;

  constructor(private readonly lines: readonly DraftLine[]) {}

  /** The characters in [from, to), fewer at the end of the file. `from` never goes back before an earlier call's. */
  text(from: number, to: number): string {
    this.cover(from, to);
    return this.chars.slice(from - this.base, to - this.base);
  }

  /** The marks of the characters in [from, to), covered by an earlier `text`. */
  marksOf(from: number, to: number): Uint8Array {
    return this.marks.subarray(from - this.base, to - this.base);
  }

  private cover(from: number, to: number): void {
    if (to <= this.base + this.chars.length || this.line >= this.lines.length) return;
    const pieces: string[] = [this.chars.slice(from - this.base)];
    const kinds: number[] = [0];
    const lengths: number[] = [pieces[0]!.length];
    let made = lengths[0]!;
    const want = Math.max(to - from, BLOCK_CHARS);
    while (made < want && this.line < this.lines.length) {
      const line = this.lines[this.line++]!;
      for (const run of line.runs ?? [{ text: line.text }]) {
        const compact = run.text.replace(IGNORED_RUNS, '');
        if (compact === '') continue;
        pieces.push(compact);
        lengths.push(compact.length);
        kinds.push((run.italic ? ITALIC : 0) | (run.bold ? BOLD : 0));
        made += compact.length;
      }
    }
    const marks = new Uint8Array(made);
    marks.set(this.marks.subarray(from - this.base, from - this.base + lengths[0]!));
    let at = lengths[0]!;
    for (let i = 1; i < lengths.length; i++) {
      if (kinds[i] !== 0) marks.fill(kinds[i]!, at, at + lengths[i]!);
      at += lengths[i]!;
    }
    this.chars = pieces.join('');
    this.marks = marks;
    this.base = from;
  }
}

/** Characters with the same marks as runs; none when no character is italic or bold. */
export function runsOfMarks(text: string, marks: ArrayLike<number>): SourceRun[] | undefined {
  const runs: SourceRun[] = [];
  let any = false;
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    const mark = marks[from] ?? 0;
    if (i < text.length && (marks[i] ?? 0) === mark) continue;
    if (mark !== 0) any = true;
    runs.push({ text: text.slice(from, i), ...(mark & ITALIC ? { italic: true } : {}), ...(mark & BOLD ? { bold: true } : {}) });
    from = i;
  }
  return any ? runs : undefined;
}

/** Finds texts in the stream one after another, each from where the one before it ended. */
class Aligner {
  private cursor = 0;

  constructor(private readonly stream: Stream) {}

  runs(value: string | null | undefined): SourceRun[] | undefined {
    if ((value ?? '').length > MAX_FORMATTED_CHARS * 2) return undefined;
    const text = cleanText(value ?? '');
    if (text.length > MAX_FORMATTED_CHARS) return undefined;
    const compact = text.replace(IGNORED_RUNS, '');
    if (compact === '') return undefined;
    // Looked for just after the part before, past what the recogniser left out between them (a heading, a masthead, a page of signatures): never the whole file, so that a part not found costs little (IMP16).
    const window = this.stream.text(this.cursor, this.cursor + compact.length + SKIP_CHARS);
    const found = window.indexOf(compact);
    if (found === -1) return undefined;
    const at = this.cursor + found;
    this.cursor = at + compact.length;
    // Most parts have no mark at all: known at native speed, before any work per character.
    const own = this.stream.marksOf(at, at + compact.length);
    if (own.indexOf(ITALIC) === -1 && own.indexOf(BOLD) === -1 && own.indexOf(ITALIC | BOLD) === -1) return undefined;
    const skip = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) if (ignored(text.charCodeAt(i))) skip[i] = 1;
    const marks = new Uint8Array(text.length);
    let k = 0;
    for (let i = 0; i < text.length; i++) {
      if (!skip[i]) marks[i] = own[k++]!;
    }
    // A space takes the marks both its neighbours share: "*Bearing in mind*" is italic through its spaces, not past them (cleanText leaves single spaces).
    for (let i = 0; i < text.length; i++) {
      if (!skip[i]) continue;
      let before = i - 1;
      while (before >= 0 && skip[before]) before--;
      let after = i + 1;
      while (after < text.length && skip[after]) after++;
      marks[i] = before >= 0 && after < text.length ? marks[before]! & marks[after]! : 0;
    }
    return runsOfMarks(text, marks);
  }
}

/** The draft with the source's italics and bold on each part that has some (`runs`, `formatting`); unchanged when the file has none (.txt). */
export function withSourceFormatting(draft: ParsedDraft, lines: readonly DraftLine[]): ParsedDraft {
  if (!lines.some((line) => line.runs !== undefined)) return draft;
  const align = new Aligner(new Stream(lines));
  const formatting: Partial<Record<FormattedField, SourceRun[]>> = {};
  const field = (key: FormattedField) => {
    const runs = align.runs(draft[key]);
    if (runs) formatting[key] = runs;
  };
  const withRuns = <T extends { text: string }>(part: T): T => {
    const runs = align.runs(part.text);
    return runs ? { ...part, runs } : part;
  };
  // File order, as every exporter prints the parts (EXP11).
  field('conference');
  field('title');
  field('subtitle');
  field('chapeau');
  const preamble = draft.preamble.map(withRuns);
  field('formula');
  const item = (entry: ParsedItem): ParsedItem => {
    const own = withRuns(entry);
    return { ...own, subitems: entry.subitems.map(item) };
  };
  const operative = draft.operative.map(item);
  field('closing');
  field('note');
  const footnotes = draft.footnotes?.map(withRuns);
  return {
    ...draft,
    preamble,
    operative,
    ...(footnotes ? { footnotes } : {}),
    ...(Object.keys(formatting).length > 0 ? { formatting } : {}),
  };
}

/** A part's runs if they still are its text (joined, they equal its text after cleanText), else none: an edited text drops runs that no longer fit it. */
export function validRuns(text: string | null | undefined, runs: readonly SourceRun[] | undefined): SourceRun[] | null {
  if (!runs || runs.length === 0) return null;
  return runs.map((run) => run.text).join('') === cleanText(text ?? '') ? [...runs] : null;
}
