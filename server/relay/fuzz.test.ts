import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readClauseStatus } from '../../shared/clauseStatus.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { snapshotClause } from '../../shared/document/clauseSnapshot.ts';
import { insertClauses } from '../../shared/document/clauseOps.ts';
import { clauseEntryProblem, metaFieldProblem, signatoryEntryProblem } from '../../shared/document/documentShape.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS } from '../../shared/protocol.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import type { Role } from '../../shared/roles.ts';
import { seededRandom } from '../../shared/seededRandom.ts';
import { drawKind, fuzzMessage, FUZZ_KINDS, touchesTypists, type FuzzKind } from '../testing/fuzzMessages.ts';
import { connectRaw, syncMessage, updateFrom, type RawClient } from '../testing/rawClient.ts';
import { startServerProcess, type ServerProcess } from '../testing/serverProcess.ts';
import { readStoredDocument } from '../testing/storedDocument.ts';
import { connectClient, synced, waitFor, type TestClient } from '../testing/testServer.ts';
import { markersIn, startTypist, type Typist } from '../testing/typist.ts';

/**
 * The fuzz test (docs/SPEC.md FUZZ1): ten thousand hostile messages
 * (server/testing/fuzzMessages.ts) from a chair, a secretariat, a
 * delegation and an observer, plus messages sent right after a revocation,
 * against the real server in its own process while three well-behaved
 * delegations type. Afterwards the server still answers, the typists
 * converge, and — after kill -9 and a restart — SQLite holds every typed
 * edit, no protected part changed, and the declaration loads.
 *
 * Seeded: FUZZ_SEED=<n> replays a run's draws (the seed is printed);
 * FUZZ_MESSAGES=<n> scales it. Which connection a message lands on and
 * the document it is built against depend on timing, so a replay is of the
 * same kinds and bytes, not of the same interleaving.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const MESSAGES = Number(process.env.FUZZ_MESSAGES ?? 10_000);
const REVOCATIONS = Math.max(3, Math.round(MESSAGES / 500));
const MAX_MESSAGE_BYTES = 1024 * 1024;
const TYPISTS = 3;
const LANES_PER_ROLE = 3;
/** Each hostile connection builds its updates on a copy of the server's document renewed every this many messages. */
const SCRATCH_RENEWAL = 20;
/**
 * The typists type for the whole run: their edits are spread over paragraphs
 * of their own and one they share, so that none passes its length limit
 * (10,000 characters) before they stop by themselves.
 */
const CLAUSES_PER_TYPIST = 3;
const EDITS_PER_TYPIST = 3000;

const seed = {
  ...emptySeed(plain('Fuzz declaration')),
  chapeau: plain('The Ministers,'),
  preamble: [plain('Recognizing the first,')],
  operative: [
    { body: plain('Agreed text;') },
    { body: plain('Open text;') },
    { body: plain('Typists:') },
    ...Array.from({ length: TYPISTS * CLAUSES_PER_TYPIST }, (_, i) => ({ body: plain(`Typist ${Math.floor(i / CLAUSES_PER_TYPIST) + 1}, part ${(i % CLAUSES_PER_TYPIST) + 1}:`) })),
  ],
  signatories: [{ name: 'A. Minister', title: 'Minister', state: 'Argentine Republic' }],
};
const HOSTILE: { name: string; role: Role }[] = [
  { name: 'Chair', role: 'chair' },
  { name: 'Secretariat', role: 'secretariat' },
  { name: 'Hostile delegation', role: 'delegation' },
  { name: 'Hostile observer', role: 'observer' },
];
const participants = [
  ...HOSTILE,
  ...Array.from({ length: TYPISTS }, (_, i) => ({ name: `Typist ${i + 1}`, role: 'delegation' as const })),
  { name: 'Witness', role: 'observer' as const },
];

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body).startsWith(text))!.id;
/** What no message may change: the heading and signatories (for delegations and observers), the agreed clause, the server-only maps. */
const protectedParts = (doc: Y.Doc, agreed: string) => {
  const { meta, signatories } = readDeclaration(doc);
  const json = (root: string) => JSON.stringify(doc.getMap(root).toJSON());
  const entry = clausesMap(doc).get(agreed);
  return {
    meta: JSON.stringify(meta),
    signatories: JSON.stringify(signatories),
    agreed: entry instanceof Y.Map ? JSON.stringify(snapshotClause(entry)) : 'deleted',
    status: json(ROOT.status),
    comments: json(ROOT.comments),
    settings: json(ROOT.settings),
  };
};
/** Everything the typists see, to compare them: in an order of its own, since a Y.Map lists its keys in the order they arrived. */
const content = (doc: Y.Doc) => {
  const { meta, clauses, signatories } = readDeclaration(doc);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  const status = Object.entries(doc.getMap(ROOT.status).toJSON()).sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify({ meta, clauses: [...clauses].sort(byId), signatories, status });
};
/** Every shape problem in a document: clause entries, heading fields, signature blocks. */
const shapeProblems = (doc: Y.Doc) => {
  const problems: string[] = [];
  clausesMap(doc).forEach((entry, id) => {
    const problem = clauseEntryProblem(id, entry);
    if (problem) problems.push(`clause ${id}: ${problem}`);
  });
  doc.getMap<unknown>(ROOT.meta).forEach((value, key) => {
    const problem = metaFieldProblem(key, value);
    if (problem) problems.push(`meta ${key}: ${problem}`);
  });
  doc.getMap<unknown>(ROOT.signatories).forEach((entry, id) => {
    const problem = signatoryEntryProblem(id, entry);
    if (problem) problems.push(`signatory ${id}: ${problem}`);
  });
  return problems;
};

