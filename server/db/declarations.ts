import { isDeclarationLanguage, DEFAULT_DECLARATION_LANGUAGE, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import type { Db } from './database.ts';

export function insertDeclaration(db: Db, id: string, language: DeclarationLanguage = DEFAULT_DECLARATION_LANGUAGE): void {
  db.prepare('INSERT INTO declarations (id, created_at, language) VALUES (?, ?, ?)').run(id, Date.now(), language);
}

/** The declaration's language (DL1); English for an unknown declaration, as for one made before languages existed. */
export function getDeclarationLanguage(db: Db, id: string): DeclarationLanguage {
  const row = db.prepare('SELECT language FROM declarations WHERE id = ?').get(id) as { language: string } | undefined;
  return row && isDeclarationLanguage(row.language) ? row.language : DEFAULT_DECLARATION_LANGUAGE;
}

export function setDeclarationLanguage(db: Db, id: string, language: DeclarationLanguage): void {
  db.prepare('UPDATE declarations SET language = ? WHERE id = ?').run(language, id);
}

export function declarationExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM declarations WHERE id = ?').get(id) !== undefined;
}

export function listDeclarationIds(db: Db): string[] {
  return (db.prepare('SELECT id FROM declarations ORDER BY created_at').all() as { id: string }[]).map((r) => r.id);
}
