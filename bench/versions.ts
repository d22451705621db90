import os from 'node:os';
import * as Y from 'yjs';
import { readDeclaration } from '../shared/document/readDeclaration.ts';
import { clauseXmlText } from '../shared/document/bracketRange.ts';
import { buildOutline, flattenOutline } from '../shared/outline.ts';
import { seededRandom } from '../shared/seededRandom.ts';
import type { VersionInfo } from '../shared/versions/version.ts';
import { listParticipants } from '../server/db/participants.ts';
import { textHistoryWriter } from '../server/db/textHistory.ts';
import { versionBytes } from '../server/db/versions.ts';
import { setClauseStatus } from '../server/declarations/setClauseStatus.ts';
import { createTestDeclaration, removeDataDir, startTestServer } from '../server/testing/testServer.ts';
import { compareVersions } from '../server/versions/compareVersions.ts';
import { saveVersion } from '../server/versions/saveVersion.ts';
import { readVersionContent } from '../server/versions/versionContent.ts';
import { seed200 } from './seed200.ts';

/**
 * The versions section (docs/SPEC.md VER3, CMP4; alone with
 * BENCH_ONLY=versions): our server in this process over a real SQLite file
 * in a temporary folder, the 200-clause declaration of seed200.ts with 16
 * signatories.
 *
 * (1) 100 versions saved one after the other as the API saves them (read
 *     the room's document, then `saveVersion`), the text changing a little
 *     between them as a negotiation does — a few words typed into three
 *     clauses, a word deleted from another, one more clause agreed each
 *     time. Reported: the bytes those 100 versions take in SQLite
 *     (`versionBytes`: compressed content and columns; goal under 20 MB)
 *     and what saving them did to the live document: its encoded state
 *     and the update log, measured just before and just after each save
 *     (must not grow at all).
 * (2) Comparing the first of them with the last (every change of the 100
 *     rounds) on the server, as `GET …/compare` does it: both versions
 *     read from SQLite and unpacked, compared, attributed — each edit is
 *     in the text history as one run of one of three delegations, as the
 *     relay records typing (HIST1), so attribution replays 400 runs. One warm-up,
 *     then the median of RUNS; goal (CMP4) under 300 ms. The same against
 *     the text now (the room's document read) is printed beside it.
 */
export const VERSIONS_SAVED = 100;
export const VERSIONS_BYTES_GOAL = 20 * 1024 * 1024;
export const COMPARE_GOAL_MS = 300;
const RUNS = 7;

