import type { RichText } from '../richText.ts';
import type { Proposal } from './proposal.ts';
import { tokenize, tokensToRuns, wordRedline, wordSteps, type Redline, type Token } from './wordDiff.ts';

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
 * changed the same words, both changes stand (the redline shows it, and the
 * decider sees it before accepting).
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
  return tokens.map((t) => `${t.italic ? 'i' : '-'}${t.bold ? 'b' : '-'}${t.text}`).join('\u0000');
}

/** What one side did to the base's words: the words inserted before each base word (and at the end), and which it deleted. */
function editsOf(base: RichText, side: RichText, length: number): { inserted: Token[][]; deleted: boolean[] } {
  const inserted = Array.from({ length: length + 1 }, () => [] as Token[]);
  const deleted = new Array<boolean>(length).fill(false);
  let at = 0;
  for (const step of wordSteps(base, side)) {
    if (step.op === 'equal') at += step.tokens.length;
    else if (step.op === 'delete') for (let i = 0; i < step.tokens.length; i++) deleted[at++] = true;
    else inserted[at]!.push(...step.tokens);
  }
  return { inserted, deleted };
}

/**
 * The three-way merge over words: `base` edited into `mine` (the proposal)
 * and into `theirs` (the clause now). A base word stays if neither deleted
 * it; at one place, the clause's insertions come before the proposal's, and
 * the same insertion made by both is made once.
 */
export function rebaseWords(base: RichText, mine: RichText, theirs: RichText): RichText {
  const words = tokenize(base);
  if (key(words) === key(tokenize(theirs))) return mine;
  const proposal = editsOf(base, mine, words.length);
  const clause = editsOf(base, theirs, words.length);
  const out: Token[] = [];
  for (let i = 0; i <= words.length; i++) {
    const a = clause.inserted[i]!;
    const b = proposal.inserted[i]!;
    out.push(...a);
    if (key(a) !== key(b)) out.push(...b);
    if (i < words.length && !proposal.deleted[i] && !clause.deleted[i]) out.push(words[i]!);
  }
  return tokensToRuns(out);
}
