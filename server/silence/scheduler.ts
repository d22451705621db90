import type { Db } from '../db/database.ts';
import { runningProcedures } from '../db/silence.ts';
import type { Logger } from '../logger.ts';
import type { Rooms } from '../relay/rooms.ts';
import { adoptSilence } from './adoptSilence.ts';

/** setTimeout holds at most 2^31 − 1 ms (24.8 days); a later deadline is reached by re-arming. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** A timer as `setTimeout` returns it, or as a test's own timer does. */
export type Timer = unknown;

export interface SchedulerDeps {
  db: Db;
  rooms: Rooms;
  logger: Logger;
  now?: () => number;
  /**
   * The timer, the global setTimeout and clearTimeout unless a test gives its
   * own: a deadline beyond setTimeout's reach (SIL7) is tested without
   * waiting 25 days, and without faking the timers the server shares.
   */
  setTimer?: (fire: () => void, ms: number) => Timer;
  clearTimer?: (timer: Timer) => void;
}

/**
 * The server keeps the deadlines (SIL7, SIL8): one timer per running
 * procedure, armed when it starts and, on start, for every procedure SQLite
 * holds as running — one whose deadline passed while the server was down is
 * adopted at once. A timer that fires early (a clock set back, a deadline
 * past setTimeout's reach) arms again. A failure to adopt is logged and
 * retried a minute later: it never crashes the process.
 */
export class SilenceScheduler {
  private readonly timers = new Map<string, Timer>();
  private readonly now: () => number;
  private readonly setTimer: (fire: () => void, ms: number) => Timer;
  private readonly clearTimer: (timer: Timer) => void;

  constructor(private readonly deps: SchedulerDeps) {
    this.now = deps.now ?? Date.now;
    this.setTimer = deps.setTimer ?? ((fire, ms) => setTimeout(fire, ms));
    this.clearTimer = deps.clearTimer ?? ((timer) => clearTimeout(timer as NodeJS.Timeout));
  }

  /** Arms every running procedure (adopting those already due). */
  start(): void {
    for (const { declarationId, id, deadline } of runningProcedures(this.deps.db)) this.arm(declarationId, id, deadline);
  }

  arm(declarationId: string, procedureId: string, deadline: number): void {
    this.disarm(declarationId);
    const delay = deadline - this.now();
    if (delay <= 0) {
      this.fire(declarationId, procedureId, deadline);
      return;
    }
    this.timers.set(
      declarationId,
      this.setTimer(() => this.fire(declarationId, procedureId, deadline), Math.min(delay, MAX_TIMEOUT_MS)),
    );
  }

  disarm(declarationId: string): void {
    const timer = this.timers.get(declarationId);
    if (timer !== undefined) this.clearTimer(timer);
    this.timers.delete(declarationId);
  }

  private fire(declarationId: string, procedureId: string, deadline: number): void {
    this.timers.delete(declarationId);
    if (this.now() < deadline) {
      this.arm(declarationId, procedureId, deadline);
      return;
    }
    try {
      if (adoptSilence(this.deps, declarationId, procedureId, deadline)) this.deps.logger.info('adopted under silence procedure', { declaration: declarationId, procedure: procedureId });
    } catch (error) {
      this.deps.logger.error('could not adopt at the deadline; trying again in a minute', {
        declaration: declarationId,
        procedure: procedureId,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      this.timers.set(declarationId, this.setTimer(() => this.fire(declarationId, procedureId, deadline), 60_000));
    }
  }

  stop(): void {
    for (const timer of this.timers.values()) this.clearTimer(timer);
    this.timers.clear();
  }
}
