import { DEFAULT_SETTINGS, isEditingMode, type DeclarationSettings } from '../../shared/settings.ts';
import type { Db } from './database.ts';

interface SettingsRow {
  observers_may_comment: number;
  editing: string;
  secretariat_decides: number;
  secretariat_removes_brackets: number;
}

/** A declaration's settings (shared/settings.ts); no row means the defaults. */
export function getSettings(db: Db, declarationId: string): DeclarationSettings {
  const row = db.prepare('SELECT observers_may_comment, editing, secretariat_decides, secretariat_removes_brackets FROM declaration_settings WHERE declaration_id = ?').get(declarationId) as
    | SettingsRow
    | undefined;
  if (!row) return { ...DEFAULT_SETTINGS };
  return {
    observersMayComment: row.observers_may_comment === 1,
    editing: isEditingMode(row.editing) ? row.editing : DEFAULT_SETTINGS.editing,
    secretariatDecides: row.secretariat_decides === 1,
    secretariatRemovesBrackets: row.secretariat_removes_brackets === 1,
    // Not stored yet (issue 15 in progress): the defaults.
    paragraphs: DEFAULT_SETTINGS.paragraphs,
    subItemStyle: DEFAULT_SETTINGS.subItemStyle,
  };
}

export function saveSettings(db: Db, declarationId: string, settings: DeclarationSettings): void {
  db.prepare(
    `INSERT INTO declaration_settings (declaration_id, observers_may_comment, editing, secretariat_decides, secretariat_removes_brackets) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (declaration_id) DO UPDATE SET observers_may_comment = excluded.observers_may_comment,
       editing = excluded.editing, secretariat_decides = excluded.secretariat_decides,
       secretariat_removes_brackets = excluded.secretariat_removes_brackets`,
  ).run(declarationId, settings.observersMayComment ? 1 : 0, settings.editing, settings.secretariatDecides ? 1 : 0, settings.secretariatRemovesBrackets ? 1 : 0);
}
