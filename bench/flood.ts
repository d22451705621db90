import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildProcess } from 'node:child_process';
import { COLLAB_PATH } from '../shared/protocol.ts';
import { startCanary, stallsBySlice, type Stall } from './canary.ts';
import {
  exitOf,
  makeTempDir,
  nextMessage,
  removeTempDir,
  sendTo,
  startChild,
  type ClientSpec,
  type FloodKind,
  type FloodStats,
  type FromFlooder,
  type FromServer,
  type FromWorker,
  type ServerStats,
  type ToFlooder,
  type ToServer,
  type ToWorker,
  type WorkerRecords,
} from './ipc.ts';
import { profileArgs, yieldToServers } from './runWorkload.ts';
import { BASELINE_TURN, FLOOD_TURN, measuredSlicesFor, measureFromUs, relayAt, stopUs, type Timeline } from './schedule.ts';
import { deliveryStats, editKey, ratioInterval, type DeliveryStats, type RatioInterval } from './stats.ts';
import { measureMsFor, type BenchSettings, type Workload } from './workloads.ts';

/**
 * The flood section (SPEC PERF3): our relay alone, ten delegations typing in
 * every slice, and an observer with a real link flooding it with messages
 * of just under MAX_MESSAGE_BYTES in every other slice (flooder.ts), in the
 * same alternating blocks as the relay workloads (schedule.ts), so that the
 * machine's noise weighs on the baseline and the flood slices alike.
 */
export const FLOOD_WORKLOAD: Workload = { name: 'flood', declarations: 1, delegations: 10, writers: 10, rate: 5 };
/**
 * Two observer connections: one cycles through the hostile mix, and is
 * closed (4400) at its first update or junk; the other sends only oversized
 * awareness, which the relay drops without closing (WIRE9).
 */
export const FLOOD_PLANS: FloodKind[][] = [['update', 'awareness', 'junk'], ['awareness']];
/** Goal: typing under the flood within this factor of the baseline, at p50 and p99. */
export const FLOOD_MAX_RATIO = 2;
const ATTACKER_NICE = 19;
/** Ten clients need no more than two worker processes. */
const FLOOD_WORKERS = 2;
const READY_TIMEOUT_MS = 120_000;
const SYNC_TIMEOUT_MS = 90_000;
const STEP_TIMEOUT_MS = 15_000;

export interface PhaseResult {
  delivery: DeliveryStats;
  /** Server CPU in this phase's slices, % of one core. */
  cpuPercent: number;
  /** The server's peak resident memory in this phase's slices. */
  peakRssMb: number;
  machineStalls: Stall[];
}

export interface FloodResult {
  workload: Workload;
  measureSeconds: number;
  baseline: PhaseResult;
  flood: PhaseResult;
  ratios: { p50: number; p99: number };
  interval: RatioInterval | null;
  attacker: Omit<FloodStats, 'type' | 'ports'>;
  /** Bytes the server read from the attacker's sockets over the measured window, and the messages that makes. */
  bytesReadFromAttacker: number;
  messagesThrough: number;
  /** The typing delegations' connections closed during the load (must be 0). */
  disconnects: number;
  server: Pick<ServerStats, 'loopDelayP99Ms' | 'loopDelayMaxMs'>;
  maxMessageBytes: number;
  ok: boolean;
  verdict: string;
}

