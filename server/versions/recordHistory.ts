import * as Y from 'yjs';
import { META_FIELDS } from '../../shared/declaration.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD, PARAGRAPH, ROOT } from '../../shared/document/names.ts';
import { readRichText } from '../../shared/document/richTextFragment.ts';
import type { RichText, Run } from '../../shared/richText.ts';
import type { Db } from '../db/database.ts';
import { metaPart, textHistoryWriter, type ClausePlace, type HistoryPart, type NewHistoryRow, type TextHistoryWriter } from '../db/textHistory.ts';
import type { Logger } from '../logger.ts';
import { withoutComments } from '../proposals/access.ts';

/**
 * Records who changed which clause's text, and each heading field's, and
 * when (docs/SPEC.md HIST1), for one room. The author is the participant
 * of the connection whose update made the change (Room.applyUpdate tells
 * it), never anything the update says.
 *
 * Cheap per keystroke: the text of every part is kept in memory; after an
 * update, only the parts its transactions touched are read and compared
 * with it, and a change extends the participant's open run of that part —
 * while it is younger than `HISTORY_PAUSE_MS` and nobody else changed the
 * part since — or opens a new one. The rows are written at most once a
 * second (`HISTORY_FLUSH_MS`), in one SQLite transaction for every change
 * since: five keystrokes a second of fifty delegations are one commit, not
 * two hundred and fifty — with DURABILITY=full, one fsync rather than one per
 * keystroke beside the update log's. Readers of the history have the
 * pending rows written first (`flushHistory`), unloading a room writes
 * them, and a crash loses at most that last second of the history (never of
 * the text: the update log has it).
 *
 * What the update came to is what is compared: a change the enforce step
 * undid left the text as it was, so nothing is recorded for it, and the
 * undo itself is nobody's change. Changes the server makes outside an
 * update (an accepted proposal, a restore, the mirror of an agreed clause)
 * are not a participant's typing: they move the known text on and close
 * the part's open run; an accepted proposal is in the audit log, and a
 * restore records its own entry (server/versions/restoreClause.ts).
 * Comment marks are not text: adding one changes nothing here.
 *
 * A clause's place (its kind, parent and order) is kept the same way: a
 * participant's update that leaves a clause where it was not is a move,
 * recorded as a run of kind 'move' of its own (CMP3: a comparison names who
 * moved a clause as it names who changed its words). A clause created or
 * deleted has no move; the server's own reordering moves nothing on anyone's
 * behalf.
 */
export const HISTORY_PAUSE_MS = 30_000;
/** How long changes wait to be written together. */
export const HISTORY_FLUSH_MS = 1000;

export interface RecorderDeps {
  db: Db;
  logger: Logger;
  /** The clock entries are stamped with (tests pass time without waiting). */
  now: () => number;
}

type OpenRun = NewHistoryRow & {
  /** Its row, once written. */
  id: number | null;
  participantId: string;
};

function readPlace(entry: Y.Map<unknown> | undefined): ClausePlace | null {
  if (!(entry instanceof Y.Map)) return null;
  const kind = entry.get(CLAUSE_FIELD.kind);
  const parent = entry.get(CLAUSE_FIELD.parent);
  const order = entry.get(CLAUSE_FIELD.order);
  return { kind: typeof kind === 'string' ? kind : '', parent: typeof parent === 'string' ? parent : null, order: typeof order === 'string' ? order : '' };
}

const samePlace = (a: ClausePlace, b: ClausePlace): boolean => a.kind === b.kind && a.parent === b.parent && a.order === b.order;

// Taken out of the module namespace once: looked up there on every item, they cost more than the reading.
const { ContentFormat, ContentString } = Y;

/**
 * A clause's or heading field's text as the history keeps it: italics and
 * bold, no comment marks — what `withoutComments(readRichText(fragment))`
 * reads (server/proposals/access.ts), read straight from the items of the
 * one paragraph's text, because this runs on every keystroke: toDelta
 * builds an attribute object per run only to drop the comment marks again.
 * Anything but the model's one paragraph with one text (concurrent edits
 * can leave two for a moment) is read the ordinary way.
 */
