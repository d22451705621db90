import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { deletesStoredItem, MissingDependencies, RefusedUpdate } from './inspectUpdate.ts';

/**
 * An observer's update, judged from its bytes before anything of it is
 * decoded into Yjs structures (docs/SPEC.md WIRE4, PERF3). An observer may
 * change nothing, so the only update it may send is one that brings
 * nothing: a stock observer's sync step 2, which holds no structs (the
 * server has everything the observer has) and the delete set of its copy,
 * every range of it deleted on the server already.
 *
 * Decoded whole, a 4 MB update of 200,000 small structs or a million delete
 * ranges holds the server for about a second while every delegation waits
 * (measured in `npm run bench`, its flood section). Read here, the first
 * struct ends it; the delete ranges must be sorted and disjoint, as Yjs
 * writes them, each client once, so the walk over the document is one
 * pass, and the first range that would delete anything ends it too.
 */
const CHANGES = 'an observer cannot change the declaration';

export function checkObserverUpdate(doc: Y.Doc, update: Uint8Array): void {
  try {
    const decoder = decoding.createDecoder(update);
    if (decoding.readVarUint(decoder) !== 0) throw new RefusedUpdate(CHANGES);
    const clients = decoding.readVarUint(decoder);
    const seen = new Set<number>();
    for (let c = 0; c < clients; c++) {
      const client = decoding.readVarUint(decoder);
      if (seen.has(client)) throw new RefusedUpdate(`client ${client} appears twice in the delete set`);
      seen.add(client);
      const state = Y.getState(doc.store, client);
      const ranges = decoding.readVarUint(decoder);
      let end = 0;
      for (let r = 0; r < ranges; r++) {
        const clock = decoding.readVarUint(decoder);
        const len = decoding.readVarUint(decoder);
        if (len <= 0 || clock < end) throw new RefusedUpdate('the delete set is not sorted');
        if (clock + len > state) throw new MissingDependencies(`it deletes items of client ${client} that the server does not have`);
        if (deletesStoredItem(doc.store, client, clock, clock + len)) throw new RefusedUpdate(CHANGES);
        end = clock + len;
      }
    }
    if (decoding.hasContent(decoder)) throw new RefusedUpdate('trailing bytes after the update');
  } catch (error) {
    if (error instanceof RefusedUpdate) throw error;
    throw new RefusedUpdate(`the update does not decode: ${error instanceof Error ? error.message : String(error)}`);
  }
}
