import { conventionsOf, isSubItemStyle, type DeclarationLanguage, type SubItemStyle } from './declarationLanguage.ts';
import { DEFAULT_PARAGRAPH_STYLE, isParagraphStyle, type ParagraphStyle } from './paragraphStyle.ts';
import type { Role } from './roles.ts';

/**
 * Settings of a declaration that change what roles may do. The chair sets
 * them through the API; SQLite holds them and the server mirrors them into
 * the document's `settings` map, read-only for clients.
 */
export const EDITING_MODES = ['direct', 'proposals'] as const;
/** `direct`: delegations edit open clauses; `proposals`: they propose wording instead (docs/SPEC.md PROP9). */
export type EditingMode = (typeof EDITING_MODES)[number];

export interface DeclarationSettings {
  /** Observers read threads; they write only when the chair allows it (COM7). */
  observersMayComment: boolean;
  /** How delegations change clause text (PROP9). */
  editing: EditingMode;
  /** Whether the secretariat, too, accepts and rejects proposals (PROP6). */
  secretariatDecides: boolean;
  /** Whether the secretariat, too, removes square brackets (BRK4; shared/brackets/bracketRules.ts). */
  secretariatRemovesBrackets: boolean;
  /** How paragraphs print their numbers (shared/paragraphStyle.ts); set on import from the source, changed by the chair. */
  paragraphs: ParagraphStyle;
  /** How sub-item letters print; null: the declaration language's style (DL). Set on import from the source. */
  subItemStyle: SubItemStyle | null;
}

export const DEFAULT_SETTINGS: DeclarationSettings = { observersMayComment: false, editing: 'direct', secretariatDecides: false, secretariatRemovesBrackets: false, paragraphs: DEFAULT_PARAGRAPH_STYLE, subItemStyle: null };

export function isEditingMode(value: unknown): value is EditingMode {
  return typeof value === 'string' && (EDITING_MODES as readonly string[]).includes(value);
}

/** The settings as mirrored; a missing or unreadable key reads as its default. */
export function readSettings(map: { get(key: string): unknown }): DeclarationSettings {
  const editing = map.get('editing');
  const paragraphs = map.get('paragraphs');
  const subItemStyle = map.get('subItemStyle');
  return {
    observersMayComment: map.get('observersMayComment') === true,
    editing: isEditingMode(editing) ? editing : DEFAULT_SETTINGS.editing,
    secretariatDecides: map.get('secretariatDecides') === true,
    secretariatRemovesBrackets: map.get('secretariatRemovesBrackets') === true,
    paragraphs: isParagraphStyle(paragraphs) ? paragraphs : DEFAULT_PARAGRAPH_STYLE,
    subItemStyle: isSubItemStyle(subItemStyle) ? subItemStyle : null,
  };
}

/**
 * Whether a role changes clause text directly (PROP9): the chair and the
 * secretariat always; delegations only in direct editing mode; observers never.
 */
export function editsClausesDirectly(role: Role, settings: DeclarationSettings): boolean {
  if (role === 'delegation') return settings.editing === 'direct';
  return role === 'chair' || role === 'secretariat';
}

/** How sub-item letters print in this declaration: the source's style kept on import, else its language's (DL). The one place that decides it. */
export function subItemStyleOf(settings: Pick<DeclarationSettings, 'subItemStyle'>, language: DeclarationLanguage): SubItemStyle {
  return settings.subItemStyle ?? conventionsOf(language).subItemStyle;
}
