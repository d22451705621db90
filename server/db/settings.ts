import { DEFAULT_SETTINGS, type DeclarationSettings } from '../../shared/comments/settings.ts';
import type { Db } from './database.ts';

/** A declaration's settings (shared/comments/settings.ts); no row means the defaults. */
export function getSettings(db: Db, declarationId: string): DeclarationSettings {
  const row = db.prepare('SELECT observers_may_comment FROM declaration_settings WHERE declaration_id = ?').get(declarationId) as
    | { observers_may_comment: number }
    | undefined;
  return row ? { observersMayComment: row.observers_may_comment === 1 } : { ...DEFAULT_SETTINGS };
}

export function saveSettings(db: Db, declarationId: string, settings: DeclarationSettings): void {
  db.prepare(
    `INSERT INTO declaration_settings (declaration_id, observers_may_comment) VALUES (?, ?)
     ON CONFLICT (declaration_id) DO UPDATE SET observers_may_comment = excluded.observers_may_comment`,
  ).run(declarationId, settings.observersMayComment ? 1 : 0);
}
