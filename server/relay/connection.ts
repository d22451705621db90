import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { ParticipantRow } from '../db/participants.ts';
import type { Logger } from '../logger.ts';
import { RateLimit } from './rateLimit.ts';

/** One participant's open websocket, and the awareness client ids it speaks for. */
export interface Connection {
  readonly id: number;
  readonly ws: WebSocket;
  /** The TCP socket under it, to stop reading a client that writes on after its close (closeSocket). */
  readonly socket: Duplex;
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
  /** Bytes of awareness messages over MAX_AWARENESS_BYTES this connection may still send, dropped unread (WIRE9). */
  readonly oversizedAwarenessBytes: RateLimit;
}

let nextId = 1;

/** Awareness is carets and presence: a person moves a caret a few times a second, not hundreds (WIRE9). */
const AWARENESS_PER_SECOND = 20;
/**
 * Awareness messages over MAX_AWARENESS_BYTES: a stock client joining a room
 * of many carets echoes them all in one (relay.ts), so a few are normal;
 * a stream of them is not, and past this budget the connection is closed.
 */
const OVERSIZED_AWARENESS_BURST_BYTES = 2 * 1024 * 1024;
const OVERSIZED_AWARENESS_BYTES_PER_SECOND = 64 * 1024;

export function createConnection(ws: WebSocket, socket: Duplex, participant: ParticipantRow, declarationId: string): Connection {
  return {
    id: nextId++,
    ws,
    socket,
    participant,
    declarationId,
    awarenessClients: new Set(),
    open: true,
    handshaken: false,
    heard: true,
    awarenessBudget: new RateLimit(AWARENESS_PER_SECOND, 2 * AWARENESS_PER_SECOND),
    // A stock client echoes every caret it is sent, so one joining a full room sends everyone's back at once (WIRE9).
    oversizedAwarenessBytes: new RateLimit(OVERSIZED_AWARENESS_BYTES_PER_SECOND, OVERSIZED_AWARENESS_BURST_BYTES),
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
/**
 * After our close frame a polite client sends its own close and at most the
 * few small messages it had in flight. A hostile one writes on, and ws
 * would read and unmask all of it until the handshake times out (30 s for
 * a refusal at connection time): past this much, the socket is cut
 * (docs/SPEC.md PERF3).
 */
const MAX_BYTES_AFTER_CLOSE = 64 * 1024;

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
  closeSocket(connection.ws, connection.socket, close);
}

/**
 * Sends the close code and stops listening: the socket is terminated if it
 * has not closed within the grace, or as soon as the client writes more
 * than a polite client would after a close.
 */
export function closeSocket(ws: WebSocket, socket: Duplex, close: { code: number; reason: string }): void {
  ws.close(close.code, close.reason);
  let bytes = 0;
  const onData = (chunk: Buffer) => {
    bytes += chunk.length;
    if (bytes > MAX_BYTES_AFTER_CLOSE) ws.terminate();
  };
  socket.on('data', onData);
  const timer = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS);
  timer.unref();
  ws.once('close', () => {
    clearTimeout(timer);
    socket.off('data', onData);
  });
}
