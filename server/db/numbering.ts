import type { FrozenNumber, FrozenNumbering } from '../../shared/workingNumbers.ts';
import type { Db } from './database.ts';

/** The frozen numbering of a declaration (shared/workingNumbers.ts, WN*), or null while numbers follow order. */
export function getNumbering(db: Db, declarationId: string): FrozenNumbering | null {
  const row = db
    .prepare('SELECT n.frozen_at, p.name, n.numbers FROM numbering n JOIN participants p ON p.id = n.frozen_by WHERE n.declaration_id = ?')
    .get(declarationId) as { frozen_at: number; name: string; numbers: string } | undefined;
  if (!row) return null;
  return { at: row.frozen_at, by: row.name, numbers: JSON.parse(row.numbers) as Record<string, FrozenNumber> };
}

/** Freezes (or renumbers: freezes anew) the numbering. */
export function saveNumbering(db: Db, declarationId: string, at: number, byParticipant: string, numbers: Record<string, FrozenNumber>): void {
  db.prepare(
    `INSERT INTO numbering (declaration_id, frozen_at, frozen_by, numbers) VALUES (?, ?, ?, ?)
     ON CONFLICT (declaration_id) DO UPDATE SET frozen_at = excluded.frozen_at, frozen_by = excluded.frozen_by, numbers = excluded.numbers`,
  ).run(declarationId, at, byParticipant, JSON.stringify(numbers));
}
