import * as Y from 'yjs';
import type { ClauseKind } from '../clauseKind.ts';
import { CLAUSE_FIELD } from './names.ts';

/**
 * A clause exactly as it stands — kind, parent, order and every paragraph
 * with all its formatting attributes (marks the UI does not know yet, such
 * as comment anchors, included) — as plain JSON, so that the server can put
 * back an agreed clause that a client deleted or replaced outright.
 */
export interface ClauseSnapshot {
  kind: ClauseKind;
  parent: string | null;
  order: string;
  /** The clause's heading; absent: none (and in snapshots stored before headings existed). */
  heading?: string;
  paragraphs: { name: string; delta: { insert: string; attributes?: Record<string, unknown> }[] }[];
}

export function snapshotClause(entry: Y.Map<unknown>): ClauseSnapshot | null {
  const kind = entry.get(CLAUSE_FIELD.kind);
  const order = entry.get(CLAUSE_FIELD.order);
  const parent = entry.get(CLAUSE_FIELD.parent);
  const body = entry.get(CLAUSE_FIELD.body);
  if ((kind !== 'preamble' && kind !== 'operative') || typeof order !== 'string') return null;
  const paragraphs: ClauseSnapshot['paragraphs'] = [];
  if (body instanceof Y.XmlFragment) {
    for (const node of body.toArray()) {
      if (!(node instanceof Y.XmlElement)) continue;
      const delta: ClauseSnapshot['paragraphs'][number]['delta'] = [];
      for (const child of node.toArray()) {
        if (!(child instanceof Y.XmlText)) continue;
        for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
          if (typeof op.insert === 'string') delta.push(op.attributes ? { insert: op.insert, attributes: op.attributes } : { insert: op.insert });
        }
      }
      paragraphs.push({ name: node.nodeName, delta });
    }
  }
  const heading = entry.get(CLAUSE_FIELD.heading);
  const snapshot: ClauseSnapshot = { kind, parent: typeof parent === 'string' ? parent : null, order, paragraphs };
  return typeof heading === 'string' ? { ...snapshot, heading } : snapshot;
}

/** Writes a snapshot as a fresh clause entry under `id`; call it inside a transaction. */
export function restoreClause(clauses: Y.Map<Y.Map<unknown>>, id: string, snapshot: ClauseSnapshot): Y.Map<unknown> {
  const entry = new Y.Map<unknown>();
  clauses.set(id, entry);
  entry.set(CLAUSE_FIELD.kind, snapshot.kind);
  if (snapshot.parent !== null) entry.set(CLAUSE_FIELD.parent, snapshot.parent);
  entry.set(CLAUSE_FIELD.order, snapshot.order);
  if (snapshot.heading !== undefined) entry.set(CLAUSE_FIELD.heading, snapshot.heading);
  const body = new Y.XmlFragment();
  entry.set(CLAUSE_FIELD.body, body);
  for (const paragraph of snapshot.paragraphs) {
    const element = new Y.XmlElement(paragraph.name);
    body.insert(body.length, [element]);
    const text = new Y.XmlText();
    element.insert(0, [text]);
    let at = 0;
    for (const op of paragraph.delta) {
      text.insert(at, op.insert, op.attributes ?? {});
      at += op.insert.length;
    }
  }
  return entry;
}

/**
 * An agreed clause with its whole subtree (docs/SPEC.md LOCK7): the
 * snapshot of each clause, by id, as it was when the chair agreed it.
 */
export type SubtreeSnapshot = Record<string, ClauseSnapshot>;

/** Snapshots the given clauses (an agreed clause and its sub-items); ids without a readable entry are left out. */
export function snapshotClauses(clauses: Y.Map<Y.Map<unknown>>, ids: string[]): SubtreeSnapshot {
  const out: SubtreeSnapshot = {};
  for (const id of ids) {
    const entry = clauses.get(id);
    const snapshot = entry instanceof Y.Map ? snapshotClause(entry) : null;
    if (snapshot) out[id] = snapshot;
  }
  return out;
}

/**
 * Reads a stored snapshot: a subtree, or — as stored before LOCK7 — the
 * agreed clause alone.
 */
export function readSubtreeSnapshot(clauseId: string, stored: unknown): SubtreeSnapshot | null {
  if (typeof stored !== 'object' || stored === null) return null;
  if ('kind' in stored && 'paragraphs' in stored) return { [clauseId]: stored as ClauseSnapshot };
  return stored as SubtreeSnapshot;
}
