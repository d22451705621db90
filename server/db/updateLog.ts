import type { Db } from './database.ts';

/**
 * The durable log of a declaration's Yjs updates. Every update the relay
 * accepts is appended (synchronously, before it is broadcast); `compact`
 * replaces a prefix of the log by one update holding the same state.
 */
export interface UpdateLog {
  append(declarationId: string, update: Uint8Array): number;
  /** All updates in order, with the seq of the last one (0 when empty). */
  read(declarationId: string): { updates: Uint8Array[]; lastSeq: number };
  count(declarationId: string): number;
  /** Replaces every update up to `uptoSeq` by `state`, in one transaction. */
  compact(declarationId: string, state: Uint8Array, uptoSeq: number): void;
}

export function createUpdateLog(db: Db): UpdateLog {
  const insert = db.prepare('INSERT INTO doc_updates (declaration_id, data) VALUES (?, ?)');
  const select = db.prepare('SELECT seq, data FROM doc_updates WHERE declaration_id = ? ORDER BY seq');
  const countStmt = db.prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE declaration_id = ?');
  const deleteUpto = db.prepare('DELETE FROM doc_updates WHERE declaration_id = ? AND seq <= ?');
  // The snapshot takes the place of what it replaces: the first seq of the
  // prefix is free once the prefix is deleted, and keeps the log in order.
  const firstSeq = db.prepare('SELECT MIN(seq) AS seq FROM doc_updates WHERE declaration_id = ?');
  const insertAt = db.prepare('INSERT INTO doc_updates (seq, declaration_id, data) VALUES (?, ?, ?)');
  const compactTx = db.transaction((declarationId: string, state: Uint8Array, uptoSeq: number) => {
    const first = (firstSeq.get(declarationId) as { seq: number | null }).seq;
    if (first === null || first > uptoSeq) return;
    deleteUpto.run(declarationId, uptoSeq);
    insertAt.run(first, declarationId, state);
  });
  return {
    // better-sqlite3 binds any Uint8Array as a blob: no copy on the hot path.
    append: (declarationId, update) => Number(insert.run(declarationId, update).lastInsertRowid),
    read: (declarationId) => {
      const rows = select.all(declarationId) as { seq: number; data: Buffer }[];
      return {
        updates: rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength)),
        lastSeq: rows.length === 0 ? 0 : rows[rows.length - 1]!.seq,
      };
    },
    count: (declarationId) => (countStmt.get(declarationId) as { n: number }).n,
    compact: (declarationId, state, uptoSeq) => compactTx(declarationId, state, uptoSeq),
  };
}
