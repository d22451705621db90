import * as Y from 'yjs';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD } from '../../shared/document/names.ts';
import { SERVER_ORIGIN } from './origins.ts';

/**
 * A clause's heading belongs to its clause (docs/SPEC.md HEAD1), but a
 * section heading ("A. Health", "II. Means of implementation") also opens
 * the clauses after it: deleting the first paragraph of a section must not
 * take the section's heading with it. So when a clause that carries a
 * heading is deleted — by anyone: a participant's update (enforce.ts), an
 * accepted deletion (server/proposals/acceptProposal.ts) — the server moves
 * the heading to the next clause of the same group (same kind, same
 * parent) that still stands, as one server change persisted and broadcast
 * with the deletion. Not onto a clause that has a heading of its own (its
 * own section starts there), nor onto an agreed one (LOCK1).
 */
export interface DeletedClause {
  id: string;
  kind: unknown;
  parent: string | null;
  order: string;
  heading: string;
}

/** The fields of a clause entry, live or deleted (a deleted entry's items are read as they were; null when collected or not a clause). */
function fieldsOf(id: string, entry: Y.Map<unknown>): DeletedClause | null {
  const field = (name: string): unknown => {
    const item = entry._map.get(name);
    return item === undefined ? undefined : item.content.getContent()[0];
  };
  const heading = field(CLAUSE_FIELD.heading);
  const order = field(CLAUSE_FIELD.order);
  const parent = field(CLAUSE_FIELD.parent);
  if (typeof heading !== 'string' || heading === '' || typeof order !== 'string') return null;
  return { id, kind: field(CLAUSE_FIELD.kind), parent: typeof parent === 'string' ? parent : null, order, heading };
}

/**
 * A clause a transaction deleted, read from its deleted entry: only while
 * its items are not yet collected (a Y.UndoManager tracking the transaction
 * keeps them). null when it had no heading.
 */
export function deletedHeaded(clauses: Y.Map<Y.Map<unknown>>, id: string): DeletedClause | null {
  const item = clauses._map.get(id);
  if (item === undefined || !item.deleted || !(item.content instanceof Y.ContentType) || !(item.content.type instanceof Y.Map)) return null;
  return fieldsOf(id, item.content.type as Y.Map<unknown>);
}

/** A standing clause with a heading, as it is before it is deleted. null when it has none. */
export function headedClause(doc: Y.Doc, id: string): DeletedClause | null {
  const entry = clausesMap(doc).get(id);
  return entry instanceof Y.Map ? fieldsOf(id, entry) : null;
}

const before = (a: { order: string; id: string }, b: { order: string; id: string }) => a.order < b.order || (a.order === b.order && a.id < b.id);

/** The standing clause right after `clause` in its group (same kind, same parent), in the order clauses are read (order key, then id). */
function nextInGroup(clauses: Y.Map<Y.Map<unknown>>, clause: DeletedClause): { id: string; order: string; entry: Y.Map<unknown> } | null {
  let next: { id: string; order: string; entry: Y.Map<unknown> } | null = null;
  clauses.forEach((entry, id) => {
    if (!(entry instanceof Y.Map) || id === clause.id || entry.get(CLAUSE_FIELD.kind) !== clause.kind) return;
    const parent: unknown = entry.get(CLAUSE_FIELD.parent);
    const order: unknown = entry.get(CLAUSE_FIELD.order);
    if ((typeof parent === 'string' ? parent : null) !== clause.parent || typeof order !== 'string') return;
    const candidate = { id, order, entry };
    if (before(clause, candidate) && (next === null || before(candidate, next))) next = candidate;
  });
  return next;
}

/**
 * Moves each deleted clause's heading to the next standing clause of its
 * group, in one server transaction. When several deleted clauses lead to
 * the same clause, it takes the heading of the nearest one before it (the
 * section it was in). `locked`: clauses whose heading may not change.
 */
export function moveHeadings(doc: Y.Doc, deleted: readonly DeletedClause[], locked: (id: string) => boolean): void {
  const clauses = clausesMap(doc);
  const moves = new Map<Y.Map<unknown>, DeletedClause>();
  for (const gone of deleted) {
    if (clauses.has(gone.id)) continue;
    const target = nextInGroup(clauses, gone);
    if (target === null || locked(target.id) || target.entry.get(CLAUSE_FIELD.heading) !== undefined) continue;
    const chosen = moves.get(target.entry);
    if (chosen === undefined || before(chosen, gone)) moves.set(target.entry, gone);
  }
  if (moves.size === 0) return;
  doc.transact(() => {
    for (const [entry, gone] of moves) entry.set(CLAUSE_FIELD.heading, gone.heading);
  }, SERVER_ORIGIN);
}

/**
 * A deleted clause brought back (an accepted deletion undone, or a chair's
 * Ctrl+Z, which sets the entry again under its id: enforce.ts) takes its
 * heading back: the next clause of its group loses the same heading the
 * server had moved onto it, so the section is not headed twice. A
 * delegation's browser brings the clause back without its heading
 * (client/collab/undoHeadings.ts), and then nothing moves.
 */
export function takeBackHeadings(doc: Y.Doc, restored: readonly string[], locked: (id: string) => boolean): void {
  const back = restored.map((id) => headedClause(doc, id)).filter((clause): clause is DeletedClause => clause !== null);
  const clauses = clausesMap(doc);
  const clear: Y.Map<unknown>[] = [];
  for (const clause of back) {
    const target = nextInGroup(clauses, clause);
    if (target !== null && !locked(target.id) && !restored.includes(target.id) && target.entry.get(CLAUSE_FIELD.heading) === clause.heading) clear.push(target.entry);
  }
  if (clear.length === 0) return;
  doc.transact(() => {
    for (const entry of clear) entry.delete(CLAUSE_FIELD.heading);
  }, SERVER_ORIGIN);
}
