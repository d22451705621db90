import type { WebSocket } from 'ws';
import type { ParticipantRow } from '../db/participants.ts';
import type { Logger } from '../logger.ts';

/** One participant's open websocket, and the awareness client ids it speaks for. */
export interface Connection {
  readonly id: number;
  readonly ws: WebSocket;
  readonly participant: ParticipantRow;
  readonly awarenessClients: Set<number>;
}

let nextId = 1;

export function createConnection(ws: WebSocket, participant: ParticipantRow): Connection {
  return { id: nextId++, ws, participant, awarenessClients: new Set() };
}

/**
 * A client that does not read what we send (a laptop asleep on the Wi-Fi)
 * must not make the server buffer without end: past this it is dropped and
 * catches up by syncing when it reconnects.
 */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

export function send(connection: Connection, message: Uint8Array, log: Logger): void {
  const { ws } = connection;
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
    log.warn('dropping a connection that does not read', { connection: connection.id, participant: connection.participant.name });
    ws.terminate();
    return;
  }
  ws.send(message, (error) => {
    if (error) log.warn('send failed', { connection: connection.id, error: error.message });
  });
}
