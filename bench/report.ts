import { STALL_MS, type Stall } from './canary.ts';
import type { ServerStats } from './ipc.ts';
import type { DeliveryStats, RatioInterval } from './stats.ts';
import type { RelayKind, Workload } from './workloads.ts';

/**
 * How results are printed: one compact table per workload, ours against the
 * plain relay, the ratios that the goal is about, and a verdict line.
 */
export interface RunResult {
  relay: RelayKind;
  delivery: DeliveryStats;
  /** Server CPU over the measured window, in % of one core while it had the load (its slices). */
  cpuPercent: number;
  peakRssMb: number;
  lateJoinMs: number;
  lateJoinSamplesMs: number[];
  /** Measured edits found in the SQLite log after the drain (ours only; should equal sent). */
  persisted: number | null;
  server: Pick<ServerStats, 'loopDelayP99Ms' | 'loopDelayMaxMs' | 'appends'>;
  disconnects: number;
  malformed: number;
  /** Time for all clients (of both relays) to connect and sync before the load. */
  connectMs: number;
  /** How long the drain took (longer than the minimum when edits were still arriving). */
  drainMs: number;
  /** Machine-wide stalls (canary.ts) that began in this relay's measured slices. */
  machineStalls: Stall[];
  /** Per client worker, over the measured window (the same workers serve both relays). */
  clients: { cpuPercent: number; loopDelayP99Ms: number; gcPercent: number; gcMaxMs: number; heapMb: number }[];
}

export interface WorkloadResult {
  workload: Workload;
  ours: RunResult;
  plain: RunResult;
  ratios: { p50: number; p99: number };
  /** The machine's 1-minute load average before and after the workload (the machine may be shared). */
  loadAverage: [number, number];
  /** 90% bootstrap intervals of the ratios (stats.ts), or null with too few slices. */
  interval: RatioInterval | null;
  ok: boolean;
  verdict: string;
}

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

export function judge(
  workload: Workload,
  ours: RunResult,
  plain: RunResult,
  interval: RatioInterval | null,
  loadAverage: [number, number],
  maxRatio: number,
): WorkloadResult {
  const ratios = { p50: ours.delivery.p50 / plain.delivery.p50, p99: ours.delivery.p99 / plain.delivery.p99 };
  const problems: string[] = [];
  for (const run of [ours, plain]) {
    if (run.delivery.lost !== 0) problems.push(`${run.relay} lost ${run.delivery.lost}`);
    if (run.delivery.anomalies !== 0) problems.push(`${run.relay} had ${run.delivery.anomalies} duplicate or misrouted receipts`);
    if (run.disconnects !== 0) problems.push(`${run.relay} dropped ${run.disconnects} connections`);
    if (run.persisted !== null && run.persisted !== run.delivery.sent) problems.push(`${run.relay} persisted ${run.persisted} of ${run.delivery.sent} edits`);
  }
  if (!(ratios.p50 <= maxRatio)) problems.push(`p50 ratio ${fixed(ratios.p50)} > ${maxRatio}`);
  if (!(ratios.p99 <= maxRatio)) problems.push(`p99 ratio ${fixed(ratios.p99)} > ${maxRatio}`);
  const ok = problems.length === 0;
  return { workload, ours, plain, ratios, interval, loadAverage, ok, verdict: ok ? 'OK' : `MISSED: ${problems.join('; ')}` };
}

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
}

const clientLoad = (run: RunResult) =>
  run.clients.map((c) => `${fixed(c.cpuPercent, 0)}% (gc ${fixed(c.gcPercent, 0)}%, max pause ${fixed(c.gcMaxMs, 0)} ms) / ${fixed(c.loopDelayP99Ms, 1)}`).join(', ');

const stallLine = (run: RunResult) =>
  `${run.relay} ${run.machineStalls.length}${run.machineStalls.length > 0 ? ` (longest ${fixed(Math.max(...run.machineStalls.map((s) => s.ms)), 0)} ms)` : ''}`;

const range = ([low, high]: [number, number]) => `${fixed(low)}x-${fixed(high)}x`;

function appendLine(run: RunResult): string {
  const a = run.server.appends;
  if (a && a.count === 0) return '; ours SQLite appends: not captured (the relay no longer calls server.log.append?)';
  return a ? `; ours SQLite appends p50 ${fixed(a.p50Ms, 2)} / p99 ${fixed(a.p99Ms, 2)} / max ${fixed(a.maxMs, 1)} ms, ${fixed(a.totalMs, 0)} ms in all` : '';
}

export function formatWorkload(result: WorkloadResult, measureSeconds: number): string {
  const { workload: w } = result;
  const header = ['relay', 'sent', 'received', 'lost', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'CPU %', 'peak MB', 'late join ms', 'persisted'];
  const widths = [10, 6, 9, 5, 7, 7, 7, 7, 6, 8, 12, 9];
  const line = (run: RunResult) =>
    row(
      [
        run.relay,
        String(run.delivery.sent),
        String(run.delivery.received),
        String(run.delivery.lost),
        fixed(run.delivery.p50),
        fixed(run.delivery.p95),
        fixed(run.delivery.p99),
        fixed(run.delivery.max),
        fixed(run.cpuPercent, 1),
        fixed(run.peakRssMb, 1),
        fixed(run.lateJoinMs, 1),
        run.persisted === null ? '-' : String(run.persisted),
      ],
      widths,
    );
  const ratioCells = header.map(() => '');
  ratioCells[0] = 'ours/plain';
  ratioCells[4] = `${fixed(result.ratios.p50)}x`;
  ratioCells[6] = `${fixed(result.ratios.p99)}x`;
  return [
    `== ${w.name}: ${w.declarations} declaration(s) x ${w.delegations} clients, ${w.writers} writing x ${w.rate} edits/s, ${measureSeconds} s measured`,
    row(header, widths),
    line(result.ours),
    line(result.plain),
    row(ratioCells, widths),
    ...(result.interval
      ? [`90% interval of the ratios (slices resampled): p50 ${range(result.interval.p50)}, p99 ${range(result.interval.p99)}`]
      : []),
    `server event-loop delay p99 / max ms: ours ${fixed(result.ours.server.loopDelayP99Ms, 1)} / ${fixed(result.ours.server.loopDelayMaxMs, 1)}, plain ${fixed(result.plain.server.loopDelayP99Ms, 1)} / ${fixed(result.plain.server.loopDelayMaxMs, 1)}${appendLine(result.ours)}`,
    `client workers (CPU %, event-loop delay p99 ms): ${clientLoad(result.ours)}`,
    `machine stalls (an idle process late by > ${STALL_MS} ms) in the slices of: ${[result.ours, result.plain].map(stallLine).join(', ')}`,
    `run: clients synced in ${fixed(result.ours.connectMs / 1000, 1)} s, drain ${fixed(result.ours.drainMs / 1000, 1)} s, machine load average ${fixed(result.loadAverage[0], 1)} -> ${fixed(result.loadAverage[1], 1)}`,
    `verdict: ${result.verdict}`,
  ].join('\n');
}
