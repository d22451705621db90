import type { Db } from './database.ts';

/**
 * Which participant each Yjs client id belongs to (docs/SPEC.md WIRE6). A
 * Yjs client id is a random number a browser picks; the first connection
 * that writes with it owns it. Nobody else may write with it: otherwise a
 * hostile client could take a delegation's next clocks, and that
 * delegation's real edits would be skipped as already known.
 */
export function listClientOwners(db: Db, declarationId: string): Map<number, string | null> {
  const rows = db.prepare('SELECT client_id, participant_id FROM yjs_clients WHERE declaration_id = ?').all(declarationId) as { client_id: number; participant_id: string | null }[];
  return new Map(rows.map((row) => [row.client_id, row.participant_id]));
}

export function claimClients(db: Db, declarationId: string, clients: number[], participantId: string | null): void {
  const insert = db.prepare('INSERT OR IGNORE INTO yjs_clients (declaration_id, client_id, participant_id, first_seen) VALUES (?, ?, ?, ?)');
  const at = Date.now();
  db.transaction(() => {
    for (const client of clients) insert.run(declarationId, client, participantId, at);
  })();
}
