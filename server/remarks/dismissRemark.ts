import * as Y from 'yjs';
import { isDraftingCheck, type DraftingCheck } from '../../shared/drafting/checks.ts';
import { ROOT } from '../../shared/document/names.ts';
import { can } from '../../shared/permissions.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { clauseDismissals, listDismissals, setDismissed } from '../db/remarkDismissals.ts';
import { badRequest, conflict, forbidden } from '../errors.ts';
import { objectBody } from '../comments/input.ts';
import { clauseBody } from '../proposals/access.ts';
import { SERVER_ORIGIN } from '../relay/origins.ts';
import type { Room } from '../relay/room.ts';
import type { Rooms } from '../relay/rooms.ts';

/**
 * Dismissing or restoring a drafting remark on a clause (docs/SPEC.md
 * DRAFT10): those who may edit the clause do it for everyone, not on an
 * agreed clause (its text no longer changes, so neither do its remarks).
 * SQLite holds it, the audit log records it, the `remarks` map mirrors it.
 */
export interface RemarkDeps {
  db: Db;
  rooms: Rooms;
}

export interface RemarkRequest {
  check: DraftingCheck;
  dismissed: boolean;
}

/** The body of `POST …/clauses/<clauseId>/remarks`: `{ check, dismissed }`, read once here. */
export function remarkRequest(body: unknown): RemarkRequest {
  const { check, dismissed } = objectBody(body);
  if (!isDraftingCheck(check)) throw badRequest('bad-remark-check', 'check must name a drafting remark, such as "final-mark" or "double-space" (docs/SPEC.md DRAFT2–DRAFT8).');
  if (typeof dismissed !== 'boolean') throw badRequest('bad-remark-dismissed', 'dismissed must be true (hide the remark on this clause) or false (show it again).');
  return { check, dismissed };
}

/** Makes the `remarks` map match SQLite: at a room's start, after anything a crash may have left. */
export function mirrorRemarks(room: Room, db: Db): void {
  const dismissals = listDismissals(db, room.id);
  const map = room.doc.getMap<unknown>(ROOT.remarks);
  room.doc.transact(() => {
    for (const key of [...map.keys()]) if (!dismissals.has(key)) map.delete(key);
    for (const [clauseId, checks] of dismissals) mirrorClause(map, clauseId, checks);
  }, SERVER_ORIGIN);
}

function mirrorClause(map: Y.Map<unknown>, clauseId: string, checks: DraftingCheck[]): void {
  if (checks.length === 0) map.delete(clauseId);
  else if (JSON.stringify(map.get(clauseId)) !== JSON.stringify(checks)) map.set(clauseId, checks);
}

export function dismissRemark(deps: RemarkDeps, declarationId: string, actor: ParticipantRow, clauseId: string, body: unknown): DraftingCheck[] {
  if (!can(actor.role, 'editClauses')) {
    throw forbidden('no-remarks', 'Only those who may edit the text dismiss or restore its drafting remarks; an observer follows the negotiation without editing.');
  }
  const request = remarkRequest(body);
  return deps.rooms.withRoom(declarationId, (room) => {
    clauseBody(room, clauseId);
    if (room.lockOf(clauseId) !== null) {
      throw conflict('clause-agreed', 'This clause is agreed, so its drafting remarks no longer change. The chair can reopen it first.');
    }
    const at = Date.now();
    const changed = deps.db.transaction(() => {
      if (!setDismissed(deps.db, declarationId, clauseId, request.check, request.dismissed, actor.id, at)) return false;
      appendAudit(deps.db, declarationId, { actor: actor.name, action: request.dismissed ? 'remark-dismissed' : 'remark-restored', clauseId, detail: { check: request.check }, at });
      return true;
    })();
    const checks = clauseDismissals(deps.db, declarationId, clauseId);
    if (changed) room.doc.transact(() => mirrorClause(room.doc.getMap<unknown>(ROOT.remarks), clauseId, checks), SERVER_ORIGIN);
    return checks;
  });
}
