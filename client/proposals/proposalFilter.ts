import type { Proposal } from '../../shared/proposals/proposal.ts';

/** What the proposals panel shows (PROP13): open or decided ones, by one delegation, on one clause. */
export interface ProposalFilter {
  /** `decided`: accepted, rejected or withdrawn — no longer waiting for anyone. */
  state: 'open' | 'decided' | 'all';
  authorId: string | null;
  clauseId: string | null;
}

export const DEFAULT_PROPOSAL_FILTER: ProposalFilter = { state: 'open', authorId: null, clauseId: null };

export function matchesProposalFilter(proposal: Proposal, filter: ProposalFilter): boolean {
  if (filter.state === 'open' && proposal.state !== 'open') return false;
  if (filter.state === 'decided' && proposal.state === 'open') return false;
  if (filter.authorId !== null && proposal.authorId !== filter.authorId) return false;
  return filter.clauseId === null || proposal.clauseId === filter.clauseId;
}

/**
 * In the order of the text, and on one clause in the order they were made
 * (the order of its alternatives, PROP3); proposals on clauses no longer in
 * the text come last. `positionOf` is the clause's place in reading order.
 */
export function sortProposals(proposals: Iterable<Proposal>, positionOf: (clauseId: string) => number | undefined): Proposal[] {
  const place = (p: Proposal) => positionOf(p.clauseId) ?? Number.MAX_SAFE_INTEGER;
  return [...proposals].sort((a, b) => place(a) - place(b) || a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
