import { AUDIT_KINDS } from '../shared/auditKinds.ts';
import { appendAudit, type AuditAction } from '../server/db/auditLog.ts';
import { smallSeed } from '../server/testing/documents.ts';
import { createTestDeclaration, removeDataDir, startTestServer } from '../server/testing/testServer.ts';

/**
 * The audit screen's reads (docs/SPEC.md AUD4; alone with BENCH_ONLY=audit):
 * our server in this process over a real SQLite file, one declaration whose
 * log holds 10,000 entries of every kind by three participants on three
 * clauses, as a long conference leaves it. Timed over HTTP as the screen
 * asks: the first page (100, newest first), a page deep in the log (by its
 * `before` cursor) and a page filtered by participant, clause and two kinds.
 * One warm-up, then the median of RUNS. Goal: each page under 100 ms, so the
 * screen never waits on the log's size.
 */
export const AUDIT_ENTRIES = 10_000;
export const AUDIT_PAGE_GOAL_MS = 100;
const RUNS = 9;

export interface AuditTimes {
  entries: number;
  firstPageMs: number;
  deepPageMs: number;
  filteredPageMs: number;
  ok: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export async function measureAuditTimes(): Promise<AuditTimes> {
  const server = await startTestServer();
  try {
    const { id, tokens } = createTestDeclaration(server, smallSeed, [
      { name: 'Argentina', role: 'chair' },
      { name: 'Chile', role: 'delegation' },
      { name: 'Uruguay', role: 'secretariat' },
    ]);
    const actions = Object.values(AUDIT_KINDS).flat() as AuditAction[];
    const actors = ['Argentina', 'Chile', 'Uruguay'];
    server.db.transaction(() => {
      for (let i = 0; i < AUDIT_ENTRIES; i++) {
        appendAudit(server.db, id, { actor: actors[i % 3]!, action: actions[i % actions.length]!, clauseId: i % 5 === 0 ? null : `c${i % 3}`, detail: { n: i } });
      }
    })();
    const time = async (query: string): Promise<number> => {
      const samples: number[] = [];
      for (let run = 0; run <= RUNS; run++) {
        const started = performance.now();
        const response = await fetch(`${server.httpUrl}/api/declarations/${id}/audit?${query}`, { headers: { authorization: `Bearer ${tokens.Argentina}` } });
        const body = (await response.json()) as { entries?: unknown[] };
        if (response.status !== 200 || !Array.isArray(body.entries) || body.entries.length === 0) throw new Error(`audit section: ${query} answered ${response.status}`);
        if (run > 0) samples.push(performance.now() - started);
      }
      return median(samples);
    };
    const firstPageMs = await time('limit=100');
    const deepPageMs = await time(`limit=100&before=${AUDIT_ENTRIES / 10}`);
    const filteredPageMs = await time('limit=100&actor=Chile&clauseId=c1&kinds=refusals,status');
    return { entries: AUDIT_ENTRIES, firstPageMs, deepPageMs, filteredPageMs, ok: Math.max(firstPageMs, deepPageMs, filteredPageMs) < AUDIT_PAGE_GOAL_MS };
  } finally {
    await server.close();
    removeDataDir(server);
  }
}

export function formatAuditTimes(result: AuditTimes): string {
  return [
    `== Audit log: a page of 100 over HTTP from a log of ${result.entries.toLocaleString('en')} entries, median after a warm-up`,
    `   first page ${result.firstPageMs.toFixed(1)} ms; a page deep in the log ${result.deepPageMs.toFixed(1)} ms; filtered by participant, clause and two kinds ${result.filteredPageMs.toFixed(1)} ms (goal: each under ${AUDIT_PAGE_GOAL_MS} ms)`,
    `verdict: ${result.ok ? 'OK' : 'MISSED'}`,
  ].join('\n');
}