/** Splits the records by the turn of the slice each edit was due in: the delegations type in all, the attacker floods in one. */
export function splitByTurn(records: WorkerRecords[], timeline: Timeline): Record<'baseline' | 'flood', WorkerRecords[]> {
  const turnOf = new Map<string, string | null>();
  const pick = (turn: string) =>
    records.map((r) => {
      const sent: number[] = [];
      for (let i = 0; i < r.sent.length; i += 3) {
        const t = relayAt(timeline, r.sent[i + 2]!);
        turnOf.set(editKey(r.sent[i]!, r.sent[i + 1]!), t);
        if (t === turn) sent.push(r.sent[i]!, r.sent[i + 1]!, r.sent[i + 2]!);
      }
      return { ...r, sent: Float64Array.from(sent) };
    });
  const baselineSent = pick(BASELINE_TURN);
  const floodSent = pick(FLOOD_TURN);
  const receivedFor = (turn: string) =>
    records.map((r) => {
      const received: number[] = [];
      for (let i = 0; i < r.received.length; i += 4) {
        if (turnOf.get(editKey(r.received[i + 1]!, r.received[i + 2]!)) === turn) received.push(r.received[i]!, r.received[i + 1]!, r.received[i + 2]!, r.received[i + 3]!);
      }
      return Float64Array.from(received);
    });
  const baselineReceived = receivedFor(BASELINE_TURN);
  const floodReceived = receivedFor(FLOOD_TURN);
  return {
    baseline: baselineSent.map((r, w) => ({ ...r, received: baselineReceived[w]! })),
    flood: floodSent.map((r, w) => ({ ...r, received: floodReceived[w]! })),
  };
}

/** CPU % of one core and peak RSS per turn, from the server's 100 ms samples ([hrtime µs, CPU µs, RSS bytes] triples). */
export function usageByTurn(samples: Float64Array, timeline: Timeline, epochUs: number, fromUs: number): Record<'baseline' | 'flood', { cpuPercent: number; peakRssMb: number }> {
  const sums = { [BASELINE_TURN]: { cpu: 0, wall: 0, rss: 0 }, [FLOOD_TURN]: { cpu: 0, wall: 0, rss: 0 } } as Record<string, { cpu: number; wall: number; rss: number }>;
  for (let i = 3; i < samples.length; i += 3) {
    const from = samples[i - 3]! - epochUs;
    const to = samples[i]! - epochUs;
    if (from < fromUs) continue;
    const turn = relayAt(timeline, (from + to) / 2);
    const sum = turn === null ? undefined : sums[turn];
    if (!sum) continue;
    sum.cpu += samples[i + 1]! - samples[i - 2]!;
    sum.wall += to - from;
    sum.rss = Math.max(sum.rss, samples[i + 2]!);
  }
  const of = (turn: string) => ({ cpuPercent: (sums[turn]!.cpu / sums[turn]!.wall) * 100, peakRssMb: sums[turn]!.rss / 2 ** 20 });
  return { baseline: of(BASELINE_TURN), flood: of(FLOOD_TURN) };
}

export interface FloodOptions {
  workload: Workload;
  /** Measured typing per phase. */
  measureMs: number;
  /** Size of the attacker's messages; by default just under the relay's MAX_MESSAGE_BYTES. */
  messageBytes?: number;
}

