import DiffMatchPatch from 'diff-match-patch';
import { MAX_CLAUSE_CHARS } from '../../shared/document/limits.ts';
import { mergeRuns } from '../../shared/document/richTextFragment.ts';
import { newId } from '../../shared/ids.ts';
import { hasReactions, MAX_OPEN_PROPOSALS_PER_PARTICIPANT, type Proposal, type ProposalOrigin } from '../../shared/proposals/proposal.ts';
import { mayPropose } from '../../shared/proposals/proposalRules.ts';
import type { RefusalReason } from '../../shared/refusedChange.ts';
import type { RichText, Run } from '../../shared/richText.ts';
import type { Role } from '../../shared/roles.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import { countOpenProposals, findProposal, insertProposal, updateProposalText } from '../db/proposals.ts';

/**
 * Refused typing becomes a proposal by its author, so that nothing typed is
 * lost (docs/SPEC.md PROP10, PROP11): wording typed into a clause in
 * "proposals only" mode (`typed`), or into a clause that was agreed
 * meanwhile (`typed-while-agreed`). The room calls this after the enforce
 * step has put the text back (server/relay/room.ts), and mirrors the result.
 *
 * Every keystroke is an update, so every keystroke is a refusal: while the
 * author's latest proposal of that origin on that clause is open and nobody
 * has reacted to it, the keystroke is merged into it instead of making a
 * new one. The server has already undone the earlier keystrokes, so the
 * wording attempted now holds only the latest one ("Decide now" after
 * "Decide n" was refused reads "Decide o"): it is merged into the
 * proposal's text by a three-way merge over their common base, the clause
 * as it stands (`mergeTyped`), which gives back "Decide now".
 */
export interface RefusedWording {
  clauseId: string;
  reason: RefusalReason;
  /** The clause's wording as its author made it, and as it stays (no comment marks). */
  attempted: RichText;
  kept: RichText;
}

export interface Author {
  id: string;
  name: string;
  role: Role;
}

const ORIGIN: Partial<Record<RefusalReason, ProposalOrigin>> = { 'proposals-only': 'typed', agreed: 'typed-while-agreed' };

/**
 * Makes or updates the proposal for one refused change of wording; returns
 * it as stored, or null when there is nothing to propose (the wording did
 * not change, is blank or over the limit, or the refusal is of another kind).
 * `known` is the document's mirror of the proposals, to find the one to
 * continue without reading every proposal from SQLite on every keystroke.
 */
export function proposeFromRefusal(db: Db, declarationId: string, author: Author, refused: RefusedWording, known: Iterable<Proposal>, at = Date.now()): Proposal | null {
  const origin = ORIGIN[refused.reason];
  if (origin === undefined || !mayPropose(author.role) || same(refused.attempted, refused.kept)) return null;
  const latest = latestOf(known, author.id, refused.clauseId, origin);
  const current = latest === null ? null : findProposal(db, declarationId, latest.id);
  if (current !== null && current.state === 'open' && !hasReactions(current) && current.authorId === author.id && current.action === 'replace') {
    const text = mergeTyped(current.baseText, current.text, refused.kept, refused.attempted);
    // Words that cancel out, or went over the limit, leave the proposal as it was: the refusal still leads to it.
    if (!proposable(text) || same(text, refused.kept) || (same(text, current.text) && same(current.baseText, refused.kept))) return current;
    db.transaction(() => {
      updateProposalText(db, current.id, text, refused.kept, at);
      appendAudit(db, declarationId, { actor: author.name, action: 'proposal-edited', clauseId: refused.clauseId, detail: { proposalId: current.id, origin }, at });
    })();
    return findProposal(db, declarationId, current.id);
  }
  if (!proposable(refused.attempted)) return null;
  // The same bound as the API's (PROP1): past it, the typing stays in the refused-change notice only.
  if (countOpenProposals(db, declarationId, author.id) >= MAX_OPEN_PROPOSALS_PER_PARTICIPANT) return null;
  const id = newId();
  db.transaction(() => {
    insertProposal(db, declarationId, {
      id,
      clauseId: refused.clauseId,
      action: 'replace',
      text: refused.attempted,
      kind: null,
      baseText: refused.kept,
      justification: '',
      authorId: author.id,
      origin,
      at,
    });
    appendAudit(db, declarationId, { actor: author.name, action: 'proposal-made', clauseId: refused.clauseId, detail: { proposalId: id, origin }, at });
  })();
  return findProposal(db, declarationId, id);
}

