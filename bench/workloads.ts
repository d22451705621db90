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

/** Receipts a second of typing makes: every edit reaches every other delegation of its declaration. */
export const receiptsPerSecond = (w: Workload): number => w.declarations * w.writers * w.rate * (w.delegations - 1);

/**
 * Each relay's p99 should rest on at least this many receipts (its slowest
 * 1% then holds 200). A light workload makes few receipts a second, so it
 * types for longer than BENCH_SECONDS, up to MAX_MEASURE_MS; otherwise a
 * single stall of the machine decides its p99.
 */
export const MIN_RECEIPTS = 20_000;
const MAX_MEASURE_MS = 120_000;

export function measureMsFor(workload: Workload, settings: BenchSettings): number {
  const neededMs = Math.ceil(MIN_RECEIPTS / receiptsPerSecond(workload)) * 1000;
  return Math.max(settings.measureMs, Math.min(neededMs, MAX_MEASURE_MS));
}

function integer(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
  return value;
}

function seconds(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || value > 600) throw new Error(`BENCH_SECONDS must be a number of seconds between 0 and 600 (got "${raw}").`);
  return value;
}

/**
 * Sections that run after the relay workloads: the in-process ones
 * (enforcement, export), the flood (our relay under a hostile observer,
 * in child processes like the workloads: flood.ts) and the proposals (the
 * word redline's time, and accepting a proposal while delegations type
 * against our server in a child process: proposals.ts), and the versions
 * (their size in SQLite and the time of a comparison, in process: versions.ts).
 */
export const SECTIONS = ['flood', 'enforcement', 'export', 'proposals', 'versions', 'import', 'audit'] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * BENCH_ONLY lists workload numbers and/or section names: `1,3` runs those
 * workloads (and, as always, the sections); `flood`, `export`,
 * `proposals` or `enforcement,export` runs only the sections named (plus
 * any workloads listed with them). Empty: everything.
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
  /** Measured typing time per relay, at least (measureMsFor: lighter workloads type for longer). */
  measureMs: number;
  /** Length of one slice of load (schedule.ts). */
  sliceMs: number;
  /** Slices of typing before the measurement starts (JIT warm-up); their edits are not counted. */
  warmupSlices: number;
  /** Wait after the typing stops for the last edits to arrive… */
  drainMs: number;
  /** …and at most this long when some are still missing (late is not lost). */
  maxDrainMs: number;
  /** Client worker processes; BENCH_WORKERS overrides. */
  workers: number;
  /** Late-joiner samples; the median is reported. */
  lateJoins: number;
  /** Write a V8 CPU profile of each child (servers and client workers) to bench/results/profiles (BENCH_PROFILE=1). */
  profile: boolean;
  /** Extra Node flags for the client workers (BENCH_WORKER_FLAGS replaces them). */
  workerFlags: string[];
  /** Nice value of the client workers, so that they yield the cores to the relays (BENCH_WORKER_NICE; 0 turns it off). */
  workerNice: number;
  /** Goal: ours / plain at p50 and p99. */
  maxRatio: number;
  /** Which workloads to run (BENCH_ONLY=1,3 picks the first and the third); all by default. */
  workloads: Workload[];
  /** Which sections to run (BENCH_ONLY=export runs only the export times, BENCH_ONLY=flood only the flood, BENCH_ONLY=proposals only the proposals, BENCH_ONLY=versions only the versions, BENCH_ONLY=import only the import times, BENCH_ONLY=audit only the audit log's pages); all by default. */
  sections: Section[];
}

export function readSettings(env: Record<string, string | undefined> = process.env): BenchSettings {
  return {
    measureMs: seconds(env.BENCH_SECONDS, 30) * 1000,
    sliceMs: 1000,
    warmupSlices: 4,
    drainMs: 2000,
    maxDrainMs: 15_000,
    // Four workers of ~100 clients each rather than two of ~200: a worker's
    // GC pause grows with its heap, and each pause delays every edit it
    // receives meanwhile, for whichever relay had the load.
    workers: integer('BENCH_WORKERS', env.BENCH_WORKERS, 4, 1, 32),
    lateJoins: 5,
    profile: env.BENCH_PROFILE === '1',
    // A young generation larger than the default cuts the number of
    // scavenges, each of which would delay every edit waiting in the worker;
    // measured on this machine, 16 MB gave shorter pauses than 64 MB.
    workerFlags: (env.BENCH_WORKER_FLAGS ?? '--max-semi-space-size=16').split(' ').filter(Boolean),
    workerNice: integer('BENCH_WORKER_NICE', env.BENCH_WORKER_NICE, 10, 0, 19),
    maxRatio: 1.3,
    ...pick(env.BENCH_ONLY),
  };
}
