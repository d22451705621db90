import type { RelayKind } from './workloads.ts';

/**
 * Who gets the load when. Both relays run at once, in their own processes,
 * and the typing alternates between them in short slices, in blocks of four
 * (ours, plain, plain, ours or the mirror of that, at random): on a shared
 * machine, whatever else runs meanwhile then weighs on both alike, a slow
 * drift cancels out, and nothing periodic can always fall on the same relay.
 * The first slices are warm-up (JIT) and are not measured.
 */
export interface Timeline {
  /** µs since the run's epoch. */
  startUs: number;
  sliceUs: number;
  warmupSlices: number;
  measuredSlices: number;
  /** Picks the order within each block. */
  seed: number;
}

export const measureFromUs = (t: Timeline) => t.startUs + t.warmupSlices * t.sliceUs;
export const stopUs = (t: Timeline) => t.startUs + (t.warmupSlices + t.measuredSlices) * t.sliceUs;

/** The relay that gets the typing at `us`, or null before the start and after the end. */
export function relayAt(t: Timeline, us: number): RelayKind | null {
  const slice = Math.floor((us - t.startUs) / t.sliceUs);
  if (slice < 0 || slice >= t.warmupSlices + t.measuredSlices) return null;
  const j = slice < t.warmupSlices ? slice : slice - t.warmupSlices;
  const first = j % 4 === 0 || j % 4 === 3;
  const mirrored = slice >= t.warmupSlices && mix(t.seed + Math.floor(j / 4)) % 2 === 1;
  return first !== mirrored ? 'ours' : 'plain';
}

/**
 * The flood section has one relay and takes the same turns: the attacker
 * floods in the slices this schedule gives to 'ours' and is quiet in the
 * others, which are the baseline, while the delegations type in all.
 */
export const FLOOD_TURN: RelayKind = 'ours';
export const BASELINE_TURN: RelayKind = 'plain';

/** A small integer hash (so that every process derives the same order). */
function mix(n: number): number {
  let x = Math.imul(n ^ (n >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Measured slices for `measureMs` of load per relay: an even number, so both get the same. */
export function measuredSlicesFor(measureMs: number, sliceMs: number): number {
  return 2 * Math.max(1, Math.ceil(measureMs / sliceMs));
}