describe('a fuzzed server', () => {
  let dataDir: string;
  let server: ServerProcess | null = null;
  const clients: TestClient[] = [];
  const raws = new Set<RawClient>();
  const typists: Typist[] = [];

  afterEach(async () => {
    for (const t of typists.splice(0)) t.stop();
    for (const c of clients.splice(0)) c.destroy();
    for (const r of raws) r.ws.terminate();
    raws.clear();
    await server?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(`FUZZ1: ${MESSAGES} hostile messages from every role while delegations type: the server stays up, the typists converge, every edit is in SQLite after kill -9, nothing protected changed, the declaration loads`, { timeout: 600_000 }, async () => {
    console.info(`FUZZ1 seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${MESSAGES} messages`);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-fuzz-'));
    // No wait after a refusal: every hostile connection is closed many times over and must come back at once.
    const config = { refusalWaitMs: 0, maxMessageBytes: MAX_MESSAGE_BYTES };
    server = await startServerProcess({ dataDir, config, create: { seed, participants } });
    const { id, tokens } = server.declaration!;
    const { port } = server;
    const api = (apiPath: string, body?: unknown) =>
      fetch(`${server!.httpUrl}/api/declarations/${id}${apiPath}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { authorization: `Bearer ${tokens.Chair}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    /** How each well-behaved client's connections ended, to say why one fell behind. */
    const closeCodes = new Map<TestClient, number[]>();
    const connect = (token: string) => {
      const client = connectClient(server!, id, token);
      clients.push(client);
      const codes: number[] = [];
      closeCodes.set(client, codes);
      client.provider.on('connection-close', (event: CloseEvent | null) => codes.push(event?.code ?? 0));
      return client;
    };

    // Before the fuzz: the agreed clause, through the real API.
    const witness = connect(tokens.Witness!);
    await synced(witness);
    const agreed = idOf(witness.doc, 'Agreed text;');
    const open = idOf(witness.doc, 'Open text;');
    expect((await api(`/clauses/${agreed}/status`, { state: 'agreed' })).status).toBe(200);
    await waitFor(() => readClauseStatus(witness.doc.getMap(ROOT.status).get(agreed))?.state === 'agreed', 'the agreed status');
    const before = protectedParts(witness.doc, agreed);

    // The well-behaved delegations, typing all along: their own paragraphs and one they share.
    const typistRandom = seededRandom(SEED ^ 0x5eed);
    const typistClauses = new Set<string>();
    for (let i = 0; i < TYPISTS; i++) {
      const client = connect(tokens[`Typist ${i + 1}`]!);
      await synced(client);
      const own = Array.from({ length: CLAUSES_PER_TYPIST }, (_, part) => idOf(client.doc, `Typist ${i + 1}, part ${part + 1}:`));
      const shared = idOf(client.doc, 'Typists:');
      for (const clause of [...own, shared]) typistClauses.add(clause);
      const clauseFor = (draw: number) => (draw < 0.1 ? shared : own[Math.floor(((draw - 0.1) / 0.9) * CLAUSES_PER_TYPIST)]!);
      typists.push(startTypist(client, { writer: `t${i + 1}`, clauseFor, everyMs: 40, maxEdits: EDITS_PER_TYPIST, random: typistRandom }));
    }

    const counts = Object.fromEntries(FUZZ_KINDS.map((kind) => [kind, 0])) as Record<FuzzKind, number>;
    let closes = 0;
    let connections = 0;
    const redrawn = Object.fromEntries(FUZZ_KINDS.map((kind) => [kind, 0])) as Record<FuzzKind, number>;
    // Per role: a chair's copy of a delegation's attempt on the title would be the chair's to make.
    const realUpdates = new Map<Role, Uint8Array[]>(HOSTILE.map(({ role }) => [role, []]));
    let next = 0;
    const began = Date.now();

    /** A hostile connection, open and synced; refused or closed ones are opened again at once, keeping what they knew. */
    const reopen = async (token: string, random: () => number, replica: Y.Doc): Promise<RawClient> => {
      for (;;) {
        connections++;
        const raw = await connectRaw(server!, id, token, {}, replica);
        // Only the open ones are kept, for afterEach: thousands are opened.
        raws.add(raw);
        void raw.closed.then(() => raws.delete(raw));
        if (raw.isClosed()) continue;
        // Now and then only the server's state: an edit before the client's own sync step 2.
        const syncing = random() < 0.1 ? raw.fetchState() : raw.handshake();
        const outcome = await Promise.race([syncing.then(() => 'synced' as const), raw.closed.then(() => 'closed' as const)]);
        if (outcome === 'synced') return raw;
      }
    };
    /** Resolves once the server has handled what was sent before: its answer to a query, or the connection's end. */
    const settle = (raw: RawClient) =>
      new Promise<void>((resolve, reject) => {
        if (raw.isClosed()) return resolve();
        const done = () => {
          clearTimeout(timer);
          raw.ws.off('message', onMessage);
          raw.ws.off('close', done);
          resolve();
        };
        const onMessage = (data: Buffer) => {
          if (data[0] === MESSAGE_AWARENESS) done();
        };
        const timer = setTimeout(() => reject(new Error('the server did not answer within a minute')), 60_000);
        raw.ws.on('message', onMessage);
        raw.ws.once('close', done);
        raw.sendBytes(Uint8Array.of(MESSAGE_QUERY_AWARENESS));
      });
    const lane = async (name: string, role: Role, laneIndex: number) => {
      const random = seededRandom(SEED + laneIndex * 7919);
      const mayEditHeading = role === 'chair' || role === 'secretariat';
      const replica = new Y.Doc();
      let scratch = new Y.Doc();
      let raw: RawClient | null = null;
      for (let sent = 0; next < MESSAGES; sent++) {
        next++;
        if (raw === null || raw.isClosed()) raw = await reopen(tokens[name]!, random, replica);
        if (sent % SCRATCH_RENEWAL === 0) {
          scratch.destroy();
          scratch = new Y.Doc();
          Y.applyUpdate(scratch, Y.encodeStateAsUpdate(replica));
        }
        const kind = drawKind(random);
        const writable = [open, ...[...clausesMap(raw.replica).keys()].filter((key) => key.startsWith('fz'))];
        const context = {
          random,
          scratch,
          role,
          agreed,
          writable,
          typistClauses,
          typistClientIds: typists.map((t) => t.client.doc.clientID),
          realUpdates: realUpdates.get(role)!,
          maxMessageBytes: MAX_MESSAGE_BYTES,
        };
        let message = fuzzMessage(kind, context);
        for (let tries = 1; touchesTypists(raw.replica, message.bytes, typistClauses, mayEditHeading ? [ROOT.meta, ROOT.signatories] : []); tries++) {
          redrawn[kind]++;
          // A kind whose every draw would touch them now (a pool of copies that all do) gives way to one that writes nothing.
          message = fuzzMessage(tries < 20 ? kind : 'random-bytes', context);
        }
        if (message.real && context.realUpdates.length < 200) context.realUpdates.push(message.real);
        counts[kind]++;
        raw.ws.send(message.bytes, { binary: !message.text });
        await settle(raw);
        if (raw.isClosed()) closes++;
      }
    };
    /** A participant added, connected, revoked: what it sends after the revocation must change nothing. */
    const afterRevocation = async () => {
      for (let r = 0; r < REVOCATIONS; r++) {
        const response = await api('/participants', { name: `Revoked ${r}`, role: 'delegation' });
        expect(response.status).toBe(201);
        const { participant } = (await response.json()) as { participant: { id: string; url: string } };
        const raw = await connectRaw(server!, id, new URL(participant.url).searchParams.get('token')!);
        raws.add(raw);
        await raw.handshake();
        expect((await api(`/participants/${participant.id}/revoke`, {})).status).toBe(200);
        for (let i = 0; i < 5; i++) {
          // A new paragraph: the open one may be gone by now, which a delegation may do.
          const update = updateFrom(raw.replica, (doc) => insertClauses(doc, { kind: 'operative', parent: null }, [plain(`REVOKED${r}.${i}`)]));
          raw.sendBytes(syncMessage(i % 2 === 0 ? 2 : 1, update));
        }
        await raw.closed;
        messagesAfterRevocation += 5;
      }
    };
    let messagesAfterRevocation = 0;
    // Several connections per role, so that one's reconnecting overlaps the others' sending.
    const lanes = Array.from({ length: LANES_PER_ROLE }, () => HOSTILE).flat();
    await Promise.all([...lanes.map(({ name, role }, i) => lane(name, role, i)), afterRevocation()]);
    const fuzzSeconds = (Date.now() - began) / 1000;

    // The server is up: it answers HTTP, and a new client syncs.
    expect(server.running()).toBe(true);
    expect(((await (await fetch(`${server.httpUrl}/api/health`)).json()) as { ok: boolean }).ok).toBe(true);
    for (const t of typists) t.stop();
    const typed = typists.flatMap((t) => t.typed);
    const late = connect(tokens['Typist 1']!);
    await synced(late);
    // The typists converge, with every edit any of them typed.
    const docs = [...typists.map((t) => t.client.doc), witness.doc, late.doc];
    await waitFor(() => docs.every((doc) => content(doc) === content(witness.doc)) && typed.every((m) => markersIn(witness.doc).has(m)), 'the typists to converge', 60_000).catch((error: unknown) => {
      // Say which client is behind, and on what, rather than only that it is.
      const state = [...typists.map((t) => t.client), witness, late].map((c) => ({
        connected: c.provider.wsconnected,
        synced: c.provider.synced,
        markers: markersIn(c.doc).size,
        sameAsWitness: content(c.doc) === content(witness.doc),
        closes: closeCodes.get(c),
      }));
      throw new Error(`${String(error)}: ${JSON.stringify(state)}; ${typed.length} typed, ${typed.filter((m) => !markersIn(witness.doc).has(m)).length} missing at the witness`);
    });

    // kill -9, then what SQLite holds.
    await server.kill();
    server = null;
    const stored = readStoredDocument(dataDir, id);
    expect(stored.pending).toBe(false);
    const storedMarkers = markersIn(stored.doc);
    expect(typed.filter((m) => !storedMarkers.has(m))).toEqual([]);
    expect(content(stored.doc)).toBe(content(witness.doc));
    // No protected change survives.
    expect(protectedParts(stored.doc, agreed)).toEqual(before);
    expect([...stored.doc.share.keys()].filter((root) => !(Object.values(ROOT) as string[]).includes(root))).toEqual([]);
    expect(shapeProblems(stored.doc)).toEqual([]);
    expect(JSON.stringify(readDeclaration(stored.doc)) + JSON.stringify(stored.doc.getMap(ROOT.refused).toJSON())).not.toMatch(/REVOKED\d/);
    const observers = new Set(stored.participants.filter((p) => p.role === 'observer').map((p) => p.id));
    expect([...stored.owners.values()].filter((owner) => owner !== null && observers.has(owner))).toEqual([]);

    // The database loads after a restart, with the same declaration.
    server = await startServerProcess({ dataDir, config: { ...config, port } });
    const reloaded = connect(tokens.Witness!);
    await synced(reloaded);
    expect(content(reloaded.doc)).toBe(content(stored.doc));
    console.info(
      `FUZZ1 seed ${SEED}: ${next} messages in ${fuzzSeconds.toFixed(1)} s (${closes} closed their connection, ${connections} connections opened, draws replaced for touching the typists' paragraphs or a heading the sender may edit: ${JSON.stringify(redrawn)}), ` +
        `${messagesAfterRevocation} after ${REVOCATIONS} revocations, ${typed.length} typed edits all stored; by kind: ${JSON.stringify(counts)}`,
    );
  });
});
