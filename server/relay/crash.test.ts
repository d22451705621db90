import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { seededRandom } from '../../shared/seededRandom.ts';
import { startServerProcess, type ServerProcess } from '../testing/serverProcess.ts';
import { readStoredDocument } from '../testing/storedDocument.ts';
import { typeInto } from '../testing/documents.ts';
import { connectClient, synced, waitFor, type TestClient } from '../testing/testServer.ts';
import { markersIn, startTypist, writerOf, type Typist } from '../testing/typist.ts';

/**
 * A crash mid-typing (docs/SPEC.md CRASH1): ten delegations type into their
 * own paragraphs and two shared ones while the server process is killed
 * with SIGKILL — no close handler, no last write — and restarted on the same
 * DATA_DIR and port, three times. An edit a client has seen echoed is one
 * that reached another client (or the observer) through the server, which
 * writes every update to SQLite before it broadcasts it (SYNC3): each such
 * edit must be in the database the killed server left behind.
 */
const DELEGATIONS = 10;
const ROUNDS = 3;
/** New edits of every delegation that must have been echoed before each kill: the kill lands mid-typing. */
const ECHOED_PER_ROUND = 15;
/** Each delegation stops by itself after this many edits, so that no paragraph passes its length limit. */
const MAX_EDITS = 400;
const seed = {
  ...emptySeed(plain('Crash test')),
  preamble: [plain('Shared A:')],
  operative: [{ body: plain('Shared B:') }, ...Array.from({ length: DELEGATIONS }, (_, i) => ({ body: plain(`Own ${i + 1}:`) }))],
};
const participants = [
  { name: 'Chair', role: 'chair' as const },
  ...Array.from({ length: DELEGATIONS }, (_, i) => ({ name: `Delegation ${i + 1}`, role: 'delegation' as const })),
  { name: 'Witness', role: 'observer' as const },
];

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body).startsWith(text))!.id;

describe('a crash mid-typing', () => {
  let dataDir: string;
  let server: ServerProcess | null = null;
  const clients: TestClient[] = [];
  const typists: Typist[] = [];

  afterEach(async () => {
    for (const t of typists.splice(0)) t.stop();
    for (const c of clients.splice(0)) c.destroy();
    await server?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('CRASH1: after kill -9 mid-typing and a restart, every edit a client had seen echoed is in the document; three rounds; the restarted server takes new edits', { timeout: 180_000 }, async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-crash-'));
    server = await startServerProcess({ dataDir, create: { seed, participants } });
    const { id, tokens } = server.declaration!;
    // Restarts come back on the same port, so the stock clients find the server again by themselves.
    const { port } = server;
    const connect = (name: string) => {
      const client = connectClient(server!, id, tokens[name]!);
      clients.push(client);
      return client;
    };
    const witness = connect('Witness');
    const delegations = Array.from({ length: DELEGATIONS }, (_, i) => connect(`Delegation ${i + 1}`));
    await Promise.all([witness, ...delegations].map(synced));
    const shared = [idOf(witness.doc, 'Shared A:'), idOf(witness.doc, 'Shared B:')];
    const random = seededRandom(20_251_110);
    delegations.forEach((client, i) => {
      const own = idOf(client.doc, `Own ${i + 1}:`);
      // One edit in six goes to a shared paragraph, where everyone types at once.
      const clauseFor = (draw: number) => (draw < 1 / 12 ? shared[0]! : draw < 1 / 6 ? shared[1]! : own);
      typists.push(startTypist(client, { writer: `d${i + 1}`, clauseFor, everyMs: 40, maxEdits: MAX_EDITS, random }));
    });
    const writerOfClient = new Map<TestClient, string>(typists.map((t) => [t.client, t.writer]));
    /** The edits each client has seen through the server: its own are not counted, only other writers' markers it holds. */
    const echoed = () => {
      const seen = new Set<string>();
      for (const client of clients) for (const m of markersIn(client.doc)) if (writerOf(m) !== writerOfClient.get(client)) seen.add(m);
      return seen;
    };

    const figures: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      // Edits typed since this server started, not the ones typed while it was down.
      const from = typists.map((t) => t.typed.length);
      await waitFor(
        () => {
          const atWitness = markersIn(witness.doc);
          return typists.every((t, i) => {
            const fresh = t.typed.slice(from[i], from[i]! + ECHOED_PER_ROUND);
            return (fresh.length === ECHOED_PER_ROUND || t.typed.length === MAX_EDITS) && fresh.every((m) => atWitness.has(m));
          });
        },
        `${ECHOED_PER_ROUND} new edits of every delegation to be echoed`,
        60_000,
      );
      await server.kill();
      const seen = echoed();
      const typed = typists.reduce((n, t) => n + t.typed.length, 0);
      const stored = readStoredDocument(dataDir, id);
      expect(stored.pending).toBe(false);
      const inStore = markersIn(stored.doc);
      expect([...seen].filter((m) => !inStore.has(m))).toEqual([]);
      figures.push(`round ${round}: ${typed} edits typed, ${seen.size} seen echoed, ${inStore.size} in SQLite`);
      server = await startServerProcess({ dataDir, config: { port } });
    }
    console.info(`CRASH1 ${figures.join('; ')}`);

    // Typing stops; the clients reconnect and bring what they typed while the server was down.
    for (const t of typists) t.stop();
    const everything = typists.flatMap((t) => t.typed);
    const holdsEverything = (doc: Y.Doc) => {
      const markers = markersIn(doc);
      return everything.every((m) => markers.has(m));
    };
    await waitFor(() => clients.every((c) => holdsEverything(c.doc)), 'every client to hold every edit', 60_000);
    const late = connect('Chair');
    await synced(late);
    expect(holdsEverything(late.doc)).toBe(true);
    // The restarted server takes new edits, stores them and relays them.
    typeInto(late.doc, shared[0]!, '[chair.1]');
    await waitFor(() => markersIn(witness.doc).has('[chair.1]'), "the chair's new edit to reach the others", 30_000);
    await server.kill();
    server = null;
    const final = readStoredDocument(dataDir, id);
    expect(final.pending).toBe(false);
    expect(holdsEverything(final.doc)).toBe(true);
    expect(markersIn(final.doc).has('[chair.1]')).toBe(true);
  });
});
