import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol.ts';
import { waitFor, type ServerAddress } from './testServer.ts';

/**
 * A modified client, as anyone with a link could write one: it speaks the
 * y-websocket protocol by hand over a plain websocket, keeps a replica of
 * what the server sends, and sends whatever bytes a test makes — truncated,
 * deferred, nested, huge (docs/SPEC.md WIRE4–WIRE9).
 */
export interface RawClient {
  ws: WebSocket;
  /** The declaration as the server has sent it. */
  replica: Y.Doc;
  /** Every message the server sent, as received. */
  received: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
  /** Sends the sync handshake (step 1, then an empty step 2) and waits for the server's state. */
  handshake(): Promise<void>;
  /** Sends only step 1 and waits for the server's state: the client has not sent its own step 2 yet. */
  fetchState(): Promise<void>;
  sendUpdate(update: Uint8Array): void;
  sendSyncStep2(update: Uint8Array): void;
  sendAwareness(update: Uint8Array): void;
  /** Sends raw bytes as one binary message. */
  sendBytes(bytes: Uint8Array): void;
  isClosed(): boolean;
}

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export function syncMessage(inner: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, inner);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/**
 * @param replica a replica kept from an earlier connection, so that the
 * server sends only what it lacks (the fuzz test reconnects thousands of times).
 */
export async function connectRaw(server: ServerAddress, declarationId: string, token: string, headers: Record<string, string> = {}, replica = new Y.Doc()): Promise<RawClient> {
  const ws = new WebSocket(`${server.wsUrl}/${declarationId}?token=${token}`, { headers });
  const received: Uint8Array[] = [];
  let closedFlag = false;
  let synced = false;
  let onSynced = () => {};
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => {
      closedFlag = true;
      resolve({ code, reason: reason.toString() });
    }),
  );
  ws.on('message', (data: Buffer) => {
    const bytes = new Uint8Array(data);
    received.push(bytes);
    const decoder = decoding.createDecoder(bytes);
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return;
    const type = decoding.readVarUint(decoder);
    if (type === SYNC_STEP2 || type === SYNC_UPDATE) {
      Y.applyUpdate(replica, decoding.readVarUint8Array(decoder));
      if (type === SYNC_STEP2) {
        synced = true;
        onSynced();
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
    ws.once('close', () => resolve());
  });
  const send = (bytes: Uint8Array) => {
    if (ws.readyState === ws.OPEN) ws.send(bytes);
  };
  /** Resolves on the server's sync step 2, at once rather than at the next poll: the fuzz test waits for it thousands of times. */
  const serverState = () =>
    synced
      ? Promise.resolve()
      : Promise.race([
          new Promise<void>((resolve) => {
            onSynced = resolve;
          }),
          waitFor(() => synced, 'the server state'),
        ]);
  return {
    ws,
    replica,
    received,
    closed,
    async handshake() {
      send(syncMessage(SYNC_STEP1, Y.encodeStateVector(replica)));
      send(syncMessage(SYNC_STEP2, Y.encodeStateAsUpdate(new Y.Doc())));
      await serverState();
    },
    async fetchState() {
      send(syncMessage(SYNC_STEP1, Y.encodeStateVector(replica)));
      await serverState();
    },
    sendUpdate: (update) => send(syncMessage(SYNC_UPDATE, update)),
    sendSyncStep2: (update) => send(syncMessage(SYNC_STEP2, update)),
    sendAwareness: (update) => send(awarenessMessage(update)),
    sendBytes: send,
    isClosed: () => closedFlag,
  };
}

/**
 * What a transaction on a copy of the replica would send (the replica stays
 * the server's view), from a client id of the test's choice or a new one.
 */
export function updateFrom(replica: Y.Doc, change: (doc: Y.Doc) => void, clientId?: number): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica));
  // After loading: Yjs gives a document a new client id when an update it receives writes with its own.
  if (clientId !== undefined) doc.clientID = clientId;
  const before = Y.encodeStateVector(doc);
  change(doc);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}
