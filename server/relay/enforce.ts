import * as Y from 'yjs';
import { can } from '../../shared/permissions.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { restoreClause, snapshotClause, type ClauseSnapshot } from '../../shared/document/clauseSnapshot.ts';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';
import { readRichText } from '../../shared/document/richTextFragment.ts';
import { newId } from '../../shared/ids.ts';
import type { RefusalReason, RefusedChange, RefusedPart } from '../../shared/refusedChange.ts';
import { toPlainText } from '../../shared/richText.ts';
import type { Connection } from './connection.ts';
import { SERVER_ORIGIN } from './origins.ts';

/**
 * The server's rules on the hot path (docs/THREAT_MODEL.md). A Yjs update
 * cannot be dropped — later updates of the same client build on it — so it
 * is applied, and what it was not allowed to change is undone at once by a
 * compensating update that every client receives, the sender included.
 * Allowed changes in the same update stay.
 *
 * One Y.UndoManager per protected area, with disjoint scopes, tracks only
 * the connection whose update is being applied (its trackedOrigins are set
 * just before, and emptied just after):
 *   - locked: the entries of agreed clauses (text, kind, parent, order);
 *   - meta: title, chapeau, formula, note, signatories — for roles that may not edit them;
 *   - everything: for observers, who may change nothing;
 *   - serverOnly: the `status`, `refused`, `comments` and `settings` maps,
 *     which only the server writes (comments go through the API, which
 *     knows who is writing: docs/SPEC.md COM1, COM4).
 * An agreed clause deleted or replaced outright is not inside any entry the
 * undo tracks; it is put back from the snapshot taken when it was agreed.
 */
/**
 * A fresh empty set each time: Y.UndoManager adds itself to the set it is
 * given, and a shared set would make every manager track every other one's
 * undo — and undo it again.
 */
const nobody = () => new Set<unknown>();

export interface EnforcerEvents {
  /** Called after a refusal has been undone, with what was refused. */
  refused(changes: RefusedChange[]): void;
}

// Yjs' types are invariant in their event type; the undo only needs "some type".
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyType = Y.AbstractType<any>;

function newUndo(doc: Y.Doc, scope: AnyType[]): Y.UndoManager {
  const undo = new Y.UndoManager(scope.length > 0 ? scope : [doc.getMap('__none__')], { trackedOrigins: nobody(), captureTimeout: 0 });
  return undo;
}

function textOf(entry: Y.Map<unknown> | undefined): string {
  const body = entry?.get(CLAUSE_FIELD.body);
  return body instanceof Y.XmlFragment ? toPlainText(readRichText(body)) : '';
}

function metaText(doc: Y.Doc): string {
  const meta = doc.getMap<unknown>(ROOT.meta);
  const parts: string[] = [];
  meta.forEach((value, key) => {
    if (value instanceof Y.XmlFragment) parts.push(`${key}: ${toPlainText(readRichText(value))}`);
  });
  doc.getMap<Y.Map<unknown>>(ROOT.signatories).forEach((entry) => {
    if (entry instanceof Y.Map) parts.push(`${entry.get('name')} / ${entry.get('title')} / ${entry.get('state')}`);
  });
  return parts.join('\n');
}

export class Enforcer {
  private readonly locked = new Map<string, { entry: Y.Map<unknown>; snapshot: ClauseSnapshot }>();
  private lockedUndo: Y.UndoManager;
  private readonly metaUndo: Y.UndoManager;
  private readonly observerUndo: Y.UndoManager;
  private readonly serverOnlyUndo: Y.UndoManager;

  constructor(
    private readonly doc: Y.Doc,
    private readonly events: EnforcerEvents,
  ) {
    this.lockedUndo = newUndo(doc, []);
    this.metaUndo = newUndo(doc, [doc.getMap(ROOT.meta), doc.getMap(ROOT.signatories)]);
    this.observerUndo = newUndo(doc, [doc.getMap(ROOT.meta), doc.getMap(ROOT.signatories), clausesMap(doc)]);
    this.serverOnlyUndo = newUndo(doc, [doc.getMap(ROOT.status), doc.getMap(ROOT.refused), doc.getMap(ROOT.comments), doc.getMap(ROOT.settings)]);
  }

  get lockedIds(): string[] {
    return [...this.locked.keys()];
  }

