import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol.ts';

/**
 * The y-websocket messages a client may send, decoded strictly: anything
 * else, or trailing bytes, is a MalformedMessage and closes that connection.
 */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' };

export class MalformedMessage extends Error {
  override name = 'MalformedMessage';
}

const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

function readPayload(decoder: decoding.Decoder): Uint8Array {
  const payload = decoding.readVarUint8Array(decoder);
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after the message');
  return payload;
}

function decode(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const outer = decoding.readVarUint(decoder);
  switch (outer) {
    case MESSAGE_SYNC: {
      const inner = decoding.readVarUint(decoder);
      const payload = readPayload(decoder);
      if (inner === SYNC_STEP1) {
        Y.decodeStateVector(payload); // throws on a malformed vector
        return { type: 'sync-step1', stateVector: payload };
      }
      if (inner === SYNC_STEP2) return { type: 'sync-step2', update: payload };
      if (inner === SYNC_UPDATE) return { type: 'update', update: payload };
      throw new MalformedMessage(`unknown sync message type ${inner}`);
    }
    case MESSAGE_AWARENESS:
      return { type: 'awareness', update: readPayload(decoder) };
    case MESSAGE_QUERY_AWARENESS:
      if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after the message');
      return { type: 'query-awareness' };
    default:
      throw new MalformedMessage(`unknown message type ${outer}`);
  }
}

export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    return decode(data);
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(error instanceof Error ? error.message : String(error));
  }
}

function syncMessage(inner: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, inner);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (doc: Y.Doc) => syncMessage(SYNC_STEP1, Y.encodeStateVector(doc));
export const encodeSyncStep2 = (doc: Y.Doc, stateVector: Uint8Array) => syncMessage(SYNC_STEP2, Y.encodeStateAsUpdate(doc, stateVector));
export const encodeUpdate = (update: Uint8Array) => syncMessage(SYNC_UPDATE, update);

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
