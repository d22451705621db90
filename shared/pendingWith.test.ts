import { describe, expect, it } from 'vitest';
import type { ClauseStatus } from './clauseStatus.ts';
import { choosePending, isPendingWith } from './pendingWith.ts';

const adRef = (pending?: string[]): ClauseStatus => ({ state: 'ad-ref', by: 'Argentina', at: 1, ...(pending ? { pending } : {}) });

describe('pending with', () => {
  it('STAT3: names are matched to the delegations whatever their case, once each, in the order given; the rest are named', () => {
    expect(choosePending(['perú', 'Chile', 'PERÚ', ' chile '], ['Chile', 'Perú', 'Bolivia'])).toEqual({ names: ['Perú', 'Chile'], unknown: [] });
    expect(choosePending(['Chile', 'Spain', 'spain', 'Mars'], ['Chile'])).toEqual({ names: ['Chile'], unknown: ['Spain', 'Mars'] });
    expect(choosePending([], ['Chile'])).toEqual({ names: [], unknown: [] });
  });

  it('STAT3: a clause waits for a delegation named among the pending of an ad ref — not for anyone else, not once the status changes', () => {
    const chile = { name: 'Chile', role: 'delegation' as const };
    expect(isPendingWith(adRef(['Peru', 'Chile']), chile)).toBe(true);
    expect(isPendingWith(adRef(['chile']), chile)).toBe(true);
    expect(isPendingWith(adRef(['Peru']), chile)).toBe(false);
    expect(isPendingWith(adRef(), chile)).toBe(false);
    expect(isPendingWith({ state: 'agreed', by: 'Argentina', at: 2 }, chile)).toBe(false);
    expect(isPendingWith({ state: 'open', by: 'Argentina', at: 2, pending: ['Chile'] }, chile)).toBe(false);
    expect(isPendingWith(undefined, chile)).toBe(false);
    // An observer or the chair is never waited for, even under a delegation's name.
    expect(isPendingWith(adRef(['Chile']), { name: 'Chile', role: 'observer' })).toBe(false);
  });
});
