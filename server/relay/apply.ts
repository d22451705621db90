import * as Y from 'yjs';
import type { Connection } from './connection.ts';
import type { Room } from './room.ts';

/**
 * The apply step: a client's update joins the authoritative document, with
 * the connection as transaction origin. This is where changes are inspected
 * and refused (docs/ARCHITECTURE.md, "Where rules are enforced"): a Yjs
 * update cannot be dropped — later updates of the same client build on it —
 * so a refusal is applied and then undone by a compensating update that
 * everyone receives.
 */
export function applyClientUpdate(room: Room, connection: Connection, update: Uint8Array): void {
  Y.applyUpdate(room.doc, update, connection);
}