export function readPartText(fragment: Y.XmlFragment): RichText {
  const paragraph = fragment.length === 1 ? fragment.get(0) : null;
  const text = paragraph instanceof Y.XmlElement && paragraph.nodeName === PARAGRAPH && paragraph.length <= 1 ? (paragraph.get(0) ?? null) : undefined;
  if (text === null) return [];
  if (!(text instanceof Y.XmlText)) return withoutComments(readRichText(fragment));
  const runs: Run[] = [];
  let italic = false;
  let bold = false;
  let str = '';
  const pack = () => {
    if (str === '') return;
    const last = runs[runs.length - 1];
    if (last && !!last.italic === italic && !!last.bold === bold) last.text += str;
    else runs.push({ text: str, ...(italic ? { italic: true } : {}), ...(bold ? { bold: true } : {}) });
    str = '';
  };
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof ContentString) {
      str += content.str;
    } else if (content instanceof ContentFormat && (content.key === 'italic' || content.key === 'bold')) {
      // As toDelta: a format item sets its mark from here on, a null value ends it.
      const on = !!content.value;
      if ((content.key === 'italic' ? italic : bold) === on) continue;
      pack();
      if (content.key === 'italic') italic = on;
      else bold = on;
    }
  }
  pack();
  return runs;
}

function sameRuns(a: RichText, b: RichText): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.text !== y.text || !!x.italic !== !!y.italic || !!x.bold !== !!y.bold) return false;
  }
  return true;
}

/** Recorders of the rooms open on a database, so a reader can have their pending rows written first. */
const live = new WeakMap<Db, Map<string, TextHistoryRecorder>>();

/** Writes what the open room of a declaration has recorded but not written yet (before reading the history). */
export function flushHistory(db: Db, declarationId: string): void {
  live.get(db)?.get(declarationId)?.flush();
}

export class TextHistoryRecorder {
  /** The text of every part as last read; a part missing has none (a deleted clause). */
  private readonly known = new Map<HistoryPart, RichText>();
  /** Each clause's place as last read. */
  private readonly places = new Map<string, ClausePlace>();
  private readonly open = new Map<HistoryPart, OpenRun>();
  /** A clause's open run of moves, apart from its run of words. */
  private readonly openMoves = new Map<string, OpenRun>();
  private readonly unwritten = new Set<OpenRun>();
  private readonly touched = new Set<HistoryPart>();
  private inUpdate = false;
  private flushing: NodeJS.Timeout | null = null;
  private readonly writer: TextHistoryWriter;
  private readonly clauses: Y.Map<Y.Map<unknown>>;
  private readonly meta: Y.Map<unknown>;
  private readonly status: Y.Map<unknown>;
  readonly now: () => number;

  constructor(
    private readonly doc: Y.Doc,
    private readonly declarationId: string,
    private readonly deps: RecorderDeps,
  ) {
    this.now = deps.now;
    this.writer = textHistoryWriter(deps.db);
    this.clauses = clausesMap(doc);
    this.meta = doc.getMap<unknown>(ROOT.meta);
    this.status = doc.getMap<unknown>(ROOT.status);
    for (const id of this.clauses.keys()) {
      this.remember(id, this.read(id));
      const place = readPlace(this.clauses.get(id));
      if (place) this.places.set(id, place);
    }
    for (const field of META_FIELDS) this.remember(metaPart(field), this.read(metaPart(field)));
    doc.on('afterTransaction', this.observe);
    let rooms = live.get(deps.db);
    if (!rooms) live.set(deps.db, (rooms = new Map()));
    rooms.set(declarationId, this);
  }

  /** The parts a transaction touched; outside a client's update it is the server's change, settled at once. */
  private readonly observe = (transaction: Y.Transaction): void => {
    for (const [type, keys] of transaction.changed) {
      const changed: unknown = type;
      if (changed === this.clauses) {
        for (const key of keys) if (key !== null) this.touched.add(key);
      } else if (changed === this.meta) {
        for (const key of keys) if (key !== null) this.touched.add(metaPart(key));
      } else if (changed === this.status) {
        // A status change ends a run: typing after a reopening is a new entry.
        for (const key of keys) if (key !== null) this.open.delete(key);
      } else {
        this.touchAbove(type);
      }
    }
    if (!this.inUpdate) this.settle(null);
  };

  /** Walks up from a changed type to the clause or heading field it is in (four levels at most). */
  private touchAbove(type: { _item: Y.Item | null }): void {
    for (let item = type._item; item !== null; ) {
      const parent: unknown = item.parent;
      if (parent === this.clauses || parent === this.meta) {
        if (item.parentSub !== null) this.touched.add(parent === this.meta ? metaPart(item.parentSub) : item.parentSub);
        return;
      }
      if (!(parent instanceof Y.AbstractType)) return;
      item = parent._item;
    }
  }

  /** Room.applyUpdate: the transactions from here to `endUpdate` are one client's update and the enforce step's answer to it. */
  beginUpdate(): void {
    this.inUpdate = true;
  }

