import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE, COLLAB_PATH } from '../../shared/protocol.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { applyClientUpdate } from './apply.ts';
import { authenticate } from './authenticate.ts';
import { clientIdsIn, sanitizeAwareness } from './awareness.ts';
import { createConnection, send, type Connection } from './connection.ts';
import { decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeSyncStep2, MalformedMessage } from './messages.ts';
import type { Room } from './room.ts';
import type { Rooms } from './rooms.ts';

/**
 * The collaboration relay, as a pipeline of small steps, each in its own file:
 *
 *   authenticate (authenticate.ts) → load (rooms.ts) → apply + enforce
 *   (apply.ts) → persist (persist.ts) → broadcast (room.ts)
 *
 * Everything here is synchronous from the upgrade to the first message
 * listener, so no message can arrive before a listener is attached.
 */
export interface RelayDeps {
  db: Db;
  rooms: Rooms;
  logger: Logger;
  maxMessageBytes: number;
}

const PATH = new RegExp(`^${COLLAB_PATH}/([A-Za-z0-9_-]{1,64})/?(?:\\?.*)?$`);

export function attachRelay(server: Server, deps: RelayDeps): { close(): void; connectionCount(): number } {
  // ws's own cap is a backstop; below it the relay closes with a clear code.
  const wss = new WebSocketServer({ noServer: true, maxPayload: deps.maxMessageBytes * 2 });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const match = PATH.exec(request.url ?? '');
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\n\r\nNo collaboration endpoint here: use /collab/<declaration id>.\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, request, match[1]!, deps));
  });
  return {
    close() {
      for (const ws of wss.clients) ws.close(CLOSE.serverShutdown.code, CLOSE.serverShutdown.reason);
      wss.close();
    },
    connectionCount: () => wss.clients.size,
  };
}

function onConnection(ws: WebSocket, request: IncomingMessage, declarationId: string, deps: RelayDeps): void {
  const { logger } = deps;
  const authentication = authenticate(deps.db, declarationId, request);
  if ('refuse' in authentication) {
    logger.info('connection refused', { declaration: declarationId, reason: authentication.refuse.reason });
    ws.close(authentication.refuse.code, authentication.refuse.reason);
    return;
  }
  const room = deps.rooms.get(declarationId);
  const connection = createConnection(ws, authentication.participant);
  room.connections.add(connection);
  ws.on('message', (data: RawData, isBinary: boolean) => receive(room, connection, data, isBinary, deps));
  ws.on('error', (error) => logger.warn('connection error', { connection: connection.id, error: error.message }));
  ws.on('close', () => {
    room.leave(connection);
    deps.rooms.release(room);
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
  connection.ws.close(close.code, close.reason);
}

function receive(room: Room, connection: Connection, data: RawData, isBinary: boolean, deps: RelayDeps): void {
  const { logger } = deps;
  const bytes = toBytes(data);
  if (bytes.byteLength > deps.maxMessageBytes) {
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
      case 'update':
        applyClientUpdate(room, connection, message.update);
        break;
      case 'awareness': {
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
    // A bad message ends its own connection and nothing else.
    closeFor(connection, CLOSE.malformedMessage, logger, error instanceof Error ? error.message : String(error));
  }
}
