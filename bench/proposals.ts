import os from 'node:os';
import { buenosAires2023 } from '../shared/fixtures/buenosAires2023.ts';
import { readDeclaration } from '../shared/document/readDeclaration.ts';
import { buildOutline } from '../shared/outline.ts';
import { fixtureClauses, randomEdits, richTextOf } from '../shared/proposals/randomEdits.ts';
import { redlineChanges, tokenize, wordRedline } from '../shared/proposals/wordDiff.ts';
import { toPlainText, type RichText } from '../shared/richText.ts';
import { seededRandom } from '../shared/seededRandom.ts';
import type { ParticipantSpec } from '../server/declarations/createDeclaration.ts';
import { startServerProcess, type ServerProcess } from '../server/testing/serverProcess.ts';
import { connectClient, synced, waitFor, type TestClient } from '../server/testing/testServer.ts';
import { markersIn, startTypist, type Typist } from '../server/testing/typist.ts';
import { makeTempDir, removeTempDir } from './ipc.ts';
import { percentile } from './stats.ts';

/**
 * The proposals section (docs/SPEC.md PROP15; alone with
 * BENCH_ONLY=proposals):
 *
 * (a) How long the word redline of a 2,000-character clause takes against a
 *     proposal with ten scattered word edits (goal: median under 2 ms). The
 *     clause is the demo declaration's own clauses run together, italics
 *     included; each proposal is a different draw of edits.
 * (b) Accepting a proposal while 10 delegations type in the same
 *     declaration: the real server in its own process, stock y-websocket
 *     clients; three delegations type at the end of the clause being
 *     changed, seven in other clauses. Every edit typed before and after
 *     the accept must be in the final text, and the accepted words too.
 */
export const REDLINE_GOAL_MS = 2;
const CLAUSE_CHARS = 2000;
const REDLINE_EDITS = 10;
const REDLINE_WARMUP = 100;
const REDLINE_RUNS = 1000;

const DELEGATIONS = 10;
/** Of them, how many type at the end of the clause the proposal changes. */
const IN_CHANGED_CLAUSE = 3;
/** Each typist types one marked edit every 150–300 ms (about 4.4 a second). */
const TYPE_EVERY_MS = 150;
const TYPE_BEFORE_MS = 5000;
const TYPE_AFTER_MS = 5000;
const MAX_ACCEPT_ATTEMPTS = 50;

export interface RedlineTiming {
  chars: number;
  edits: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** The machine's 1-minute load average when it ran: a shared machine's p95 says more about the machine. */
  loadAverage: number;
  ok: boolean;
}

export interface AcceptUnderTyping {
  delegations: number;
  /** Edits typed (each a unique marker, one insert), before the accept took effect and after. */
  typedBefore: number;
  typedAfter: number;
  /** Typed edits missing from the final text (must be 0). */
  lost: number;
  /** Accept attempts answered 409 clause-changed because a delegation had typed meanwhile. */
  clauseChangedRetries: number;
  /** The word changes the proposal made, and how many of them read in the final text. */
  wordChanges: number;
  wordChangesApplied: number;
  /** The round trip of the accept that went through. */
  acceptMs: number;
  /** Every client and a fresh one read the same text at the end. */
  converged: boolean;
  ok: boolean;
}

export interface ProposalsResult {
  redline: RedlineTiming;
  accept: AcceptUnderTyping;
  /** Something the section must never see (an edit lost, a change missing): the bench exits non-zero. */
  failure: string | null;
}

/** The demo declaration's clauses one after the other until `chars` characters, cut at a word. */
export function longClause(chars: number): RichText {
  const tokens = [];
  let length = 0;
  for (let round = 0; length < chars; round++) {
    for (const clause of fixtureClauses()) {
      for (const token of tokenize([...clause, { text: ' ' }])) {
        if (length + token.text.length > chars) return richTextOf(tokens);
        tokens.push(token);
        length += token.text.length;
      }
    }
    if (round > 100) break;
  }
  return richTextOf(tokens);
}

/** (a) The word redline of a 2,000-character clause against proposals of ten scattered word edits. */
export function measureRedline(runs = REDLINE_RUNS): RedlineTiming {
  const clause = longClause(CLAUSE_CHARS);
  const random = seededRandom(0x9e0915);
  const proposals = Array.from({ length: 50 }, () => randomEdits(clause, random, REDLINE_EDITS, ['replace', 'insert', 'delete']));
  let sink = 0;
  for (let i = 0; i < REDLINE_WARMUP; i++) sink += wordRedline(clause, proposals[i % proposals.length]!).length;
  const times = new Float64Array(runs);
  for (let i = 0; i < runs; i++) {
    const proposal = proposals[i % proposals.length]!;
    const began = process.hrtime.bigint();
    const redline = wordRedline(clause, proposal);
    times[i] = Number(process.hrtime.bigint() - began) / 1e6;
    if (!redlineChanges(redline)) throw new Error('a benchmark proposal changes nothing');
    sink += redline.length;
  }
  if (sink === 0) throw new Error('no redline was computed');
  times.sort();
  const medianMs = percentile(times, 50);
  return { chars: toPlainText(clause).length, edits: REDLINE_EDITS, runs, medianMs, p95Ms: percentile(times, 95), maxMs: times[times.length - 1]!, loadAverage: os.loadavg()[0]!, ok: medianMs < REDLINE_GOAL_MS };
}