export interface VersionsResult {
  clauses: number;
  versions: number;
  /** The 100 versions' bytes in the versions table. */
  bytes: number;
  /** The live document's encoded state before the first round and after the last (the edits between saves make it grow). */
  stateBytesBefore: number;
  stateBytesAfter: number;
  /** Growth of the encoded state and of the update log caused by the saves themselves, summed over the 100 (must be 0). */
  stateGrowthBySaves: number;
  logGrowthBySaves: number;
  saveMedianMs: number;
  compareMedianMs: number;
  /** The same comparison's CPU time (this process, user + system): on a shared machine, the wall time includes the waits for a core. */
  compareCpuMs: number;
  compareNowMedianMs: number;
  /** The machine's 1-minute load average at the end. */
  loadAverage: number;
  /** What the compared versions differ by. */
  changed: number;
  agreed: number;
  /** Inserted and deleted runs the comparison attributed to a delegation from the history (0 would mean attribution was not exercised). */
  attributed: number;
  ok: boolean;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const WORDS = ['notably', 'inter alia', 'as appropriate', 'in particular', 'where possible', 'voluntarily', 'progressively', 'fully'];

export async function measureVersions(): Promise<VersionsResult> {
  const server = await startTestServer();
  try {
    const seed = seed200();
    seed.signatories = Array.from({ length: 16 }, (_, i) => ({ name: `Minister ${i + 1}`, title: 'Minister of Foreign Affairs', state: `State ${i + 1}` }));
    const declaration = createTestDeclaration(server, seed, [
      { name: 'Chair', role: 'chair' },
      { name: 'Secretariat', role: 'secretariat' },
      { name: 'State 1', role: 'delegation' },
      { name: 'State 2', role: 'delegation' },
      { name: 'State 3', role: 'delegation' },
    ]);
    const id = declaration.id;
    const { db, rooms } = server;
    const chair = listParticipants(db, id).find((p) => p.role === 'chair')!;
    const delegations = listParticipants(db, id).filter((p) => p.role === 'delegation');
    const history = textHistoryWriter(db);
    const deps = { db, rooms };
    const random = seededRandom(0x5e1f);
    const logBytes = () => (db.prepare('SELECT COALESCE(SUM(LENGTH(data)), 0) AS n FROM doc_updates WHERE declaration_id = ?').get(id) as { n: number }).n;
    // The room stays open for the whole section (everything below runs without yielding), as while people are connected.
    return rooms.withRoom(id, (room) => {
      const order = flattenOutline(buildOutline(readDeclaration(room.doc).clauses)).map((n) => n.clause);
      const preamble = order.filter((c) => c.kind === 'preamble').map((c) => c.id);
      const operative = order.filter((c) => c.kind === 'operative').map((c) => c.id);
      const stateBytes = () => Y.encodeStateAsUpdate(room.doc).length;
      const bytesBefore = versionBytes(db, id);
      const stateBytesBefore = stateBytes();

      const saved: VersionInfo[] = [];
      const saveTimes: number[] = [];
      let stateGrowthBySaves = 0;
      let logGrowthBySaves = 0;
      let agreedNext = 0;
      for (let round = 1; round <= VERSIONS_SAVED; round++) {
        // A little negotiation between two versions: words typed into three operative clauses, one deleted from a fourth; every
        // other round one more preambular paragraph agreed (the first 50: the operative part, where the edits go, stays open).
        const edited: string[] = [];
        const bodies = () => new Map(readDeclaration(room.doc).clauses.map((c) => [c.id, c.body]));
        const before = bodies();
        room.doc.transact(() => {
          for (let k = 0; k < 4; k++) {
            const clauseId = operative[Math.floor(random() * operative.length)]!;
            edited.push(clauseId);
            const text = clauseXmlText(room.doc, clauseId);
            if (!text) continue;
            const at = text.toString().indexOf(' ', Math.floor(random() * text.length));
            if (at < 0) continue;
            if (k < 3) text.insert(at, ` ${WORDS[Math.floor(random() * WORDS.length)]!}`);
            else text.delete(at, Math.min(text.length - at - 1, 1 + text.toString().slice(at + 1).indexOf(' ')));
          }
        });
        // Each edit as the relay would have recorded it: one run of one delegation (the chain attribution replays).
        const after = bodies();
        const at = Date.now();
        db.transaction(() => {
          edited.forEach((clauseId, k) => {
            const by = delegations[(round + k) % delegations.length]!;
            history.insert(id, { part: clauseId, participantId: by.id, kind: 'text', startedAt: at, at, before: before.get(clauseId) ?? [], after: after.get(clauseId) ?? [] });
          });
        })();
        if (round % 2 === 0) setClauseStatus(deps, id, chair, preamble[agreedNext++]!, { state: 'agreed' });

        const sizes = { state: stateBytes(), log: logBytes() };
        const began = process.hrtime.bigint();
        const content = readVersionContent(room.doc);
        saved.push(saveVersion(db, id, content, { name: `Rev.${round}`, note: `After round ${round}.`, origin: 'saved', by: chair }));
        saveTimes.push(Number(process.hrtime.bigint() - began) / 1e6);
        stateGrowthBySaves += stateBytes() - sizes.state;
        logGrowthBySaves += logBytes() - sizes.log;
      }
      const bytes = versionBytes(db, id) - bytesBefore;
      const stateBytesAfter = stateBytes();

      const first = saved[0]!;
      const last = saved[saved.length - 1]!;
      const timed = (query: Record<string, string>) => {
        let answer = compareVersions(deps, id, query); // warm-up
        const times: number[] = [];
        const cpu: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const began = process.hrtime.bigint();
          const cpuBefore = process.cpuUsage();
          answer = compareVersions(deps, id, query);
          const used = process.cpuUsage(cpuBefore);
          times.push(Number(process.hrtime.bigint() - began) / 1e6);
          cpu.push((used.user + used.system) / 1000);
        }
        return { ms: median(times), cpuMs: median(cpu), answer };
      };
      const between = timed({ from: first.id, to: last.id });
      const withNow = timed({ from: first.id });
      const compareMedianMs = between.ms;
      return {
        clauses: order.length,
        versions: saved.length,
        bytes,
        stateBytesBefore,
        stateBytesAfter,
        stateGrowthBySaves,
        logGrowthBySaves,
        saveMedianMs: median(saveTimes),
        compareMedianMs,
        compareCpuMs: between.cpuMs,
        compareNowMedianMs: withNow.ms,
        loadAverage: os.loadavg()[0]!,
        changed: between.answer.comparison.summary.changed,
        agreed: between.answer.comparison.summary.statuses.agreed,
        attributed: between.answer.comparison.clauses.flatMap((c) => c.redline).filter((segment) => segment.op !== 'equal' && segment.by).length,
        ok: bytes < VERSIONS_BYTES_GOAL && stateGrowthBySaves === 0 && logGrowthBySaves === 0 && compareMedianMs < COMPARE_GOAL_MS,
      };
    });
  } finally {
    await server.close();
    removeDataDir(server);
  }
}

export function formatVersions(result: VersionsResult): string {
  const MB = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;
  const kB = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;
  return [
    `== Versions: ${result.versions} versions of a ${result.clauses}-clause declaration (16 signatories), a few words changed and one more clause agreed between each two`,
    `storage: ${MB(result.bytes)} in SQLite (${kB(result.bytes / result.versions)} a version); saving one: median ${result.saveMedianMs.toFixed(1)} ms`,
    `live document: ${kB(result.stateBytesBefore)} before, ${kB(result.stateBytesAfter)} after the ${result.versions} rounds of edits; ` +
      `grown by the saves themselves: ${result.stateGrowthBySaves} bytes of state, ${result.logGrowthBySaves} bytes of update log`,
    `compare Rev.1 with Rev.${result.versions} (${result.changed} clauses changed, ${result.agreed} agreed since, ${result.attributed} runs attributed from the history): median ${result.compareMedianMs.toFixed(1)} ms of ${RUNS} after a warm-up ` +
      `(CPU ${result.compareCpuMs.toFixed(1)} ms; load average ${result.loadAverage.toFixed(1)}); Rev.1 with the text now: ${result.compareNowMedianMs.toFixed(1)} ms`,
    `verdict: ${result.ok ? 'OK' : 'MISSED'} (goal: ${VERSIONS_SAVED} versions under ${MB(VERSIONS_BYTES_GOAL)}, the live document not grown by them, a comparison under ${COMPARE_GOAL_MS} ms)`,
  ].join('\n');
}
