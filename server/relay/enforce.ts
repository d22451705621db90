import * as Y from 'yjs';
import type { Bracket } from '../../shared/brackets/bracket.ts';
import { mayDeleteBracketedText } from '../../shared/brackets/bracketRules.ts';
import { MAX_SUBITEM_DEPTH } from '../../shared/clauseKind.ts';
import { META_FIELDS } from '../../shared/declaration.ts';
import { reanchoredPassage, resolveBracket } from '../../shared/document/bracketRange.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { restoreClause, snapshotClause, type ClauseSnapshot, type SubtreeSnapshot } from '../../shared/document/clauseSnapshot.ts';
import {
  clauseEntryProblem,
  clauseFieldProblem,
  footnoteEntryProblem,
  metaFieldProblem,
  richTextProblem,
  signatoryEntryProblem,
  signatoryFieldProblem,
  type ShapeProblem,
} from '../../shared/document/documentShape.ts';
import { MAX_CLAUSE_CHARS, MAX_CLAUSES, MAX_FOOTNOTES, MAX_SIGNATORIES } from '../../shared/document/limits.ts';
import { CLAUSE_FIELD, FOOTNOTE_FIELD, ROOT } from '../../shared/document/names.ts';
import { COMMENT_MARK } from '../../shared/document/commentMark.ts';
import { readRichText } from '../../shared/document/richTextFragment.ts';
import { can } from '../../shared/permissions.ts';
import { proposalWording } from '../../shared/proposals/proposalWording.ts';
import type { RefusalReason, RefusedPart } from '../../shared/refusedChange.ts';
import { toPlainText, type RichText } from '../../shared/richText.ts';
import type { Role } from '../../shared/roles.ts';
import { DEFAULT_SETTINGS, editsClausesDirectly, type DeclarationSettings } from '../../shared/settings.ts';
import { deletedHeaded, moveHeadings, takeBackHeadings, type DeletedClause } from './headingOnDelete.ts';
import { SERVER_ORIGIN } from './origins.ts';

/**
 * The enforce step (docs/THREAT_MODEL.md): the server's rules that need the
 * document to judge. An update has already been checked on its own
 * (inspectUpdate.ts: it decodes, its dependencies are here, it fits the
 * model's shapes and depth); here it is applied, and what it was not
 * allowed to change is undone at once, precisely, by a compensating
 * transaction — a Yjs update cannot be dropped, because the sender's later
 * updates build on it. Allowed changes in the same update stay.
 *
 * One Y.UndoManager over every root captures the sender's transaction
 * (its tracked origin is the sender's connection, only while its update is
 * applied). The rules then say which shared types it may not have changed —
 * an agreed clause or any clause of an agreed subtree (LOCK1, LOCK2, LOCK7),
 * the heading and signatories for roles that may not edit them (ROLE1), a
 * delegation's change to any clause in "proposals only" mode (PROP10), the
 * server-only maps (LOCK4, COM4, PROP12, POS6, BRK7, WN6), a delegation's change
 * that deletes a whole bracketed passage or the clause holding it (BRK4), a
 * clause, the heading or a signature block whose shape the change broke
 * (STRUCT1) — and the captured change is undone
 * with the manager's scope narrowed to exactly those types. Entries the
 * update created that may not exist are removed; agreed clauses it deleted
 * or replaced outright are written back from their snapshots (LOCK3).
 *
 * A refused change to an existing clause's wording carries the wording as
 * typed and as it stays (`Refusal.wording`): the room makes a proposal of
 * it once the undo is done (server/proposals/proposeFromRefusal.ts) — the
 * enforcer itself writes nothing but the undo, and the follow-ups of a
 * deletion that stands — the heading of a deleted clause moves to the next
 * clause of its group — and of a headed clause brought back under its id,
 * which takes its heading back (HEAD1, headingOnDelete.ts).
 *
 * Square brackets are two Yjs relative positions in a clause's text
 * (shared/document/bracketRange.ts); the room tells the enforcer which
 * stand (setBrackets, setBracket). A change that leaves one without a
 * passage is either refused (a delegation's) or reported as `collapsed`
 * (the chair's or the secretariat's: the room records the brackets removed
 * with the text). Text an undo put back is new text on every other replica,
 * which only this document knows replaces the old: the brackets on it are
 * reported as `moved`, with positions every replica reads alike, for the
 * room to store and mirror (BRK7).
 */
// Yjs' types are invariant in their event type; the rules only need "some type".
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

/** A change the enforcer undid, before it is stamped with its author and time. */
export interface Refusal {
  part: RefusedPart;
  clauseId: string | null;
  reason: RefusalReason;
  attempted: string;
  kept: string;
  /**
   * A refused change to an existing clause's wording (not its place, kind
   * or comment marks): the clause's rich text as its author made it and as
   * it stays, without comment marks, for a proposal (PROP10, PROP11).
   */
  wording?: { attempted: RichText; kept: RichText };
}