export async function runFlood(
  settings: BenchSettings,
  { workload, measureMs, messageBytes }: FloodOptions = { workload: FLOOD_WORKLOAD, measureMs: measureMsFor(FLOOD_WORKLOAD, settings) },
): Promise<FloodResult> {
  const children: ChildProcess[] = [];
  const dataDir = makeTempDir();
  try {
    const server = startChild('serverProcess.ts', profileArgs(settings, workload, 'flood-server'));
    children.push(server);
    sendTo<ToServer>(server, { type: 'start', relay: 'ours', declarations: 1, delegations: workload.delegations, lateJoiners: 0, observers: 1, dataDir });
    const ready = await nextMessage<FromServer, 'ready'>(server, 'ready', READY_TIMEOUT_MS, 'the server to start');
    const { room, tokens, observerTokens } = ready.rooms[0]!;
    const maxMessageBytes = ready.maxMessageBytes!;

    const epochNs = process.hrtime.bigint();
    const nowUs = () => Number((process.hrtime.bigint() - epochNs) / 1000n);
    // The attacker stands for another machine. Here it shares two cores with
    // the relay and the delegations' workers, and most of what it writes is
    // kernel copies into sockets the relay then cuts: at the lowest priority
    // it takes only what they leave, so that its own CPU does not show up as
    // typing latency. What it got into the relay is reported (bytes read).
    const flooder = startChild('flooder.ts');
    children.push(flooder);
    yieldToServers(flooder, ATTACKER_NICE);
    const flooderReady = nextMessage<FromFlooder, 'ready'>(flooder, 'ready', READY_TIMEOUT_MS, 'the attacker to build its messages');
    // Frames of the largest message the relay takes: its payload just under the limit.
    sendTo<ToFlooder>(flooder, { type: 'prepare', port: ready.port, path: `${COLLAB_PATH}/${room}`, tokens: observerTokens, plans: FLOOD_PLANS, messageBytes: messageBytes ?? maxMessageBytes - 16, epochNs });

    const specs: ClientSpec[] = Array.from({ length: workload.delegations }, (_, k) => ({
      id: k,
      relay: FLOOD_TURN,
      serverUrl: ready.serverUrl,
      declaration: 0,
      room,
      token: tokens[k]!,
      // Each writer its own clause: typing in every slice, three writers sharing one would pass the
      // clause's 10,000 characters (STRUCT1) within the run, and refusals are not what this measures.
      clause: k < workload.writers ? k : null,
    }));
    const workers: ChildProcess[] = [];
    for (let w = 0; w < FLOOD_WORKERS; w++) {
      const worker = startChild('clientWorker.ts', settings.workerFlags);
      workers.push(worker);
      children.push(worker);
      yieldToServers(worker, settings.workerNice);
    }
    const synced = workers.map((worker) => nextMessage<FromWorker, 'synced'>(worker, 'synced', SYNC_TIMEOUT_MS, 'the clients to connect and sync'));
    workers.forEach((worker, w) => sendTo<ToWorker>(worker, { type: 'connect', epochNs, rate: workload.rate, clients: specs.filter((s) => s.id % FLOOD_WORKERS === w) }));
    await Promise.all([...synced, flooderReady]);
    await sleep(1000);

    const timeline: Timeline = {
      startUs: nowUs() + 300_000,
      sliceUs: settings.sliceMs * 1000,
      warmupSlices: settings.warmupSlices,
      measuredSlices: measuredSlicesFor(measureMs, settings.sliceMs),
      seed: Math.floor(Math.random() * 2 ** 31),
    };
    const fromUs = measureFromUs(timeline);
    const stopped = workers.map((worker) =>
      nextMessage<FromWorker, 'stopped'>(worker, 'stopped', (stopUs(timeline) - nowUs()) / 1000 + 30_000, 'the writers to finish'),
    );
    const canary = startCanary(epochNs);
    sendTo<ToFlooder>(flooder, { type: 'go', timeline });
    for (const worker of workers) sendTo<ToWorker>(worker, { type: 'start', timeline, everySlice: true });
    await sleep((fromUs - nowUs()) / 1000);
    sendTo<ToServer>(server, { type: 'mark' });
    await nextMessage<FromServer, 'marked'>(server, 'marked', STEP_TIMEOUT_MS, 'the server to mark');
    await Promise.all(stopped);
    const stalls = stallsBySlice(canary.stop(), timeline, fromUs);
    const attackerDone = nextMessage<FromFlooder, 'flooded'>(flooder, 'flooded', STEP_TIMEOUT_MS, 'the attacker to stop');
    sendTo<ToFlooder>(flooder, { type: 'stop' });
    const { type: _type, ports, ...attacker } = await attackerDone;

    // Drain: late is not lost (as in runWorkload).
    const drainStarted = Date.now();
    await sleep(settings.drainMs);
    const declarationOf = new Map(specs.map((s) => [s.id, 0]));
    const collect = async () => {
      const collected = workers.map((worker) => nextMessage<FromWorker, 'records'>(worker, 'records', STEP_TIMEOUT_MS, 'the client records'));
      for (const worker of workers) sendTo<ToWorker>(worker, { type: 'collect' });
      const records = await Promise.all(collected);
      const split = splitByTurn(records, timeline);
      const of = (r: WorkerRecords[]) => deliveryStats({ records: r, declarationOf, clientsPerDeclaration: workload.delegations, fromUs, sliceUs: timeline.sliceUs });
      return { records, baseline: of(split.baseline), flood: of(split.flood) };
    };
    let delivered = await collect();
    while ((delivered.baseline.stats.lost > 0 || delivered.flood.stats.lost > 0) && Date.now() - drainStarted < settings.maxDrainMs) {
      await sleep(500);
      delivered = await collect();
    }

    sendTo<ToServer>(server, { type: 'stats' });
    const stats = await nextMessage<FromServer, 'stats'>(server, 'stats', STEP_TIMEOUT_MS, 'the server stats');
    const closed = workers.map((worker) => nextMessage<FromWorker, 'closed'>(worker, 'closed', STEP_TIMEOUT_MS, 'the clients to close'));
    for (const worker of workers) sendTo<ToWorker>(worker, { type: 'close' });
    await Promise.all(closed);
    sendTo<ToServer>(server, { type: 'stop' });
    await nextMessage<FromServer, 'stopped'>(server, 'stopped', STEP_TIMEOUT_MS, 'the server to stop');

    const attackerPorts = new Set(ports);
    let bytesReadFromAttacker = 0;
    for (let i = 0; i < stats.bytesReadByPort.length; i += 2) if (attackerPorts.has(stats.bytesReadByPort[i]!)) bytesReadFromAttacker += stats.bytesReadByPort[i + 1]!;
    const usage = usageByTurn(stats.samples, timeline, Number(epochNs / 1000n), fromUs);
    const phase = (turn: 'baseline' | 'flood'): PhaseResult => ({
      delivery: delivered[turn].stats,
      ...usage[turn],
      machineStalls: stalls[turn === 'flood' ? FLOOD_TURN : BASELINE_TURN],
    });
    const baseline = phase('baseline');
    const flood = phase('flood');
    const ratios = { p50: flood.delivery.p50 / baseline.delivery.p50, p99: flood.delivery.p99 / baseline.delivery.p99 };
    const disconnects = delivered.records.reduce((n, r) => n + r.disconnects[FLOOD_TURN], 0);
    const problems: string[] = [];
    for (const [name, run] of [['baseline', baseline], ['flood', flood]] as const) {
      if (run.delivery.lost !== 0) problems.push(`${run.delivery.lost} edits lost in the ${name} slices`);
      if (run.delivery.anomalies !== 0) problems.push(`${run.delivery.anomalies} duplicate or misrouted receipts in the ${name} slices`);
    }
    if (disconnects !== 0) problems.push(`${disconnects} delegation connections dropped`);
    if (!(ratios.p50 <= FLOOD_MAX_RATIO)) problems.push(`p50 ratio ${ratios.p50.toFixed(2)} > ${FLOOD_MAX_RATIO}`);
    if (!(ratios.p99 <= FLOOD_MAX_RATIO)) problems.push(`p99 ratio ${ratios.p99.toFixed(2)} > ${FLOOD_MAX_RATIO}`);
    const averageMessage = (attacker.messageBytes.update + attacker.messageBytes.awareness + attacker.messageBytes.junk) / 3;
    return {
      workload,
      measureSeconds: measureMs / 1000,
      baseline,
      flood,
      ratios,
      interval: ratioInterval(delivered.flood.slices, delivered.baseline.slices),
      attacker,
      bytesReadFromAttacker,
      messagesThrough: bytesReadFromAttacker / averageMessage,
      disconnects,
      server: { loopDelayP99Ms: stats.loopDelayP99Ms, loopDelayMaxMs: stats.loopDelayMaxMs },
      maxMessageBytes,
      ok: problems.length === 0,
      verdict: problems.length === 0 ? 'OK' : `MISSED: ${problems.join('; ')}`,
    };
  } finally {
    await Promise.all(children.map((child) => exitOf(child, 5000)));
    removeTempDir(dataDir);
  }
}
