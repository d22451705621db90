import type { Proposal } from '../../shared/proposals/proposal.ts';
import { mayReact } from '../../shared/proposals/proposalRules.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { findProposal, setReaction } from '../db/proposals.ts';
import { forbidden } from '../errors.ts';
import { objectBody } from '../comments/input.ts';
import { proposalOf, requireOpen, type ProposalDeps } from './access.ts';
import { reactionOn } from './input.ts';

export type ReactionKind = 'support' | 'object';

/**
 * Supports or objects to an open proposal (`on: true`), or takes that back
 * (`on: false`): everyone who may edit clauses but its author
 * (docs/SPEC.md PROP5). Supporting replaces an objection and the other way
 * round; taking back what one has not given changes nothing. Works on an
 * agreed clause's proposals too (PROP8).
 */
export function reactToProposal(deps: ProposalDeps, declarationId: string, actor: ParticipantRow, proposalId: string, reaction: ReactionKind, body: unknown): Proposal {
  const on = reactionOn(objectBody(body).on);
  return deps.rooms.withRoom(declarationId, (room) => {
    const before = proposalOf(deps.db, declarationId, proposalId);
    if (!mayReact(actor.role, actor.id, before)) {
      throw forbidden(
        'may-not-react',
        before.authorId === actor.id ? 'This is your own proposal: others support or object to it.' : `A participant with the role "${actor.role}" may not support or object to proposals.`,
      );
    }
    requireOpen(before);
    const given = before.supporters.some((r) => r.participantId === actor.id) ? 'support' : before.objectors.some((r) => r.participantId === actor.id) ? 'object' : null;
    const after = on ? reaction : given === reaction ? null : given;
    if (after === given) return before;
    const at = Date.now();
    deps.db.transaction(() => {
      setReaction(deps.db, proposalId, actor.id, after, at);
      appendAudit(deps.db, declarationId, {
        actor: actor.name,
        action: reaction === 'support' ? 'proposal-supported' : 'proposal-objected',
        clauseId: before.clauseId,
        detail: { proposalId, on },
        at,
      });
    })();
    const proposal = findProposal(deps.db, declarationId, proposalId)!;
    room.mirrorProposal(proposal);
    return proposal;
  });
}
