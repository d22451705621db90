import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE, COLLAB_PATH } from '../../shared/protocol.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import { findParticipant } from '../db/participants.ts';
import type { Logger } from '../logger.ts';
import { applyClientUpdate } from './apply.ts';
import { authenticate, type Authentication } from './authenticate.ts';
import { clientIdsIn, sanitizeAwareness } from './awareness.ts';
import { closeSocket, createConnection, endConnection, send, type Connection } from './connection.ts';
import { MissingDependencies, RefusedUpdate } from './inspectUpdate.ts';
import { decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, MalformedMessage } from './messages.ts';
import { Penalties } from './penalties.ts';
import { RoomFault } from './room.ts';
import { UpgradeRefusals } from './upgradeRefusals.ts';
import type { Rooms } from './rooms.ts';

/**
 * The collaboration relay, as a pipeline of small steps, each in its own file:
 *
 *   authenticate (authenticate.ts) → load (rooms.ts) → decode (messages.ts)
 *   → validate (inspectUpdate.ts) → apply + enforce (apply.ts, enforce.ts)
 *   → persist (persist.ts) → broadcast (room.ts)
 *
 * Everything here is synchronous from the upgrade to the first message
 * listener, so no message can arrive before a listener is attached.
 *
 * What can end a connection, and how (shared/protocol.ts): a message that is
 * malformed or refused before it is applied closes its own connection with
 * 4400 (final) and makes its participant wait before connecting again; a
 * fault of the server's own closes it with 1011, and the client reconnects
 * and syncs by itself (WIRE7); a revoked link 4401 (AUTH5); a socket that
 * answers no ping for two heartbeats is terminated (WIRE8).
 */
export interface RelayDeps {
  db: Db;
  rooms: Rooms;
  logger: Logger;
  maxMessageBytes: number;
  /** Ping every connection this often; one silent for two intervals is dropped. */
  heartbeatMs: number;
  /** The first wait after a refused message (WIRE4). */
  refusalWaitMs: number;
  /** This server's public address, besides the Host it is reached at: the origins its pages come from (AUTH6). */
  publicUrl: string | null;
}

const PATH = new RegExp(`^${COLLAB_PATH}/([A-Za-z0-9_-]{1,64})/?(?:\\?.*)?$`);
/** An awareness message carries a caret and a name: far below this (WIRE9). */
export const MAX_AWARENESS_BYTES = 32 * 1024;

export function attachRelay(server: Server, deps: RelayDeps): { close(): void; connectionCount(): number } {
  // ws's own cap is a backstop; below it the relay closes with a clear code.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxMessageBytes * 2 });
  const connections = new Set<Connection>();
  const penalties = new Penalties(deps.refusalWaitMs);
  const refusals = new UpgradeRefusals();
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node leaves an upgraded socket's errors to us: a client resetting it must not bring the process down.
    socket.on('error', () => undefined);
    const match = PATH.exec(request.url ?? '');
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n\r\nNo collaboration endpoint here: use /collab/<declaration id>.\n');
      return;
    }
    const declarationId = match[1]!;
    const authentication = authenticate(deps.db, declarationId, request, deps.publicUrl);
    if ('participant' in authentication && penalties.waiting(authentication.participant.id)) {
      refusals.refuse(socket, authentication.participant.id, penalties.msLeft(authentication.participant.id));
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, socket, declarationId, authentication, { ...deps, connections, penalties }));
  });
  const heartbeat = setInterval(() => beat(connections, deps), deps.heartbeatMs);
  heartbeat.unref();
  return {
    close() {
      clearInterval(heartbeat);
      refusals.closeAll();
      for (const ws of wss.clients) ws.close(CLOSE.serverShutdown.code, CLOSE.serverShutdown.reason);
      wss.close();
    },
    connectionCount: () => wss.clients.size,
  };
}

interface ConnectionDeps extends RelayDeps {
  connections: Set<Connection>;
  penalties: Penalties;
}

function onConnection(ws: WebSocket, socket: Duplex, declarationId: string, authentication: Authentication, deps: ConnectionDeps): void {
  const { logger } = deps;
  // Refusals are said after the upgrade: a close code in 4400–4499 is what the stock client takes as final.
  if ('refuse' in authentication) {
    logger.info('connection refused', { declaration: declarationId, reason: authentication.refuse.reason });
    closeSocket(ws, socket, authentication.refuse);
    return;
  }
  const { participant } = authentication;
  const room = deps.rooms.get(declarationId);
  const connection = createConnection(ws, socket, participant, declarationId);
  room.connections.add(connection);
  deps.connections.add(connection);
  ws.on('message', (data: RawData, isBinary: boolean) => receive(connection, data, isBinary, deps));
  ws.on('pong', () => {
    connection.heard = true;
  });
  ws.on('error', (error) => logger.warn('connection error', { connection: connection.id, error: error.message }));
  ws.on('close', () => {
    connection.open = false;
    deps.connections.delete(connection);
    const current = deps.rooms.isOpen(declarationId) ? deps.rooms.current(declarationId) : null;
    if (current === null) return;
    current.leave(connection);
    deps.rooms.release(current);
  });
  send(connection, encodeSyncStep1(room.doc), logger);
  const states = room.awareness.getStates();
  if (states.size > 0) {
    send(connection, encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...states.keys()])), logger);
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function closeFor(connection: Connection, close: (typeof CLOSE)[keyof typeof CLOSE], logger: Logger, detail: string): void {
  logger.warn('closing a connection', { connection: connection.id, participant: connection.participant.name, reason: close.reason, detail });
  endConnection(connection, close);
}

