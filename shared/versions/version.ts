import type { ClauseStatus, StatusCounts } from '../clauseStatus.ts';
import type { Declaration } from '../declaration.ts';
import type { StatedPosition } from '../positions/position.ts';
import type { FrozenNumbering } from '../workingNumbers.ts';

/**
 * A named version of the whole declaration (docs/SPEC.md VER1–VER4): "Zero
 * draft", "Rev.1", "after the second reading". Immutable once saved.
 *
 * A version keeps the text and what the text's readers need to see it as it
 * was — statuses, the frozen numbering, where the brackets stood, the
 * positions — as plain data, not Yjs history: the live document keeps no
 * tombstones for it and does not grow because versions exist (VER3).
 * Labels, counts and the exports are computed from it like from the live
 * document, never stored.
 */
export const MAX_VERSION_NAME = 100;
export const MAX_VERSION_NOTE = 1000;
/** The versions one declaration may hold: far more than a conference makes, few enough to list at once. */
export const MAX_VERSIONS = 1000;

/** What made the version: the chair or the secretariat, or the server at a milestone. */
export const VERSION_ORIGINS = ['saved', 'created', 'numbering-frozen', 'silence'] as const;
export type VersionOrigin = (typeof VERSION_ORIGINS)[number];

/** A version as listed: no content. */
export interface VersionInfo {
  id: string;
  name: string;
  /** '' when none was given. */
  note: string;
  origin: VersionOrigin;
  /** The participant who saved it (for an automatic version: whose action made it). */
  by: string;
  at: number;
  /** Clauses (paragraphs and sub-items) and their statuses when saved. */
  clauses: number;
  statuses: StatusCounts;
}

/** What a version holds (VER2): plain JSON, the same for a version and for the text now. */
export interface VersionContent {
  declaration: Declaration;
  /** clause id → its status when saved; a clause without one was open. */
  statuses: Record<string, ClauseStatus>;
  frozen: FrozenNumbering | null;
  /** clause id → its standing brackets, as character offsets into its plain text then. */
  brackets: Record<string, { start: number; end: number }[]>;
  /** clause id → the positions stated on it then. */
  positions: Record<string, StatedPosition[]>;
}

/** A saved version: its listing and its content. */
export interface Version extends VersionInfo {
  content: VersionContent;
}
