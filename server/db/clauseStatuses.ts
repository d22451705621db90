import type { ClauseStatus } from '../../shared/clauseStatus.ts';
import { readSubtreeSnapshot, type SubtreeSnapshot } from '../../shared/document/clauseSnapshot.ts';
import type { Db } from './database.ts';

/** The stored status of a clause, with the snapshot of its subtree kept while it is agreed (LOCK7). */
export interface StoredStatus {
  clauseId: string;
  status: ClauseStatus;
  snapshot: SubtreeSnapshot | null;
}

interface Row {
  clause_id: string;
  state: ClauseStatus['state'];
  by_name: string;
  at: number;
  pending: string | null;
  reason: string | null;
  snapshot: string | null;
}

function toStored(row: Row): StoredStatus {
  const status: ClauseStatus = { state: row.state, by: row.by_name, at: row.at };
  if (row.pending !== null) status.pending = JSON.parse(row.pending) as string[];
  if (row.reason !== null) status.reason = row.reason;
  return { clauseId: row.clause_id, status, snapshot: row.snapshot === null ? null : readSubtreeSnapshot(row.clause_id, JSON.parse(row.snapshot)) };
}

export function listStatuses(db: Db, declarationId: string): StoredStatus[] {
  return (db.prepare('SELECT * FROM clause_status WHERE declaration_id = ?').all(declarationId) as Row[]).map(toStored);
}

export function saveStatus(db: Db, declarationId: string, clauseId: string, status: ClauseStatus, snapshot: SubtreeSnapshot | null): void {
  db.prepare(
    `INSERT INTO clause_status (declaration_id, clause_id, state, by_name, at, pending, reason, snapshot)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (declaration_id, clause_id) DO UPDATE SET
       state = excluded.state, by_name = excluded.by_name, at = excluded.at,
       pending = excluded.pending, reason = excluded.reason, snapshot = excluded.snapshot`,
  ).run(
    declarationId,
    clauseId,
    status.state,
    status.by,
    status.at,
    status.pending ? JSON.stringify(status.pending) : null,
    status.reason ?? null,
    snapshot ? JSON.stringify(snapshot) : null,
  );
}