/** What enforcing one update came to: the refusals, and what the room must record about square brackets. */
export interface Enforced {
  refusals: Refusal[];
  /** Standing brackets whose whole passage (or clause) an allowed change deleted (BRK4). */
  collapsed: Bracket[];
  /** Standing brackets on text an undo put back, with the positions to hold from now on (BRK7). */
  moved: MovedBracket[];
}

export interface MovedBracket {
  bracket: Bracket;
  start: string;
  end: string;
}

type Note = (part: RefusedPart, clauseId: string | null, reason: RefusalReason, attempted: string, wording?: RichText) => void;

interface Lock {
  /** The clause whose agreement locks this one (itself or an ancestor). */
  agreedClause: string;
  snapshot: ClauseSnapshot;
  entry: Y.Map<unknown> | undefined;
}

interface Verdict {
  /** Shared types whose change is undone. */
  undo: Set<AnyType>;
  /** Locked clauses deleted or replaced outright: written back from their snapshots. */
  restore: Set<string>;
  /** Entries the update created that may not exist, with why. */
  remove: Map<string, RefusalReason>;
  refusals: Refusal[];
  /** Brackets an allowed change left without a passage (BRK4). */
  collapsed: Bracket[];
  /** Open clauses whose heading a role that may not write headings changed: the heading each had before, written back alone (HEAD1). */
  headings: Map<Y.Map<unknown>, string | undefined>;
}

/** A refused text kept for its author is capped: a refusal must not become the way to store megabytes. */
const MAX_ATTEMPTED_CHARS = MAX_CLAUSE_CHARS;

function capped(text: string): string {
  return text.length > MAX_ATTEMPTED_CHARS ? `${text.slice(0, MAX_ATTEMPTED_CHARS)}…` : text;
}

/** A clause's text as a refusal records it: its heading, if it has one, on a line above its wording. */
function textOf(entry: unknown): string {
  const body = entry instanceof Y.Map ? entry.get(CLAUSE_FIELD.body) : null;
  const heading: unknown = entry instanceof Y.Map ? entry.get(CLAUSE_FIELD.heading) : undefined;
  const text = body instanceof Y.XmlFragment ? toPlainText(readRichText(body)) : '';
  return capped(typeof heading === 'string' && heading !== '' ? `${heading}\n${text}` : text);
}

/** A clause's wording as a proposal holds it: italics, bold and footnote references, no comment marks (they are threads, not text). */
function wordingOf(entry: unknown): RichText {
  const body = entry instanceof Y.Map ? entry.get(CLAUSE_FIELD.body) : null;
  if (!(body instanceof Y.XmlFragment)) return [];
  return proposalWording(readRichText(body));
}

/**
 * How much of an item a transaction inserted (and left standing), or, negative,
 * deleted of what stood before it. Of an item, not the item: at the end of a
 * transaction Yjs merges an item into its left neighbour of the same client,
 * so a client that goes on typing after its own earlier text makes one item
 * that starts before the transaction (SIL4, server/silence/frozenAttacks.test.ts).
 */
function changedLength(tx: Y.Transaction, item: Y.Item): number {
  const before = tx.beforeState.get(item.id.client) ?? 0;
  const start = item.id.clock;
  const end = start + item.length;
  if (!item.deleted) return Math.max(0, end - Math.max(start, before));
  // The transaction's delete set is sorted and merged by now: from the first range that ends after the item starts.
  const ranges = tx.deleteSet.clients.get(item.id.client) ?? [];
  let low = 0;
  for (let high = ranges.length; low < high; ) {
    const middle = (low + high) >> 1;
    if (ranges[middle]!.clock + ranges[middle]!.len <= start) low = middle + 1;
    else high = middle;
  }
  let deleted = 0;
  for (let i = low; i < ranges.length && ranges[i]!.clock < Math.min(end, before); i++) {
    deleted += Math.min(end, before, ranges[i]!.clock + ranges[i]!.len) - Math.max(start, ranges[i]!.clock);
  }
  return -deleted;
}

/**
 * Whether deleting a format item changed how the text reads: not when the
 * same mark was in force before it already, nor when no standing character
 * follows it before the next item of its mark — the redundant items Yjs'
 * own clean-up deletes, on any client.
 */
function markMattered(item: Y.Item): boolean {
  const { key, value } = item.content as Y.ContentFormat;
  let inForce: unknown = null;
  for (let left = item.left; left !== null; left = left.left) {
    if (!left.deleted && left.content instanceof Y.ContentFormat && left.content.key === key) {
      inForce = left.content.value;
      break;
    }
  }
  if (JSON.stringify(inForce ?? null) === JSON.stringify(value ?? null)) return false;
  for (let right = item.right; right !== null; right = right.right) {
    if (right.deleted) continue;
    if (right.countable) return true;
    if (right.content instanceof Y.ContentFormat && right.content.key === key) return false;
  }
  return false;
}

/**
 * A clause's heading as it stood before a transaction changed it: the map
 * entry the transaction's own writes replaced (Yjs chains a key's values
 * leftwards). The capture manager keeps deleted items of the transaction it
 * tracks, so the old value is still readable. undefined: it had none.
 */