  /** The update is applied, enforced and persisted: what it came to is the participant's. */
  endUpdate(participantId: string): void {
    this.inUpdate = false;
    this.settle(participantId);
  }

  /** Applying the update failed half-way: the room is reloaded from SQLite, and this one is dropped. */
  abandonUpdate(): void {
    this.inUpdate = false;
    this.touched.clear();
  }

  private read(part: HistoryPart): RichText | null {
    if (part.startsWith('meta:')) {
      const value = this.meta.get(part.slice(5));
      if (value instanceof Y.XmlFragment) return readPartText(value);
      return typeof value === 'string' && value !== '' ? [{ text: value }] : [];
    }
    const entry = this.clauses.get(part);
    const body = entry instanceof Y.Map ? entry.get(CLAUSE_FIELD.body) : undefined;
    return body instanceof Y.XmlFragment ? readPartText(body) : null;
  }

  private remember(part: HistoryPart, text: RichText | null): void {
    if (text === null) this.known.delete(part);
    else this.known.set(part, text);
  }

  /** Compares each touched part with what it read before, and records the difference as `by`'s (null: the server's, not recorded). */
  private settle(by: string | null): void {
    if (this.touched.size === 0) return;
    const at = this.now();
    for (const part of this.touched) {
      if (!part.startsWith('meta:')) this.settlePlace(part, by, at);
      const text = this.read(part);
      const was = this.known.get(part);
      if (sameRuns(was ?? [], text ?? [])) {
        // A clause moved, or deleted while empty: no words changed.
        if (text === null) this.known.delete(part);
        continue;
      }
      this.remember(part, text);
      if (by === null) {
        this.open.delete(part);
        continue;
      }
      // A clause deleted reads as its text deleted, so that a comparison can say who deleted it (CMP3).
      this.record(part, by, was ?? [], text ?? [], at);
    }
    this.touched.clear();
  }

  /** A clause that stands elsewhere than it did, and was there before: `by`'s move (null: the server's). */
  private settlePlace(id: string, by: string | null, at: number): void {
    const place = readPlace(this.clauses.get(id));
    const was = this.places.get(id);
    if (place === null) {
      this.places.delete(id);
      this.openMoves.delete(id);
      return;
    }
    this.places.set(id, place);
    if (was === undefined || samePlace(was, place)) return;
    if (by === null) this.openMoves.delete(id);
    else this.extendRun(this.openMoves, id, by, 'move', was, place, at);
  }

  private record(part: HistoryPart, participantId: string, before: RichText, after: RichText, at: number): void {
    this.extendRun(this.open, part, participantId, 'text', before, after, at);
  }

  private extendRun(runs: Map<HistoryPart, OpenRun>, part: HistoryPart, participantId: string, kind: 'text' | 'move', before: RichText | ClausePlace, after: RichText | ClausePlace, at: number): void {
    const run = runs.get(part);
    if (run && run.participantId === participantId && at - run.at <= HISTORY_PAUSE_MS) {
      run.at = at;
      run.after = after as never;
    } else {
      // The run this one follows, if any, is written as it stands.
      runs.set(part, { id: null, part, participantId, kind, startedAt: at, at, before, after } as OpenRun);
    }
    this.unwritten.add(runs.get(part)!);
    // Unref'd: a pending write never keeps the process up; closing the server writes it (dispose).
    this.flushing ??= setTimeout(() => this.flush(), HISTORY_FLUSH_MS).unref();
  }

  /**
   * Writes every run changed since the last write, in one transaction. A
   * failed write is logged and tried again with the next change: the
   * history is kept beside the text, never in its way.
   */
  flush(): void {
    if (this.flushing) clearTimeout(this.flushing);
    this.flushing = null;
    if (this.unwritten.size === 0) return;
    const inserted: OpenRun[] = [];
    try {
      this.deps.db.transaction(() => {
        for (const run of this.unwritten) {
          if (run.id !== null) this.writer.extend(run.id, run.at, run.after);
          else {
            run.id = this.writer.insert(this.declarationId, run);
            inserted.push(run);
          }
        }
      })();
      this.unwritten.clear();
    } catch (error) {
      // The rows inserted before the failure were rolled back with the rest.
      for (const run of inserted) run.id = null;
      this.deps.logger.error('could not write the text history', { declaration: this.declarationId, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** The text of a part as the recorder last read it ([] for none). */
  textOf(part: HistoryPart): RichText {
    return this.known.get(part) ?? [];
  }

  dispose(): void {
    this.flush();
    this.doc.off('afterTransaction', this.observe);
    const rooms = live.get(this.deps.db);
    if (rooms?.get(this.declarationId) === this) rooms.delete(this.declarationId);
  }
}
