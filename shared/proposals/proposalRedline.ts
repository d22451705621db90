import type { RichText } from '../richText.ts';
import type { Proposal } from './proposal.ts';
import { keyOf, tokenize, tokensToRuns, wordRedline, wordSteps, type Redline, type Token } from './wordDiff.ts';

/**
 * What a proposal proposes now, against the clause as it stands (docs/SPEC.md
 * PROP4, PROP7): the one home of "the redline of a proposal", read by the
 * screen, the exports and the accept route alike.
 *
 * New wording was written against the clause as it read then (`baseText`).
 * When others have changed the clause since, the proposal's own word changes
 * are carried over onto the text now — a three-way merge over words — so
 * that its redline shows what the proposal changes, not every word typed
 * since as struck out, and accepting it keeps those words. Where both sides
 * changed the same place, the proposal stays as written (rebaseWords).
 */
export function proposedTextNow(proposal: Pick<Proposal, 'action' | 'text' | 'baseText'>, current: RichText): RichText {
  if (proposal.action === 'delete') return [];
  if (proposal.action !== 'replace') return proposal.text;
  return rebaseWords(proposal.baseText, proposal.text, current);
}

/**
 * The redline to show for a proposal now: new wording against the clause's
 * current text; a deletion strikes the whole clause; a new paragraph is all
 * inserted.
 */
export function proposalRedline(proposal: Pick<Proposal, 'action' | 'text' | 'baseText'>, current: RichText): Redline {
  if (proposal.action === 'replace' || proposal.action === 'delete') return wordRedline(current, proposedTextNow(proposal, current));
  return wordRedline([], proposal.text);
}

/** The redline as the proposal was made: against the text it was made on (PROP4's "see it against the text it was made on"). */
export function originalRedline(proposal: Pick<Proposal, 'action' | 'text' | 'baseText'>): Redline {
  if (proposal.action === 'replace') return wordRedline(proposal.baseText, proposal.text);
  if (proposal.action === 'delete') return wordRedline(proposal.baseText, []);
  return wordRedline([], proposal.text);
}

/** Whether the clause has changed since the proposal was made (its text, formatting included). */
export function changedSince(proposal: Pick<Proposal, 'baseText'>, current: RichText): boolean {
  return key(tokenize(proposal.baseText)) !== key(tokenize(current));
}

function key(tokens: Token[]): string {
  return tokens.map(keyOf).join('\u0001');
}

/** What one side did to the base's words: the words inserted before each base word (and at the end), and which it deleted. */
function editsOf(base: RichText, side: RichText, length: number): { inserted: Token[][]; deleted: boolean[] } {
  const inserted = Array.from({ length: length + 1 }, () => [] as Token[]);
  const deleted = new Array<boolean>(length).fill(false);
  let at = 0;
  for (const step of wordSteps(base, side, { semantic: false })) {
    if (step.op === 'equal') at += step.tokens.length;
    else if (step.op === 'delete') for (let i = 0; i < step.tokens.length; i++) deleted[at++] = true;
    else inserted[at]!.push(...step.tokens);
  }
  return { inserted, deleted };
}

/**
 * The three-way merge over words: `base` edited into `mine` (the proposal)
 * and into `theirs` (the clause now). When the two sides changed different
 * places, a base word stays if neither deleted it, and at one place the
 * clause's insertions come before the proposal's. When they touched the
 * same place — both inserted there, or one changed words the other deleted
 * or wrote beside — no merge can say what the proposer meant: the proposal
 * stays as written, and its redline against the text now shows everything
 * that differs. The diffs are the smallest ones, without semantic cleanup,
 * so that words both sides kept are never counted as changed by either.
 */
export function rebaseWords(base: RichText, mine: RichText, theirs: RichText): RichText {
  const words = tokenize(base);
  if (key(words) === key(tokenize(theirs))) return mine;
  const proposal = editsOf(base, mine, words.length);
  const clause = editsOf(base, theirs, words.length);
  const touched = (edits: { inserted: Token[][]; deleted: boolean[] }, i: number) =>
    edits.inserted[i]!.length > 0 || (i < words.length && edits.deleted[i]!) || (i > 0 && edits.deleted[i - 1]!);
  for (let i = 0; i <= words.length; i++) {
    if (touched(proposal, i) && touched(clause, i)) return mine;
  }
  const out: Token[] = [];
  for (let i = 0; i <= words.length; i++) {
    out.push(...clause.inserted[i]!, ...proposal.inserted[i]!);
    if (i < words.length && !proposal.deleted[i] && !clause.deleted[i]) out.push(words[i]!);
  }
  return tokensToRuns(out);
}