function headingBefore(tx: Y.Transaction, entry: Y.Map<unknown>): string | undefined {
  const isNew = (item: Y.Item) => item.id.clock >= (tx.beforeState.get(item.id.client) ?? 0);
  let item: Y.Item | null = entry._map.get(CLAUSE_FIELD.heading) ?? null;
  while (item !== null && isNew(item)) item = item.left;
  if (item === null || (item.deleted && !Y.isDeleted(tx.deleteSet, item.id))) return undefined;
  const value: unknown = item.content.getContent()[0];
  return typeof value === 'string' ? value : undefined;
}

function metaText(doc: Y.Doc): string {
  const parts: string[] = [];
  doc.getMap<unknown>(ROOT.meta).forEach((value, key) => {
    if (value instanceof Y.XmlFragment) parts.push(`${key}: ${toPlainText(readRichText(value))}`);
  });
  doc.getMap<unknown>(ROOT.signatories).forEach((entry) => {
    if (entry instanceof Y.Map) parts.push(`${String(entry.get('name'))} / ${String(entry.get('title'))} / ${String(entry.get('state'))}`);
  });
  doc.getMap<unknown>(ROOT.footnotes).forEach((entry) => {
    if (!(entry instanceof Y.Map)) return;
    const body: unknown = entry.get(FOOTNOTE_FIELD.body);
    parts.push(`footnote ${String(entry.get(FOOTNOTE_FIELD.marker))}: ${body instanceof Y.XmlFragment ? toPlainText(readRichText(body)) : ''}`);
  });
  return capped(parts.join('\n'));
}

export class Enforcer {
  private readonly agreed = new Map<string, SubtreeSnapshot>();
  private locks = new Map<string, Lock>();
  private readonly roots: AnyType[];
  private readonly serverOnly: AnyType[];
  private readonly capture: Y.UndoManager;
  /** The standing brackets, by clause id, as the room last said (setBrackets): the enforcer reads no database. */
  private readonly brackets = new Map<string, Bracket[]>();

  constructor(private readonly doc: Y.Doc) {
    this.serverOnly = [doc.getMap(ROOT.status), doc.getMap(ROOT.refused), doc.getMap(ROOT.comments), doc.getMap(ROOT.settings), doc.getMap(ROOT.proposals),
      doc.getMap(ROOT.positions), doc.getMap(ROOT.brackets), doc.getMap(ROOT.numbering), doc.getMap(ROOT.room),
      doc.getMap(ROOT.silence), doc.getMap(ROOT.remarks)];
    this.roots = [doc.getMap(ROOT.meta), clausesMap(doc), doc.getMap(ROOT.signatories), doc.getMap(ROOT.footnotes), ...this.serverOnly];
    this.capture = new Y.UndoManager(this.roots, { trackedOrigins: new Set(), captureTimeout: 0 });
  }

  /** Every locked clause (agreed, or in an agreed subtree), with the agreed clause that locks it. */
  get lockedClauses(): ReadonlyMap<string, { agreedClause: string }> {
    return this.locks;
  }

  /**
   * Locks an agreed clause with its subtree as snapshotted (or unlocks it:
   * null). A clause of it that differs from its snapshot — a crash before
   * WIRE5 between an update and its undo — is put back first.
   */
  setAgreed(clauseId: string, subtree: SubtreeSnapshot | null): void {
    if (subtree === null) this.agreed.delete(clauseId);
    else this.agreed.set(clauseId, subtree);
    const next = new Map<string, Lock>();
    for (const [agreedClause, snapshots] of this.agreed) {
      for (const [id, snapshot] of Object.entries(snapshots)) if (!next.has(id)) next.set(id, { agreedClause, snapshot, entry: undefined });
    }
    const clauses = clausesMap(this.doc);
    const differs = Object.keys(subtree ?? {}).filter((id) => {
      const entry = clauses.get(id);
      return !(entry instanceof Y.Map) || JSON.stringify(snapshotClause(entry)) !== JSON.stringify(next.get(id)!.snapshot);
    });
    if (differs.length > 0) {
      this.doc.transact(() => {
        for (const id of differs) restoreClause(clauses, id, next.get(id)!.snapshot);
      }, SERVER_ORIGIN);
    }
    for (const [id, lock] of next) lock.entry = clauses.get(id);
    this.locks = next;
  }

  /** The standing brackets, all at once (the room, on load). */
  setBrackets(list: readonly Bracket[]): void {
    this.brackets.clear();
    for (const bracket of list) this.setBracket(bracket);
  }

  /**
   * One bracket as just stored: added, asked for again, moved or removed.
   * One whose passage is already gone (a crash between a deletion and its
   * record) is not guarded: it cannot be deleted again, and guarding it
   * would refuse every change to its clause.
   */
  setBracket(bracket: Bracket): void {
    for (const [clauseId, list] of this.brackets) {
      const kept = list.filter((b) => b.id !== bracket.id);
      if (kept.length === 0) this.brackets.delete(clauseId);
      else if (kept.length !== list.length) this.brackets.set(clauseId, kept);
    }
    if (bracket.removed !== undefined || resolveBracket(this.doc, bracket) === null) return;
    this.brackets.set(bracket.clauseId, [...(this.brackets.get(bracket.clauseId) ?? []), bracket]);
  }

