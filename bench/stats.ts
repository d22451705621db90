import type { WorkerRecords } from './ipc.ts';
import { seededRandom } from '../shared/seededRandom.ts';

/**
 * From what the workers recorded to the numbers the benchmark reports: every
 * measured edit is expected once at each other client of its declaration;
 * what did not arrive (by the end of the drain) is lost. Latencies are
 * receive − send, in ms.
 */
export interface DeliveryStats {
  sent: number;
  expected: number;
  received: number;
  lost: number;
  /** Seen twice by the same client, seen but never sent, or seen in another declaration (all should be 0). */
  anomalies: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export interface DeliveryInput {
  records: WorkerRecords[];
  /** Client id → declaration, for the clients of one relay; records of the other relay's clients are skipped. */
  declarationOf: Map<number, number>;
  clientsPerDeclaration: number;
  /** End of the warm-up: only edits due at or after it are measured. */
  fromUs: number;
  sliceUs: number;
}

export const editKey = (writer: number, sendUs: number) => `${writer}.${sendUs}`;

/**
 * Delivery and latency of one relay's measured edits, and their latencies
 * per slice (for ratioInterval). An edit is measured when it was due in a
 * measured slice, however late its timer fired.
 */
export function deliveryStats({ records, declarationOf, clientsPerDeclaration, fromUs, sliceUs }: DeliveryInput): {
  stats: DeliveryStats;
  measured: Set<string>;
  slices: number[][];
} {
  const all = new Set<string>();
  const measured = new Map<string, number>();
  for (const { sent } of records) {
    for (let i = 0; i < sent.length; i += 3) {
      const writer = sent[i]!;
      if (!declarationOf.has(writer)) continue;
      const key = editKey(writer, sent[i + 1]!);
      all.add(key);
      const dueUs = sent[i + 2]!;
      if (dueUs >= fromUs) measured.set(key, Math.floor((dueUs - fromUs) / sliceUs));
    }
  }
  const seen = new Set<string>();
  const latencies: number[] = [];
  const bySlice = new Map<number, number[]>();
  let anomalies = 0;
  for (const { received } of records) {
    for (let i = 0; i < received.length; i += 4) {
      const receiver = received[i]!;
      const writer = received[i + 1]!;
      if (!declarationOf.has(writer) || receiver === writer) continue;
      const sendUs = received[i + 2]!;
      const edit = editKey(writer, sendUs);
      const key = `${receiver}:${edit}`;
      if (!all.has(edit) || seen.has(key) || declarationOf.get(receiver) !== declarationOf.get(writer)) {
        anomalies++;
        continue;
      }
      const slice = measured.get(edit);
      if (slice === undefined) continue;
      seen.add(key);
      const ms = (received[i + 3]! - sendUs) / 1000;
      latencies.push(ms);
      if (!bySlice.has(slice)) bySlice.set(slice, []);
      bySlice.get(slice)!.push(ms);
    }
  }
  const sorted = Float64Array.from(latencies).sort();
  const expected = measured.size * (clientsPerDeclaration - 1);
  const stats = {
    sent: measured.size,
    expected,
    received: seen.size,
    lost: expected - seen.size,
    anomalies,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? NaN : sorted[sorted.length - 1]!,
  };
  return { stats, measured: new Set(measured.keys()), slices: [...bySlice.values()] };
}

/** How many of the measured edits are in the persisted set. */
export function countPersisted(measured: Set<string>, persisted: string[]): number {
  let n = 0;
  for (const key of persisted) if (measured.has(key)) n++;
  return n;
}


function resample(slices: number[][], random: () => number): Float64Array {
  const picked = Array.from({ length: slices.length }, () => slices[Math.floor(random() * slices.length)]!);
  const out = new Float64Array(picked.reduce((n, s) => n + s.length, 0));
  let at = 0;
  for (const slice of picked) {
    out.set(slice, at);
    at += slice.length;
  }
  return out.sort();
}

export interface RatioInterval {
  p50: [number, number];
  p99: [number, number];
}

/**
 * A 90% bootstrap interval of ours/plain at p50 and p99. Latencies within a
 * slice are not independent (one stall delays everything in flight), so
 * whole slices are resampled: the interval shows how much of a ratio is
 * noise of the machine rather than a difference between the relays.
 */
export function ratioInterval(ours: number[][], plain: number[][], iterations = 300): RatioInterval | null {
  if (ours.length < 2 || plain.length < 2) return null;
  const random = seededRandom(1);
  const p50: number[] = [];
  const p99: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const a = resample(ours, random);
    const b = resample(plain, random);
    p50.push(percentile(a, 50) / percentile(b, 50));
    p99.push(percentile(a, 99) / percentile(b, 99));
  }
  const bounds = (values: number[]): [number, number] => {
    const sorted = Float64Array.from(values).sort();
    return [percentile(sorted, 5), percentile(sorted, 95)];
  };
  return { p50: bounds(p50), p99: bounds(p99) };
}
