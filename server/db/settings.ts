import { isSubItemStyle } from '../../shared/declarationLanguage.ts';
import { isParagraphStyle } from '../../shared/paragraphStyle.ts';
import { DEFAULT_SETTINGS, isEditingMode, type DeclarationSettings } from '../../shared/settings.ts';
import type { Db } from './database.ts';

interface SettingsRow {
  observers_may_comment: number;
  editing: string;
  secretariat_decides: number;
  secretariat_removes_brackets: number;
  paragraphs: string;
  sub_item_style: string | null;
}

/** A declaration's settings (shared/settings.ts); no row means the defaults. */
export function getSettings(db: Db, declarationId: string): DeclarationSettings {
  const row = db.prepare('SELECT observers_may_comment, editing, secretariat_decides, secretariat_removes_brackets, paragraphs, sub_item_style FROM declaration_settings WHERE declaration_id = ?').get(declarationId) as
    | SettingsRow
    | undefined;
  if (!row) return { ...DEFAULT_SETTINGS };
  return {
    observersMayComment: row.observers_may_comment === 1,
    editing: isEditingMode(row.editing) ? row.editing : DEFAULT_SETTINGS.editing,
    secretariatDecides: row.secretariat_decides === 1,
    secretariatRemovesBrackets: row.secretariat_removes_brackets === 1,
    paragraphs: isParagraphStyle(row.paragraphs) ? row.paragraphs : DEFAULT_SETTINGS.paragraphs,
    subItemStyle: isSubItemStyle(row.sub_item_style) ? row.sub_item_style : null,
  };
}

export function saveSettings(db: Db, declarationId: string, settings: DeclarationSettings): void {
  db.prepare(
    `INSERT INTO declaration_settings (declaration_id, observers_may_comment, editing, secretariat_decides, secretariat_removes_brackets, paragraphs, sub_item_style)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (declaration_id) DO UPDATE SET observers_may_comment = excluded.observers_may_comment,
       editing = excluded.editing, secretariat_decides = excluded.secretariat_decides,
       secretariat_removes_brackets = excluded.secretariat_removes_brackets,
       paragraphs = excluded.paragraphs, sub_item_style = excluded.sub_item_style`,
  ).run(
    declarationId,
    settings.observersMayComment ? 1 : 0,
    settings.editing,
    settings.secretariatDecides ? 1 : 0,
    settings.secretariatRemovesBrackets ? 1 : 0,
    settings.paragraphs,
    settings.subItemStyle,
  );
}