/** The author's most recent proposal of this origin on this clause, whatever its state. */
function latestOf(known: Iterable<Proposal>, authorId: string, clauseId: string, origin: ProposalOrigin): Proposal | null {
  let latest: Proposal | null = null;
  for (const proposal of known) {
    if (proposal.authorId !== authorId || proposal.clauseId !== clauseId || proposal.origin !== origin) continue;
    if (latest === null || proposal.at > latest.at || (proposal.at === latest.at && proposal.id > latest.id)) latest = proposal;
  }
  return latest;
}

/** Wording a proposal may hold (as the API requires of it, PROP1): not blank, within the clause limit. */
function proposable(text: RichText): boolean {
  const plain = text.map((run) => run.text).join('');
  return plain.trim() !== '' && plain.length <= MAX_CLAUSE_CHARS;
}

function same(a: RichText, b: RichText): boolean {
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

function normal(text: RichText): RichText {
  return mergeRuns(text.map((run) => ({ text: run.text, ...(run.italic ? { italic: true } : {}), ...(run.bold ? { bold: true } : {}), ...(run.footnote !== undefined ? { footnote: run.footnote } : {}) })));
}

/**
 * The proposal's wording with the newly attempted change merged in. Both
 * are edits of a clause text: the proposal of `base` (the text it was made
 * against), the attempt of `kept` (the text now). If others changed the
 * clause since, the proposal is first carried over onto the text now; then
 * the attempt is merged in. At a place where both insert, the proposal's
 * words come first: they were typed first.
 */
export function mergeTyped(base: RichText, proposal: RichText, kept: RichText, attempted: RichText): RichText {
  const symbols = new Symbols();
  const [b, p, k, a] = [base, proposal, kept, attempted].map((text) => symbols.encode(text)) as [string, string, string, string];
  const rebased = b === k ? p : merge3(b, p, k);
  return symbols.decode(merge3(k, rebased, a));
}

/** Each character with its italics, bold and footnote reference (FN2) as one symbol, so that a change of formatting is a change like any other. */
class Symbols {
  private readonly codes = new Map<string, string>();
  private readonly runs: Run[] = [];

  encode(text: RichText): string {
    let out = '';
    for (const run of text) {
      for (const char of run.text) {
        const key = `${run.italic ? 'i' : '-'}${run.bold ? 'b' : '-'}${run.footnote ?? ''}\u0000${char}`;
        let code = this.codes.get(key);
        if (code === undefined) {
          // Past the surrogates, so that every symbol is one whole UTF-16 unit.
          const n = this.runs.length;
          code = String.fromCharCode(n < 0xd800 ? n : n + 0x800);
          this.codes.set(key, code);
          this.runs.push({ text: char, ...(run.italic ? { italic: true } : {}), ...(run.bold ? { bold: true } : {}), ...(run.footnote !== undefined ? { footnote: run.footnote } : {}) });
        }
        out += code;
      }
    }
    return out;
  }

  decode(symbols: string): RichText {
    return mergeRuns([...symbols].map((code) => this.runs[code.charCodeAt(0) < 0xd800 ? code.charCodeAt(0) : code.charCodeAt(0) - 0x800]!));
  }
}

const dmp = new DiffMatchPatch();
// A slower diff is only less minimal, never wrong for the merge; a keystroke's diff is found at once (common prefix and suffix).
dmp.Diff_Timeout = 0.2;

/** What `other` did to `base`: the text inserted before each position, and which positions it deleted. */
function editsOf(base: string, other: string): { inserted: string[]; deleted: boolean[] } {
  const inserted = new Array<string>(base.length + 1).fill('');
  const deleted = new Array<boolean>(base.length).fill(false);
  let at = 0;
  for (const [op, text] of dmp.diff_main(base, other, false)) {
    if (op === DiffMatchPatch.DIFF_EQUAL) at += text.length;
    else if (op === DiffMatchPatch.DIFF_DELETE) for (let i = 0; i < text.length; i++) deleted[at++] = true;
    else inserted[at] += text;
  }
  return { inserted, deleted };
}

/** Both sides' edits of `base`: a position stays if neither deleted it; insertions at one place go first side first, once if both made the same. */
function merge3(base: string, first: string, second: string): string {
  const one = editsOf(base, first);
  const two = editsOf(base, second);
  let out = '';
  for (let i = 0; i <= base.length; i++) {
    out += one.inserted[i] === two.inserted[i] ? one.inserted[i] : one.inserted[i]! + two.inserted[i]!;
    if (i < base.length && !one.deleted[i] && !two.deleted[i]) out += base[i];
  }
  return out;
}
