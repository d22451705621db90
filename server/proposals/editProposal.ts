import { hasReactions, type Proposal } from '../../shared/proposals/proposal.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { findProposal, updateProposalText } from '../db/proposals.ts';
import { badRequest, conflict } from '../errors.ts';
import { objectBody } from '../comments/input.ts';
import { refuseIfFrozen } from '../silence/refuseIfFrozen.ts';
import { clauseBody, currentText, proposalOf, requireAuthor, requireNotAgreed, requireOpen, sameText, type ProposalDeps } from './access.ts';
import { baseTextOf, justificationText, proposalText } from './input.ts';

/**
 * Its author rewrites an open proposal — its wording and, if given, its
 * justification — until someone supports or objects to it: from then on
 * the others have reacted to these words, which must stay (docs/SPEC.md
 * PROP2). The redline is now made against the clause as it stands.
 */
export function editProposal(deps: ProposalDeps, declarationId: string, actor: ParticipantRow, proposalId: string, body: unknown): Proposal {
  const request = objectBody(body);
  return deps.rooms.withRoom(declarationId, (room) => {
    refuseIfFrozen(room);
    const before = proposalOf(deps.db, declarationId, proposalId);
    requireAuthor(actor, before, 'edit');
    requireOpen(before);
    if (hasReactions(before)) {
      throw conflict('proposal-has-reactions', 'Others have already supported or objected to this proposal, so its text stays. Withdraw it and make a new one instead.');
    }
    const text = proposalText(before.action, request.text);
    const justification = request.justification === undefined ? undefined : justificationText(request.justification);
    const seen = before.action === 'replace' ? baseTextOf(request.baseText) : null;
    const clause = clauseBody(room, before.clauseId);
    requireNotAgreed(room, before.clauseId, 'edited');
    // What the proposer saw, when it says so (PROP4); else the clause as it stands.
    const baseText = seen ?? currentText(clause);
    if (before.action === 'replace' && sameText(text, baseText)) {
      throw badRequest('proposal-unchanged', 'This wording is the clause\'s text as it stands. Change something to propose it.');
    }
    const at = Date.now();
    deps.db.transaction(() => {
      updateProposalText(deps.db, proposalId, text, baseText, at, justification);
      appendAudit(deps.db, declarationId, { actor: actor.name, action: 'proposal-edited', clauseId: before.clauseId, detail: { proposalId }, at });
    })();
    const proposal = findProposal(deps.db, declarationId, proposalId)!;
    room.mirrorProposal(proposal);
    return proposal;
  });
}
