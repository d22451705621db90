import * as Y from 'yjs';
import type { ClauseKind } from '../clauseKind.ts';
import { MAX_SUBITEM_DEPTH } from '../clauseKind.ts';
import type { Clause } from '../declaration.ts';
import { newId } from '../ids.ts';
import { isOrderKey, keyBetween, keysBetween } from '../orderKey.ts';
import { buildOutline, siblingsOf, type OutlineNode } from '../outline.ts';
import type { RichText } from '../richText.ts';
import { clausesMap, writeClause } from './clauseEntry.ts';
import { CLAUSE_FIELD } from './names.ts';
import { readClause } from './readDeclaration.ts';

/**
 * The structural edits a delegation makes: add, delete, move, indent. Each is
 * one Yjs transaction on the `clauses` map, so that an edit reaches the others
 * whole. A clause is one map entry whose position is one `order` field: two
 * delegations moving or inserting at once can never duplicate or drop one.
 */
/** The clauses' kind, parent and order; bodies too only when asked (they cost a walk of the text). */
export function readClauses(doc: Y.Doc, withBodies = false): Clause[] {
  const clauses: Clause[] = [];
  clausesMap(doc).forEach((entry, id) => {
    const clause = readClause(id, entry, withBodies);
    if (clause) clauses.push(clause);
  });
  return clauses;
}

/** Where a new clause goes: its kind, its parent and the siblings it sits between. */
export interface Placement {
  kind: ClauseKind;
  parent: string | null;
  before: string | null;
  after: string | null;
}

/** A clause's order key; null for none or an unreadable one (such a clause reads as placed at the end, OUT2). */
function orderOf(doc: Y.Doc, id: string | null): string | null {
  if (id === null) return null;
  const order = clausesMap(doc).get(id)?.get(CLAUSE_FIELD.order);
  return isOrderKey(order) ? order : null;
}

/** Keys for new siblings between two ids; equal neighbours (a rare tie) put them after both. */
function keysFor(doc: Y.Doc, siblings: OutlineNode[], afterId: string | null, beforeId: string | null, count: number): string[] {
  // After a clause whose own key is unreadable (shown at the end, OUT2): after every readable one.
  const low = orderOf(doc, afterId) ?? (afterId === null ? null : (siblings.map((n) => orderOf(doc, n.clause.id)).filter((o): o is string => o !== null).sort().pop() ?? null));
  let high = orderOf(doc, beforeId);
  if (low !== null && high !== null && low >= high) {
    high = siblings.map((n) => n.clause.order).find((order) => isOrderKey(order) && order > low) ?? null;
  }
  return keysBetween(low, high, count);
}

/**
 * Inserts clauses next to `anchor` (before or after it), of its kind and
 * parent unless `as` says otherwise. Returns the new ids in order.
 */
export function insertClauses(
  doc: Y.Doc,
  anchor: { id: string; side: 'before' | 'after' } | { kind: ClauseKind; parent: string | null },
  bodies: RichText[],
  origin?: unknown,
): string[] {
  const outline = buildOutline(readClauses(doc));
  let kind: ClauseKind;
  let parent: string | null;
  let siblings: OutlineNode[];
  let afterId: string | null;
  let beforeId: string | null;
  if ('id' in anchor) {
    siblings = siblingsOf(outline, anchor.id) ?? [];
    const index = siblings.findIndex((n) => n.clause.id === anchor.id);
    if (index < 0) throw new RangeError(`No clause ${anchor.id}`);
    const clause = siblings[index]!.clause;
    kind = clause.kind;
    parent = clause.kind === 'operative' ? clause.parent : null;
    afterId = anchor.side === 'after' ? clause.id : (siblings[index - 1]?.clause.id ?? null);
    beforeId = anchor.side === 'after' ? (siblings[index + 1]?.clause.id ?? null) : clause.id;
  } else {
    kind = anchor.kind;
    parent = anchor.parent;
    siblings = parent === null ? outline[kind === 'preamble' ? 'preamble' : 'operative'] : (siblingsOf(outline, parent)?.find((n) => n.clause.id === parent)?.children ?? []);
    afterId = siblings[siblings.length - 1]?.clause.id ?? null;
    beforeId = null;
  }
  const keys = keysFor(doc, siblings, afterId, beforeId, bodies.length);
  const ids = bodies.map(() => newId());
  doc.transact(() => {
    bodies.forEach((body, i) => writeClause(doc, ids[i]!, kind, parent, keys[i]!, body));
  }, origin);
  return ids;
}

