import { randomBytes } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { ROOT } from '../shared/document/names.ts';
import { MESSAGE_AWARENESS, MESSAGE_SYNC } from '../shared/protocol.ts';

/**
 * The flood section's messages (flooder.ts), each just under a size: what a
 * hostile observer has to hand. Built once per run; the attacker writes the
 * same bytes again and again.
 */
const UPDATE_PAYLOAD_ITEM = 'x';

/** A y-websocket update message holding one valid Yjs update of many small map entries (many structs to decode), just under `bytes`. */
export function updateMessage(bytes: number): Uint8Array {
  const build = (entries: number) => {
    const doc = new Y.Doc();
    const clauses = doc.getMap(ROOT.clauses);
    doc.transact(() => {
      for (let i = 0; i < entries; i++) clauses.set(`c${i.toString(36)}`, UPDATE_PAYLOAD_ITEM);
    });
    const message = syncUpdate(Y.encodeStateAsUpdate(doc));
    doc.destroy();
    return message;
  };
  const sample = build(10_000);
  let entries = Math.floor((bytes / sample.byteLength) * 10_000 * 0.99);
  let message = build(entries);
  while (message.byteLength > bytes) {
    entries = Math.floor(entries * 0.99);
    message = build(entries);
  }
  return message;
}

function syncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** A y-websocket awareness message: one client's state, a JSON object with a name of nearly `bytes`. */
export function awarenessMessage(bytes: number): Uint8Array {
  const state = JSON.stringify({ user: { name: 'o'.repeat(bytes - 64) } });
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, 424242);
  encoding.writeVarUint(update, 1);
  encoding.writeVarString(update, state);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}

/** Random bytes, from a first byte that is no y-websocket message type (the server cannot take it for anything). */
export function junkMessage(bytes: number): Uint8Array {
  const junk = randomBytes(bytes);
  junk[0] = 0x7f;
  return junk;
}

/** One binary websocket frame, masked as a client must (RFC 6455 5.3), with a fixed key: built once, written many times. */
export function clientFrame(payload: Uint8Array): Buffer {
  const header = Buffer.alloc(14);
  header[0] = 0x82; // FIN, binary
  header[1] = 0x80 | 127;
  header.writeBigUInt64BE(BigInt(payload.byteLength), 2);
  const mask = randomBytes(4);
  mask.copy(header, 10);
  const masked = Buffer.from(payload);
  for (let i = 0; i < masked.length; i++) masked[i]! ^= mask[i & 3]!;
  return Buffer.concat([header, masked]);
}

