import DiffMatchPatch from 'diff-match-patch';
import { redlineChanges, redlineSides, tokenize, type Token } from '../proposals/wordDiff.ts';
import type { RichText, Run } from '../richText.ts';
import type { AttributedRedline, AttributedSegment } from './compare.ts';

/**
 * Who made each change of a redline (docs/SPEC.md CMP3). The comparison
 * says which words differ between two states of a clause; the history the
 * server recorded (HIST1) says who changed the clause between them, step
 * by step. Replaying the steps word by word, each word of the target
 * remembers the step that inserted it and each word of the base the step
 * that deleted it; the redline's inserted and deleted runs then take those
 * authors, split where the author changes.
 *
 * The history has gaps — changes the server made itself (an accepted
 * proposal), text written before history was kept, a step that began before
 * the base was saved — so a step's `before` need not be the text the
 * previous step left. A gap is bridged by a step of nobody (null): what it
 * inserted or deleted is attributed to nobody, honestly, rather than to
 * whoever happened to be next.
 */

/** One recorded change of a clause's (or heading field's) text: by a participant id, or null for nobody known. */
export interface TextStep {
  by: string | null;
  before: RichText;
  after: RichText;
}

/** Where a word of the replayed text comes from: a word of the base (its index), or a step's insertion. */
type Origin = { base: number } | { by: string | null };

interface Piece {
  token: Token;
  origin: Origin;
}

const tokenKey = (token: Token): string => `${token.italic ? 'i' : '-'}${token.bold ? 'b' : '-'}${token.text}`;
const textKey = (tokens: Token[]): string => tokens.map(tokenKey).join('\u0000');

/** Where each token starts, in characters. */
function offsets(tokens: Token[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const token of tokens) {
    starts.push(at);
    at += token.text.length;
  }
  return starts;
}

/** The part of rich text between two character offsets, marks kept. */
function sliceRuns(runs: RichText, start: number, end: number): RichText {
  const out: RichText = [];
  let at = 0;
  for (const run of runs) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + run.text.length);
    if (from < to) out.push({ ...run, text: run.text.slice(from - at, to - at) });
    at += run.text.length;
  }
  return out;
}

/** The smallest diff of two token sequences, as runs of equal, deleted and inserted tokens (diff-match-patch over one character per distinct word). */
function tokenDiff(a: Token[], b: Token[]): { op: 'equal' | 'delete' | 'insert'; count: number }[] {
  const codes = new Map<string, number>();
  const encode = (tokens: Token[]) => {
    let out = '';
    for (const token of tokens) {
      const key = tokenKey(token);
      let code = codes.get(key);
      if (code === undefined) codes.set(key, (code = codes.size));
      out += String.fromCharCode(code);
    }
    return out;
  };
  const x = encode(a);
  const y = encode(b);
  // Past one character per word, replace everything: far beyond any clause (10,000 characters).
  if (codes.size > 0xffff) return [{ op: 'delete', count: a.length }, { op: 'insert', count: b.length }];
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  return dmp.diff_main(x, y, false).map(([code, symbols]) => ({ op: code === DiffMatchPatch.DIFF_EQUAL ? 'equal' : code === DiffMatchPatch.DIFF_DELETE ? 'delete' : 'insert', count: symbols.length }));
}

/**
 * Replays the steps from the redline's base, and returns who inserted each
 * word of the target (by token index; undefined: a base word, so the
 * history says nothing) and who deleted each word of the base.
 */
function replay(base: RichText, target: RichText, steps: readonly TextStep[]): { insertedBy: (string | null | undefined)[]; deletedBy: Map<number, string | null> } {
  let pieces: Piece[] = tokenize(base).map((token, index) => ({ token, origin: { base: index } }));
  let key = textKey(pieces.map((p) => p.token));
  const deletedBy = new Map<number, string | null>();
  const change = (next: Token[], nextKey: string, by: string | null) => {
    const out: Piece[] = [];
    let i = 0;
    let j = 0;
    // The smallest diff, not the most readable one: it follows the words that really stayed.
    for (const { op, count } of tokenDiff(pieces.map((p) => p.token), next)) {
      for (let n = 0; n < count; n++) {
        if (op === 'insert') {
          out.push({ token: next[j++]!, origin: { by } });
          continue;
        }
        const piece = pieces[i++]!;
        if (op === 'equal') {
          out.push(piece);
          j++;
        } else if ('base' in piece.origin) {
          // A word inserted and deleted again between the two states is not in the redline at all.
          deletedBy.set(piece.origin.base, by);
        }
      }
    }
    pieces = out;
    key = nextKey;
  };
  let lastAfter: string | null = null;
  for (const step of coalesce(steps)) {
    // Most steps go on from the text the last one left: then nothing needs bridging, and it is not tokenized again.
    const beforeJson = JSON.stringify(step.before);
    if (beforeJson !== lastAfter) {
      const before = tokenize(step.before);
      const beforeKey = textKey(before);
      if (beforeKey !== key) change(before, beforeKey, null);
    }
    const after = tokenize(step.after);
    change(after, textKey(after), step.by);
    lastAfter = JSON.stringify(step.after);
  }
  const end = tokenize(target);
  const endKey = textKey(end);
  if (endKey !== key) change(end, endKey, null);
  return { insertedBy: pieces.map((p) => ('by' in p.origin ? p.origin.by : undefined)), deletedBy };
}

