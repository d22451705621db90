import type { ClauseKind } from '../clauseKind.ts';
import type { RichText } from '../richText.ts';

/**
 * A proposal as the document mirrors it (root map `proposals`, proposal id →
 * Proposal, one plain JSON value rewritten whole on every change). The
 * server writes it from SQLite, which holds the truth; clients only read it.
 * The author is the participant the server knows, never what a request says
 * (docs/SPEC.md PROP1).
 */
export const PROPOSAL_ACTIONS = ['replace', 'insert-before', 'insert-after', 'insert-subitem', 'delete'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];

export const PROPOSAL_STATES = ['open', 'accepted', 'rejected', 'withdrawn'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

/**
 * How a proposal came to be: proposed on purpose; typed into the clause in
 * "proposals only" mode and turned into a proposal by the server (PROP10);
 * typed into a clause that was agreed meanwhile (PROP11).
 */
export const PROPOSAL_ORIGINS = ['proposed', 'typed', 'typed-while-agreed'] as const;
export type ProposalOrigin = (typeof PROPOSAL_ORIGINS)[number];

export interface Reaction {
  participantId: string;
  name: string;
  at: number;
}

export interface Proposal {
  id: string;
  /** The clause proposed on: replaced, deleted, or the one a new paragraph goes before or after (or under). */
  clauseId: string;
  action: ProposalAction;
  /** The proposed wording (replace, insert-*); [] for a deletion. Italics and bold kept, no comment marks. */
  text: RichText;
  /** The kind of a proposed new paragraph (insert-before / insert-after); a sub-item is operative. */
  kind?: ClauseKind;
  /** The clause's text when the proposal was made or last edited: the redline was made against it. */
  baseText: RichText;
  /** Plain text, at most MAX_JUSTIFICATION_LENGTH characters; '' when none. */
  justification: string;
  authorId: string;
  author: string;
  origin: ProposalOrigin;
  at: number;
  editedAt?: number;
  state: ProposalState;
  supporters: Reaction[];
  objectors: Reaction[];
  /** Who accepted, rejected or withdrew it, when, and (rejection) why. */
  decided?: { by: string; at: number; reason?: string };
  /** Accepted: the clause's text it was accepted over, so that its redline stays as it was applied. */
  acceptedOver?: RichText;
  /** Accepted insertion: the new clause's id. */
  resultClauseId?: string;
}

export const MAX_JUSTIFICATION_LENGTH = 1000;
export const MAX_REJECTION_REASON_LENGTH = 1000;
/**
 * Open proposals one participant may have at once in a declaration: each
 * is an entry of the shared document, so their number is bounded like
 * clauses (STRUCT1). Far beyond any negotiation; a withdrawn or decided one
 * frees its place.
 */
export const MAX_OPEN_PROPOSALS_PER_PARTICIPANT = 200;

export function isProposalAction(value: unknown): value is ProposalAction {
  return typeof value === 'string' && (PROPOSAL_ACTIONS as readonly string[]).includes(value);
}

/** Whether an action proposes wording (and so carries text). */
export function carriesText(action: ProposalAction): boolean {
  return action !== 'delete';
}

/** A proposal read back from the document, or null if it is not one. */
export function readProposal(value: unknown): Proposal | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || typeof v.clauseId !== 'string' || !isProposalAction(v.action) || !Array.isArray(v.text)) return null;
  if (!Array.isArray(v.supporters) || !Array.isArray(v.objectors) || !Array.isArray(v.baseText)) return null;
  if (typeof v.state !== 'string' || !(PROPOSAL_STATES as readonly string[]).includes(v.state)) return null;
  return v as unknown as Proposal;
}

/** Whether anyone has supported or objected: from then on its author may no longer edit it (PROP2). */
export function hasReactions(proposal: Proposal): boolean {
  return proposal.supporters.length > 0 || proposal.objectors.length > 0;
}

/**
 * The open proposals on a clause are its alternatives, numbered in the
 * order they were made: Alt 1 (Chile), Alt 2 (Peru) (PROP3). Ties of time
 * are ordered by id, the same on every screen and in every export.
 */
export function alternatives(proposals: Iterable<Proposal>, clauseId: string): Proposal[] {
  return [...proposals]
    .filter((proposal) => proposal.clauseId === clauseId && proposal.state === 'open')
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
