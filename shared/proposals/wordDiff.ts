import DiffMatchPatch from 'diff-match-patch';
import type { RichText, Run } from '../richText.ts';

/**
 * The redline of a proposal (docs/SPEC.md PROP4): a word diff between two
 * rich texts, computed with diff-match-patch over words rather than
 * characters — each word, space run or punctuation mark becomes one symbol
 * (the way diff-match-patch's own `diff_linesToChars_` turns lines into
 * symbols), the symbols are diffed and cleaned up semantically, and the
 * symbols are turned back into words. "shall" → "should" is then one
 * replaced word, never "sha[ll]ould".
 *
 * A word's identity includes its italics and bold, and the footnote it
 * is the reference marker of (FN2), so a word that only changes formatting
 * is shown (and applied) as replaced. Comment marks are not part of it:
 * they belong to the clause's text, not to a proposal.
 */
export type RedlineOp = 'equal' | 'insert' | 'delete';

export interface RedlineSegment {
  op: RedlineOp;
  runs: RichText;
}

export type Redline = RedlineSegment[];

export interface Token {
  text: string;
  italic: boolean;
  bold: boolean;
  /** The footnote whose reference marker this is (Run.footnote); absent for other text. */
  footnote?: string;
}

/** A word (letters, digits and marks, joined by an apostrophe or a hyphen), a run of spaces, or one other character. */
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*|\s+|[^\s\p{L}\p{N}\p{M}]/gu;

export function tokenize(text: RichText): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    // Neighbouring runs that differ only in comment marks are one stretch:
    // a comment anchored inside a word must not split it into two words
    // (the word would then read as replaced, and lose its comment on accept).
    const italic = !!text[i]!.italic;
    const bold = !!text[i]!.bold;
    const footnote = text[i]!.footnote;
    let stretch = '';
    while (i < text.length && !!text[i]!.italic === italic && !!text[i]!.bold === bold && text[i]!.footnote === footnote) stretch += text[i++]!.text;
    for (const match of stretch.matchAll(TOKEN)) tokens.push({ text: match[0], italic, bold, ...(footnote !== undefined ? { footnote } : {}) });
  }
  return tokens;
}

/** A token's identity: its marks and its characters (a footnote id holds no NUL). */
export function keyOf(token: Token): string {
  return `${token.italic ? 'i' : '-'}${token.bold ? 'b' : '-'}${token.footnote ?? ''}\u0000${token.text}`;
}

/** Turns tokens into one character each (its index among the distinct words of both texts). */
function encode(tokens: Token[], index: Map<string, number>, words: Token[]): string {
  let out = '';
  for (const token of tokens) {
    const key = keyOf(token);
    let code = index.get(key);
    if (code === undefined) {
      code = words.length;
      index.set(key, code);
      words.push(token);
    }
    out += String.fromCharCode(code);
  }
  return out;
}

/** Tokens back into rich text, neighbours with the same marks joined. */
export function tokensToRuns(tokens: Token[]): RichText {
  const runs: RichText = [];
  for (const token of tokens) {
    const last = runs[runs.length - 1];
    if (last && !!last.italic === token.italic && !!last.bold === token.bold && last.footnote === token.footnote) {
      last.text += token.text;
      continue;
    }
    const run: Run = { text: token.text };
    if (token.italic) run.italic = true;
    if (token.bold) run.bold = true;
    if (token.footnote !== undefined) run.footnote = token.footnote;
    runs.push(run);
  }
  return runs;
}

const OP: Record<number, RedlineOp> = { [DiffMatchPatch.DIFF_EQUAL]: 'equal', [DiffMatchPatch.DIFF_INSERT]: 'insert', [DiffMatchPatch.DIFF_DELETE]: 'delete' };

/** One step of a word diff, in tokens: what applyWordDiff writes into a Y.XmlText. */
export interface WordStep {
  op: RedlineOp;
  tokens: Token[];
}

/**
 * The word diff from `from` (the clause as it stands) to `to` (the
 * proposal), in tokens. Within each stretch of changes the deletion comes
 * before the insertion that replaces it. More than 65,536 distinct words
 * cannot be encoded one per character; a clause holds at most 10,000
 * characters, far below.
 */
export function wordSteps(from: RichText, to: RichText, { semantic = true }: { semantic?: boolean } = {}): WordStep[] {
  const index = new Map<string, number>();
  const words: Token[] = [];
  const a = encode(tokenize(from), index, words);
  const b = encode(tokenize(to), index, words);
  if (words.length > 0xffff) throw new RangeError('too many distinct words to diff');
  const dmp = new DiffMatchPatch();
  // Never settle for a rougher diff: the texts are small, and a redline must be the best one.
  dmp.Diff_Timeout = 0;
  const diffs = dmp.diff_main(a, b, false);
  // Semantic cleanup makes a redline readable; a merge wants the smallest diff instead (proposalRedline.ts).
  if (semantic) dmp.diff_cleanupSemantic(diffs);
  const steps: WordStep[] = [];
  let deleted: Token[] = [];
  let inserted: Token[] = [];
  const flush = () => {
    if (deleted.length > 0) steps.push({ op: 'delete', tokens: deleted });
    if (inserted.length > 0) steps.push({ op: 'insert', tokens: inserted });
    deleted = [];
    inserted = [];
  };
  for (const [code, symbols] of diffs) {
    // By code unit, not code point: two symbols may read as a surrogate pair.
    const tokens = Array.from({ length: symbols.length }, (_, i) => words[symbols.charCodeAt(i)]!);
    const op = OP[code]!;
    if (op === 'delete') deleted.push(...tokens);
    else if (op === 'insert') inserted.push(...tokens);
    else if (tokens.length > 0) {
      flush();
      const last = steps[steps.length - 1];
      if (last?.op === 'equal') last.tokens.push(...tokens);
      else steps.push({ op, tokens });
    }
  }
  flush();
  return steps;
}

/** The word redline from `from` (the clause as it stands) to `to` (the proposal), as rich text to show. */
export function wordRedline(from: RichText, to: RichText): Redline {
  return wordSteps(from, to).map((step) => ({ op: step.op, runs: tokensToRuns(step.tokens) }));
}

/** The text a redline was computed from (its equal and deleted words) and the one it leads to (equal and inserted). */
export function redlineSides(redline: Redline): { from: RichText; to: RichText } {
  const from: Token[] = [];
  const to: Token[] = [];
  for (const segment of redline) {
    const tokens = tokenize(segment.runs);
    if (segment.op !== 'insert') from.push(...tokens);
    if (segment.op !== 'delete') to.push(...tokens);
  }
  return { from: tokensToRuns(from), to: tokensToRuns(to) };
}

/** Whether a redline changes anything. */
export function redlineChanges(redline: Redline): boolean {
  return redline.some((segment) => segment.op !== 'equal');
}
