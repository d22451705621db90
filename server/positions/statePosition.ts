import * as Y from 'yjs';
import { readClauseStatus } from '../../shared/clauseStatus.ts';
import { readRichText } from '../../shared/document/richTextFragment.ts';
import { ROOT } from '../../shared/document/names.ts';
import { can } from '../../shared/permissions.ts';
import type { StatedPosition } from '../../shared/positions/position.ts';
import { textHash } from '../../shared/positions/textHash.ts';
import { toPlainText } from '../../shared/richText.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { clausePositions, statePosition as storePosition } from '../db/positions.ts';
import { conflict, forbidden } from '../errors.ts';
import { clauseBody } from '../proposals/access.ts';
import type { Room } from '../relay/room.ts';
import type { Rooms } from '../relay/rooms.ts';
import { refuseIfFrozen } from '../silence/refuseIfFrozen.ts';
import { positionRequest } from './input.ts';

/**
 * A delegation states, changes or withdraws its position on a clause
 * (docs/SPEC.md POS1). SQLite holds it and its history; the audit log
 * records it; the document's `positions` map mirrors the clause's list
 * (POS6). The position carries the hash of the clause's text as it reads
 * now, so that a later change of text shows it as stated on an earlier
 * text (POS5).
 */
export interface PositionDeps {
  db: Db;
  rooms: Rooms;
}

/**
 * The hash a position on this clause is stated against: the clause's plain
 * text as every replica reads it (readRichText, as the screen and the
 * proposals do), so the client computes the same hash from the same document.
 */
export function clauseTextHash(body: Y.XmlFragment): string {
  return textHash(toPlainText(readRichText(body)));
}

/** Positions change only while the clause is open: ad ref and agreed settle it, and so does an agreed paragraph above it (LOCK7). */
function requireOpenClause(room: Room, clauseId: string): void {
  const status = readClauseStatus(room.doc.getMap<unknown>(ROOT.status).get(clauseId));
  const lockedBy = room.lockOf(clauseId);
  if (lockedBy !== null && lockedBy !== clauseId) {
    throw conflict('clause-not-open', 'This sub-item is agreed with its paragraph, so positions on it no longer change. The chair can reopen the paragraph first.');
  }
  if (status !== undefined && status.state !== 'open') {
    const state = status.state === 'agreed' ? 'agreed' : 'ad referendum';
    throw conflict('clause-not-open', `This clause is ${state}, so positions on it no longer change. The chair can reopen it first.`);
  }
}

export function statePosition(deps: PositionDeps, declarationId: string, actor: ParticipantRow, clauseId: string, body: unknown): StatedPosition[] {
  if (!can(actor.role, 'statePosition')) {
    if (actor.role === 'chair' || actor.role === 'secretariat') {
      throw forbidden('no-position', 'The chair and the secretariat steer the negotiation and have no position of their own.');
    }
    throw forbidden('no-position', 'Only delegations state positions; an observer follows the negotiation without one.');
  }
  const request = positionRequest(body);
  return deps.rooms.withRoom(declarationId, (room) => {
    const clause = clauseBody(room, clauseId);
    // SIL4: positions are settled while the text is frozen; a delegation that objects breaks silence, with its reason.
    refuseIfFrozen(room);
    requireOpenClause(room, clauseId);
    const before = clausePositions(deps.db, declarationId, clauseId);
    const previous = before.find((p) => p.participantId === actor.id) ?? null;
    const hash = clauseTextHash(clause);
    // The same statement again changes nothing; on a changed text it is news (POS5: the delegation confirms its position on the text now).
    const unchanged =
      request.position === null ? previous === null : previous !== null && previous.position === request.position && previous.note === request.note && previous.textHash === hash;
    if (unchanged) return before;
    const at = Date.now();
    deps.db.transaction(() => {
      storePosition(deps.db, declarationId, { clauseId, participantId: actor.id, position: request.position, note: request.note, at, textHash: hash });
      appendAudit(deps.db, declarationId, {
        actor: actor.name,
        action: 'position',
        clauseId,
        detail: { position: request.position, ...(request.note ? { note: request.note } : {}), ...(previous ? { previous: previous.position } : {}) },
        at,
      });
    })();
    const positions = clausePositions(deps.db, declarationId, clauseId);
    room.mirrorPositions(clauseId, positions);
    return positions;
  });
}