function receive(connection: Connection, data: RawData, isBinary: boolean, deps: ConnectionDeps): void {
  // A connection being ended is not read any more, whatever its socket does (AUTH5).
  if (!connection.open) return;
  connection.heard = true;
  const { logger } = deps;
  const room = deps.rooms.current(connection.declarationId);
  const bytes = toBytes(data);
  if (bytes.byteLength > deps.maxMessageBytes) {
    deps.penalties.strike(connection.participant.id);
    closeFor(connection, CLOSE.messageTooLarge, logger, `${bytes.byteLength} bytes`);
    return;
  }
  try {
    if (!isBinary) throw new MalformedMessage('text frame');
    const message = decodeClientMessage(bytes);
    switch (message.type) {
      case 'sync-step1':
        send(connection, encodeSyncStep2(room.doc, message.stateVector), logger);
        break;
      case 'sync-step2':
        applyClientUpdate(room, connection, message.update);
        connection.handshaken = true;
        break;
      case 'update':
        applyClientUpdate(room, connection, message.update);
        break;
      case 'awareness': {
        if (message.update.byteLength > MAX_AWARENESS_BYTES) {
          // A stock client echoes every awareness change it is sent: joining a room of many carets, it sends them all back in one
          // message. That is dropped unread; a stream of them would have the server read megabytes for nothing (WIRE9, PERF3).
          if (!connection.oversizedAwarenessBytes.take(message.update.byteLength)) {
            throw new MalformedMessage(`awareness messages over ${MAX_AWARENESS_BYTES} bytes, ${message.update.byteLength} the last`);
          }
          break;
        }
        // Carets are not worth a connection: excess awareness is dropped (WIRE9).
        if (!connection.awarenessBudget.take()) break;
        const sanitized = sanitizeAwareness(message.update, connection, (id) => room.ownerOfAwarenessClient(id));
        for (const id of clientIdsIn(sanitized)) connection.awarenessClients.add(id);
        awarenessProtocol.applyAwarenessUpdate(room.awareness, sanitized, connection);
        break;
      }
      case 'query-awareness':
        send(connection, encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()])), logger);
        break;
    }
  } catch (error) {
    onFailure(error, room, connection, deps);
  }
}

function onFailure(error: unknown, room: ReturnType<Rooms['current']>, connection: Connection, deps: ConnectionDeps): void {
  const { logger } = deps;
  if (error instanceof MissingDependencies && !connection.handshaken) {
    // A stock client typing while it reconnects: its sync step 2, right behind, brings this edit with what it builds on.
    logger.info('an edit arrived before the sync step it builds on; the sync step brings it', { connection: connection.id });
    return;
  }
  if (error instanceof MalformedMessage) {
    // A bad message ends its own connection and nothing else.
    deps.penalties.strike(connection.participant.id);
    if (error instanceof RefusedUpdate) {
      try {
        appendAudit(deps.db, connection.declarationId, { actor: connection.participant.name, action: 'update-refused', clauseId: null, detail: { reason: error.message } });
      } catch (auditError) {
        logger.error('could not record a refused update in the audit log', { error: String(auditError) });
      }
    }
    closeFor(connection, CLOSE.malformedMessage, logger, error.message);
    return;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (error instanceof RoomFault) {
    logger.error('applying an update failed; reloading the declaration from SQLite', { declaration: room.id, connection: connection.id, error: stack });
    try {
      deps.rooms.reload(room);
    } catch (reloadError) {
      logger.error('could not reload the declaration', { declaration: room.id, error: reloadError instanceof Error ? reloadError.stack : String(reloadError) });
    }
  } else {
    logger.error('a fault while handling a message', { declaration: room.id, connection: connection.id, error: stack });
  }
  // The server's fault, not the client's: it reconnects and syncs by itself (WIRE7).
  closeFor(connection, CLOSE.serverFault, logger, 'server fault');
}

/**
 * The heartbeat (WIRE8): a connection that has not answered the previous
 * ping, nor sent anything since, is gone (a laptop closed on the Wi-Fi) and
 * is terminated; the others are pinged. Each beat also rechecks that the
 * participant's link still stands, so a link renewed or revoked from the
 * admin command (another process) ends live connections too (AUTH5).
 */
function beat(connections: Set<Connection>, deps: RelayDeps): void {
  for (const connection of connections) {
    if (!connection.heard) {
      deps.logger.info('dropping a silent connection', { connection: connection.id, participant: connection.participant.name });
      connection.open = false;
      connection.ws.terminate();
      continue;
    }
    const row = findParticipant(deps.db, connection.participant.id);
    if (!row || row.revoked || row.generation !== connection.participant.generation) {
      endConnection(connection, CLOSE.invalidToken);
      continue;
    }
    connection.heard = false;
    connection.ws.ping();
  }
}