/** The same words with the same marks; texts the server stored compare as JSON first, the cheap way. */
const sameText = (a: RichText, b: RichText): boolean => JSON.stringify(a) === JSON.stringify(b) || textKey(tokenize(a)) === textKey(tokenize(b));

/**
 * One participant's consecutive steps, each going on from the text the last
 * left, are one step: every change between is theirs either way, and a long
 * session's history replays in as many diffs as authors took turns, not as
 * many as it has runs.
 */
function coalesce(steps: readonly TextStep[]): TextStep[] {
  const out: TextStep[] = [];
  for (const step of steps) {
    const last = out[out.length - 1];
    if (last && last.by === step.by && sameText(last.after, step.before)) out[out.length - 1] = { by: step.by, before: last.before, after: step.after };
    else out.push(step);
  }
  return out;
}

/** Fills the words the replay says nothing of from their neighbours in the segment; undefined stays where no word of it is known. */
function fillWithin(authors: (string | null | undefined)[]): (string | null | undefined)[] {
  const out = [...authors];
  for (let i = 1; i < out.length; i++) if (out[i] === undefined) out[i] = out[i - 1];
  for (let i = out.length - 2; i >= 0; i--) if (out[i] === undefined) out[i] = out[i + 1];
  return out;
}

interface ChangedSegment {
  segment: AttributedSegment;
  /** Token indexes of its side (the base for a deletion, the target for an insertion). */
  indexes: number[];
  /** Character offset of the segment in its side, and the token starts of that side. */
  start: number;
  starts: number[];
  authors: (string | null | undefined)[];
}

/**
 * The redline with `by` on every inserted and deleted segment: the
 * participant whose step made that change, null when the steps do not say.
 * `steps` are the recorded changes between the redline's two states, oldest
 * first. Equal segments are returned as they are.
 *
 * The readable redline and the replay's word-for-word diff may align
 * repeated words differently ("-{b }c b" against "b c -{b}"): a changed
 * word the replay kept takes the author of the same word the replay changed
 * where the redline keeps it; then its neighbours' in the segment; then the
 * neighbouring change's (the other half of a replacement); then, for a word
 * the redline moves, the author of its other half; else nobody.
 */
