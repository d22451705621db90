/**
 * A silence procedure (docs/SPEC.md SIL1–SIL10): the chair circulates the
 * text with a deadline; any delegation may break silence before it, with a
 * reason; unbroken, the declaration is adopted at the deadline.
 *
 * SQLite holds every procedure (`silence_procedures`); the server mirrors
 * the running or last one into the document's `silence` map under
 * `procedure`, so that every screen sees it live. Whether the text is
 * frozen and when it was adopted are computed from it (silenceRules.ts),
 * never stored beside it.
 */
export const SILENCE_OUTCOMES = ['broken', 'cancelled', 'adopted'] as const;
export type SilenceOutcome = (typeof SILENCE_OUTCOMES)[number];

/** The key of the `silence` map that holds the procedure. */
export const SILENCE_KEY = 'procedure';

export interface SilenceEnd {
  outcome: SilenceOutcome;
  /** Milliseconds since the epoch; for `adopted`, the deadline itself. */
  at: number;
  /** Who broke or cancelled it (a name); null when the server adopted it at the deadline. */
  by: string | null;
  /** Why it was broken or cancelled; '' for an adoption. */
  reason: string;
}

export interface SilenceProcedure {
  id: string;
  /** The chair who started it (a name). */
  startedBy: string;
  startedAt: number;
  deadline: number;
  /** Why the chair started it although some clause was not agreed; '' when every clause was. */
  reason: string;
  /** The version saved when it started, or null (the declaration held the most versions it may). */
  versionId: string | null;
  /** Absent while it runs. */
  ended?: SilenceEnd;
}

/** Reads the `procedure` entry of the `silence` map; anything malformed reads as no procedure. */
export function readSilenceProcedure(value: unknown): SilenceProcedure | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || typeof v.startedBy !== 'string' || typeof v.startedAt !== 'number' || typeof v.deadline !== 'number') return null;
  const procedure: SilenceProcedure = {
    id: v.id,
    startedBy: v.startedBy,
    startedAt: v.startedAt,
    deadline: v.deadline,
    reason: typeof v.reason === 'string' ? v.reason : '',
    versionId: typeof v.versionId === 'string' ? v.versionId : null,
  };
  const ended = v.ended as Record<string, unknown> | undefined;
  if (typeof ended === 'object' && ended !== null && (SILENCE_OUTCOMES as readonly unknown[]).includes(ended.outcome) && typeof ended.at === 'number') {
    procedure.ended = {
      outcome: ended.outcome as SilenceOutcome,
      at: ended.at,
      by: typeof ended.by === 'string' ? ended.by : null,
      reason: typeof ended.reason === 'string' ? ended.reason : '',
    };
  }
  return procedure;
}