/** The words the chair proposes to change: token index in the clause → new word. */
export type WordChanges = Map<number, string>;

/** A few words of the clause replaced: "shall" becomes "should", and two other words change. */
export function chooseWordChanges(text: RichText, random: () => number): WordChanges {
  const tokens = tokenize(text);
  const words = tokens.flatMap((token, i) => (/^\p{L}{4,}$/u.test(token.text) ? [i] : []));
  const changes: WordChanges = new Map();
  const shall = tokens.findIndex((token) => token.text === 'shall');
  if (shall >= 0) changes.set(shall, 'should');
  const replacements = ['relevant', 'regional', 'respective', 'applicable'];
  while (changes.size < 3 && changes.size < words.length) {
    const i = words[Math.floor(random() * words.length)]!;
    if (!changes.has(i)) changes.set(i, replacements[changes.size % replacements.length]!);
  }
  return changes;
}

/**
 * The clause as it reads now with the chosen words changed. The delegations
 * type at the clause's end, so the words the chair chose keep their place.
 */
export function withWordChanges(text: RichText, changes: WordChanges): RichText {
  const tokens = tokenize(text);
  for (const [i, word] of changes) tokens[i] = { ...tokens[i]!, text: word };
  return richTextOf(tokens);
}

interface ApiAnswer {
  status: number;
  json: { proposal?: { id: string; state: string }; error?: { id: string; message: string; currentText?: RichText } };
}