export function attributeRedline(redline: AttributedRedline, steps: readonly TextStep[]): AttributedRedline {
  if (!redlineChanges(redline)) return redline;
  const { from, to } = redlineSides(redline);
  const baseTokens = tokenize(from);
  const targetTokens = tokenize(to);
  const { insertedBy, deletedBy } = replay(from, to, steps);
  const baseStarts = offsets(baseTokens);
  const targetStarts = offsets(targetTokens);
  const tokensIn = (starts: number[], start: number, end: number): number[] => {
    const found: number[] = [];
    for (let k = lowerBound(starts, start); k < starts.length && starts[k]! < end; k++) found.push(k);
    return found;
  };

  // Where each segment stands on its side; which words the redline keeps.
  const rows: (ChangedSegment | AttributedSegment)[] = [];
  const keptByRedline = { base: new Set<number>(), target: new Set<number>() };
  let baseAt = 0;
  let targetAt = 0;
  for (const segment of redline) {
    const length = segment.runs.reduce((sum, run) => sum + run.text.length, 0);
    if (segment.op === 'equal') {
      for (const k of tokensIn(baseStarts, baseAt, baseAt + length)) keptByRedline.base.add(k);
      for (const k of tokensIn(targetStarts, targetAt, targetAt + length)) keptByRedline.target.add(k);
      rows.push(segment);
      baseAt += length;
      targetAt += length;
      continue;
    }
    const deleting = segment.op === 'delete';
    const start = deleting ? baseAt : targetAt;
    const starts = deleting ? baseStarts : targetStarts;
    rows.push({ segment, indexes: tokensIn(starts, start, start + length), start, starts, authors: [] });
    if (deleting) baseAt += length;
    else targetAt += length;
  }

  // Changes the replay saw on words the redline keeps, by word, to give to the same word the redline changes instead.
  const unclaimed = { delete: new Map<string, (string | null)[]>(), insert: new Map<string, (string | null)[]>() };
  for (const [k, by] of deletedBy) if (keptByRedline.base.has(k)) pushTo(unclaimed.delete, tokenKey(baseTokens[k]!), by);
  insertedBy.forEach((by, k) => {
    if (by !== undefined && keptByRedline.target.has(k)) pushTo(unclaimed.insert, tokenKey(targetTokens[k]!), by);
  });

  const changed = rows.filter((row): row is ChangedSegment => 'indexes' in row);
  const keyOf = (row: ChangedSegment, n: number) => tokenKey((row.segment.op === 'delete' ? baseTokens : targetTokens)[row.indexes[n]!]!);
  /** Per segment, the words the replay kept though the redline changes them. */
  const keptByReplay = new Map<ChangedSegment, boolean[]>();
  for (const row of changed) {
    const deleting = row.segment.op === 'delete';
    const pool = deleting ? unclaimed.delete : unclaimed.insert;
    const known = row.indexes.map((k) => (deleting ? (deletedBy.has(k) ? deletedBy.get(k) : undefined) : insertedBy[k]));
    keptByReplay.set(row, known.map((a) => a === undefined));
    row.authors = fillWithin(known.map((a, n) => (a !== undefined ? a : pool.get(keyOf(row, n))?.shift())));
  }
  // A segment of which nothing is known: the neighbouring change's author (a replacement is one edit).
  rows.forEach((row, i) => {
    if (!('indexes' in row) || row.authors.some((a) => a !== undefined)) return;
    const before = rows[i - 1];
    const after = rows[i + 1];
    const near = (other: typeof before, last: boolean) => (other && 'indexes' in other ? other.authors.filter((a) => a !== undefined).at(last ? -1 : 0) : undefined);
    const author = near(before, true) ?? near(after, false);
    row.authors = row.authors.map(() => author);
  });
  // Still nothing: a kept word the redline shows deleted here and inserted elsewhere (or the reverse) is one move, of the other half's author.
  const moved = { delete: new Map<string, (string | null)[]>(), insert: new Map<string, (string | null)[]>() };
  for (const row of changed) {
    keptByReplay.get(row)!.forEach((kept, n) => {
      const author = row.authors[n];
      if (kept && author !== undefined) pushTo(moved[row.segment.op === 'delete' ? 'delete' : 'insert'], keyOf(row, n), author);
    });
  }
  for (const row of changed) {
    if (row.authors.some((a) => a !== undefined)) continue;
    const other = moved[row.segment.op === 'delete' ? 'insert' : 'delete'];
    row.authors = fillWithin(row.authors.map((_, n) => other.get(keyOf(row, n))?.shift()));
  }

  const out: AttributedRedline = [];
  for (const row of rows) {
    if (!('indexes' in row)) {
      out.push(row);
      continue;
    }
    const { segment, indexes, start, starts, authors } = row;
    const length = segment.runs.reduce((sum, run) => sum + run.text.length, 0);
    if (indexes.length === 0) {
      out.push({ ...segment, by: null });
      continue;
    }
    // One segment per run of one author.
    let sliceStart = 0;
    for (let n = 0; n < indexes.length; n++) {
      if (n + 1 < indexes.length && authors[n + 1] === authors[n]) continue;
      const end = n + 1 < indexes.length ? starts[indexes[n + 1]!]! - start : length;
      out.push({ op: segment.op, runs: sliceRuns(segment.runs, sliceStart, end), by: authors[n] ?? null });
      sliceStart = end;
    }
  }
  return out;
}

function pushTo(map: Map<string, (string | null)[]>, key: string, value: string | null): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function lowerBound(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Neighbouring runs with the same marks joined. */
function joinRuns(runs: RichText): RichText {
  const out: Run[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last && !!last.italic === !!run.italic && !!last.bold === !!run.bold && !last.comments && !run.comments) out[out.length - 1] = { ...last, text: last.text + run.text };
    else if (run.text !== '') out.push({ ...run });
  }
  return out;
}

/**
 * Only one participant's changes (CMP3 `by`): their insertions and
 * deletions stay; everyone else's insertions read as the text they are in
 * the target, everyone else's deletions are gone, as the target reads.
 */
export function changesBy(redline: AttributedRedline, participantId: string): AttributedRedline {
  const out: AttributedRedline = [];
  for (const segment of redline) {
    const mine = segment.op !== 'equal' && segment.by === participantId;
    if (segment.op === 'delete' && !mine) continue;
    const kept: AttributedSegment = mine ? segment : { op: 'equal', runs: segment.runs };
    const last = out[out.length - 1];
    if (kept.op === 'equal' && last?.op === 'equal') out[out.length - 1] = { op: 'equal', runs: joinRuns([...last.runs, ...kept.runs]) };
    else out.push(kept);
  }
  return out;
}
