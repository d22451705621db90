import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildProcess } from 'node:child_process';
import {
  exitOf,
  makeTempDir,
  nextMessage,
  removeTempDir,
  sendTo,
  startChild,
  type ClientSpec,
  type FromServer,
  type FromWorker,
  type ServerReady,
  type ToServer,
  type ToWorker,
  type WorkerRecords,
} from './ipc.ts';
import { startCanary, stallsBySlice } from './canary.ts';
import { timeLateJoin } from './lateJoin.ts';
import type { RunResult } from './report.ts';
import { measuredSlicesFor, measureFromUs, stopUs, type Timeline } from './schedule.ts';
import { OPERATIVE_COUNT, PREAMBLE_COUNT } from './seed200.ts';
import { countPersisted, deliveryStats, median, ratioInterval, type RatioInterval } from './stats.ts';
import { measureMsFor, type BenchSettings, type RelayKind, type Workload } from './workloads.ts';

/**
 * One workload: start both relays (each in its own child process), connect
 * every delegation to both from the worker children, type in alternating
 * slices (schedule.ts), drain, collect, time the late joiners, tear down.
 */
const RELAYS: RelayKind[] = ['ours', 'plain'];
const READY_TIMEOUT_MS = 120_000;
const SYNC_TIMEOUT_MS = 90_000;
const STEP_TIMEOUT_MS = 15_000;
/** How many writers of a declaration type into one shared clause (the others each have their own). */
const SHARED_WRITERS = 2;

export function clauseFor(writer: number, writers: number): number {
  const shared = Math.min(SHARED_WRITERS, writers - 1);
  return writer < writers - shared ? writer : 0;
}

/**
 * Node flags for a child: CPU profiles in a folder named after it when
 * profiling (one file per thread: tsx's loader has its own; the largest
 * file is the main thread).
 */
export function profileArgs(settings: BenchSettings, workload: Workload, name: string): string[] {
  if (!settings.profile) return [];
  const dir = path.join(import.meta.dirname, 'results', 'profiles', `${workload.declarations}x${workload.delegations}-${name}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${dir}`];
}

/**
 * The simulated delegations share the machine's cores with the relays under
 * test. Run at a lower priority, they can no longer keep a relay waiting for
 * a core: a relay that has work runs at once, so its latency is its own, not
 * the clients' CPU (both relays alike). Raising a nice value needs no
 * privilege; if the system refuses anyway, the run goes on and says so.
 */
let niceRefused = false;
export function yieldToServers(worker: ChildProcess, nice: number): void {
  if (nice === 0 || worker.pid === undefined) return;
  try {
    os.setPriority(worker.pid, nice);
  } catch (error) {
    if (!niceRefused) console.error(`bench: could not lower the client workers' priority (${String(error)}); their CPU may weigh on the relays' latency.`);
    niceRefused = true;
  }
}