  /**
   * Applies a client's (inspected) update on behalf of `origin`, with the
   * rules of `role` under the declaration's `settings` (its editing mode,
   * PROP9: the caller holds them, the enforcer reads no database), and
   * undoes what it may not change. Returns what was refused (empty when
   * everything stands) and what became of square brackets.
   */
  apply(origin: object, role: Role, update: Uint8Array, settings: DeclarationSettings = DEFAULT_SETTINGS, frozen = false): Enforced {
    let transaction: Y.Transaction | null = null;
    const capture = (tx: Y.Transaction) => {
      if (tx.origin === origin) transaction = tx;
    };
    this.capture.trackedOrigins = new Set([origin]);
    this.doc.on('afterTransaction', capture);
    try {
      Y.applyUpdate(this.doc, update, origin);
    } finally {
      this.doc.off('afterTransaction', capture);
      this.capture.trackedOrigins = new Set();
    }
    if (this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null) {
      // inspectUpdate makes this impossible; if it happens, the room is not to be trusted (the caller reloads it).
      throw new Error('an update left structs pending after inspection');
    }
    if (transaction === null) {
      this.capture.clear();
      return { refusals: [], collapsed: [], moved: [] };
    }
    // HEAD1: the headings of clauses the update deleted, read while the capture still keeps their items.
    const headed = frozen ? [] : this.deletedHeadings(transaction);
    const verdict = frozen
      ? this.judgeFrozen(transaction, role)
      : this.judge(transaction, role, editsClausesDirectly(role, settings), mayDeleteBracketedText(role));
    if (verdict.undo.size > 0) {
      this.capture.scope = [...verdict.undo];
      try {
        this.capture.undo();
      } finally {
        this.capture.scope = this.roots;
      }
    }
    this.capture.clear();
    if (verdict.restore.size > 0 || verdict.remove.size > 0 || verdict.headings.size > 0) this.writeBack(verdict);
    // A deletion that stands leaves its heading to the next clause of its group: a server change, persisted and sent with the update.
    if (headed.length > 0) moveHeadings(this.doc, headed, (id) => this.locks.has(id));
    // A headed clause brought back under its id (an undone deletion) that stands takes its heading back from the next clause.
    const restored = frozen ? [] : this.restoredClauses(transaction, verdict);
    if (restored.length > 0) takeBackHeadings(this.doc, restored, (id) => this.locks.has(id));
    const clauses = clausesMap(this.doc);
    for (const refusal of verdict.refusals) {
      if (refusal.part === 'clause' && refusal.clauseId !== null) {
        const entry = clauses.get(refusal.clauseId);
        refusal.kept = textOf(entry);
        if (refusal.wording) refusal.wording.kept = wordingOf(entry);
      } else if (refusal.part === 'meta' || refusal.part === 'signatories') refusal.kept = metaText(this.doc);
    }
    const undone = verdict.undo.size > 0 || verdict.restore.size > 0 || verdict.remove.size > 0;
    return {
      refusals: verdict.refusals,
      // A deletion another part of the verdict undid left its brackets standing (this document follows the text put back).
      collapsed: undone ? verdict.collapsed.filter((b) => resolveBracket(this.doc, b, true) === null) : verdict.collapsed,
      moved: undone ? this.movedBrackets() : [],
    };
  }

  /** The clauses a transaction deleted that carried a heading (HEAD1). */
  private deletedHeadings(tx: Y.Transaction): DeletedClause[] {
    const clauses = clausesMap(this.doc);
    const keys = tx.changed.get(clauses as AnyType);
    if (keys === undefined) return [];
    return [...keys].flatMap((key) => (key === null || clauses.has(key) ? [] : [deletedHeaded(clauses, key)].filter((c): c is DeletedClause => c !== null)));
  }

  /** Clauses a transaction set again under an id that had been deleted (an undo brings an entry back so), and that stand (HEAD1). */
  private restoredClauses(tx: Y.Transaction, verdict: Verdict): string[] {
    const clauses = clausesMap(this.doc);
    const keys = tx.changed.get(clauses as AnyType);
    if (keys === undefined) return [];
    return [...keys].filter((key): key is string => {
      const item = key === null ? undefined : clauses._map.get(key);
      return item !== undefined && !item.deleted && item.left !== null && item.left.deleted && !verdict.remove.has(key!);
    });
  }

  /** Brackets on text an undo put back, with positions that name the text as it now is (BRK7). */
  private movedBrackets(): MovedBracket[] {
    const moved: MovedBracket[] = [];
    for (const list of this.brackets.values()) {
      for (const bracket of list) {
        const passage = reanchoredPassage(this.doc, bracket);
        if (passage !== null) moved.push({ bracket, ...passage });
      }
    }
    return moved;
  }

  /** The standing brackets of a clause that the change left without a passage (BRK4). */
  private collapsedIn(clauseId: string): Bracket[] {
    return (this.brackets.get(clauseId) ?? []).filter((b) => resolveBracket(this.doc, b) === null);
  }

