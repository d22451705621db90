import { can } from '../permissions.ts';
import type { Role } from '../roles.ts';
import type { DeclarationSettings } from '../settings.ts';
import { hasReactions, type Proposal } from './proposal.ts';

/**
 * Who may do what with proposals (docs/SPEC.md PROP*): the one home of
 * these rules, read by the server's routes and by the screen's buttons.
 */

/** Delegations, the chair and the secretariat propose (PROP1); observers read. */
export function mayPropose(role: Role): boolean {
  return can(role, 'propose');
}

/** Everyone who may edit clauses supports or objects — but not to their own proposal (PROP5). */
export function mayReact(role: Role, participantId: string, proposal: Proposal): boolean {
  return can(role, 'editClauses') && participantId !== proposal.authorId;
}

/** The chair accepts and rejects; the secretariat only when the chair has allowed it (PROP6). */
export function mayDecide(role: Role, settings: DeclarationSettings): boolean {
  return can(role, 'decideProposals') || (role === 'secretariat' && settings.secretariatDecides);
}

/** Its author edits an open proposal's text until someone supports or objects (PROP2). */
export function mayEditProposal(participantId: string, proposal: Proposal): boolean {
  return proposal.state === 'open' && proposal.authorId === participantId && !hasReactions(proposal);
}

/** Its author withdraws an open proposal at any time (PROP2). */
export function mayWithdraw(participantId: string, proposal: Proposal): boolean {
  return proposal.state === 'open' && proposal.authorId === participantId;
}