async function call(server: ServerProcess, token: string, method: string, path: string, body: unknown): Promise<ApiAnswer> {
  const response = await fetch(`${server.httpUrl}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as ApiAnswer['json'] };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** (b) Accepting a proposal while 10 delegations type. */
export async function measureAcceptUnderTyping(): Promise<AcceptUnderTyping> {
  const people: ParticipantSpec[] = [{ name: 'Argentina', role: 'chair' }, ...Array.from({ length: DELEGATIONS }, (_, i) => ({ name: `Delegation ${i + 1}`, role: 'delegation' as const }))];
  // Each y-websocket provider listens for the process's exit: a dozen is expected here, not a leak.
  process.setMaxListeners(Math.max(process.getMaxListeners(), DELEGATIONS + 10));
  const dataDir = makeTempDir();
  const server = await startServerProcess({ dataDir, create: { seed: buenosAires2023, participants: people } });
  const clients: TestClient[] = [];
  const typists: Typist[] = [];
  try {
    const { id, tokens } = server.declaration!;
    const chairToken = tokens.Argentina!;
    const chair = connectClient(server, id, chairToken);
    clients.push(chair);
    await synced(chair);
    const outline = buildOutline(readDeclaration(chair.doc).clauses);
    // The operative paragraph that says "shall", and the others for the rest to type into.
    const changed = outline.operative.find((node) => tokenize(node.clause.body).some((t) => t.text === 'shall')) ?? outline.operative[0]!;
    const others = [...outline.preamble, ...outline.operative].map((node) => node.clause.id).filter((clauseId) => clauseId !== changed.clause.id);
    const random = seededRandom(0x15acce);
    for (let i = 0; i < DELEGATIONS; i++) {
      const client = connectClient(server, id, tokens[`Delegation ${i + 1}`]!);
      clients.push(client);
      await synced(client);
      const own = others[(i * 3) % others.length]!;
      typists.push(
        startTypist(client, {
          writer: `d${i + 1}`,
          clauseFor: () => (i < IN_CHANGED_CLAUSE ? changed.clause.id : own),
          everyMs: TYPE_EVERY_MS,
          maxEdits: Number.MAX_SAFE_INTEGER,
          random: seededRandom(i + 1),
        }),
      );
    }
    await sleep(TYPE_BEFORE_MS);

    // The chair proposes a few word changes to the clause as it reads them…
    const readClause = (): RichText => readDeclaration(chair.doc).clauses.find((c) => c.id === changed.clause.id)!.body;
    let shown = readClause();
    const changes = chooseWordChanges(shown, random);
    const made = await call(server, chairToken, 'POST', `/declarations/${id}/proposals`, {
      clauseId: changed.clause.id,
      action: 'replace',
      text: withWordChanges(shown, changes),
      // The text the chair's changes were made on: what delegations type meanwhile is not read as deleted (PROP4).
      baseText: shown,
      justification: 'Benchmark: a few words changed while delegations type.',
    });
    if (made.status !== 201 || !made.json.proposal) throw new Error(`making the proposal: ${made.status} ${JSON.stringify(made.json)}`);
    const proposalId = made.json.proposal.id;
    // …and accepts it. Delegations keep typing at the clause's end, so the
    // clause often reads differently by the time the accept arrives (PROP8):
    // the chair then looks at the redline against the current text the
    // answer carries — the proposal's own word changes carried over onto it,
    // what was typed since kept (PROP4) — and accepts again.
    let retries = 0;
    let acceptMs = NaN;
    for (let attempt = 1; ; attempt++) {
      if (attempt > MAX_ACCEPT_ATTEMPTS) throw new Error(`the proposal was not accepted after ${MAX_ACCEPT_ATTEMPTS} attempts`);
      const began = performance.now();
      const accepted = await call(server, chairToken, 'POST', `/declarations/${id}/proposals/${proposalId}/accept`, { shownText: toPlainText(shown) });
      if (accepted.status === 200) {
        acceptMs = performance.now() - began;
        break;
      }
      if (accepted.status !== 409 || accepted.json.error?.id !== 'clause-changed' || !accepted.json.error.currentText) {
        throw new Error(`accepting the proposal: ${accepted.status} ${JSON.stringify(accepted.json)}`);
      }
      retries++;
      shown = accepted.json.error.currentText;
    }
    const typedBefore = typists.reduce((sum, t) => sum + t.typed.length, 0);
    await sleep(TYPE_AFTER_MS);
    for (const typist of typists) typist.stop();
    const typedAll = typists.reduce((sum, t) => sum + t.typed.length, 0);

    // Late is not lost: wait until every client reads every edit, then ask a fresh client what the server holds.
    const typed = typists.flatMap((t) => t.typed);
    const hasAll = (client: TestClient) => {
      const seen = markersIn(client.doc);
      return typed.every((m) => seen.has(m));
    };
    await waitFor(() => clients.every(hasAll), 'every client to read every edit', 15_000).catch(() => undefined);
    const fresh = connectClient(server, id, chairToken);
    clients.push(fresh);
    await synced(fresh);
    const seen = markersIn(fresh.doc);
    const lost = typed.filter((m) => !seen.has(m)).length;
    const text = (client: TestClient) => JSON.stringify(readDeclaration(client.doc).clauses.map((c) => [c.id, c.body]).sort());
    const converged = clients.every((client) => text(client) === text(fresh));
    const finalTokens = tokenize(readDeclaration(fresh.doc).clauses.find((c) => c.id === changed.clause.id)!.body);
    const wordChangesApplied = [...changes].filter(([i, word]) => finalTokens[i]?.text === word).length;
    return {
      delegations: DELEGATIONS,
      typedBefore,
      typedAfter: typedAll - typedBefore,
      lost,
      clauseChangedRetries: retries,
      wordChanges: changes.size,
      wordChangesApplied,
      acceptMs,
      converged,
      ok: lost === 0 && converged && wordChangesApplied === changes.size,
    };
  } finally {
    for (const typist of typists) typist.stop();
    for (const client of clients) client.destroy();
    await server.kill();
    removeTempDir(dataDir);
  }
}

export async function runProposals(): Promise<ProposalsResult> {
  const redline = measureRedline();
  const accept = await measureAcceptUnderTyping();
  const failures = [
    accept.lost > 0 ? `${accept.lost} typed edits lost` : '',
    accept.wordChangesApplied < accept.wordChanges ? `${accept.wordChanges - accept.wordChangesApplied} of the accepted word changes missing` : '',
    accept.converged ? '' : 'the clients did not converge',
  ].filter(Boolean);
  return { redline, accept, failure: failures.length > 0 ? failures.join('; ') : null };
}

export function formatProposals(result: ProposalsResult): string {
  const { redline, accept } = result;
  return [
    `== Proposals (SPEC PROP15)`,
    `word redline of a ${redline.chars.toLocaleString('en')}-character clause against a proposal with ${redline.edits} scattered word edits, ${redline.runs} runs: ` +
      `median ${redline.medianMs.toFixed(3)} ms, p95 ${redline.p95Ms.toFixed(3)} ms, max ${redline.maxMs.toFixed(3)} ms (machine load average ${redline.loadAverage.toFixed(2)})`,
    `verdict: ${redline.ok ? 'OK' : 'MISSED'} (goal: median under ${REDLINE_GOAL_MS} ms)`,
    `accepting a proposal (${accept.wordChanges} words changed) while ${accept.delegations} delegations type, ${IN_CHANGED_CLAUSE} of them at the end of that clause: ` +
      `edits typed ${accept.typedBefore + accept.typedAfter} (${accept.typedBefore} before the accept, ${accept.typedAfter} after) / lost ${accept.lost} (must be 0); ` +
      `accepted words in the final text ${accept.wordChangesApplied} of ${accept.wordChanges}; ` +
      `409 clause-changed retries ${accept.clauseChangedRetries}; accept round trip ${accept.acceptMs.toFixed(1)} ms; clients converged: ${accept.converged ? 'yes' : 'NO'}`,
    `verdict: ${accept.ok ? 'OK' : `FAILED: ${result.failure}`}`,
  ].join('\n');
}
