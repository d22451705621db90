import { standingBrackets } from '../../shared/brackets/bracket.ts';
import { isClauseState, readClauseStatus, type ClauseStatus } from '../../shared/clauseStatus.ts';
import { resolveBracket } from '../../shared/document/bracketRange.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { clauseWithSubitems, readClauses } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { numberClauses } from '../../shared/numbering.ts';
import { buildOutline } from '../../shared/outline.ts';
import { can } from '../../shared/permissions.ts';
import { choosePending } from '../../shared/pendingWith.ts';
import { objectionsStanding } from '../../shared/positions/consensus.ts';
import { readFrozenNumbering } from '../../shared/workingNumbers.ts';
import { appendAudit } from '../db/auditLog.ts';
import { saveStatus } from '../db/clauseStatuses.ts';
import type { Db } from '../db/database.ts';
import { listParticipants, type ParticipantRow } from '../db/participants.ts';
import { clausePositions } from '../db/positions.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import type { Room } from '../relay/room.ts';
import type { Rooms } from '../relay/rooms.ts';
import { refuseIfFrozen } from '../silence/refuseIfFrozen.ts';

/**
 * The chair sets a clause's status. The status is stored (SQLite is the
 * truth), written to the audit log, mirrored into the document's `status`
 * map, and an agreed clause is locked as it stands. Agreeing a clause locks
 * its sub-items too (LOCK7), so it is refused while square brackets stand
 * in any of them (BRK5) or, unless overridden with a reason, while an
 * objection stands on any of them (POS4).
 */
const MAX_REASON = 1000;

/** One objection standing in the way of agreement (POS4): whose, on which clause, and what they need. */
export interface StandingObjection {
  name: string;
  clauseId: string;
  label: string;
  note: string;
}

/** A clause's working label (OP7, OP7(a), OP7 bis), as on the chair's screen. */
function labeller(room: Room): (clauseId: string) => string {
  const numbers = numberClauses(buildOutline(readClauses(room.doc)), readFrozenNumbering(room.doc.getMap<unknown>(ROOT.numbering)));
  return (clauseId) => numbers.get(clauseId)?.label ?? clauseId;
}

/**
 * BRK5: brackets still standing in the clause or its sub-items. A bracket
 * whose passage is gone altogether (its text deleted by the chair) stands
 * around nothing and does not count. The server follows text its own undo
 * brought back (a delegation's refused deletion), as only it can.
 */
function requireNoBrackets(room: Room, subtree: string[], label: (clauseId: string) => string): void {
  const inSubtree = new Set(subtree);
  const standing = standingBrackets(room.doc.getMap<unknown>(ROOT.brackets)).filter((b) => inSubtree.has(b.clauseId) && resolveBracket(room.doc, b, true) !== null);
  if (standing.length === 0) return;
  const where = [...new Set(standing.map((b) => b.clauseId))];
  const elsewhere = where.length > 1 || where[0] !== subtree[0] ? ` (in ${where.map(label).join(', ')})` : '';
  const passages = standing.length === 1 ? '1 passage' : `${standing.length} passages`;
  throw conflict('brackets-remain', `${label(subtree[0]!)} still has ${passages} in square brackets${elsewhere}; the chair removes them first.`, {
    brackets: standing.length,
    label: label(subtree[0]!),
    count: standing.length,
  });
}

/**
 * POS4: the objections standing on the clause or its sub-items. A sub-item
 * agreed on its own was agreed over its objections already (and they can
 * no longer be withdrawn there): they are not asked about again.
 */
function objectionsOn(db: Db, declarationId: string, room: Room, subtree: string[], label: (clauseId: string) => string): StandingObjection[] {
  const [clauseId] = subtree;
  return subtree
    .filter((id) => id === clauseId || room.lockOf(id) === null || room.lockOf(id) === clauseId)
    .flatMap((id) =>
      clausePositions(db, declarationId, id)
        // What blocks is shared/positions/consensus.ts's to say, one position at a time.
        .filter((p) => objectionsStanding([p]).length > 0)
        .map((p) => ({ name: p.name, clauseId: id, label: label(id), note: p.note })),
    );
}

/** "Bolivia objects to OP7 and OP7(a); Cuba objects to OP7(b)." */
function objectionsSentence(objections: StandingObjection[]): string {
  const byName = new Map<string, string[]>();
  for (const o of objections) byName.set(o.name, [...(byName.get(o.name) ?? []), o.label]);
  return `${[...byName].map(([name, labels]) => `${name} objects to ${labels.join(' and ')}`).join('; ')}.`;
}
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
    throw badRequest('bad-reason', `reason must be a text of at most ${MAX_REASON} characters.`, { max: MAX_REASON });
  }
  const override = request.override;
  if (override !== undefined && (typeof override !== 'string' || override.trim() === '' || override.length > MAX_REASON || request.state !== 'agreed')) {
    throw badRequest('bad-override', `override is for setting a clause agreed over an objection: the reason, a text of 1 to ${MAX_REASON} characters, which is recorded.`, { max: MAX_REASON });
  }
  const room = deps.rooms.get(declarationId);
  try {
    refuseIfFrozen(room);
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
    let overridden: StandingObjection[] = [];
    if (request.state === 'agreed') {
      const subtree = clauseWithSubitems(room.doc, clauseId);
      const label = labeller(room);
      // Brackets first: no reason lets a text in brackets be agreed (BRK5).
      requireNoBrackets(room, subtree, label);
      overridden = objectionsOn(deps.db, declarationId, room, subtree, label);
      if (overridden.length > 0 && typeof override !== 'string') {
        throw conflict('objection-stands', `${objectionsSentence(overridden)} Agree anyway only with a reason: send override.`, {
          objections: overridden,
        });
      }
    }
    const status: ClauseStatus = { state: request.state, by: actor.name, at: Date.now() };
    if (request.state === 'ad-ref' && chosen.names.length > 0) status.pending = chosen.names;
    // An agreed clause keeps a reason only when it was agreed over an objection (POS4), so the screen and the export can say so; any other keeps why it was reopened.
    if (request.state !== 'agreed' && typeof reason === 'string' && reason.trim() !== '') status.reason = reason.trim();
    if (overridden.length > 0 && typeof override === 'string') status.reason = override.trim();
    const snapshot = request.state === 'agreed' ? room.snapshotSubtree(clauseId) : null;
    deps.db.transaction(() => {
      saveStatus(deps.db, declarationId, clauseId, status, snapshot);
      appendAudit(deps.db, declarationId, {
        actor: actor.name,
        action: request.state === 'agreed' ? 'lock' : reopening ? 'reopen' : 'status',
        clauseId,
        detail: { from: previous?.state ?? 'open', to: status.state, ...(status.pending ? { pending: status.pending } : {}), ...(status.reason ? { reason: status.reason } : {}) },
      });
      if (overridden.length > 0) {
        appendAudit(deps.db, declarationId, {
          actor: actor.name,
          action: 'status-override',
          clauseId,
          detail: { reason: status.reason, objections: [...new Set(overridden.map((o) => o.name))] },
        });
      }
    })();
    room.mirrorStatus(clauseId, status);
    if (request.state === 'agreed' || previous?.state === 'agreed') room.setAgreed(clauseId, snapshot);
    return status;
  } finally {
    deps.rooms.release(room);
  }
}