  private writeBack(verdict: Verdict): void {
    const clauses = clausesMap(this.doc);
    this.doc.transact(() => {
      for (const id of verdict.remove.keys()) clauses.delete(id);
      for (const id of verdict.restore) {
        const lock = this.locks.get(id)!;
        lock.entry = restoreClause(clauses, id, lock.snapshot);
      }
      for (const [entry, heading] of verdict.headings) {
        if (entry.get(CLAUSE_FIELD.heading) === heading) continue;
        if (heading === undefined) entry.delete(CLAUSE_FIELD.heading);
        else entry.set(CLAUSE_FIELD.heading, heading);
      }
    }, SERVER_ORIGIN);
  }

  /**
   * `direct`: whether the role changes clauses itself in the declaration's editing mode (PROP9);
   * `unbrackets`: whether it may delete a whole bracketed passage (BRK4).
   */
  /** A verdict with nothing refused yet but any write to a server-only map (LOCK4 and the others): what every judgement starts from. */
  private startVerdict(tx: Y.Transaction): { verdict: Verdict; note: Note; changed: Map<AnyType, unknown> } {
    const verdict: Verdict = { undo: new Set(), restore: new Set(), remove: new Map(), refusals: [], collapsed: [], headings: new Map() };
    const note: Note = (part, clauseId, reason, attempted, wording) =>
      verdict.refusals.push({ part, clauseId, reason, attempted, kept: '', ...(wording ? { wording: { attempted: wording, kept: [] } } : {}) });
    const changed = tx.changedParentTypes as Map<AnyType, unknown>;
    const serverOnly = this.serverOnly.filter((map) => changed.has(map));
    if (serverOnly.length > 0) {
      for (const map of serverOnly) verdict.undo.add(map);
      note('status', null, 'server-only', '');
    }
    return { verdict, note, changed };
  }

  private judge(tx: Y.Transaction, role: Role, direct: boolean, unbrackets: boolean): Verdict {
    const { verdict, note, changed } = this.startVerdict(tx);
    const meta = this.doc.getMap<unknown>(ROOT.meta);
    const signatories = this.doc.getMap<unknown>(ROOT.signatories);
    const footnotes = this.doc.getMap<unknown>(ROOT.footnotes);
    if (changed.has(meta) || changed.has(signatories) || changed.has(footnotes)) {
      if (!can(role, 'editMeta')) {
        note('meta', null, 'role', metaText(this.doc));
        verdict.undo.add(meta).add(signatories).add(footnotes);
      } else {
        const metaProblem = changed.has(meta) ? this.metaProblem(tx, meta) : null;
        const signatoriesProblem = changed.has(signatories) ? this.signatoriesProblem(tx, signatories) : null;
        const footnotesProblem = changed.has(footnotes) ? this.footnotesProblem(tx, footnotes) : null;
        if (metaProblem) verdict.undo.add(meta);
        if (signatoriesProblem) verdict.undo.add(signatories);
        if (footnotesProblem) verdict.undo.add(footnotes);
        const problem = metaProblem ?? signatoriesProblem ?? footnotesProblem;
        if (problem) note(signatoriesProblem && !metaProblem ? 'signatories' : 'meta', null, problem, metaText(this.doc));
      }
    }
    const clauses = clausesMap(this.doc);
    if (changed.has(clauses)) {
      if (!can(role, 'editClauses')) {
        // inspectUpdate refuses a reader's change before it is applied; this is the second line.
        verdict.undo.add(clauses);
        note('document', null, 'role', '');
      } else {
        this.judgeClauses(tx, clauses, verdict, note, direct, unbrackets, can(role, 'editMeta'));
      }
    }
    return verdict;
  }

  /**
   * SIL4: while a silence procedure runs, and for good once the declaration
   * is adopted, the text is frozen for every role, the chair's included: a
   * change to any clause (its wording, place or existence), heading field or
   * signature block is undone. A comment mark alone changes no word (COM6):
   * threads stay open to whoever may comment. No proposal is made of frozen
   * wording — the text is out of negotiation — but the author keeps it (UI6).
   */
  private judgeFrozen(tx: Y.Transaction, role: Role): Verdict {
    const { verdict, note, changed } = this.startVerdict(tx);
    const meta = this.doc.getMap<unknown>(ROOT.meta);
    const signatories = this.doc.getMap<unknown>(ROOT.signatories);
    const footnotes = this.doc.getMap<unknown>(ROOT.footnotes);
    if (changed.has(meta) || changed.has(signatories) || changed.has(footnotes)) {
      verdict.undo.add(meta).add(signatories).add(footnotes);
      note(changed.has(signatories) && !changed.has(meta) && !changed.has(footnotes) ? 'signatories' : 'meta', null, can(role, 'editMeta') ? 'frozen' : 'role', metaText(this.doc));
    }
    const clauses = clausesMap(this.doc);
    if (!changed.has(clauses)) return verdict;
    if (!can(role, 'editClauses')) {
      verdict.undo.add(clauses);
      note('document', null, 'role', '');
      return verdict;
    }
    const keys = tx.changed.get(clauses as AnyType) ?? new Set<string | null>();
    if (keys.size > 0) {
      // A clause added, deleted or replaced: only undoing the whole map brings a deleted entry back.
      verdict.undo.add(clauses);
      for (const key of keys) note('clause', key, 'frozen', textOf(key === null ? undefined : clauses.get(key)));
      return verdict;
    }
    for (const type of changed.keys()) {
      const item = type._item;
      if (item === null || item.parent !== clauses || item.parentSub === null || clauses.get(item.parentSub) !== type) continue;
      const entry = type as Y.Map<unknown>;
      const body = entry.get(CLAUSE_FIELD.body);
      // An agreed clause takes no comment mark either (LOCK1: its snapshot is exactly what was agreed).
      const markOnly =
        !this.locks.has(item.parentSub) &&
        (tx.changed.get(entry as AnyType)?.size ?? 0) === 0 &&
        !this.wordingChanged(tx, entry) &&
        body instanceof Y.XmlFragment &&
        richTextProblem(body, Number.MAX_SAFE_INTEGER) === null;
      if (markOnly) continue;
      verdict.undo.add(entry);
      note('clause', item.parentSub, 'frozen', textOf(entry));
    }
    return verdict;
  }

