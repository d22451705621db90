import { isClauseState, readClauseStatus, type ClauseStatus } from '../../shared/clauseStatus.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { ROOT } from '../../shared/document/names.ts';
import { can } from '../../shared/permissions.ts';
import { choosePending } from '../../shared/pendingWith.ts';
import { appendAudit } from '../db/auditLog.ts';
import { saveStatus } from '../db/clauseStatuses.ts';
import type { Db } from '../db/database.ts';
import { listParticipants, type ParticipantRow } from '../db/participants.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import type { Rooms } from '../relay/rooms.ts';

/**
 * The chair sets a clause's status. The status is stored (SQLite is the
 * truth), written to the audit log, mirrored into the document's `status`
 * map, and an agreed clause is locked as it stands.
 */
const MAX_REASON = 1000;
const MAX_PENDING = 60;

export function setClauseStatus(
  deps: { db: Db; rooms: Rooms },
  declarationId: string,
  actor: ParticipantRow,
  clauseId: string,
  body: unknown,
): ClauseStatus {
  if (!can(actor.role, 'setStatus')) throw forbidden('chair-only', 'Only the chair can change the status of a clause.');
  const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (!isClauseState(request.state)) throw badRequest('bad-state', 'state must be "open", "ad-ref" or "agreed".');
  const pending = request.pending;
  if (pending !== undefined && (!Array.isArray(pending) || pending.length > MAX_PENDING || pending.some((p) => typeof p !== 'string' || p.trim() === '' || p.length > 80))) {
    throw badRequest('bad-pending', 'pending must be a list of delegation names.');
  }
  // Only the declaration's current delegations can be waited for (STAT3): a typo or an observer would wait for ever.
  const delegations = listParticipants(deps.db, declarationId)
    .filter((p) => p.role === 'delegation' && !p.revoked)
    .map((p) => p.name);
  const chosen = choosePending((pending as string[] | undefined) ?? [], delegations);
  if (chosen.unknown.length > 0) {
    const names = chosen.unknown.map((name) => `"${name}"`).join(', ');
    throw badRequest(
      'bad-pending',
      `${names} ${chosen.unknown.length === 1 ? 'is not a delegation' : 'are not delegations'} of this declaration. An ad ref can be pending only with its delegations: ${delegations.join(', ') || 'none yet'}.`,
    );
  }
  const reason = request.reason;
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > MAX_REASON)) {
    throw badRequest('bad-reason', `reason must be a text of at most ${MAX_REASON} characters.`);
  }
  const room = deps.rooms.get(declarationId);
  try {
    const entry = clausesMap(room.doc).get(clauseId);
    if (!entry) throw notFound('clause-not-found', `There is no clause "${clauseId}" in this declaration.`);
    const previous = readClauseStatus(room.doc.getMap<unknown>(ROOT.status).get(clauseId));
    const lockedBy = room.lockOf(clauseId);
    if (lockedBy !== null && lockedBy !== clauseId) {
      throw conflict('agreed-with-paragraph', 'This sub-item is agreed with its paragraph. Reopen the paragraph to change it.');
    }
    const reopening = previous?.state === 'agreed' && request.state !== 'agreed';
    if (reopening && (typeof reason !== 'string' || reason.trim() === '')) {
      throw badRequest('reason-required', 'Reopening an agreed clause needs a reason, which is recorded.');
    }
    const status: ClauseStatus = { state: request.state, by: actor.name, at: Date.now() };
    if (request.state === 'ad-ref' && chosen.names.length > 0) status.pending = chosen.names;
    if (typeof reason === 'string' && reason.trim() !== '') status.reason = reason.trim();
    const snapshot = request.state === 'agreed' ? room.snapshotSubtree(clauseId) : null;
    deps.db.transaction(() => {
      saveStatus(deps.db, declarationId, clauseId, status, snapshot);
      appendAudit(deps.db, declarationId, {
        actor: actor.name,
        action: request.state === 'agreed' ? 'lock' : reopening ? 'reopen' : 'status',
        clauseId,
        detail: { from: previous?.state ?? 'open', to: status.state, ...(status.pending ? { pending: status.pending } : {}), ...(status.reason ? { reason: status.reason } : {}) },
      });
    })();
    room.mirrorStatus(clauseId, status);
    if (request.state === 'agreed' || previous?.state === 'agreed') room.setAgreed(clauseId, snapshot);
    return status;
  } finally {
    deps.rooms.release(room);
  }
}
