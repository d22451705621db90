import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { colorForIndex } from '../../shared/roles.ts';
import type { Connection } from './connection.ts';
import { MalformedMessage } from './messages.ts';

/**
 * Awareness (who is here, where their caret is) is relayed, but the name and
 * colour on a caret are the server's to say: whatever `user` a client sends
 * is replaced by its authenticated participant, and a client may only speak
 * for the awareness ids it introduced itself, so no delegation can appear as
 * another.
 *
 * What is relayed is kept small, because every stock y-websocket client
 * sends back each awareness change it receives, whoever made it: a relayed
 * message near the inbound limit would come back over it from every client
 * (WIRE9). So a connection speaks for a few awareness ids at most, and a
 * state larger than a caret and a name ever are is not relayed.
 */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 4;
/** A caret (two relative positions) and the server's `user`: a few hundred bytes. */
export const MAX_AWARENESS_STATE_BYTES = 2048;

export function sanitizeAwareness(update: Uint8Array, connection: Connection, owner: (clientId: number) => Connection | undefined): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const encoder = encoding.createEncoder();
  const entries: { clientId: number; clock: number; state: string }[] = [];
  try {
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const raw = decoding.readVarString(decoder);
      const state: unknown = JSON.parse(raw);
      const holder = owner(clientId);
      if (holder !== undefined && holder !== connection) continue;
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new MalformedMessage('awareness state is not an object');
      const known = connection.awarenessClients.has(clientId) || entries.some((entry) => entry.clientId === clientId);
      if (!known && connection.awarenessClients.size + entries.filter((entry) => !connection.awarenessClients.has(entry.clientId)).length >= MAX_AWARENESS_IDS_PER_CONNECTION) continue;
      const { participant } = connection;
      const sanitized =
        state === null
          ? null
          : { ...state, user: { name: participant.name, color: colorForIndex(participant.index), role: participant.role, id: participant.id } };
      const json = JSON.stringify(sanitized);
      if (Buffer.byteLength(json) > MAX_AWARENESS_STATE_BYTES) continue;
      entries.push({ clientId, clock, state: json });
    }
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(`bad awareness update: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after the awareness update');
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

export function clientIdsIn(update: Uint8Array): number[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder);
    decoding.readVarString(decoder);
  }
  return ids;
}

export { awarenessProtocol };
