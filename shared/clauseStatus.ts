/**
 * A clause's place in the negotiation. `agreed` locks it: nobody, the chair
 * included, changes its text, kind, parent or position until the chair
 * reopens it with a reason.
 */
export const CLAUSE_STATES = ['open', 'ad-ref', 'agreed'] as const;
export type ClauseState = (typeof CLAUSE_STATES)[number];

export function isClauseState(value: unknown): value is ClauseState {
  return typeof value === 'string' && (CLAUSE_STATES as readonly string[]).includes(value);
}

/** The status of one clause, as the server mirrors it into the document's `status` map. */
export interface ClauseStatus {
  state: ClauseState;
  /** Name of the participant who set it. */
  by: string;
  /** Milliseconds since the epoch. */
  at: number;
  /** For ad ref: the delegations it is still pending with. */
  pending?: string[];
  /** Why the clause was reopened; on an agreed clause, why it was agreed over an objection (POS4). */
  reason?: string;
}

export const isLocked = (status: ClauseStatus | undefined): boolean => status?.state === 'agreed';

/** Reads one entry of the `status` map; anything malformed counts as no status (open). */
export function readClauseStatus(value: unknown): ClauseStatus | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!isClauseState(v.state) || typeof v.by !== 'string' || typeof v.at !== 'number') return undefined;
  const status: ClauseStatus = { state: v.state, by: v.by, at: v.at };
  if (Array.isArray(v.pending)) status.pending = v.pending.filter((p): p is string => typeof p === 'string');
  if (typeof v.reason === 'string') status.reason = v.reason;
  return status;
}

export interface StatusCounts {
  open: number;
  'ad-ref': number;
  agreed: number;
}

export function countStatuses(clauseIds: string[], statusOf: (id: string) => ClauseStatus | undefined): StatusCounts {
  const counts: StatusCounts = { open: 0, 'ad-ref': 0, agreed: 0 };
  for (const id of clauseIds) counts[statusOf(id)?.state ?? 'open']++;
  return counts;
}
