import * as Y from 'yjs';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { ROOT } from '../../shared/document/names.ts';
import { can } from '../../shared/permissions.ts';
import { readCurrentClause, type CurrentClause } from '../../shared/room/currentClause.ts';
import { objectBody } from '../comments/input.ts';
import type { Db } from '../db/database.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import type { Rooms } from '../relay/rooms.ts';

export interface RoomDeps {
  db: Db;
  rooms: Rooms;
}

/** The schema of `PUT …/current-clause`: `{ "clauseId": string | null }`, nothing else. */
function currentClauseBody(body: unknown): string | null {
  const request = objectBody(body);
  const extra = Object.keys(request).filter((key) => key !== 'clauseId');
  if (extra.length > 0) throw badRequest('bad-body', `Only "clauseId" is expected; remove ${extra.map((key) => `"${key}"`).join(', ')}.`);
  if (!('clauseId' in request)) throw badRequest('bad-clause-id', 'clauseId is required: the id of the clause to discuss, or null for none.');
  const { clauseId } = request;
  if (clauseId !== null && (typeof clauseId !== 'string' || clauseId === '')) {
    throw badRequest('bad-clause-id', 'clauseId must be the id of a clause of this declaration, or null to discuss no clause.');
  }
  return clauseId;
}

/**
 * Whether the document ever held a clause by this id, now deleted. A Y.Map
 * keeps the last entry of every key it had, deleted or not (that is how
 * concurrent writes to one key are resolved), and keeps it across the
 * update log's compaction; Y.Map has no public way to ask, so this reads
 * its `_map`.
 */
function wasDeleted(clauses: Y.Map<Y.Map<unknown>>, clauseId: string): boolean {
  const item = (clauses as unknown as { _map: Map<string, { deleted: boolean }> })._map.get(clauseId);
  return item !== undefined && item.deleted;
}

/**
 * The chair or the secretariat puts a clause before the room, or none
 * (ROOM1). The clause must be in the text now: an id the document never
 * had is 404, a clause deleted since is 409. The server writes it into the
 * `room` map, where every screen reads it; the update log keeps it across
 * restarts (ROOM2). It is not audited (ROOM1): it changes with every step
 * of the discussion and decides nothing.
 */
export function setCurrentClause(deps: RoomDeps, declarationId: string, actor: ParticipantRow, body: unknown): CurrentClause | null {
  if (!can(actor.role, 'setCurrentClause')) {
    throw forbidden('chair-or-secretariat-only', 'Only the chair or the secretariat chooses the clause under discussion; use Follow the chair to keep it in view.');
  }
  const clauseId = currentClauseBody(body);
  return deps.rooms.withRoom(declarationId, (room) => {
    if (clauseId === null) {
      room.mirrorCurrentClause(null);
      return null;
    }
    const clauses = clausesMap(room.doc);
    if (!clauses.has(clauseId)) {
      if (wasDeleted(clauses, clauseId)) throw conflict('clause-deleted', `The clause "${clauseId}" has been deleted; choose a clause that is in the text.`);
      throw notFound('clause-not-found', `There is no clause "${clauseId}" in this declaration.`);
    }
    room.mirrorCurrentClause({ clauseId, by: actor.name, at: Date.now() });
    return readCurrentClause(room.doc.getMap(ROOT.room));
  });
}
