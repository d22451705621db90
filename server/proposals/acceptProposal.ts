import type * as Y from 'yjs';
import { clauseWithSubitems, deleteClause, insertClauses, readClauses } from '../../shared/document/clauseOps.ts';
import { buildOutline } from '../../shared/outline.ts';
import { applyWordDiff } from '../../shared/proposals/applyWordDiff.ts';
import type { Proposal } from '../../shared/proposals/proposal.ts';
import { proposalRedline, proposedTextNow } from '../../shared/proposals/proposalRedline.ts';
import { toPlainText, type RichText } from '../../shared/richText.ts';
import { sweepDeletedBrackets } from '../brackets/bracketsOnDelete.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { findProposal, setDecision, type Decision } from '../db/proposals.ts';
import { badRequest, conflict } from '../errors.ts';
import type { Room } from '../relay/room.ts';
import { headedClause, moveHeadings } from '../relay/headingOnDelete.ts';
import { SERVER_ORIGIN } from '../relay/origins.ts';
import { objectBody } from '../comments/input.ts';
import { clauseBody, currentText, proposalOf, requireDecider, requireNotAgreed, requireOpen, requireSubitemPlace, withLiveFootnotes, type ProposalDeps } from './access.ts';
import { refuseIfFrozen } from '../silence/refuseIfFrozen.ts';

/**
 * The chair (or the secretariat, when allowed) accepts an open proposal
 * (docs/SPEC.md PROP6, PROP7). Only if the clause still reads as the
 * decider saw it (`shownText`, PROP8): otherwise nothing changes and the
 * answer carries the current text and redline to decide again on.
 *
 * The document changes as one server transaction — persisted, then
 * broadcast, like every server write (server/relay/room.ts) — and then the
 * decision is stored and audited in one SQLite transaction, and mirrored.
 * New wording is applied as its word diff, never as a whole new text, so a
 * delegation typing in the same clause at that moment loses nothing.
 */
export function acceptProposal(deps: ProposalDeps, declarationId: string, actor: ParticipantRow, proposalId: string, body: unknown): Proposal {
  const { shownText } = objectBody(body);
  if (typeof shownText !== 'string') throw badRequest('bad-shown-text', 'shownText must be the clause\'s text as it read when you decided (the text the redline was made against).');
  return deps.rooms.withRoom(declarationId, (room) => {
    requireDecider(deps.db, declarationId, actor);
    refuseIfFrozen(room);
    const proposal = proposalOf(deps.db, declarationId, proposalId);
    requireOpen(proposal);
    const clause = clauseBody(room, proposal.clauseId);
    requireNotAgreed(room, proposal.clauseId, 'accepted');
    const current = currentText(clause);
    if (toPlainText(current) !== shownText) {
      throw conflict('clause-changed', 'The clause has changed since you looked at this proposal. Check the redline against its current text and decide again.', {
        currentText: current,
        redline: proposalRedline(proposal, current),
      });
    }
    if (proposal.action === 'delete') {
      // A sub-item may be agreed on its own; deleting its paragraph would delete it too.
      if (clauseWithSubitems(room.doc, proposal.clauseId).some((id) => room.lockOf(id) !== null)) {
        throw conflict('clause-agreed', 'A sub-item of this clause is agreed, so the clause cannot be deleted with it. The chair can reopen the sub-item first.');
      }
    }
    if (proposal.action === 'insert-subitem') requireSubitemPlace(room, proposal.clauseId);
    const outcome = applyProposal(room, proposal, clause, current);
    const at = Date.now();
    deps.db.transaction(() => {
      setDecision(deps.db, proposalId, { state: 'accepted', by: actor.id, at, ...outcome });
      appendAudit(deps.db, declarationId, {
        actor: actor.name,
        action: 'proposal-accepted',
        clauseId: proposal.clauseId,
        detail: { proposalId, action: proposal.action, ...(outcome.resultClauseId ? { resultClauseId: outcome.resultClauseId } : {}) },
        at,
      });
    })();
    // BRK4: brackets whose words the accepted change deleted go with them, recorded as the decider's.
    sweepDeletedBrackets(room, deps.db, actor);
    const accepted = findProposal(deps.db, declarationId, proposalId)!;
    room.mirrorProposal(accepted);
    return accepted;
  });
}

/** Changes the document as the proposal says; what the decision records about it. */
function applyProposal(room: Room, proposal: Proposal, clause: Y.XmlFragment, current: RichText): Pick<Decision, 'acceptedOver' | 'resultClauseId' | 'deletedSubtree'> {
  const { doc } = room;
  switch (proposal.action) {
    case 'replace':
      // The proposal's own word changes, carried over onto the text now: words typed since stay (PROP7).
      doc.transact(() => applyWordDiff(clause, withLiveFootnotes(doc, proposedTextNow(proposal, current))), SERVER_ORIGIN);
      return { acceptedOver: current };
    case 'delete': {
      const deletedSubtree = room.snapshotSubtree(proposal.clauseId);
      const headed = headedClause(doc, proposal.clauseId);
      doc.transact(() => {
        deleteClause(doc, proposal.clauseId, SERVER_ORIGIN);
        // HEAD1: a section's heading stays with the section, on the clause that now opens it — in the same change.
        if (headed !== null) moveHeadings(doc, [headed], (id) => room.lockOf(id) !== null);
      }, SERVER_ORIGIN);
      return { acceptedOver: current, deletedSubtree };
    }
    case 'insert-subitem': {
      // Last under its clause (PROP7).
      const [id] = insertClauses(doc, { kind: 'operative', parent: proposal.clauseId }, [withLiveFootnotes(doc, proposal.text)], SERVER_ORIGIN);
      return { resultClauseId: id! };
    }
    case 'insert-before':
    case 'insert-after': {
      const [id] = insertClauses(doc, placement(room, proposal), [withLiveFootnotes(doc, proposal.text)], SERVER_ORIGIN);
      return { resultClauseId: id! };
    }
  }
}

/**
 * Where a proposed paragraph goes. Of the clause's own kind: right before
 * or after it, among its siblings (a sub-item's neighbour is a sub-item).
 * Of the other kind, as near as the order of the parts allows: a preambular
 * paragraph proposed next to an operative one goes at the end of the
 * preamble, an operative paragraph next to a preambular one at the start
 * of the operative part.
 */
function placement(room: Room, proposal: Proposal): Parameters<typeof insertClauses>[1] {
  const side = proposal.action === 'insert-before' ? 'before' : 'after';
  const outline = buildOutline(readClauses(room.doc));
  const ownKind = outline.preamble.some((n) => n.clause.id === proposal.clauseId) ? 'preamble' : 'operative';
  const kind = proposal.kind ?? ownKind;
  if (kind === ownKind) return { id: proposal.clauseId, side };
  if (kind === 'preamble') return { kind: 'preamble', parent: null };
  const first = outline.operative[0];
  return first ? { id: first.clause.id, side: 'before' } : { kind: 'operative', parent: null };
}
