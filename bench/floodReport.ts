import { STALL_MS } from './canary.ts';
import { FLOOD_MAX_RATIO, FLOOD_PLANS, type FloodResult, type PhaseResult } from './flood.ts';

/** The flood section's table: typing in the quiet slices and under the flood, their ratios, what the attacker got in, and the verdict. */
const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const mb = (bytes: number) => `${fixed(bytes / 2 ** 20, 1)} MB`;

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
}

export function formatFlood(result: FloodResult): string {
  const { workload: w, attacker: a } = result;
  const header = ['slices', 'sent', 'received', 'lost', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'CPU %', 'peak MB', 'stalls'];
  const widths = [16, 6, 9, 5, 7, 7, 7, 7, 6, 8, 6];
  const line = (name: string, run: PhaseResult) =>
    row(
      [
        name,
        String(run.delivery.sent),
        String(run.delivery.received),
        String(run.delivery.lost),
        fixed(run.delivery.p50),
        fixed(run.delivery.p95),
        fixed(run.delivery.p99),
        fixed(run.delivery.max),
        fixed(run.cpuPercent, 1),
        fixed(run.peakRssMb, 1),
        String(run.machineStalls.length),
      ],
      widths,
    );
  const ratioCells = header.map(() => '');
  ratioCells[0] = 'flood/baseline';
  ratioCells[4] = `${fixed(result.ratios.p50)}x`;
  ratioCells[6] = `${fixed(result.ratios.p99)}x`;
  const codes = Object.entries(a.closeCodes)
    .map(([code, n]) => `${code} x${n}`)
    .join(', ');
  const floodSeconds = result.measureSeconds;
  return [
    `== Flood (PERF3): our relay alone, ${w.delegations} delegations, ${w.writers} writing x ${w.rate} edits/s in every slice, ${result.measureSeconds} s measured per phase; ` +
      `in alternate slices an observer (a real observer link) floods ${FLOOD_PLANS.length} connections (${FLOOD_PLANS.map((p) => p.join('/')).join('; ')}) with messages of just under ${result.maxMessageBytes.toLocaleString('en')} bytes, ignoring close frames and reconnecting at once`,
    row(header, widths),
    line('baseline', result.baseline),
    line('under flood', result.flood),
    row(ratioCells, widths),
    ...(result.interval ? [`90% interval of the ratios (slices resampled): p50 ${fixed(result.interval.p50[0])}x-${fixed(result.interval.p50[1])}x, p99 ${fixed(result.interval.p99[0])}x-${fixed(result.interval.p99[1])}x`] : []),
    `attacker: ${a.attempts} connections (${a.upgraded} upgraded, ${a.httpRefusals} refused before the upgrade, ${a.socketErrors} socket errors); close codes from the server: ${codes || 'none'}`,
    `attacker wrote ${a.written.update} updates, ${a.written.awareness} awareness, ${a.written.junk} junk into its sockets (${mb(a.bytesWritten)}); ` +
      `the server read ${mb(result.bytesReadFromAttacker)} of it: ${fixed(result.messagesThrough, 1)} messages of ~4 MB (${fixed(result.messagesThrough / floodSeconds, 2)} per flood second)`,
    `server event-loop delay p99 / max ms: ${fixed(result.server.loopDelayP99Ms, 1)} / ${fixed(result.server.loopDelayMaxMs, 1)}; delegation connections dropped: ${result.disconnects}; machine stalls: slices with an idle process late by > ${STALL_MS} ms`,
    `verdict: ${result.verdict} (goal: typing under the flood within ${FLOOD_MAX_RATIO}x of the baseline at p50 and p99, nothing lost)`,
  ].join('\n');
}
