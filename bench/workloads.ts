/**
 * The loads the benchmark drives, as plain data, and the knobs read from the
 * environment. One place to change what "a typical session" means.
 */
export interface Workload {
  name: string;
  /** Declarations open at once. */
  declarations: number;
  /** Connected delegations per declaration (each a stock y-websocket client). */
  delegations: number;
  /** How many of them type, per declaration. */
  writers: number;
  /** Edits per second per writer. */
  rate: number;
}

export const WORKLOADS: Workload[] = [
  { name: '10 delegations, 5 writing', declarations: 1, delegations: 10, writers: 5, rate: 5 },
  { name: '50 delegations, 10 writing', declarations: 1, delegations: 50, writers: 10, rate: 5 },
  { name: '20 declarations x 10 delegations, 5 writing each', declarations: 20, delegations: 10, writers: 5, rate: 5 },
];

export type RelayKind = 'ours' | 'plain';

function seconds(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 600) throw new Error(`BENCH_SECONDS must be a number of seconds between 0 and 600 (got "${raw}").`);
  return value;
}

/** Sections that run in the benchmark's own process, after the relay workloads. */
export const SECTIONS = ['enforcement', 'export'] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * BENCH_ONLY lists workload numbers and/or section names: `1,3` runs those
 * workloads (and, as always, the in-process sections); `export` or
 * `enforcement,export` runs only the sections named (plus any workloads
 * listed with them). Empty: everything.
 */
function pick(raw: string | undefined): { workloads: Workload[]; sections: Section[] } {
  if (raw === undefined || raw.trim() === '') return { workloads: WORKLOADS, sections: [...SECTIONS] };
  const parts = raw.split(',').map((part) => part.trim()).filter((part) => part !== '');
  const sections = parts.filter((part): part is Section => (SECTIONS as readonly string[]).includes(part));
  const workloads = parts
    .filter((part) => !(SECTIONS as readonly string[]).includes(part))
    .map((part) => {
      const workload = WORKLOADS[Number(part) - 1];
      if (!workload) throw new Error(`BENCH_ONLY lists workloads 1 to ${WORKLOADS.length} and sections ${SECTIONS.join(', ')} (got "${raw}").`);
      return workload;
    });
  return { workloads, sections: sections.length > 0 ? sections : [...SECTIONS] };
}

export interface BenchSettings {
  /** Measured typing time per relay and workload. */
  measureMs: number;
  /** Length of one slice of load (schedule.ts). */
  sliceMs: number;
  /** Slices of typing before the measurement starts (JIT warm-up); their edits are not counted. */
  warmupSlices: number;
  /** Wait after the typing stops for the last edits to arrive… */
  drainMs: number;
  /** …and at most this long when some are still missing (late is not lost). */
  maxDrainMs: number;
  /** Client worker processes (the machine has 2 cores); BENCH_WORKERS overrides. */
  workers: number;
  /** Late-joiner samples; the median is reported. */
  lateJoins: number;
  /** Write a V8 CPU profile of each child (servers and client workers) to bench/results/profiles (BENCH_PROFILE=1). */
  profile: boolean;
  /** Extra Node flags for the client workers (BENCH_WORKER_FLAGS replaces them). */
  workerFlags: string[];
  /** Goal: ours / plain at p50 and p99. */
  maxRatio: number;
  /** Which workloads to run (BENCH_ONLY=1,3 picks the first and the third); all by default. */
  workloads: Workload[];
  /** Which in-process sections to run (BENCH_ONLY=export runs only the export times); all by default. */
  sections: Section[];
}

export function readSettings(env: Record<string, string | undefined> = process.env): BenchSettings {
  return {
    measureMs: seconds(env.BENCH_SECONDS, 10) * 1000,
    sliceMs: 1000,
    warmupSlices: 4,
    drainMs: 2000,
    maxDrainMs: 15_000,
    workers: Number(env.BENCH_WORKERS ?? 2),
    lateJoins: 5,
    profile: env.BENCH_PROFILE === '1',
    // Each worker holds ~200 documents of ~1 MB and takes thousands of
    // messages a second: a larger young generation cuts its GC pauses, which
    // would otherwise show up as latency of whichever relay had the load.
    workerFlags: (env.BENCH_WORKER_FLAGS ?? '--max-semi-space-size=64').split(' ').filter(Boolean),
    maxRatio: 1.3,
    ...pick(env.BENCH_ONLY),
  };
}
