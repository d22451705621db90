import { describe, expect, it } from 'vitest';
import type { SilenceProcedure } from './silenceProcedure.ts';
import { adoptedAt, clausesNotAgreed, deadlineProblem, isFrozen, isRunning, MAX_SILENCE_MS, MIN_SILENCE_MS } from './silenceRules.ts';

const NOW = Date.UTC(2026, 11, 3, 10, 0);
const running: SilenceProcedure = { id: 'p', startedBy: 'Argentina', startedAt: NOW, deadline: NOW + MIN_SILENCE_MS, reason: '', versionId: null };

describe('silence rules', () => {
  it('SIL2: a deadline in the future, at most 90 days ahead, at least 24 hours ahead unless meant to be short', () => {
    expect(deadlineProblem(NOW, NOW, true)).toBe('past');
    expect(deadlineProblem(NOW - 1, NOW, false)).toBe('past');
    expect(deadlineProblem(NOW + 1000, NOW, false)).toBe('too-soon');
    expect(deadlineProblem(NOW + 1000, NOW, true)).toBeNull();
    expect(deadlineProblem(NOW + MIN_SILENCE_MS, NOW, false)).toBeNull();
    expect(deadlineProblem(NOW + MIN_SILENCE_MS - 1, NOW, false)).toBe('too-soon');
    expect(deadlineProblem(NOW + MAX_SILENCE_MS, NOW, false)).toBeNull();
    expect(deadlineProblem(NOW + MAX_SILENCE_MS + 1, NOW, true)).toBe('too-far');
  });

  it('SIL1: every clause must be agreed to start without a reason', () => {
    expect(clausesNotAgreed([], () => false)).toBe(0);
    expect(clausesNotAgreed(['a', 'b', 'c'], (id) => id !== 'b')).toBe(1);
  });

  it('SIL4 SIL7: frozen while running and for good once adopted; not after a break or a cancellation', () => {
    expect(isFrozen(null)).toBe(false);
    expect([isRunning(running), isFrozen(running), adoptedAt(running)]).toEqual([true, true, null]);
    const adopted = { ...running, ended: { outcome: 'adopted' as const, at: running.deadline, by: null, reason: '' } };
    expect([isRunning(adopted), isFrozen(adopted), adoptedAt(adopted)]).toEqual([false, true, running.deadline]);
    for (const outcome of ['broken', 'cancelled'] as const) {
      const ended = { ...running, ended: { outcome, at: NOW + 1, by: 'Chile', reason: 'No.' } };
      expect([isRunning(ended), isFrozen(ended), adoptedAt(ended)]).toEqual([false, false, null]);
    }
  });
});