export async function runWorkload(
  workload: Workload,
  settings: BenchSettings,
): Promise<{ ours: RunResult; plain: RunResult; interval: RatioInterval | null }> {
  const servers = new Map<RelayKind, ChildProcess>();
  const workers: ChildProcess[] = [];
  const dataDir = makeTempDir();
  try {
    const ready = new Map<RelayKind, ServerReady>();
    for (const relay of RELAYS) {
      const server = startChild('serverProcess.ts', profileArgs(settings, workload, relay));
      servers.set(relay, server);
      sendTo<ToServer>(server, { type: 'start', relay, declarations: workload.declarations, delegations: workload.delegations, lateJoiners: settings.lateJoins, dataDir });
      ready.set(relay, await nextMessage<FromServer, 'ready'>(server, 'ready', READY_TIMEOUT_MS, `the ${relay} server to start`));
    }

    const specs: ClientSpec[] = [];
    const declarationOf = new Map<RelayKind, Map<number, number>>(RELAYS.map((r) => [r, new Map()]));
    for (const relay of RELAYS) {
      const { serverUrl, rooms } = ready.get(relay)!;
      rooms.forEach(({ room, tokens }, declaration) => {
        for (let k = 0; k < workload.delegations; k++) {
          const id = specs.length;
          const clause = k < workload.writers ? clauseFor(k, workload.writers) : null;
          specs.push({ id, relay, serverUrl, declaration, room, token: tokens[k] || null, clause });
          declarationOf.get(relay)!.set(id, declaration);
        }
      });
    }

    const epochNs = process.hrtime.bigint();
    const nowUs = () => Number((process.hrtime.bigint() - epochNs) / 1000n);
    for (let w = 0; w < settings.workers; w++) {
      const worker = startChild('clientWorker.ts', [...settings.workerFlags, ...profileArgs(settings, workload, `worker${w}`)]);
      workers.push(worker);
      yieldToServers(worker, settings.workerNice);
    }
    const connectStarted = Date.now();
    const synced = workers.map((worker) => nextMessage<FromWorker, 'synced'>(worker, 'synced', SYNC_TIMEOUT_MS, 'the clients to connect and sync'));
    workers.forEach((worker, w) => {
      const clients = specs.filter((s) => s.id % settings.workers === w);
      sendTo<ToWorker>(worker, { type: 'connect', epochNs, rate: workload.rate, clients });
    });
    await Promise.all(synced);
    const connectMs = Date.now() - connectStarted;
    await sleep(1000);

    const timeline: Timeline = {
      startUs: nowUs() + 300_000,
      sliceUs: settings.sliceMs * 1000,
      warmupSlices: settings.warmupSlices,
      measuredSlices: measuredSlicesFor(measureMsFor(workload, settings), settings.sliceMs),
      seed: Math.floor(Math.random() * 2 ** 31),
    };
    const activeUs = (timeline.measuredSlices / 2) * timeline.sliceUs;
    const stopped = workers.map((worker) =>
      nextMessage<FromWorker, 'stopped'>(worker, 'stopped', (stopUs(timeline) - nowUs()) / 1000 + 30_000, 'the writers to finish'),
    );
    const canary = startCanary(epochNs);
    for (const worker of workers) sendTo<ToWorker>(worker, { type: 'start', timeline });
    await sleep((measureFromUs(timeline) - nowUs()) / 1000);
    for (const server of servers.values()) sendTo<ToServer>(server, { type: 'mark' });
    await Promise.all([...servers.values()].map((server) => nextMessage<FromServer, 'marked'>(server, 'marked', STEP_TIMEOUT_MS, 'a server to mark')));
    const clientLoad = await Promise.all(stopped);
    const stalls = stallsBySlice(canary.stop(), timeline, measureFromUs(timeline));

    // Drain: at least drainMs, then until every edit has arrived everywhere
    // (a late edit is not a lost one) or maxDrainMs has passed.
    const drainStarted = Date.now();
    await sleep(settings.drainMs);
    const collect = async () => {
      const collected = workers.map((worker) => nextMessage<FromWorker, 'records'>(worker, 'records', STEP_TIMEOUT_MS, 'the client records'));
      for (const worker of workers) sendTo<ToWorker>(worker, { type: 'collect' });
      const records: WorkerRecords[] = await Promise.all(collected);
      const fromUs = measureFromUs(timeline);
      const delivery = new Map(
        RELAYS.map((relay) => [
          relay,
          deliveryStats({ records, declarationOf: declarationOf.get(relay)!, clientsPerDeclaration: workload.delegations, fromUs, sliceUs: timeline.sliceUs }),
        ]),
      );
      return { records, delivery };
    };
    let { records, delivery } = await collect();
    while (RELAYS.some((relay) => delivery.get(relay)!.stats.lost > 0) && Date.now() - drainStarted < settings.maxDrainMs) {
      await sleep(500);
      ({ records, delivery } = await collect());
    }
    const drainMs = Date.now() - drainStarted;

    // Server numbers after the drain, so that the backlog's work and writes count.
    const stats = new Map<RelayKind, Extract<FromServer, { type: 'stats' }>>();
    for (const [relay, server] of servers) {
      sendTo<ToServer>(server, { type: 'stats' });
      stats.set(relay, await nextMessage<FromServer, 'stats'>(server, 'stats', STEP_TIMEOUT_MS, `the ${relay} server stats`));
    }

    // Alternate the late joiners too, for the same reason as the load.
    const lateJoins = new Map<RelayKind, number[]>(RELAYS.map((r) => [r, []]));
    for (let i = 0; i < settings.lateJoins; i++) {
      for (const relay of i % 2 === 0 ? RELAYS : [...RELAYS].reverse()) {
        const { serverUrl, rooms } = ready.get(relay)!;
        const ms = await timeLateJoin(serverUrl, rooms[0]!.room, rooms[0]!.lateTokens[i] || null, PREAMBLE_COUNT + OPERATIVE_COUNT);
        lateJoins.get(relay)!.push(ms);
      }
    }

    const closed = workers.map((worker) => nextMessage<FromWorker, 'closed'>(worker, 'closed', STEP_TIMEOUT_MS, 'the clients to close'));
    for (const worker of workers) sendTo<ToWorker>(worker, { type: 'close' });
    await Promise.all(closed);
    for (const [relay, server] of servers) {
      sendTo<ToServer>(server, { type: 'stop' });
      await nextMessage<FromServer, 'stopped'>(server, 'stopped', STEP_TIMEOUT_MS, `the ${relay} server to stop`);
    }

    const result = (relay: RelayKind): RunResult => {
      const s = stats.get(relay)!;
      return {
        relay,
        delivery: delivery.get(relay)!.stats,
        cpuPercent: (s.cpuMicros / activeUs) * 100,
        peakRssMb: s.peakRssBytes / (1024 * 1024),
        lateJoinMs: median(lateJoins.get(relay)!),
        lateJoinSamplesMs: lateJoins.get(relay)!,
        persisted: s.persisted === null ? null : countPersisted(delivery.get(relay)!.measured, s.persisted),
        server: { loopDelayP99Ms: s.loopDelayP99Ms, loopDelayMaxMs: s.loopDelayMaxMs, appends: s.appends },
        disconnects: records.reduce((n, r) => n + r.disconnects[relay], 0),
        malformed: records.reduce((n, r) => n + r.malformed, 0),
        connectMs,
        drainMs,
        machineStalls: stalls[relay],
        clients: clientLoad.map(({ type: _type, ...load }) => load),
      };
    };
    return { ours: result('ours'), plain: result('plain'), interval: ratioInterval(delivery.get('ours')!.slices, delivery.get('plain')!.slices) };
  } finally {
    await Promise.all([...workers, ...servers.values()].map((child) => exitOf(child, 5000)));
    removeTempDir(dataDir);
  }
}
