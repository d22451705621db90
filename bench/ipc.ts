import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Timeline } from './schedule.ts';
import type { RelayKind } from './workloads.ts';

/**
 * The messages between the benchmark and its child processes, and the one
 * way to start a child: every child (and temporary folder) is registered so
 * that it is killed (removed) when the benchmark ends, however it ends, and
 * every wait on a child has a timeout. Messages use the "advanced"
 * serialization (bigints, typed arrays).
 */

/** One simulated delegation, as the parent assigns it to a worker. */
export interface ClientSpec {
  /** Unique in the run; also the writer id in markers. */
  id: number;
  relay: RelayKind;
  serverUrl: string;
  declaration: number;
  room: string;
  token: string | null;
  /** Index among the declaration's top-level operative clauses to type into, or null for a reader. */
  clause: number | null;
}

export interface ServerStart {
  type: 'start';
  relay: RelayKind;
  declarations: number;
  delegations: number;
  /** Extra participants per declaration, one per late-joiner sample. */
  lateJoiners: number;
  /** Empty folder for our server's DATA_DIR (made and removed by the parent, so that a killed child leaves nothing). */
  dataDir: string;
  /** Observers per declaration (ours only; the flood section's attacker holds a real observer link). */
  observers?: number;
}
export interface ServerReady {
  type: 'ready';
  port: number;
  /** ws URL the provider appends `/<room>` to. */
  serverUrl: string;
  rooms: { room: string; tokens: string[]; lateTokens: string[]; observerTokens: string[] }[];
  /** The largest message the relay takes (ours: MAX_MESSAGE_BYTES; the plain relay has no limit of its own). */
  maxMessageBytes: number | null;
}
export interface ServerStats {
  type: 'stats';
  cpuMicros: number;
  elapsedMicros: number;
  peakRssBytes: number;
  /** Keys (stats.editKey) of the edits whose markers are in the SQLite log (ours only). */
  persisted: string[] | null;
  /** The server's event-loop delay since the mark: how long a message may wait before it is handled. */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  /** How long the SQLite appends took since the mark (ours only). */
  appends: { count: number; totalMs: number; p50Ms: number; p99Ms: number; maxMs: number } | null;
  /** Since the mark, every 100 ms: [hrtime µs, CPU µs used since the mark, RSS bytes] triples, flattened (to split CPU and memory by slice). */
  samples: Float64Array;
  /** Bytes the server read since the mark from each client socket, by the client's port: [port, bytes] pairs, flattened. */
  bytesReadByPort: Float64Array;
}
export type ToServer = ServerStart | { type: 'mark' } | { type: 'stats' } | { type: 'stop' };
export type FromServer = ServerReady | { type: 'marked' } | ServerStats | { type: 'stopped' };

export interface WorkerConnect {
  type: 'connect';
  epochNs: bigint;
  rate: number;
  clients: ClientSpec[];
}
export interface WorkerStart {
  type: 'start';
  timeline: Timeline;
  /** Type in every slice rather than in the own relay's (the flood section: one relay, the attacker takes the turns instead). */
  everySlice?: boolean;
}
export interface WorkerRecords {
  type: 'records';
  /** [writer, sendUs, dueUs] triples, flattened (dueUs: when its slot was; the timer may fire later). */
  sent: Float64Array;
  /** [receiver, writer, sendUs, receiveUs] quadruples, flattened. */
  received: Float64Array;
  /** Connections closed after the load started, per relay. */
  disconnects: Record<RelayKind, number>;
  malformed: number;
}
export type ToWorker = WorkerConnect | WorkerStart | { type: 'collect' } | { type: 'close' };
export interface WorkerStopped {
  type: 'stopped';
  /** This worker's CPU over the measured window, % of one core. */
  cpuPercent: number;
  /** p99 of this worker's event-loop delay over the window. */
  loopDelayP99Ms: number;
  /** Time in garbage collection over the window, and the longest pause. */
  gcPercent: number;
  gcMaxMs: number;
  heapMb: number;
}
export type FromWorker = { type: 'synced'; ms: number } | WorkerStopped | WorkerRecords | { type: 'closed' };

/** What the flood section's attacker (flooder.ts) sends: see there. */
export type FloodKind = 'update' | 'awareness' | 'junk';
export interface FloodPrepare {
  type: 'prepare';
  port: number;
  /** `/collab/<declaration id>` */
  path: string;
  /** Observer links, one per connection (round robin). */
  tokens: string[];
  /** Per connection, the kinds it sends in turn. */
  plans: FloodKind[][];
  /** Each message just under this (the server's MAX_MESSAGE_BYTES). */
  messageBytes: number;
  epochNs: bigint;
}
export interface FloodStats {
  type: 'flooded';
  /** The payload size of each kind's frame. */
  messageBytes: Record<FloodKind, number>;
  /** TCP connections opened, and how many the server upgraded to a websocket. */
  attempts: number;
  upgraded: number;
  /** Upgrades answered with an HTTP error rather than a websocket. */
  httpRefusals: number;
  socketErrors: number;
  /** Close codes the server sent, and how often. */
  closeCodes: Record<number, number>;
  /** Messages handed to the attacker's own sockets (not all reach the server: see bytes read). */
  written: Record<FloodKind, number>;
  bytesWritten: number;
  /** The attacker's local ports, to pick its sockets out of the server's byte counts. */
  ports: number[];
}
export type ToFlooder = FloodPrepare | { type: 'go'; timeline: Timeline } | { type: 'stop' };
export type FromFlooder = { type: 'ready' } | FloodStats;

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

/** Kills every child still running and removes every temporary folder. */
export function cleanUp(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  for (const dir of tempDirs) removeTempDir(dir);
}

export function makeTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-bench-'));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

export function startChild(file: string, extraExecArgv: string[] = []): ChildProcess {
  const child = fork(path.join(import.meta.dirname, file), [], {
    execArgv: ['--import', 'tsx', ...extraExecArgv],
    serialization: 'advanced',
    // A child's standard output goes to our standard error: the tables own stdout.
    stdio: ['ignore', 2, 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** The next message of `type` from `child`; rejects on timeout or if the child exits first. */
export function nextMessage<M extends { type: string }, T extends M['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs: number,
  what: string,
): Promise<Extract<M, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    const onMessage = (message: M) => {
      if (message.type === type) finish(null, message as Extract<M, { type: T }>);
    };
    const onExit = (code: number | null, signal: string | null) => finish(new Error(`${what}: the child exited (code ${code}, signal ${signal})`));
    function finish(error: Error | null, message?: Extract<M, { type: T }>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message!);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export function sendTo<M>(child: ChildProcess, message: M): void {
  child.send(message as object);
}

/** Waits for a child to exit by itself, then kills it. */
export function exitOf(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** In a child: a typed send to the parent. */
export function reply<M>(message: M): void {
  process.send?.(message as object);
}

/** In a child: exits when the parent goes away, so nothing is left running. */
export function exitWithParent(): void {
  process.on('disconnect', () => process.exit(0));
}
