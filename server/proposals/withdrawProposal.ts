import type { Proposal } from '../../shared/proposals/proposal.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { findProposal, setDecision } from '../db/proposals.ts';
import { proposalOf, requireAuthor, requireOpen, type ProposalDeps } from './access.ts';

/** Its author withdraws an open proposal at any time, the clause agreed or not (docs/SPEC.md PROP2, PROP8). */
export function withdrawProposal(deps: ProposalDeps, declarationId: string, actor: ParticipantRow, proposalId: string): Proposal {
  return deps.rooms.withRoom(declarationId, (room) => {
    const before = proposalOf(deps.db, declarationId, proposalId);
    requireAuthor(actor, before, 'withdraw');
    requireOpen(before);
    const at = Date.now();
    deps.db.transaction(() => {
      setDecision(deps.db, proposalId, { state: 'withdrawn', by: actor.id, at });
      appendAudit(deps.db, declarationId, { actor: actor.name, action: 'proposal-withdrawn', clauseId: before.clauseId, detail: { proposalId }, at });
    })();
    const proposal = findProposal(deps.db, declarationId, proposalId)!;
    room.mirrorProposal(proposal);
    return proposal;
  });
}
