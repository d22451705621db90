import type { SilenceProcedure } from './silenceProcedure.ts';

/**
 * The rules of the silence procedure both sides read (docs/SPEC.md SIL*):
 * the server enforces them (server/silence/*, the relay's enforce step),
 * the screen only reflects them.
 */

const HOUR = 60 * 60 * 1000;
/** The deadline the screen proposes: 72 hours, the UN General Assembly's practice. */
export const DEFAULT_SILENCE_MS = 72 * HOUR;
/** The shortest deadline without the chair saying it is meant to be short (SIL2). */
export const MIN_SILENCE_MS = 24 * HOUR;
/** The longest: a silence procedure is the last step of a negotiation, not a way to freeze a text for a season. */
export const MAX_SILENCE_MS = 90 * 24 * HOUR;
/** A reason (to start without every clause agreed, to break, to cancel) holds at most this many characters. */
export const MAX_SILENCE_REASON = 2000;

/** Whether a procedure runs now (started, not ended). */
export function isRunning(procedure: SilenceProcedure | null): procedure is SilenceProcedure {
  return procedure !== null && procedure.ended === undefined;
}

/** When the declaration was adopted (the deadline of the procedure that went unbroken), or null. */
export function adoptedAt(procedure: SilenceProcedure | null): number | null {
  return procedure?.ended?.outcome === 'adopted' ? procedure.ended.at : null;
}

/**
 * SIL4: the text is frozen — no clause, heading field or signature block
 * changes, whoever asks — while a procedure runs and, once adopted, for good.
 */
export function isFrozen(procedure: SilenceProcedure | null): boolean {
  return isRunning(procedure) || adoptedAt(procedure) !== null;
}

export type DeadlineProblem = 'past' | 'too-soon' | 'too-far';

/**
 * SIL2: a deadline is in the future, at most MAX_SILENCE_MS ahead, and at
 * least MIN_SILENCE_MS ahead unless the chair says it is meant to be short.
 */
export function deadlineProblem(deadline: number, now: number, short: boolean): DeadlineProblem | null {
  if (deadline <= now) return 'past';
  if (deadline - now > MAX_SILENCE_MS) return 'too-far';
  if (!short && deadline - now < MIN_SILENCE_MS) return 'too-soon';
  return null;
}

/** SIL1: how many clauses stand in the way of starting without a reason (every clause must be agreed). */
export function clausesNotAgreed(clauseIds: readonly string[], isAgreed: (clauseId: string) => boolean): number {
  return clauseIds.filter((id) => !isAgreed(id)).length;
}
