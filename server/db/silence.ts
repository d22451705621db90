import type { SilenceOutcome, SilenceProcedure } from '../../shared/silence/silenceProcedure.ts';
import type { Db } from './database.ts';

/**
 * Silence procedures in SQLite (`silence_procedures`, migration 9; SIL*):
 * at most one running per declaration (a partial unique index), and a
 * declaration is adopted when one ended `adopted`. Names are joined in as
 * they are now, like the other mirrored records.
 */
interface Row {
  id: string;
  started_name: string;
  started_at: number;
  deadline: number;
  reason: string;
  version_id: string | null;
  ended_at: number | null;
  outcome: SilenceOutcome | null;
  ended_name: string | null;
  end_reason: string | null;
}

const SELECT = `SELECT s.id, sp.name AS started_name, s.started_at, s.deadline, s.reason, s.version_id, s.ended_at, s.outcome,
    ep.name AS ended_name, s.end_reason
  FROM silence_procedures s
  JOIN participants sp ON sp.id = s.started_by
  LEFT JOIN participants ep ON ep.id = s.ended_by`;

function procedureOf(row: Row): SilenceProcedure {
  const procedure: SilenceProcedure = {
    id: row.id,
    startedBy: row.started_name,
    startedAt: row.started_at,
    deadline: row.deadline,
    reason: row.reason,
    versionId: row.version_id,
  };
  if (row.ended_at !== null && row.outcome !== null) {
    procedure.ended = { outcome: row.outcome, at: row.ended_at, by: row.ended_name, reason: row.end_reason ?? '' };
  }
  return procedure;
}

/** The running procedure of a declaration, or else its last one (the latest started), or null. */
export function lastProcedure(db: Db, declarationId: string): SilenceProcedure | null {
  const row = db.prepare(`${SELECT} WHERE s.declaration_id = ? ORDER BY s.ended_at IS NULL DESC, s.started_at DESC, s.rowid DESC LIMIT 1`).get(declarationId) as Row | undefined;
  return row ? procedureOf(row) : null;
}

/** Every running procedure, of every declaration: what the deadline scheduler arms on start. */
export function runningProcedures(db: Db): { declarationId: string; id: string; deadline: number }[] {
  return db.prepare('SELECT declaration_id AS declarationId, id, deadline FROM silence_procedures WHERE ended_at IS NULL').all() as {
    declarationId: string;
    id: string;
    deadline: number;
  }[];
}

export interface NewProcedure {
  id: string;
  startedBy: string;
  startedAt: number;
  deadline: number;
  reason: string;
  versionId: string | null;
}

export function insertProcedure(db: Db, declarationId: string, p: NewProcedure): void {
  db.prepare('INSERT INTO silence_procedures (id, declaration_id, started_by, started_at, deadline, reason, version_id) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    p.id,
    declarationId,
    p.startedBy,
    p.startedAt,
    p.deadline,
    p.reason,
    p.versionId,
  );
}

/**
 * Ends a running procedure; false when it was not running any more (ended
 * meanwhile), so that of a break and the deadline only one wins.
 */
export function endProcedure(db: Db, id: string, end: { at: number; outcome: SilenceOutcome; by: string | null; reason: string | null }): boolean {
  return (
    db
      .prepare('UPDATE silence_procedures SET ended_at = ?, outcome = ?, ended_by = ?, end_reason = ? WHERE id = ? AND ended_at IS NULL')
      .run(end.at, end.outcome, end.by, end.reason, id).changes === 1
  );
}