  /** `headings`: whether the role may write clause headings, which are heading matter like the title (editMeta). */
  private judgeClauses(tx: Y.Transaction, clauses: Y.Map<Y.Map<unknown>>, verdict: Verdict, note: Note, direct: boolean, unbrackets: boolean, headings: boolean): void {
    const keys = tx.changed.get(clauses as AnyType) ?? new Set<string | null>();
    // Entries set or deleted in this transaction: new clauses, deleted ones, replaced ones.
    for (const key of keys) {
      if (key === null) continue;
      const entry: unknown = clauses.get(key);
      const lock = this.locks.get(key);
      if (lock !== undefined && entry !== lock.entry) {
        verdict.restore.add(key);
        note('clause', key, 'agreed', textOf(entry));
        continue;
      }
      if (!direct) {
        // PROP10: no new, deleted or replaced clause. Only undoing the whole clauses map brings a deleted entry back;
        // whatever else this update did to clauses is refused in this mode anyway (bar comment marks, which it takes along).
        verdict.undo.add(clauses);
        note('clause', key, 'proposals-only', textOf(entry));
        continue;
      }
      // BRK4: a clause deleted or replaced with its brackets. Again only undoing the whole clauses map brings the entry back.
      const collapsed = this.collapsedIn(key);
      if (collapsed.length > 0 && !unbrackets) {
        verdict.undo.add(clauses);
        note('clause', key, 'brackets', textOf(entry));
        continue;
      }
      verdict.collapsed.push(...collapsed);
      if (entry === undefined) continue;
      // A new clause with a heading from a role that may not write headings: the clause goes, its text is kept in the refusal.
      const headed = entry instanceof Y.Map && entry.get(CLAUSE_FIELD.heading) !== undefined;
      const problem = (headed && !headings ? 'role' : null) ?? clauseEntryProblem(key, entry) ?? this.placementProblem(key, entry as Y.Map<unknown>);
      if (problem !== null) {
        verdict.remove.set(key, problem);
        note('clause', key, problem, textOf(entry));
      }
    }
    // Entries changed inside: their fields, their text.
    for (const type of (tx.changedParentTypes as Map<AnyType, unknown>).keys()) {
      const item = type._item;
      if (item === null || item.parent !== clauses || item.parentSub === null) continue;
      const id = item.parentSub;
      if (keys.has(id) || clauses.get(id) !== type) continue;
      const entry = type as Y.Map<unknown>;
      const wordingChanged = this.wordingChanged(tx, entry);
      let problem: RefusalReason | null;
      if (this.locks.has(id)) problem = 'agreed';
      // PROP10: in "proposals only" a delegation changes neither wording nor place; a comment mark is no change of wording (COM6).
      else if (!direct && (wordingChanged || (tx.changed.get(entry as AnyType)?.size ?? 0) > 0)) problem = 'proposals-only';
      else problem = this.changedEntryProblem(tx, id, entry);
      if (!headings && tx.changed.get(entry as AnyType)?.has(CLAUSE_FIELD.heading) && problem === null) {
        // HEAD1: only the heading goes back — undoing the entry would take the author's typing in the same update with it.
        verdict.headings.set(entry, headingBefore(tx, entry));
        note('clause', id, 'role', textOf(entry));
      }
      if (problem === null && wordingChanged) {
        // BRK4: deleting a whole bracketed passage removes its brackets, which a delegation may not do; deleting part of it may.
        const collapsed = this.collapsedIn(id);
        if (collapsed.length > 0 && !unbrackets) problem = 'brackets';
        else verdict.collapsed.push(...collapsed);
      }
      if (problem !== null) {
        verdict.undo.add(entry);
        // PROP10, PROP11: the wording a refusal turns into a proposal, read before the undo.
        const proposable = wordingChanged && (problem === 'agreed' || problem === 'proposals-only');
        note('clause', id, problem, textOf(entry), proposable ? wordingOf(entry) : undefined);
      }
    }
    this.refuseJoinWithLocked(tx, clauses, keys, verdict, note);
    if (direct && clauses.size > MAX_CLAUSES) {
      for (const key of keys) {
        if (key === null || clauses.get(key) === undefined || verdict.remove.has(key) || this.locks.has(key)) continue;
        verdict.remove.set(key, 'too-many-clauses');
        note('clause', key, 'too-many-clauses', textOf(clauses.get(key)));
      }
    }
  }

