import DiffMatchPatch from 'diff-match-patch';
import type { SourceRun } from '../../shared/import/parsedDraft.ts';
import { runsOfMarks } from '../../shared/import/sourceFormatting.ts';

/**
 * The source's italics and bold of a part (IMP8) carried over to its text
 * as the chair edits it in the import preview: the old and the new text are
 * compared word by word (diff-match-patch over one character per distinct
 * word, space or punctuation mark), so that the words the chair did not
 * touch keep their italics and bold — a retyped word is a new one, not
 * letters that happen to stay; inserted words
 * take only the marks the characters on both sides of them share (typing
 * inside an italic phrase stays italic, typing after it does not). Without
 * runs, or with no mark left, the part has none: the seed then derives its
 * italics (IMP4).
 */
const ITALIC = 1;
const BOLD = 2;

const markOf = (run: SourceRun) => (run.italic ? ITALIC : 0) | (run.bold ? BOLD : 0);

export function keepFormatting(runs: readonly SourceRun[] | undefined, text: string): SourceRun[] | undefined {
  if (!runs || runs.length === 0) return undefined;
  const old = runs.map((run) => run.text).join('');
  if (old === text) return runsOfMarks(text, marksOf(runs));
  const oldMarks = marksOf(runs);
  const a = tokens(old);
  const b = tokens(text);
  const codes = new Map<string, number>();
  const encode = (list: string[]) => list.map((token) => String.fromCharCode(codes.get(token) ?? (codes.set(token, codes.size), codes.size - 1))).join('');
  const x = encode(a);
  const y = encode(b);
  const marks: number[] = [];
  // Past one character per token, nothing is kept: far beyond any clause (10,000 characters).
  if (codes.size > 0xffff) return undefined;
  const dmp = new DiffMatchPatch();
  // A clause is at most 10,000 characters: the exact diff is quick enough, and a cut-off one would lose formatting.
  dmp.Diff_Timeout = 0;
  // Positions in the old tokens, the old characters and the new tokens.
  let oldToken = 0;
  let at = 0;
  let newToken = 0;
  const length = (list: string[], from: number, count: number) => list.slice(from, from + count).reduce((sum, t) => sum + t.length, 0);
  for (const [op, piece] of dmp.diff_main(x, y, false)) {
    const count = piece.length;
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      const chars = length(a, oldToken, count);
      for (let k = 0; k < chars; k++) marks.push(oldMarks[at + k] ?? 0);
      at += chars;
      oldToken += count;
      newToken += count;
    } else if (op === DiffMatchPatch.DIFF_DELETE) {
      at += length(a, oldToken, count);
      oldToken += count;
    } else {
      const shared = at > 0 && at < old.length ? oldMarks[at - 1]! & oldMarks[at]! : 0;
      const chars = length(b, newToken, count);
      for (let k = 0; k < chars; k++) marks.push(shared);
      newToken += count;
    }
  }
  return runsOfMarks(text, marks);
}

/** Words, runs of white space and single other characters: what an edit keeps or replaces. */
function tokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

/** Runs one after the other, as one text with its marks: a merged row's formatting, `between` joining them unmarked. */
export function joinRuns(first: readonly SourceRun[] | undefined, firstText: string, second: readonly SourceRun[] | undefined, secondText: string, between = ' '): SourceRun[] | undefined {
  if (!first && !second) return undefined;
  return [...(first ?? [{ text: firstText }]), { text: between }, ...(second ?? [{ text: secondText }])];
}

function marksOf(runs: readonly SourceRun[]): number[] {
  const marks: number[] = [];
  for (const run of runs) for (let k = 0; k < run.text.length; k++) marks.push(markOf(run));
  return marks;
}
