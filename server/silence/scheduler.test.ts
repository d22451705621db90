import { describe, expect, it } from 'vitest';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { plain } from '../../shared/richText.ts';
import { readSilenceProcedure, SILENCE_KEY, type SilenceProcedure } from '../../shared/silence/silenceProcedure.ts';
import { listAudit } from '../db/auditLog.ts';
import { lastProcedure } from '../db/silence.ts';
import { createLogger } from '../logger.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { SilenceScheduler } from './scheduler.ts';

/**
 * SIL7: the deadline kept by the server's own timer, also beyond the 24.8
 * days (2^31 − 1 ms) setTimeout can wait. A procedure started through the
 * real API over real SQLite; the scheduler under test is given a clock and
 * a timer of the test's own (its `now`, `setTimer` and `clearTimer`), so
 * that 60 days pass at once and a timer fires exactly when the test says.
 */
const seed = { ...emptySeed(plain('Deadline test')), operative: [{ body: plain('Decide;') }] };
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
];
const DAY = 24 * 60 * 60 * 1000;
const SET_TIMEOUT_REACH = 2 ** 31 - 1;

interface FakeTimer {
  fire: () => void;
  ms: number;
  cleared: boolean;
  fired: boolean;
}

describe('SIL7: the deadline beyond setTimeout', () => {
  const under = declarationUnderTest(seed, people);

  /** Starts a procedure through the API, then hands its deadline from the server's scheduler to one on the test's clock. */
  async function procedureOnTestClock(deadline: number, start: number) {
    const answer = await under.call<{ procedure: SilenceProcedure }>('POST', '/silence', 'Argentina', {
      deadline: new Date(deadline).toISOString(),
      reason: 'Long consultations in capitals.',
    });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    under.server.silence.disarm(under.declaration.id);
    const clock = { now: start };
    const timers: FakeTimer[] = [];
    const scheduler = new SilenceScheduler({
      db: under.server.db,
      rooms: under.server.rooms,
      logger: createLogger({ quiet: true }),
      now: () => clock.now,
      setTimer: (fire, ms) => {
        const timer: FakeTimer = { fire, ms, cleared: false, fired: false };
        timers.push(timer);
        return timer;
      },
      clearTimer: (timer) => {
        (timer as FakeTimer).cleared = true;
      },
    });
    const armed = () => timers.filter((t) => !t.cleared && !t.fired);
    /** The one armed timer fires, the clock then at `at`. */
    const fireAt = (at: number) => {
      expect(armed()).toHaveLength(1);
      const timer = armed()[0]!;
      timer.fired = true;
      clock.now = at;
      timer.fire();
      return timer;
    };
    return { procedure: answer.json.procedure, scheduler, clock, armed, fireAt };
  }
  const outcome = () => lastProcedure(under.server.db, under.declaration.id)?.ended?.outcome ?? 'running';
  const adoptions = () => listAudit(under.server.db, under.declaration.id).filter((e) => e.action === 'silence-adopted');

  it('SIL7: a deadline 60 days ahead is armed for 2^31 − 1 ms, armed again each time that fires before it, and adopted exactly once when it is reached', async () => {
    const start = Date.now();
    const deadline = start + 60 * DAY;
    const { scheduler, armed, fireAt } = await procedureOnTestClock(deadline, start);
    scheduler.start();
    expect(armed().map((t) => t.ms)).toEqual([SET_TIMEOUT_REACH]);

    // 24.8 days on: short of the deadline, so armed again, again as far as setTimeout reaches.
    fireAt(start + SET_TIMEOUT_REACH);
    expect(outcome()).toBe('running');
    expect(armed().map((t) => t.ms)).toEqual([SET_TIMEOUT_REACH]);
    // 49.7 days on: what is left is within reach, to the millisecond.
    fireAt(start + 2 * SET_TIMEOUT_REACH);
    expect(outcome()).toBe('running');
    expect(armed().map((t) => t.ms)).toEqual([deadline - (start + 2 * SET_TIMEOUT_REACH)]);
    expect(adoptions()).toEqual([]);

    const last = fireAt(deadline);
    expect(outcome()).toBe('adopted');
    expect(lastProcedure(under.server.db, under.declaration.id)!.ended).toEqual({ outcome: 'adopted', at: deadline, by: null, reason: '' });
    const mirrored = readSilenceProcedure(under.server.rooms.get(under.declaration.id).doc.getMap(ROOT.silence).get(SILENCE_KEY));
    expect(mirrored?.ended?.outcome).toBe('adopted');
    expect(armed()).toEqual([]);
    // Once: the same timer firing again, or arming the scheduler again, adopts nothing more.
    last.fire();
    scheduler.start();
    expect(armed()).toEqual([]);
    expect(adoptions().map((e) => [e.actor, e.detail])).toEqual([['server', { procedureId: expect.any(String), deadline }]]);
    scheduler.stop();
  });

  it('SIL7: a timer that fires before the deadline because the clock was set back is armed again for what is left, and adopts only at the deadline', async () => {
    const start = Date.now();
    const deadline = start + 3 * DAY;
    const { scheduler, armed, fireAt } = await procedureOnTestClock(deadline, start);
    scheduler.start();
    expect(armed().map((t) => t.ms)).toEqual([3 * DAY]);

    // The timer waited its 3 days, but the clock was set back an hour meanwhile: it reads an hour before the deadline.
    fireAt(deadline - 60 * 60 * 1000);
    expect(outcome()).toBe('running');
    expect(adoptions()).toEqual([]);
    expect(armed().map((t) => t.ms)).toEqual([60 * 60 * 1000]);
    expect((await under.call<{ adoptedAt: number | null }>('GET', '/silence', 'Chile')).json.adoptedAt).toBeNull();

    fireAt(deadline);
    expect(outcome()).toBe('adopted');
    expect(adoptions()).toHaveLength(1);
    expect((await under.call<{ adoptedAt: number | null }>('GET', '/silence', 'Chile')).json.adoptedAt).toBe(deadline);
    scheduler.stop();
  });
});