  /**
   * KEY3: a join is one change to two clauses — one loses its text and goes,
   * the other takes the text. Refused on the locked one alone, it would be
   * half done: an open clause joined into an agreed one would stay deleted,
   * an agreed clause joined into an open one (written back from its
   * snapshot) would leave its words in the open one twice. So an update
   * that deleted a clause and was refused on a locked clause is refused for
   * every clause it changed: undoing the whole clauses map is the only undo
   * that brings a deleted entry back. The wording each open clause was given
   * is kept in its refusal; nothing becomes a proposal of it.
   */
  private refuseJoinWithLocked(tx: Y.Transaction, clauses: Y.Map<Y.Map<unknown>>, keys: Set<string | null>, verdict: Verdict, note: Note): void {
    if (verdict.undo.has(clauses)) return;
    const deleted = [...keys].some((key) => key !== null && !clauses.has(key));
    const refusedOnLock = verdict.restore.size > 0 || verdict.refusals.some((r) => r.part === 'clause' && r.reason === 'agreed');
    if (!deleted || !refusedOnLock) return;
    const noted = new Set(verdict.refusals.map((r) => r.clauseId));
    for (const type of (tx.changedParentTypes as Map<AnyType, unknown>).keys()) {
      const item = type._item;
      if (item === null || item.parent !== clauses || item.parentSub === null) continue;
      const id = item.parentSub;
      if (noted.has(id) || clauses.get(id) !== type || !this.wordingChanged(tx, type as Y.Map<unknown>)) continue;
      noted.add(id);
      note('clause', id, 'agreed', textOf(type));
    }
    for (const key of keys) {
      if (key === null || noted.has(key) || clauses.has(key)) continue;
      note('clause', key, 'agreed', '');
    }
    verdict.undo.add(clauses);
  }

  /** What is wrong with the fields and text a transaction changed in an existing, open clause. */
  private changedEntryProblem(tx: Y.Transaction, id: string, entry: Y.Map<unknown>): RefusalReason | null {
    const fields = tx.changed.get(entry as AnyType) ?? new Set<string | null>();
    for (const key of fields) {
      const problem = key === null ? 'structure' : clauseFieldProblem(key, entry.get(key));
      // A clause already over the limit may still be shortened; a heading is written whole, so a long one is simply too long.
      if (problem === 'too-long' && key !== CLAUSE_FIELD.heading && !this.grew(tx, entry)) continue;
      if (problem !== null) return problem;
    }
    const body = entry.get(CLAUSE_FIELD.body);
    if (!fields.has(CLAUSE_FIELD.body) && body instanceof Y.AbstractType && tx.changedParentTypes.has(body)) {
      const problem = richTextProblem(body, MAX_CLAUSE_CHARS);
      // A clause already over the limit may still be shortened.
      if (problem !== null && !(problem === 'too-long' && !this.grew(tx, entry))) return problem;
    }
    if (fields.has(CLAUSE_FIELD.parent) || fields.has(CLAUSE_FIELD.kind)) return this.placementProblem(id, entry);
    return null;
  }

  /**
   * Whether a transaction changed a clause's wording: characters (or
   * paragraphs) inserted or deleted, italics or bold set or cleared, or
   * the body replaced — but not a comment mark alone, which anchors a
   * thread and changes no word (COM6).
   */
  private wordingChanged(tx: Y.Transaction, entry: Y.Map<unknown>): boolean {
    if (tx.changed.get(entry as AnyType)?.has(CLAUSE_FIELD.body)) return true;
    const body = entry.get(CLAUSE_FIELD.body);
    if (!(body instanceof Y.XmlFragment) || !tx.changedParentTypes.has(body as AnyType)) return false;
    const changes = (type: AnyType): boolean => {
      for (let item = type._start; item !== null; item = item.right) {
        const changed = changedLength(tx, item);
        if (item.countable) {
          if (changed !== 0) return true;
        } else if (item.content instanceof Y.ContentFormat && item.content.key !== COMMENT_MARK && (changed > 0 || (changed < 0 && markMattered(item)))) {
          return true;
        }
        if (item.content instanceof Y.ContentType && changes(item.content.type)) return true;
      }
      return false;
    };
    return changes(body);
  }

  /** Whether a transaction made a clause's text longer (items it inserted there, minus those it deleted). */
  private grew(tx: Y.Transaction, entry: Y.Map<unknown>): boolean {
    const body = entry.get(CLAUSE_FIELD.body);
    if (!(body instanceof Y.XmlFragment)) return true;
    let balance = 0;
    const visit = (type: AnyType) => {
      for (let item = type._start; item !== null; item = item.right) {
        if (item.countable) balance += changedLength(tx, item);
        if (item.content instanceof Y.ContentType) visit(item.content.type);
      }
    };
    visit(body);
    return balance > 0;
  }

