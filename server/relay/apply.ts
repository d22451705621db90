import type { Connection } from './connection.ts';
import type { Room } from './room.ts';

/**
 * The apply step: a client's update joins the authoritative document, with
 * the connection as transaction origin, through the room's Enforcer, which
 * undoes at once whatever the sender may not change (locked clauses, fields
 * of other roles, server-only maps) — see enforce.ts and docs/THREAT_MODEL.md.
 */
export function applyClientUpdate(room: Room, connection: Connection, update: Uint8Array): void {
  room.enforcer.apply(connection, update);
}
