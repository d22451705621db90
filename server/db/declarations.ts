import type { Db } from './database.ts';

export function insertDeclaration(db: Db, id: string): void {
  db.prepare('INSERT INTO declarations (id, created_at) VALUES (?, ?)').run(id, Date.now());
}

export function declarationExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM declarations WHERE id = ?').get(id) !== undefined;
}

export function listDeclarationIds(db: Db): string[] {
  return (db.prepare('SELECT id FROM declarations ORDER BY created_at').all() as { id: string }[]).map((r) => r.id);
}
