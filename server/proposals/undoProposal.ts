import type { Proposal } from '../../shared/proposals/proposal.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { restoreClause } from '../../shared/document/clauseSnapshot.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { deletedSubtreeOf, findProposal, setDecision } from '../db/proposals.ts';
import { conflict } from '../errors.ts';
import { takeBackHeadings } from '../relay/headingOnDelete.ts';
import { SERVER_ORIGIN } from '../relay/origins.ts';
import { proposalOf, requireDecider, type ProposalDeps } from './access.ts';
import { refuseIfFrozen } from '../silence/refuseIfFrozen.ts';

/**
 * The chair (or the secretariat, when allowed) undoes an accepted deletion
 * (docs/SPEC.md PROP7): every clause it deleted comes back as it was —
 * text, formatting, comment anchors, place — in one server transaction, and
 * the proposal is open again. Only deletions are undone: accepted wording
 * is changed back by a new proposal, like any other text.
 */
export function undoProposal(deps: ProposalDeps, declarationId: string, actor: ParticipantRow, proposalId: string): Proposal {
  return deps.rooms.withRoom(declarationId, (room) => {
    requireDecider(deps.db, declarationId, actor);
    refuseIfFrozen(room);
    const before = proposalOf(deps.db, declarationId, proposalId);
    const snapshot = before.action === 'delete' && before.state === 'accepted' ? deletedSubtreeOf(deps.db, proposalId) : null;
    if (snapshot === null) throw conflict('nothing-to-undo', 'Only an accepted deletion can be undone. To change accepted wording back, propose it.');
    const clauses = clausesMap(room.doc);
    // A clause somebody brought back meanwhile (restoring an agreed one, say) is left as it is.
    const missing = Object.entries(snapshot).filter(([id]) => !clauses.has(id));
    room.doc.transact(() => {
      for (const [id, clause] of missing) restoreClause(clauses, id, clause);
      // HEAD1: a heading the deletion had moved to the next clause comes back with its own clause, in the same change.
      takeBackHeadings(room.doc, missing.map(([id]) => id), (id) => room.lockOf(id) !== null);
    }, SERVER_ORIGIN);
    const at = Date.now();
    deps.db.transaction(() => {
      setDecision(deps.db, proposalId, { state: 'open', by: null, at: null });
      appendAudit(deps.db, declarationId, { actor: actor.name, action: 'proposal-undone', clauseId: before.clauseId, detail: { proposalId, restored: missing.map(([id]) => id) }, at });
    })();
    const proposal = findProposal(deps.db, declarationId, proposalId)!;
    room.mirrorProposal(proposal);
    return proposal;
  });
}
