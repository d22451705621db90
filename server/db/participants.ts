import type { Role } from '../../shared/roles.ts';
import { hashToken, type TokenSecret } from '../auth/tokens.ts';
import type { Db } from './database.ts';
import { newId } from '../../shared/ids.ts';

export interface ParticipantRow {
  id: string;
  declarationId: string;
  name: string;
  role: Role;
  generation: number;
  /** Position among the declaration's participants, from which the colour is derived. */
  index: number;
  revoked: boolean;
}

interface RawRow {
  id: string;
  declaration_id: string;
  name: string;
  role: Role;
  generation: number;
  revoked_at: number | null;
  idx: number;
}

const SELECT = `
  SELECT p.id, p.declaration_id, p.name, p.role, p.generation, p.revoked_at,
    (SELECT COUNT(*) FROM participants q WHERE q.declaration_id = p.declaration_id AND q.rowid < p.rowid) AS idx
  FROM participants p`;

function toRow(raw: RawRow): ParticipantRow {
  return {
    id: raw.id,
    declarationId: raw.declaration_id,
    name: raw.name,
    role: raw.role,
    generation: raw.generation,
    index: raw.idx,
    revoked: raw.revoked_at !== null,
  };
}

export function insertParticipant(db: Db, secret: TokenSecret, declarationId: string, name: string, role: Role): ParticipantRow {
  const id = newId(16);
  db.prepare(
    'INSERT INTO participants (id, declaration_id, name, role, token_hash, generation, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)',
  ).run(id, declarationId, name, role, hashToken(secret.tokenFor(id, 0)), Date.now());
  return findParticipant(db, id)!;
}

export function findParticipant(db: Db, id: string): ParticipantRow | null {
  const raw = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as RawRow | undefined;
  return raw ? toRow(raw) : null;
}

/** The live participant a token belongs to; null for an unknown or revoked token. */
export function participantByToken(db: Db, token: string): ParticipantRow | null {
  const raw = db.prepare(`${SELECT} WHERE p.token_hash = ? AND p.revoked_at IS NULL`).get(hashToken(token)) as RawRow | undefined;
  return raw ? toRow(raw) : null;
}

export function listParticipants(db: Db, declarationId: string): ParticipantRow[] {
  return (db.prepare(`${SELECT} WHERE p.declaration_id = ? ORDER BY p.rowid`).all(declarationId) as RawRow[]).map(toRow);
}

/** Revokes a participant: their link stops working. */
export function revokeParticipant(db: Db, id: string): void {
  db.prepare('UPDATE participants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(Date.now(), id);
}

/**
 * Brings a removed participant back (PART2) with a new link: the generation
 * moves on, so the link they had stays dead. Throws a SQLite constraint
 * error (see `isNameTakenError`) if someone still in has their name.
 */
export function restoreParticipant(db: Db, secret: TokenSecret, id: string): ParticipantRow {
  const row = findParticipant(db, id);
  if (!row) throw new RangeError(`No participant ${id}`);
  const generation = row.generation + 1;
  db.prepare('UPDATE participants SET revoked_at = NULL, generation = ?, token_hash = ? WHERE id = ?').run(
    generation,
    hashToken(secret.tokenFor(id, generation)),
    id,
  );
  return findParticipant(db, id)!;
}

/** The unique index on names among participants still in (migration 5) refused a write. */
export function isNameTakenError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE' && /participants\.name/.test(String((error as Error).message));
}

/** Gives a participant a new link; the old one stops working. */
export function renewParticipantLink(db: Db, secret: TokenSecret, id: string): ParticipantRow {
  const row = findParticipant(db, id);
  if (!row) throw new RangeError(`No participant ${id}`);
  const generation = row.generation + 1;
  db.prepare('UPDATE participants SET generation = ?, token_hash = ? WHERE id = ?').run(generation, hashToken(secret.tokenFor(id, generation)), id);
  return findParticipant(db, id)!;
}