  /**
   * Where a clause may sit (STRUCT1, LOCK7): a sub-item is operative, under
   * an operative clause, at most MAX_SUBITEM_DEPTH deep with its own
   * sub-items, in no cycle, and never under a locked clause. A parent that
   * no longer exists (deleted meanwhile by someone else) is a race the
   * outline resolves by showing the clause as a paragraph (OUT1), not a fault.
   */
  private placementProblem(id: string, entry: Y.Map<unknown>): RefusalReason | null {
    const parent = entry.get(CLAUSE_FIELD.parent);
    if (parent === undefined) return null;
    if (typeof parent !== 'string' || parent === id) return 'structure';
    if (this.locks.has(parent)) return 'agreed';
    if (entry.get(CLAUSE_FIELD.kind) !== 'operative') return 'structure';
    const clauses = clausesMap(this.doc);
    const parentEntry: unknown = clauses.get(parent);
    if (!(parentEntry instanceof Y.Map)) return null;
    if (parentEntry.get(CLAUSE_FIELD.kind) !== 'operative') return 'structure';
    let depth = 1;
    for (let current: unknown = parentEntry.get(CLAUSE_FIELD.parent); typeof current === 'string'; ) {
      if (current === id || ++depth > MAX_SUBITEM_DEPTH) return 'structure';
      const up: unknown = clauses.get(current);
      current = up instanceof Y.Map ? up.get(CLAUSE_FIELD.parent) : undefined;
    }
    return depth + this.heightBelow(id) > MAX_SUBITEM_DEPTH ? 'structure' : null;
  }

  /** How many levels of sub-items hang below a clause (0: none). */
  private heightBelow(id: string): number {
    const clauses = clausesMap(this.doc);
    let height = 0;
    let level = new Set([id]);
    while (level.size > 0 && height <= MAX_SUBITEM_DEPTH) {
      const next = new Set<string>();
      clauses.forEach((entry, childId) => {
        const parent: unknown = entry instanceof Y.Map ? entry.get(CLAUSE_FIELD.parent) : undefined;
        if (typeof parent === 'string' && level.has(parent) && childId !== id) next.add(childId);
      });
      if (next.size === 0) break;
      height++;
      level = next;
    }
    return height;
  }

  private metaProblem(tx: Y.Transaction, meta: Y.Map<unknown>): ShapeProblem | null {
    for (const key of tx.changed.get(meta as AnyType) ?? []) {
      const problem = key === null ? 'structure' : metaFieldProblem(key, meta.get(key));
      if (problem !== null) return problem;
    }
    for (const field of META_FIELDS) {
      const value = meta.get(field);
      if (value instanceof Y.AbstractType && tx.changedParentTypes.has(value)) {
        const problem = metaFieldProblem(field, value);
        if (problem !== null) return problem;
      }
    }
    return null;
  }

  /**
   * The footnotes a transaction changed: each entry it set, and each entry it
   * changed inside (a field, the text), checked whole — a footnote has three
   * fields, so this costs little more than looking at what changed.
   */
  private footnotesProblem(tx: Y.Transaction, footnotes: Y.Map<unknown>): ShapeProblem | null {
    const keys = tx.changed.get(footnotes as AnyType) ?? new Set<string | null>();
    for (const key of keys) {
      if (key === null) return 'structure';
      const entry = footnotes.get(key);
      const problem = entry === undefined ? null : footnoteEntryProblem(key, entry);
      if (problem !== null) return problem;
    }
    if (keys.size > 0 && footnotes.size > MAX_FOOTNOTES) return 'structure';
    for (const type of (tx.changedParentTypes as Map<AnyType, unknown>).keys()) {
      const item = type._item;
      if (item === null || item.parent !== footnotes || item.parentSub === null || keys.has(item.parentSub)) continue;
      if (footnotes.get(item.parentSub) !== type) continue;
      const problem = footnoteEntryProblem(item.parentSub, type);
      if (problem !== null) return problem;
    }
    return null;
  }

  private signatoriesProblem(tx: Y.Transaction, signatories: Y.Map<unknown>): ShapeProblem | null {
    const keys = tx.changed.get(signatories as AnyType) ?? new Set<string | null>();
    for (const key of keys) {
      if (key === null) return 'structure';
      const entry = signatories.get(key);
      const problem = entry === undefined ? null : signatoryEntryProblem(key, entry);
      if (problem !== null) return problem;
    }
    if (keys.size > 0 && signatories.size > MAX_SIGNATORIES) return 'structure';
    for (const type of (tx.changedParentTypes as Map<AnyType, unknown>).keys()) {
      const item = type._item;
      if (item === null || item.parent !== signatories || item.parentSub === null || keys.has(item.parentSub)) continue;
      for (const key of tx.changed.get(type) ?? []) {
        const problem = key === null ? 'structure' : signatoryFieldProblem(key, (type as Y.Map<unknown>).get(key));
        if (problem !== null) return problem;
      }
    }
    return null;
  }

  destroy(): void {
    this.capture.destroy();
  }
}
