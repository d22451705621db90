/** The kinds of clause a declaration is made of; sub-items are operative clauses with a parent. */
export const CLAUSE_KINDS = ['preamble', 'operative'] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

export function isClauseKind(value: unknown): value is ClauseKind {
  return typeof value === 'string' && (CLAUSE_KINDS as readonly string[]).includes(value);
}

/** Sub-items go two levels deep at most: a), b) … then (i), (ii) … */
export const MAX_SUBITEM_DEPTH = 2;