  /**
   * Locks a clause as it stands now (snapshot given) or unlocks it (null).
   * If the clause differs from its snapshot (a crash between a refused
   * update and its undo), it is put back first.
   */
  setLocked(clauseId: string, snapshot: ClauseSnapshot | null): void {
    if (snapshot === null) {
      this.locked.delete(clauseId);
    } else {
      let entry = clausesMap(this.doc).get(clauseId);
      if (!entry || JSON.stringify(snapshotClause(entry)) !== JSON.stringify(snapshot)) {
        this.doc.transact(() => {
          entry = restoreClause(clausesMap(this.doc), clauseId, snapshot);
        }, SERVER_ORIGIN);
      }
      this.locked.set(clauseId, { entry: entry!, snapshot });
    }
    this.rebuildLockedScope();
  }

  private rebuildLockedScope(): void {
    this.lockedUndo.destroy();
    this.lockedUndo = newUndo(this.doc, [...this.locked.values()].map((l) => l.entry));
  }

  /** The apply step with its rules: applies a client's update and undoes what it may not change. */
  apply(connection: Connection, update: Uint8Array): void {
    const { role } = connection.participant;
    const only = new Set<unknown>([connection]);
    const observer = !can(role, 'editClauses');
    this.observerUndo.trackedOrigins = observer ? only : nobody();
    this.lockedUndo.trackedOrigins = observer ? nobody() : only;
    this.metaUndo.trackedOrigins = observer || can(role, 'editMeta') ? nobody() : only;
    this.serverOnlyUndo.trackedOrigins = only;
    let changedKeys: Set<string | null> | undefined;
    // Kept by reference: copying it on every keystroke would be work for the rare refusal.
    let changedParents: ReadonlyMap<AnyType, unknown> | undefined;
    const capture = (transaction: Y.Transaction) => {
      if (transaction.origin !== connection) return;
      changedKeys = transaction.changed.get(clausesMap(this.doc) as AnyType);
      changedParents = transaction.changedParentTypes;
    };
    this.doc.on('afterTransaction', capture);
    try {
      Y.applyUpdate(this.doc, update, connection);
    } finally {
      this.doc.off('afterTransaction', capture);
      for (const undo of [this.observerUndo, this.lockedUndo, this.metaUndo, this.serverOnlyUndo]) undo.trackedOrigins = nobody();
    }
    const replaced = [...(changedKeys ?? [])].filter((key): key is string => key !== null && this.locked.has(key) && clausesMap(this.doc).get(key) !== this.locked.get(key)!.entry);
    const anyUndo = [this.observerUndo, this.lockedUndo, this.metaUndo, this.serverOnlyUndo].some((u) => u.undoStack.length > 0);
    if (!anyUndo && replaced.length === 0) return;
    this.refuse(connection, changedParents ?? new Map(), replaced);
  }

  private refuse(connection: Connection, changedParents: ReadonlyMap<AnyType, unknown>, replaced: string[]): void {
    const refusals: RefusedChange[] = [];
    const note = (part: RefusedPart, clauseId: string | null, reason: RefusalReason, attempted: string, kept: string) =>
      refusals.push({ id: newId(), participantId: connection.participant.id, author: connection.participant.name, part, clauseId, reason, attempted, kept, at: Date.now() });

    if (this.lockedUndo.undoStack.length > 0) {
      const touched = [...this.locked].filter(([id, l]) => changedParents.has(l.entry) && !replaced.includes(id));
      const attempted = touched.map(([, l]) => textOf(l.entry));
      this.lockedUndo.undo();
      touched.forEach(([id, l], i) => note('clause', id, 'agreed', attempted[i]!, textOf(l.entry)));
    }
    if (replaced.length > 0) {
      this.doc.transact(() => {
        for (const id of replaced) {
          const current = clausesMap(this.doc).get(id);
          const attempted = current ? textOf(current) : '';
          const entry = restoreClause(clausesMap(this.doc), id, this.locked.get(id)!.snapshot);
          this.locked.set(id, { entry, snapshot: this.locked.get(id)!.snapshot });
          note('clause', id, 'agreed', attempted, textOf(entry));
        }
      }, SERVER_ORIGIN);
      this.rebuildLockedScope();
    }
    if (this.metaUndo.undoStack.length > 0) {
      const attempted = metaText(this.doc);
      this.metaUndo.undo();
      note('meta', null, 'role', attempted, metaText(this.doc));
    }
    if (this.observerUndo.undoStack.length > 0) {
      this.observerUndo.undo();
      note('document', null, 'role', '', '');
    }
    if (this.serverOnlyUndo.undoStack.length > 0) {
      this.serverOnlyUndo.undo();
      note('status', null, 'server-only', '', '');
    }
    for (const undo of [this.observerUndo, this.lockedUndo, this.metaUndo, this.serverOnlyUndo]) undo.clear();
    if (refusals.length > 0) this.events.refused(refusals);
  }

  destroy(): void {
    for (const undo of [this.observerUndo, this.lockedUndo, this.metaUndo, this.serverOnlyUndo]) undo.destroy();
  }
}
