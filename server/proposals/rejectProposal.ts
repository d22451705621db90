import type { Proposal } from '../../shared/proposals/proposal.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { findProposal, setDecision } from '../db/proposals.ts';
import { proposalOf, requireDecider, requireOpen, type ProposalDeps } from './access.ts';
import { optionalBody, rejectionReason } from './input.ts';

/** The chair (or the secretariat, when allowed) rejects an open proposal, with an optional reason (docs/SPEC.md PROP6); also on an agreed clause (PROP8). */
export function rejectProposal(deps: ProposalDeps, declarationId: string, actor: ParticipantRow, proposalId: string, body: unknown): Proposal {
  const reason = rejectionReason(optionalBody(body).reason);
  return deps.rooms.withRoom(declarationId, (room) => {
    requireDecider(deps.db, declarationId, actor);
    const before = proposalOf(deps.db, declarationId, proposalId);
    requireOpen(before);
    const at = Date.now();
    deps.db.transaction(() => {
      setDecision(deps.db, proposalId, { state: 'rejected', by: actor.id, at, reason });
      appendAudit(deps.db, declarationId, { actor: actor.name, action: 'proposal-rejected', clauseId: before.clauseId, detail: { proposalId, ...(reason ? { reason } : {}) }, at });
    })();
    const proposal = findProposal(deps.db, declarationId, proposalId)!;
    room.mirrorProposal(proposal);
    return proposal;
  });
}
