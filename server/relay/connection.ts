import type { WebSocket } from 'ws';
import type { ParticipantRow } from '../db/participants.ts';
import type { Logger } from '../logger.ts';
import { RateLimit } from './rateLimit.ts';

/** One participant's open websocket, and the awareness client ids it speaks for. */
export interface Connection {
  readonly id: number;
  readonly ws: WebSocket;
  readonly participant: ParticipantRow;
  readonly declarationId: string;
  readonly awarenessClients: Set<number>;
  /**
   * False from the moment the server decides to end the connection (a
   * revoked link, a refused message, a fault): nothing it sends afterwards
   * is read, whatever its socket does with the close frame (AUTH5).
   */
  open: boolean;
  /**
   * Whether the client has sent its sync step 2. Before it, a stock client
   * may send an edit that builds on edits it made offline, which its sync
   * step 2 brings a moment later (WIRE4).
   */
  handshaken: boolean;
  /** Heard from since the last heartbeat ping (WIRE8). */
  heard: boolean;
  /** Awareness updates it may still send this second (WIRE9). */
  readonly awarenessBudget: RateLimit;
}

let nextId = 1;

/** Awareness is carets and presence: a person moves a caret a few times a second, not hundreds (WIRE9). */
const AWARENESS_PER_SECOND = 20;

export function createConnection(ws: WebSocket, participant: ParticipantRow, declarationId: string): Connection {
  return {
    id: nextId++,
    ws,
    participant,
    declarationId,
    awarenessClients: new Set(),
    open: true,
    handshaken: false,
    heard: true,
    awarenessBudget: new RateLimit(AWARENESS_PER_SECOND, 2 * AWARENESS_PER_SECOND),
  };
}

/**
 * A client that does not read what we send (a laptop asleep on the Wi-Fi)
 * must not make the server buffer without end: past this it is dropped and
 * catches up by syncing when it reconnects.
 */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
/** A socket that ignores our close frame is cut off after this. */
const CLOSE_GRACE_MS = 2000;

export function send(connection: Connection, message: Uint8Array, log: Logger): void {
  const { ws } = connection;
  if (!connection.open || ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
    log.warn('dropping a connection that does not read', { connection: connection.id, participant: connection.participant.name });
    connection.open = false;
    ws.terminate();
    return;
  }
  ws.send(message, (error) => {
    if (error) log.warn('send failed', { connection: connection.id, error: error.message });
  });
}

/**
 * Ends a connection: from now on nothing it sends is read, it is sent the
 * close code, and its socket is terminated if it has not closed soon after.
 */
export function endConnection(connection: Connection, close: { code: number; reason: string }): void {
  if (!connection.open) return;
  connection.open = false;
  const { ws } = connection;
  ws.close(close.code, close.reason);
  const timer = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
  timer.unref();
  ws.once('close', () => clearTimeout(timer));
}
