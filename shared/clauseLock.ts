import { isLocked, type ClauseStatus } from './clauseStatus.ts';
import type { Outline, OutlineNode } from './outline.ts';

/**
 * Which clauses are locked, and why (docs/SPEC.md LOCK7). Agreeing a clause
 * agrees and locks its whole subtree: a paragraph with all its sub-items, or
 * a sub-item with its own sub-items. Nothing in a locked subtree changes —
 * text, kind, parent, order — and nothing joins or leaves it, until the
 * chair reopens the clause that was agreed. A sub-item agreed on its own
 * stays agreed when its paragraph is reopened.
 *
 * The one home of the rule: the server enforces it (server/relay/), the
 * screen and the exports only reflect it.
 */
export interface ClauseLock {
  /** The agreed clause whose agreement locks this one: itself, or its highest agreed ancestor. */
  agreedClause: string;
  /** Locked as part of an agreed paragraph rather than agreed itself. */
  inherited: boolean;
}

/** The lock of every locked clause, by id, over the outline as the text reads. */
export function clauseLocks(outline: Outline, statusOf: (id: string) => ClauseStatus | undefined): Map<string, ClauseLock> {
  const locks = new Map<string, ClauseLock>();
  const walk = (nodes: OutlineNode[], inherited: string | null) => {
    for (const node of nodes) {
      const id = node.clause.id;
      const agreedClause = inherited ?? (isLocked(statusOf(id)) ? id : null);
      if (agreedClause !== null) locks.set(id, { agreedClause, inherited: agreedClause !== id });
      walk(node.children, agreedClause);
    }
  };
  walk(outline.preamble, null);
  walk(outline.operative, null);
  return locks;
}
