import { relayAt, type Timeline } from './schedule.ts';
import type { RelayKind } from './workloads.ts';

/**
 * An idle timer in the benchmark's own process, which has nothing else to
 * do during the load: when it fires late by much, the whole machine stalled
 * (another program's burst, the VM paused), not one relay. Its stalls are
 * reported by the slice they fell in, so that a p99 driven by one of them
 * can be told from one the relay caused.
 */
const TICK_MS = 5;
export const STALL_MS = 50;

export interface Stall {
  atUs: number;
  ms: number;
}

export function startCanary(epochNs: bigint): { stop(): Stall[] } {
  const stalls: Stall[] = [];
  const nowUs = () => Number((process.hrtime.bigint() - epochNs) / 1000n);
  let last = nowUs();
  const timer = setInterval(() => {
    const now = nowUs();
    const late = (now - last) / 1000 - TICK_MS;
    if (late > STALL_MS) stalls.push({ atUs: last, ms: late });
    last = now;
  }, TICK_MS);
  return {
    stop() {
      clearInterval(timer);
      return stalls;
    },
  };
}

/** Stalls per relay whose slice they began in (measured slices only). */
export function stallsBySlice(stalls: Stall[], timeline: Timeline, fromUs: number): Record<RelayKind, Stall[]> {
  const out: Record<RelayKind, Stall[]> = { ours: [], plain: [] };
  for (const stall of stalls) {
    const relay = stall.atUs >= fromUs ? relayAt(timeline, stall.atUs) : null;
    if (relay) out[relay].push(stall);
  }
  return out;
}
