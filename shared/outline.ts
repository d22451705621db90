import type { Clause } from './declaration.ts';
import { compareOrder } from './orderKey.ts';

/**
 * The clauses arranged as the text reads: preambular paragraphs, then
 * operative paragraphs with their sub-items. Derived, never stored.
 *
 * Concurrent edits can leave a sub-item whose parent was deleted, a parent
 * that is not operative, or two clauses made each other's parent. None of
 * that may hide text, so such a clause is shown as an operative paragraph of
 * its own (a cycle is cut at its member with the smallest id).
 */
export interface OutlineNode {
  clause: Clause;
  /** 0 for a paragraph, 1 for a sub-item a), 2 for (i). */
  depth: number;
  children: OutlineNode[];
}

export interface Outline {
  preamble: OutlineNode[];
  operative: OutlineNode[];
}

function effectiveParents(clauses: Clause[]): Map<string, string | null> {
  const byId = new Map(clauses.map((clause) => [clause.id, clause]));
  const parentOf = (clause: Clause): string | null => {
    if (clause.kind !== 'operative' || clause.parent === null) return null;
    const parent = byId.get(clause.parent);
    return parent !== undefined && parent.kind === 'operative' ? parent.id : null;
  };
  const result = new Map<string, string | null>();
  for (const clause of clauses) result.set(clause.id, parentOf(clause));
  // Cut cycles: walk up from each clause; a walk that comes back to a visited
  // clause of the same walk has found a cycle.
  for (const clause of clauses) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | null = clause.id;
    while (current !== null && !onPath.has(current)) {
      path.push(current);
      onPath.add(current);
      current = result.get(current) ?? null;
    }
    if (current !== null) {
      const cycle = path.slice(path.indexOf(current));
      const cut = cycle.reduce((min, id) => (id < min ? id : min));
      result.set(cut, null);
    }
  }
  return result;
}

export function buildOutline(clauses: Clause[]): Outline {
  const sorted = [...clauses].sort(compareOrder);
  const parents = effectiveParents(sorted);
  const childrenOf = new Map<string, Clause[]>();
  for (const clause of sorted) {
    const parent = parents.get(clause.id) ?? null;
    if (parent !== null) {
      const siblings = childrenOf.get(parent) ?? [];
      siblings.push(clause);
      childrenOf.set(parent, siblings);
    }
  }
  const node = (clause: Clause, depth: number): OutlineNode => ({
    clause,
    depth,
    children: (childrenOf.get(clause.id) ?? []).map((child) => node(child, depth + 1)),
  });
  return {
    preamble: sorted.filter((c) => c.kind === 'preamble').map((c) => node(c, 0)),
    operative: sorted.filter((c) => c.kind === 'operative' && parents.get(c.id) === null).map((c) => node(c, 0)),
  };
}

/** Every item of a preamble and an operative part in reading order, sub-items right after their paragraph. */
export function inReadingOrder<T extends { children: T[] }>(parts: { preamble: T[]; operative: T[] }): T[] {
  const out: T[] = [];
  const walk = (nodes: T[]) => {
    for (const n of nodes) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(parts.preamble);
  walk(parts.operative);
  return out;
}

/** Every node in reading order, sub-items right after their paragraph. */
export function flattenOutline(outline: Outline): OutlineNode[] {
  return inReadingOrder(outline);
}

/** The node's siblings (including itself), in order. */
export function siblingsOf(outline: Outline, id: string): OutlineNode[] | null {
  const search = (nodes: OutlineNode[]): OutlineNode[] | null => {
    if (nodes.some((n) => n.clause.id === id)) return nodes;
    for (const n of nodes) {
      const found = search(n.children);
      if (found) return found;
    }
    return null;
  };
  return search(outline.preamble) ?? search(outline.operative);
}
