import type { RichText } from '../../shared/richText.ts';
import type { Db } from './database.ts';

/**
 * The history of each clause's text and each heading field (docs/SPEC.md
 * HIST1, table `text_history`, migration 8): one row per run of one
 * participant's changes to one part, with the text before and after. The
 * relay writes it (server/versions/recordHistory.ts), a restore adds its own
 * row (HIST2); nothing ever changes a row but the open run it extends.
 * Names are joined from `participants`, so an entry shows its author's name now.
 */
export type TextEntryKind = 'text' | 'restore';

/**
 * Where a clause stands: what a move changes (its order among its
 * siblings, its parent, its kind). Rows of kind 'move' (migration 9) hold
 * one before and after instead of text; they are read apart from the text
 * entries, so that no reader of words ever meets a place.
 */
export interface ClausePlace {
  kind: string;
  parent: string | null;
  order: string;
}

export interface MoveEntry {
  id: number;
  part: HistoryPart;
  participantId: string;
  name: string;
  startedAt: number;
  at: number;
  before: ClausePlace;
  after: ClausePlace;
}

/** A clause id, or `meta:<field>` for a heading field. */
export type HistoryPart = string;

export const metaPart = (field: string): HistoryPart => `meta:${field}`;

export interface TextEntry {
  id: number;
  part: HistoryPart;
  /** The participant whose connection (or restore) made the change; null for the server's own. */
  participantId: string | null;
  /** Their name now ('' for the server). */
  name: string;
  kind: TextEntryKind;
  /** The first and the last change of the run. */
  startedAt: number;
  at: number;
  before: RichText;
  after: RichText;
}

export type NewTextEntry = Omit<TextEntry, 'id' | 'name'>;

/** What the writer stores: a text entry, or a move (whose before and after are places). */
export type NewHistoryRow = NewTextEntry | (Omit<MoveEntry, 'id' | 'name'> & { kind: 'move' });

interface Row {
  id: number;
  part: string;
  participant_id: string | null;
  name: string | null;
  kind: TextEntryKind | 'move';
  started_at: number;
  at: number;
  before: string;
  after: string;
}

const SELECT = `SELECT h.id, h.part, h.participant_id, p.name, h.kind, h.started_at, h.at, h.before, h.after
  FROM text_history h LEFT JOIN participants p ON p.id = h.participant_id`;

const TEXT_ONLY = `h.kind != 'move'`;

const toEntry = (row: Row): TextEntry => ({
  id: row.id,
  part: row.part,
  participantId: row.participant_id,
  name: row.name ?? '',
  kind: row.kind as TextEntryKind,
  startedAt: row.started_at,
  at: row.at,
  before: JSON.parse(row.before) as RichText,
  after: JSON.parse(row.after) as RichText,
});

/**
 * The two writes of the relay's hot path, prepared once per room: a new
 * run, and the open run extended. Call inside a transaction to batch them.
 */
export interface TextHistoryWriter {
  insert(declarationId: string, entry: NewHistoryRow): number;
  extend(id: number, at: number, after: RichText | ClausePlace): void;
}

export function textHistoryWriter(db: Db): TextHistoryWriter {
  const insert = db.prepare('INSERT INTO text_history (declaration_id, part, participant_id, kind, started_at, at, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const extend = db.prepare('UPDATE text_history SET at = ?, after = ? WHERE id = ?');
  return {
    insert: (declarationId, e) => Number(insert.run(declarationId, e.part, e.participantId, e.kind, e.startedAt, e.at, JSON.stringify(e.before), JSON.stringify(e.after)).lastInsertRowid),
    extend: (id, at, after) => {
      extend.run(at, JSON.stringify(after), id);
    },
  };
}

/** One part's text entries, oldest first. */
export function partHistory(db: Db, declarationId: string, part: HistoryPart): TextEntry[] {
  return (db.prepare(`${SELECT} WHERE h.declaration_id = ? AND h.part = ? AND ${TEXT_ONLY} ORDER BY h.id`).all(declarationId, part) as Row[]).map(toEntry);
}

/** One text entry of this declaration, or null (also for another declaration's, and for a move). */
export function findTextEntry(db: Db, declarationId: string, id: number): TextEntry | null {
  const row = db.prepare(`${SELECT} WHERE h.declaration_id = ? AND h.id = ? AND ${TEXT_ONLY}`).get(declarationId, id) as Row | undefined;
  return row ? toEntry(row) : null;
}

const toMove = (row: Row): MoveEntry => ({
  id: row.id,
  part: row.part,
  participantId: row.participant_id ?? '',
  name: row.name ?? '',
  startedAt: row.started_at,
  at: row.at,
  before: JSON.parse(row.before) as ClausePlace,
  after: JSON.parse(row.after) as ClausePlace,
});

/** One clause's moves, oldest first. */
export function partMoves(db: Db, declarationId: string, part: HistoryPart): MoveEntry[] {
  return (db.prepare(`${SELECT} WHERE h.declaration_id = ? AND h.part = ? AND h.kind = 'move' ORDER BY h.id`).all(declarationId, part) as Row[]).map(toMove);
}

/** Every move made between two moments (as entriesBetween), oldest first. */
export function movesBetween(db: Db, declarationId: string, fromAt: number, toAt: number): MoveEntry[] {
  return (db.prepare(`${SELECT} WHERE h.declaration_id = ? AND h.at > ? AND h.started_at <= ? AND h.kind = 'move' ORDER BY h.id`).all(declarationId, fromAt, toAt) as Row[]).map(toMove);
}

/**
 * Every entry with a change between two moments, oldest first: its last
 * change after `fromAt`, its first at or before `toAt` (a run may straddle
 * either moment; shared/versions/attribution.ts makes sense of that).
 */
export function entriesBetween(db: Db, declarationId: string, fromAt: number, toAt: number): TextEntry[] {
  return (db.prepare(`${SELECT} WHERE h.declaration_id = ? AND h.at > ? AND h.started_at <= ? AND ${TEXT_ONLY} ORDER BY h.id`).all(declarationId, fromAt, toAt) as Row[]).map(toEntry);
}
