/**
 * A change the server did not apply, kept so that its author can see (and
 * copy) the text: "your change to OP 3 was not applied because the clause
 * is agreed — here is your text". Written by the server only, into the
 * document's `refused` map.
 */
export const REFUSAL_REASONS = [
  /** The clause, or the paragraph it belongs to, is agreed (LOCK1–LOCK7). */
  'agreed',
  /** The author's role may not change this part (ROLE1, ROLE2). */
  'role',
  /** Only the server writes this part (LOCK4, COM4). */
  'server-only',
  /** The write does not fit the document model: a bad kind, order or parent, a body that is not one paragraph, an unknown field (STRUCT1). */
  'structure',
  /** The clause or field would be longer than the limit (STRUCT1, shared/document/limits.ts). */
  'too-long',
  /** The declaration would hold more clauses than the limit (STRUCT1). */
  'too-many-clauses',
  /** A delegation changed a clause's text directly while the chair has set "proposals only" (PROP10). */
  'proposals-only',
  /** The change would have removed square brackets (deleted a whole bracketed passage or its clause), which only the chair and the secretariat may do (BRK4). */
  'brackets',
  /** The text is frozen: a silence procedure runs, or the declaration is adopted (SIL4). */
  'frozen',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export type RefusedPart = 'clause' | 'meta' | 'signatories' | 'status' | 'document';

export interface RefusedChange {
  id: string;
  participantId: string;
  author: string;
  part: RefusedPart;
  clauseId: string | null;
  reason: RefusalReason;
  /** The text as it stands (and stays). */
  kept: string;
  /** The text as the author tried to make it. */
  attempted: string;
  at: number;
  /** The proposal the server made of the refused text, by its author (PROP10, PROP11). */
  proposalId?: string;
}

export function readRefusedChange(value: unknown): RefusedChange | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || typeof v.participantId !== 'string' || typeof v.attempted !== 'string') return null;
  return v as unknown as RefusedChange;
}
