import { readClauses } from '../../shared/document/clauseOps.ts';
import { newId } from '../../shared/ids.ts';
import { isProposalAction, MAX_OPEN_PROPOSALS_PER_PARTICIPANT, type Proposal } from '../../shared/proposals/proposal.ts';
import { mayPropose } from '../../shared/proposals/proposalRules.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { countOpenProposals, findProposal, insertProposal } from '../db/proposals.ts';
import { badRequest, conflict, forbidden } from '../errors.ts';
import type { Room } from '../relay/room.ts';
import { objectBody } from '../comments/input.ts';
import { clauseBody, currentText, requireNotAgreed, requireSubitemPlace, sameText, type ProposalDeps } from './access.ts';
import { baseTextOf, justificationText, proposalKind, proposalText } from './input.ts';
import { refuseIfFrozen } from '../silence/refuseIfFrozen.ts';

/**
 * A delegation, the chair or the secretariat proposes new wording for a
 * clause, a new paragraph next to it or under it, or its deletion
 * (docs/SPEC.md PROP1). The author is the session's participant, whatever
 * the body says. Nothing in the text changes: the proposal is stored,
 * audited and mirrored into the document's `proposals` map.
 */
export function makeProposal(deps: ProposalDeps, declarationId: string, actor: ParticipantRow, body: unknown): Proposal {
  const request = objectBody(body);
  if (!mayPropose(actor.role)) throw forbidden('may-not-propose', `A participant with the role "${actor.role}" reads proposals but may not make them.`);
  const { clauseId, action } = request;
  if (typeof clauseId !== 'string' || clauseId === '') throw badRequest('bad-body', 'clauseId must be the id of a clause.');
  if (!isProposalAction(action)) throw badRequest('bad-action', 'action must be "replace", "insert-before", "insert-after", "insert-subitem" or "delete".');
  const text = proposalText(action, request.text);
  const kind = proposalKind(action, request.kind);
  const justification = justificationText(request.justification);
  const seen = action === 'replace' ? baseTextOf(request.baseText) : null;

  return deps.rooms.withRoom(declarationId, (room) => {
    // Under silence a delegation that wants other words breaks silence (SIL4, SIL5): a proposal nobody may accept is no way to object.
    refuseIfFrozen(room);
    const body = clauseBody(room, clauseId);
    requireNotAgreed(room, clauseId, 'made');
    // What the proposer saw, when it says so (PROP4); else the clause as it stands.
    const baseText = seen ?? currentText(body);
    if (action === 'replace' && sameText(text, baseText)) {
      throw badRequest('proposal-unchanged', 'This wording is the clause\'s text as it stands. Change something to propose it.');
    }
    if (action === 'insert-subitem') requireSubitemPlace(room, clauseId);
    const at = Date.now();
    const id = newId();
    const newKind = action === 'insert-before' || action === 'insert-after' ? (kind ?? kindOf(room, clauseId)) : null;
    deps.db.transaction(() => {
      if (countOpenProposals(deps.db, declarationId, actor.id) >= MAX_OPEN_PROPOSALS_PER_PARTICIPANT) {
        throw conflict('too-many-proposals', `You have ${MAX_OPEN_PROPOSALS_PER_PARTICIPANT} open proposals, the most one participant may have at once. Withdraw some you no longer need, or wait for the chair to decide them.`);
      }
      insertProposal(deps.db, declarationId, { id, clauseId, action, text, kind: newKind, baseText, justification, authorId: actor.id, origin: 'proposed', at });
      appendAudit(deps.db, declarationId, { actor: actor.name, action: 'proposal-made', clauseId, detail: { proposalId: id, action }, at });
    })();
    const proposal = findProposal(deps.db, declarationId, id)!;
    room.mirrorProposal(proposal);
    return proposal;
  });
}

/** The kind of the clause proposed on, as the outline reads it (a sub-item is operative). */
function kindOf(room: Room, clauseId: string) {
  return readClauses(room.doc).find((c) => c.id === clauseId)?.kind ?? 'operative';
}