/** Ids of a clause and all its sub-items. */
export function subtreeIds(outline: ReturnType<typeof buildOutline>, id: string): string[] {
  const node = siblingsOf(outline, id)?.find((n) => n.clause.id === id);
  if (!node) return [id];
  const ids: string[] = [];
  const walk = (n: OutlineNode) => {
    ids.push(n.clause.id);
    n.children.forEach(walk);
  };
  walk(node);
  return ids;
}

/** A clause's id and its sub-items' ids. */
export function clauseWithSubitems(doc: Y.Doc, id: string): string[] {
  return subtreeIds(buildOutline(readClauses(doc)), id);
}

/** Deletes a clause with its sub-items. */
export function deleteClause(doc: Y.Doc, id: string, origin?: unknown): void {
  const ids = subtreeIds(buildOutline(readClauses(doc)), id);
  doc.transact(() => {
    for (const each of ids) clausesMap(doc).delete(each);
  }, origin);
}

/** Moves a clause one place up or down among its siblings; false when it cannot move. */
export function moveClause(doc: Y.Doc, id: string, direction: 'up' | 'down', origin?: unknown): boolean {
  const siblings = siblingsOf(buildOutline(readClauses(doc)), id);
  if (!siblings) return false;
  const index = siblings.findIndex((n) => n.clause.id === id);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= siblings.length) return false;
  const others = siblings.filter((n) => n.clause.id !== id);
  // After removing the clause, it goes between others[target-1] and others[target].
  const afterId = others[target - 1]?.clause.id ?? null;
  const beforeId = others[target]?.clause.id ?? null;
  const [key] = keysFor(doc, others, afterId, beforeId, 1);
  doc.transact(() => clausesMap(doc).get(id)?.set(CLAUSE_FIELD.order, key!), origin);
  return true;
}

function depthOfSubtree(node: OutlineNode): number {
  return node.children.length === 0 ? 0 : 1 + Math.max(...node.children.map(depthOfSubtree));
}

/**
 * Makes an operative clause a sub-item of the clause above it (Tab). False
 * when there is no clause above or the result would be nested too deep.
 */
export function indentClause(doc: Y.Doc, id: string, origin?: unknown): boolean {
  const outline = buildOutline(readClauses(doc));
  const siblings = siblingsOf(outline, id);
  const index = siblings?.findIndex((n) => n.clause.id === id) ?? -1;
  if (!siblings || index <= 0) return false;
  const node = siblings[index]!;
  const newParent = siblings[index - 1]!;
  if (node.clause.kind !== 'operative' || node.depth + 1 + depthOfSubtree(node) > MAX_SUBITEM_DEPTH) return false;
  const lastChild = newParent.children[newParent.children.length - 1];
  const key = keyBetween(orderOf(doc, lastChild?.clause.id ?? null), null);
  doc.transact(() => {
    const entry = clausesMap(doc).get(id);
    entry?.set(CLAUSE_FIELD.parent, newParent.clause.id);
    entry?.set(CLAUSE_FIELD.order, key);
  }, origin);
  return true;
}

/** Makes a sub-item a sibling of its parent, right after it (Shift-Tab). */
export function outdentClause(doc: Y.Doc, id: string, origin?: unknown): boolean {
  const outline = buildOutline(readClauses(doc));
  const node = siblingsOf(outline, id)?.find((n) => n.clause.id === id);
  if (!node || node.depth === 0 || node.clause.parent === null) return false;
  const parentId = node.clause.parent;
  const parentSiblings = siblingsOf(outline, parentId) ?? [];
  const parentIndex = parentSiblings.findIndex((n) => n.clause.id === parentId);
  const parentNode = parentSiblings[parentIndex]!;
  const grandParent = parentNode.depth === 0 ? null : parentNode.clause.parent;
  const [key] = keysFor(doc, parentSiblings, parentId, parentSiblings[parentIndex + 1]?.clause.id ?? null, 1);
  doc.transact(() => {
    const entry = clausesMap(doc).get(id);
    if (grandParent === null) entry?.delete(CLAUSE_FIELD.parent);
    else entry?.set(CLAUSE_FIELD.parent, grandParent);
    entry?.set(CLAUSE_FIELD.order, key!);
  }, origin);
  return true;
}
