import type { Bracket } from '../../shared/brackets/bracket.ts';
import type { Db } from './database.ts';

/**
 * Square brackets and who asked for them (docs/SPEC.md BRK*). SQLite holds
 * the truth; the document's `brackets` map mirrors `listBrackets`. Names
 * are joined from `participants`.
 */
interface BracketRow {
  id: string;
  clause_id: string;
  start_pos: string;
  end_pos: string;
  quote: string;
  created_at: number;
  removed_at: number | null;
  remover: string | null;
  removed_how: 'removed' | 'deleted' | null;
}

interface RequestRow {
  bracket_id: string;
  participant_id: string;
  name: string;
  at: number;
}

const BRACKETS = `SELECT b.id, b.clause_id, b.start_pos, b.end_pos, b.quote, b.created_at, b.removed_at, r.name AS remover, b.removed_how
  FROM brackets b LEFT JOIN participants r ON r.id = b.removed_by`;
const REQUESTS = `SELECT q.bracket_id, q.participant_id, n.name, q.at FROM bracket_requests q
  JOIN participants n ON n.id = q.participant_id JOIN brackets b ON b.id = q.bracket_id`;

/** Exactly the plain shape of `Bracket`: no keys with undefined values, so the mirror compares by JSON. */
function toBracket(row: BracketRow, requests: RequestRow[]): Bracket {
  const bracket: Bracket = {
    id: row.id,
    clauseId: row.clause_id,
    start: row.start_pos,
    end: row.end_pos,
    quote: row.quote,
    at: row.created_at,
    requestedBy: requests.map((q) => ({ participantId: q.participant_id, name: q.name, at: q.at })),
  };
  if (row.removed_at !== null) bracket.removed = { by: row.remover ?? '', at: row.removed_at, how: row.removed_how ?? 'removed' };
  return bracket;
}

/** Every bracket of a declaration, standing or removed, oldest first. */
export function listBrackets(db: Db, declarationId: string): Bracket[] {
  const rows = db.prepare(`${BRACKETS} WHERE b.declaration_id = ? ORDER BY b.created_at, b.rowid`).all(declarationId) as BracketRow[];
  const requests = db.prepare(`${REQUESTS} WHERE b.declaration_id = ? ORDER BY q.at, q.participant_id`).all(declarationId) as RequestRow[];
  const byBracket = new Map<string, RequestRow[]>(rows.map((row) => [row.id, []]));
  for (const request of requests) byBracket.get(request.bracket_id)?.push(request);
  return rows.map((row) => toBracket(row, byBracket.get(row.id)!));
}

/** One bracket of this declaration, or null (also for another declaration's bracket). */
export function findBracket(db: Db, declarationId: string, bracketId: string): Bracket | null {
  const row = db.prepare(`${BRACKETS} WHERE b.declaration_id = ? AND b.id = ?`).get(declarationId, bracketId) as BracketRow | undefined;
  if (!row) return null;
  const requests = db.prepare(`${REQUESTS} WHERE q.bracket_id = ? ORDER BY q.at, q.participant_id`).all(bracketId) as RequestRow[];
  return toBracket(row, requests);
}

/** How many brackets stand in a declaration (MAX_BRACKETS). */
export function countStandingBrackets(db: Db, declarationId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM brackets WHERE declaration_id = ? AND removed_at IS NULL').get(declarationId) as { n: number }).n;
}

export interface NewBracket {
  id: string;
  clauseId: string;
  start: string;
  end: string;
  quote: string;
  at: number;
  requestedBy: string;
}

/** A new bracket with its first request. Call inside a transaction. */
export function insertBracket(db: Db, declarationId: string, b: NewBracket): void {
  db.prepare('INSERT INTO brackets (id, declaration_id, clause_id, start_pos, end_pos, quote, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    b.id,
    declarationId,
    b.clauseId,
    b.start,
    b.end,
    b.quote,
    b.at,
  );
  addBracketRequest(db, b.id, b.requestedBy, b.at);
}

/** Another participant asks for the same brackets; false if they already had. */
export function addBracketRequest(db: Db, bracketId: string, participantId: string, at: number): boolean {
  return db.prepare('INSERT OR IGNORE INTO bracket_requests (bracket_id, participant_id, at) VALUES (?, ?, ?)').run(bracketId, participantId, at).changes > 0;
}

export function removeBracket(db: Db, bracketId: string, by: string, at: number, how: 'removed' | 'deleted'): void {
  db.prepare('UPDATE brackets SET removed_at = ?, removed_by = ?, removed_how = ? WHERE id = ? AND removed_at IS NULL').run(at, by, how, bracketId);
}

/** New relative positions for a bracket whose text an undo brought back (shared/document/bracketRange.ts reanchoredPassage). */
export function moveBracket(db: Db, bracketId: string, start: string, end: string): void {
  db.prepare('UPDATE brackets SET start_pos = ?, end_pos = ? WHERE id = ?').run(start, end, bracketId);
}
