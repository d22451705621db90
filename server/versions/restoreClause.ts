import { readClauseStatus } from '../../shared/clauseStatus.ts';
import { ROOT } from '../../shared/document/names.ts';
import { can } from '../../shared/permissions.ts';
import { applyWordDiff } from '../../shared/proposals/applyWordDiff.ts';
import { sweepDeletedBrackets } from '../brackets/bracketsOnDelete.ts';
import { objectBody } from '../comments/input.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { findTextEntry, textHistoryWriter } from '../db/textHistory.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { clauseBody, currentText, sameText } from '../proposals/access.ts';
import { SERVER_ORIGIN } from '../relay/origins.ts';
import { textHistoryEntry, type HistoryDeps, type TextHistoryEntry } from './clauseHistory.ts';
import { refuseIfFrozen } from '../silence/refuseIfFrozen.ts';

/**
 * The chair or the secretariat restores an earlier text of an open clause
 * (docs/SPEC.md HIST2): the text after a history entry is written into the
 * clause as a new change, never by rewriting history.
 *
 * Like accepting a proposal (server/proposals/acceptProposal.ts) it is one
 * server transaction applying the word diff in place (`applyWordDiff`), so
 * that letters a delegation types elsewhere in the clause at that moment
 * stay; persisted and broadcast like every server write. Then, in one
 * SQLite transaction, the restore's own history entry — the restorer's,
 * from the text before to the text after — and its audit entry.
 */

/** The body: `{ "from": <entry id> }`, the id a number or its digits. */
export function restoreInput(body: unknown): { from: number } {
  const { from } = objectBody(body);
  const id = typeof from === 'number' ? from : typeof from === 'string' && /^\d{1,15}$/.test(from) ? Number(from) : NaN;
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw badRequest('bad-body', 'Send { "from": <id> }: the id of the text entry of the clause\'s history whose text to restore.');
  }
  return { from: id };
}

export function restoreClause(deps: HistoryDeps, declarationId: string, actor: ParticipantRow, clauseId: string, body: unknown): TextHistoryEntry {
  // The route checks the role first; this keeps the rule where the operation is.
  if (!can(actor.role, 'restoreText')) throw forbidden('not-allowed-restoreText', 'Only the chair and the secretariat restore an earlier text.');
  const { from } = restoreInput(body);
  const { db } = deps;
  return deps.rooms.withRoom(declarationId, (room) => {
    refuseIfFrozen(room);
    const clause = clauseBody(room, clauseId);
    const entry = findTextEntry(db, declarationId, from);
    if (!entry || entry.part !== clauseId) throw notFound('history-entry-not-found', `The history of this clause has no entry ${from}. Reload its history and choose again.`);
    const state = readClauseStatus(room.doc.getMap<unknown>(ROOT.status).get(clauseId))?.state ?? 'open';
    if (state !== 'open' || room.lockOf(clauseId) !== null) {
      const why = state === 'open' ? 'it is agreed with its paragraph' : state === 'agreed' ? 'it is agreed' : 'it is agreed ad referendum';
      throw conflict('clause-not-open', `This clause cannot be restored because ${why}. The chair can reopen it first.`);
    }
    const before = currentText(clause);
    if (sameText(before, entry.after)) throw conflict('clause-unchanged', 'The clause already reads as it did after that change: there is nothing to restore.');
    room.doc.transact(() => applyWordDiff(clause, entry.after), SERVER_ORIGIN);
    const after = currentText(clause);
    const at = room.history.now();
    // Whatever the relay has recorded but not written yet comes first, so the timeline stays in order.
    room.history.flush();
    const restored = db.transaction(() => {
      const id = textHistoryWriter(db).insert(declarationId, { part: clauseId, participantId: actor.id, kind: 'restore', startedAt: at, at, before, after });
      appendAudit(db, declarationId, { actor: actor.name, action: 'clause-restored', clauseId, detail: { entryId: from, restoredAs: id }, at });
      return id;
    })();
    // BRK4: brackets whose whole passage the restore deleted go with it, recorded as the restorer's.
    sweepDeletedBrackets(room, db, actor);
    return textHistoryEntry({ id: restored, part: clauseId, participantId: actor.id, name: actor.name, kind: 'restore', startedAt: at, at, before, after });
  });
}
