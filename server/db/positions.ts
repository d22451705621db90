import type { PositionKind, StatedPosition } from '../../shared/positions/position.ts';
import type { Db } from './database.ts';

/**
 * Delegations' positions on clauses (docs/SPEC.md POS1–POS6). SQLite holds
 * the current ones and every statement made (`position_history`); the
 * document's `positions` map mirrors `listPositions`. Names are joined from
 * `participants`, so a position shows its delegation's name now.
 */
interface PositionRow {
  clause_id: string;
  participant_id: string;
  name: string;
  position: PositionKind;
  note: string;
  at: number;
  text_hash: string;
}

const toPosition = (row: PositionRow): StatedPosition => ({
  participantId: row.participant_id,
  name: row.name,
  position: row.position,
  note: row.note,
  at: row.at,
  textHash: row.text_hash,
});

const SELECT = `SELECT p.clause_id, p.participant_id, n.name, p.position, p.note, p.at, p.text_hash
  FROM positions p JOIN participants n ON n.id = p.participant_id`;

/** Every clause's positions, in the order they were stated. */
export function listPositions(db: Db, declarationId: string): Map<string, StatedPosition[]> {
  const rows = db.prepare(`${SELECT} WHERE p.declaration_id = ? ORDER BY p.at, p.participant_id`).all(declarationId) as PositionRow[];
  const out = new Map<string, StatedPosition[]>();
  for (const row of rows) {
    const list = out.get(row.clause_id) ?? [];
    list.push(toPosition(row));
    out.set(row.clause_id, list);
  }
  return out;
}

/** One clause's positions, in the order they were stated. */
export function clausePositions(db: Db, declarationId: string, clauseId: string): StatedPosition[] {
  const rows = db.prepare(`${SELECT} WHERE p.declaration_id = ? AND p.clause_id = ? ORDER BY p.at, p.participant_id`).all(declarationId, clauseId) as PositionRow[];
  return rows.map(toPosition);
}

export interface PositionStatement {
  clauseId: string;
  participantId: string;
  /** null: withdrawn. */
  position: PositionKind | null;
  note: string;
  at: number;
  textHash: string;
}

/** States (or withdraws, position null) a delegation's position, and records it in the history. Call inside a transaction. */
export function statePosition(db: Db, declarationId: string, s: PositionStatement): void {
  if (s.position === null) {
    db.prepare('DELETE FROM positions WHERE declaration_id = ? AND clause_id = ? AND participant_id = ?').run(declarationId, s.clauseId, s.participantId);
  } else {
    db.prepare(
      `INSERT INTO positions (declaration_id, clause_id, participant_id, position, note, at, text_hash) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (declaration_id, clause_id, participant_id) DO UPDATE SET position = excluded.position, note = excluded.note, at = excluded.at, text_hash = excluded.text_hash`,
    ).run(declarationId, s.clauseId, s.participantId, s.position, s.note, s.at, s.textHash);
  }
  db.prepare('INSERT INTO position_history (declaration_id, clause_id, participant_id, position, note, at, text_hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    declarationId,
    s.clauseId,
    s.participantId,
    s.position,
    s.note,
    s.at,
    s.textHash,
  );
}

export interface PositionHistoryEntry {
  participantId: string;
  name: string;
  /** null: withdrawn. */
  position: PositionKind | null;
  note: string;
  at: number;
  textHash: string;
}

/** Every statement on a clause, oldest first (POS1: its history is kept). */
export function positionHistory(db: Db, declarationId: string, clauseId: string): PositionHistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT h.participant_id, n.name, h.position, h.note, h.at, h.text_hash FROM position_history h JOIN participants n ON n.id = h.participant_id
       WHERE h.declaration_id = ? AND h.clause_id = ? ORDER BY h.id`,
    )
    .all(declarationId, clauseId) as (Omit<PositionRow, 'clause_id' | 'position'> & { position: PositionKind | null })[];
  return rows.map((r) => ({ participantId: r.participant_id, name: r.name, position: r.position, note: r.note, at: r.at, textHash: r.text_hash }));
}
