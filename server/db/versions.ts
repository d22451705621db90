import { gunzipSync, gzipSync } from 'node:zlib';
import type { StatusCounts } from '../../shared/clauseStatus.ts';
import { META_FIELDS } from '../../shared/declaration.ts';
import type { VersionContent, VersionInfo, VersionOrigin } from '../../shared/versions/version.ts';
import type { Db } from './database.ts';

/**
 * Named versions (docs/SPEC.md VER1–VER3): one immutable row each, the
 * content gzip-compressed JSON (a 200-clause declaration is some 100 KB of
 * JSON, a few tens compressed). The list reads only the small columns; a
 * version's content is unpacked only when it is opened or compared.
 * `by` is the participant's name now, joined, like positions.
 */
interface InfoRow {
  id: string;
  name: string;
  note: string;
  origin: VersionOrigin;
  by_name: string | null;
  at: number;
  clauses: number;
  statuses: string;
}

const INFO = `SELECT v.id, v.name, v.note, v.origin, p.name AS by_name, v.at, v.clauses, v.statuses
  FROM versions v LEFT JOIN participants p ON p.id = v.by_participant`;

const toInfo = (row: InfoRow): VersionInfo => ({
  id: row.id,
  name: row.name,
  note: row.note,
  origin: row.origin,
  by: row.by_name ?? '',
  at: row.at,
  clauses: row.clauses,
  statuses: JSON.parse(row.statuses) as StatusCounts,
});

export interface NewVersion {
  id: string;
  name: string;
  note: string;
  origin: VersionOrigin;
  /** null: the server alone (the admin command's declarations). */
  byParticipant: string | null;
  at: number;
  clauses: number;
  statuses: StatusCounts;
  content: VersionContent;
}

export function insertVersion(db: Db, declarationId: string, version: NewVersion): void {
  db.prepare(
    `INSERT INTO versions (id, declaration_id, name, note, origin, by_participant, at, clauses, statuses, content)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    version.id,
    declarationId,
    version.name,
    version.note,
    version.origin,
    version.byParticipant,
    version.at,
    version.clauses,
    JSON.stringify(version.statuses),
    gzipSync(JSON.stringify(version.content)),
  );
}

/** Oldest first. */
export function listVersions(db: Db, declarationId: string): VersionInfo[] {
  return (db.prepare(`${INFO} WHERE v.declaration_id = ? ORDER BY v.at, v.rowid`).all(declarationId) as InfoRow[]).map(toInfo);
}

export function findVersionInfo(db: Db, declarationId: string, versionId: string): VersionInfo | null {
  const row = db.prepare(`${INFO} WHERE v.declaration_id = ? AND v.id = ?`).get(declarationId, versionId) as InfoRow | undefined;
  return row ? toInfo(row) : null;
}

export function versionContent(db: Db, declarationId: string, versionId: string): VersionContent | null {
  const row = db.prepare('SELECT content FROM versions WHERE declaration_id = ? AND id = ?').get(declarationId, versionId) as { content: Buffer } | undefined;
  if (!row) return null;
  const content = JSON.parse(gunzipSync(row.content).toString('utf8')) as VersionContent;
  // A version saved before a heading field existed (the closing line, issue 15) reads it as empty, like the document does.
  for (const field of META_FIELDS) content.declaration.meta[field] ??= [];
  return content;
}

export function countVersions(db: Db, declarationId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM versions WHERE declaration_id = ?').get(declarationId) as { n: number }).n;
}

/** Whether a version of this name exists in the declaration, in any case (the unique index agrees). */
export function versionNameTaken(db: Db, declarationId: string, name: string): boolean {
  return db.prepare('SELECT 1 FROM versions WHERE declaration_id = ? AND name = ? COLLATE NOCASE').get(declarationId, name) !== undefined;
}

/** Bytes the versions of a declaration take in the table (their compressed content and columns), for the bench (VER3). */
export function versionBytes(db: Db, declarationId: string): number {
  const row = db
    .prepare('SELECT COALESCE(SUM(LENGTH(content) + LENGTH(statuses) + LENGTH(name) + LENGTH(note) + 64), 0) AS n FROM versions WHERE declaration_id = ?')
    .get(declarationId) as { n: number };
  return row.n;
}
