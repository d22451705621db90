import { can } from '../../shared/permissions.ts';
import type { Connection } from './connection.ts';
import { inspectUpdate } from './inspectUpdate.ts';
import { checkObserverUpdate } from './observerUpdate.ts';
import type { Room } from './room.ts';

/**
 * The validate, apply and enforce steps for a client's update: it is checked
 * whole before it touches the document (inspectUpdate.ts, WIRE4) — a
 * refusal there is a RefusedUpdate, which closes the connection with 4400
 * and applies nothing — then applied as its sender, with what it may not
 * change undone at once (enforce.ts), and what it came to is stored and
 * broadcast (Room.applyUpdate, WIRE5). An observer's update is judged from
 * its bytes instead, never decoded whole: it may change nothing, so there
 * is nothing to apply (observerUpdate.ts, WIRE4, PERF3).
 */
export function applyClientUpdate(room: Room, connection: Connection, update: Uint8Array): void {
  const { participant } = connection;
  if (!can(participant.role, 'editClauses')) {
    checkObserverUpdate(room.doc, update);
    return;
  }
  const inspection = inspectUpdate(room.doc, update, { mayWriteAs: (client) => room.mayWriteAs(client, participant.id) });
  // A reconnecting client's sync step 2 often holds nothing new: there is nothing to apply, store or send.
  if (inspection.empty) return;
  room.applyUpdate(connection, update, inspection.writers);
}
