import { appendAudit } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import { endProcedure, lastProcedure } from '../db/silence.ts';
import type { Rooms } from '../relay/rooms.ts';

/** Who the audit log says acted when the server adopted a declaration at its deadline. */
export const SERVER_ACTOR = 'server';

/**
 * The deadline passed unbroken (SIL7): the procedure ends `adopted`, at the
 * deadline itself — also when the server was down then and adopts on start
 * (SIL8) — with nobody as its author. Stored with its audit entry in one
 * transaction; mirrored into the room if it is loaded (a room loaded later
 * reads it from SQLite). Returns false when the procedure had ended already
 * (broken or cancelled first): of a break and the deadline only one wins.
 */
export function adoptSilence(deps: { db: Db; rooms: Rooms }, declarationId: string, procedureId: string, deadline: number): boolean {
  const adopted = deps.db.transaction(() => {
    if (!endProcedure(deps.db, procedureId, { at: deadline, outcome: 'adopted', by: null, reason: null })) return false;
    appendAudit(deps.db, declarationId, { actor: SERVER_ACTOR, action: 'silence-adopted', clauseId: null, detail: { procedureId, deadline }, at: deadline });
    return true;
  })();
  if (adopted && deps.rooms.isOpen(declarationId)) deps.rooms.current(declarationId).mirrorSilence(lastProcedure(deps.db, declarationId));
  return adopted;
}
