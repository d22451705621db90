import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * What a client's update came to once the server enforced its rules
 * (docs/SPEC.md WIRE5), as one Yjs update: every struct added since
 * `before`, as the document holds it now — refused content already
 * collected into deleted placeholders — and the deletions the transactions
 * made. After a refusal this, never the client's own bytes, is what is
 * stored and broadcast, so refused text reaches neither SQLite nor anyone
 * else (the sender has it already and keeps it as a refused change).
 *
 * Written with Yjs' own V1 encoder in the layout of `encodeStateAsUpdate`,
 * but with the transactions' delete set instead of the whole document's,
 * which would cost a walk of every struct.
 */
type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

export function encodeNetUpdate(doc: Y.Doc, before: ReadonlyMap<number, number>, deleteSets: DeleteSet[]): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const grown: [number, number][] = [];
  for (const [client, structs] of doc.store.clients) {
    const from = before.get(client) ?? 0;
    const last = structs[structs.length - 1];
    if (last !== undefined && last.id.clock + last.length > from) grown.push([client, from]);
  }
  grown.sort((a, b) => b[0] - a[0]);
  encoding.writeVarUint(encoder.restEncoder, grown.length);
  for (const [client, from] of grown) {
    const structs = doc.store.clients.get(client)!;
    const start = Y.findIndexSS(structs, from);
    encoding.writeVarUint(encoder.restEncoder, structs.length - start);
    encoder.writeClient(client);
    encoding.writeVarUint(encoder.restEncoder, from);
    // The first struct may begin before `from` (merged with older ones): write it from there.
    structs[start]!.write(encoder, from - structs[start]!.id.clock);
    for (let i = start + 1; i < structs.length; i++) structs[i]!.write(encoder, 0);
  }
  const deletes = Y.mergeDeleteSets(deleteSets);
  encoding.writeVarUint(encoder.restEncoder, deletes.clients.size);
  for (const [client, ranges] of [...deletes.clients.entries()].sort((a, b) => b[0] - a[0])) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, client);
    encoding.writeVarUint(encoder.restEncoder, ranges.length);
    for (const range of ranges) {
      encoder.writeDsClock(range.clock);
      encoder.writeDsLen(range.len);
    }
  }
  return encoder.toUint8Array();
}
