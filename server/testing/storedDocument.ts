import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { databaseFile } from '../db/database.ts';
import { listParticipants, type ParticipantRow } from '../db/participants.ts';
import { createUpdateLog } from '../db/updateLog.ts';
import { listClientOwners } from '../db/yjsClients.ts';

/**
 * A declaration as SQLite holds it, read straight from the file of a server
 * that is not running (killed, say): its update log applied in order, as
 * the server loads it (server/relay/room.ts), with who owns each Yjs client id.
 */
export interface StoredDocument {
  doc: Y.Doc;
  /** Structs or deletions of the log that wait for something the log does not have. */
  pending: boolean;
  /** Yjs client id → participant id (null: the server or the declaration's creation). */
  owners: Map<number, string | null>;
  participants: ParticipantRow[];
}

export function readStoredDocument(dataDir: string, declarationId: string): StoredDocument {
  const db = new Database(databaseFile(dataDir), { readonly: true, fileMustExist: true });
  try {
    const { updates } = createUpdateLog(db).read(declarationId);
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return {
      doc,
      pending: doc.store.pendingStructs !== null || doc.store.pendingDs !== null,
      owners: listClientOwners(db, declarationId),
      participants: listParticipants(db, declarationId),
    };
  } finally {
    db.close();
  }
}
