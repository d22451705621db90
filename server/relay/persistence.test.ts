import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import type { Declaration } from '../../shared/declaration.ts';
import { buenosAires2023Participants } from '../../shared/fixtures/buenosAires2023.ts';
import { buildOutline } from '../../shared/outline.ts';
import { toPlainText } from '../../shared/richText.ts';
import { openDatabase, type Db } from '../db/database.ts';
import { insertDeclaration, listDeclarationIds } from '../db/declarations.ts';
import { listParticipants } from '../db/participants.ts';
import { createUpdateLog, type UpdateLog } from '../db/updateLog.ts';
import { ensureDemo } from '../demo.ts';
import type { Logger } from '../logger.ts';
import {
  connectClient,
  createTestDeclaration,
  removeDataDir,
  startTestServer,
  synced,
  waitFor,
  type CreatedDeclaration,
  type TestClient,
  type TestServer,
} from '../testing/testServer.ts';
import { clauseTexts, smallParticipants, smallSeed } from '../testing/documents.ts';
import { COMPACT_EVERY, DurableWriter } from './persist.ts';

const seed = smallSeed;
const people = smallParticipants;

const texts = clauseTexts;

/** readDeclaration with its clauses in a fixed order (the map's own order depends on history). */
const normalized = (doc: Y.Doc): Declaration => {
  const declaration = readDeclaration(doc);
  return { ...declaration, clauses: [...declaration.clauses].sort((a, b) => (a.id < b.id ? -1 : 1)) };
};

const firstClause = (doc: Y.Doc, kind: 'preamble' | 'operative') => readDeclaration(doc).clauses.find((c) => c.kind === kind)!.id;

/** Types one character at a time at the end of the clause, one update each, as a person typing would. */
function typeSlowly(doc: Y.Doc, clauseId: string, text: string): void {
  const body = clausesMap(doc).get(clauseId)!.get(CLAUSE_FIELD.body) as Y.XmlFragment;
  const xmlText = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  for (const character of text) xmlText.insert(xmlText.length, character);
}

/** The document as the update log holds it. */
function docFromLog(log: UpdateLog, id: string): Y.Doc {
  const doc = new Y.Doc();
  for (const update of log.read(id).updates) Y.applyUpdate(doc, update);
  return doc;
}

/** A logger that keeps what it is told, for assertions. */
function recordingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
  };
}

describe('persistence and rooms', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;
  const clients: TestClient[] = [];
  const client = (name: string) => {
    const c = connectClient(server, declaration.id, declaration.tokens[name]!);
    clients.push(c);
    return c;
  };

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    removeDataDir(server);
  });

  it(`SYNC5: after more than ${COMPACT_EVERY} updates the log is compacted, and a restart shows the same text`, async () => {
    server = await startTestServer();
    declaration = createTestDeclaration(server, seed, people);
    const chile = client('Chile');
    await synced(chile);
    const pp = firstClause(chile.doc, 'preamble');
    const typed = 'x'.repeat(COMPACT_EVERY + 100);
    typeSlowly(chile.doc, pp, typed);
    const expected = `Recognizing the first,${typed}`;
    await waitFor(() => texts(server.rooms.get(declaration.id).doc)[0] === expected, 'the server to have every keystroke', 15_000);
    // Compaction runs just after the update that triggers it.
    await waitFor(() => server.log.count(declaration.id) < COMPACT_EVERY, 'the log to be compacted');
    expect(server.log.count(declaration.id)).toBeLessThanOrEqual(1 + 100 + 1);
    // What the log holds is the document, nothing more and nothing less.
    expect(normalized(docFromLog(server.log, declaration.id))).toEqual(normalized(server.rooms.get(declaration.id).doc));
    const before = normalized(chile.doc);

    for (const c of clients.splice(0)) c.destroy();
    server = await server.restart();
    const peru = client('Peru');
    await synced(peru);
    expect(texts(peru.doc)).toEqual([expected, 'Decide the first;']);
    expect(normalized(peru.doc)).toEqual(before);
  });

  it('SYNC5: a long log is compacted when the declaration is loaded, without changing the document', async () => {
    server = await startTestServer();
    declaration = createTestDeclaration(server, seed, people);
    // Updates written by an earlier run of the server: more than 100 of them in the log.
    const writer = docFromLog(server.log, declaration.id);
    writer.on('update', (update: Uint8Array) => server.log.append(declaration.id, update));
    typeSlowly(writer, firstClause(writer, 'operative'), ' and the second'.repeat(5));
    typeSlowly(writer, firstClause(writer, 'preamble'), ' again'.repeat(10));
    expect(server.log.count(declaration.id)).toBeGreaterThan(100);
    expect(server.rooms.isOpen(declaration.id)).toBe(false);

    const chile = client('Chile');
    await synced(chile);
    expect(server.rooms.isOpen(declaration.id)).toBe(true);
    expect(server.log.count(declaration.id)).toBe(1);
    expect(texts(chile.doc)).toEqual([`Recognizing the first,${' again'.repeat(10)}`, `Decide the first;${' and the second'.repeat(5)}`]);
    expect(normalized(chile.doc)).toEqual(normalized(writer));
    expect(normalized(docFromLog(server.log, declaration.id))).toEqual(normalized(writer));
  });

  it('SYNC6: a declaration is loaded on first use and unloaded, compacted, when nobody has been connected for a while', async () => {
    server = await startTestServer({ idleUnloadMs: 50 });
    declaration = createTestDeclaration(server, seed, people);
    expect(server.rooms.isOpen(declaration.id)).toBe(false);
    const chile = client('Chile');
    const peru = client('Peru');
    await Promise.all([synced(chile), synced(peru)]);
    expect(server.rooms.isOpen(declaration.id)).toBe(true);
    typeSlowly(chile.doc, firstClause(chile.doc, 'preamble'), ' kept');
    await waitFor(() => texts(peru.doc)[0] === 'Recognizing the first, kept', 'Peru to see the edit');

    chile.destroy();
    // Peru is still there: the room stays.
    await waitFor(() => server.rooms.get(declaration.id).connections.size === 1, 'Chile to leave');
    // Longer than the idle time: a room with somebody in it is not unloaded.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.rooms.isOpen(declaration.id)).toBe(true);

    peru.destroy();
    await waitFor(() => !server.rooms.isOpen(declaration.id), 'the room to be unloaded');
    expect(server.log.count(declaration.id)).toBe(1);

    const again = client('Argentina');
    await synced(again);
    expect(server.rooms.isOpen(declaration.id)).toBe(true);
    expect(texts(again.doc)).toEqual(['Recognizing the first, kept', 'Decide the first;']);
  });

  it('SYNC6: a client coming back after the unload picks up where it left, offline edits included', async () => {
    server = await startTestServer({ idleUnloadMs: 50 });
    declaration = createTestDeclaration(server, seed, people);
    const chile = client('Chile');
    await synced(chile);
    chile.provider.disconnect();
    await waitFor(() => !server.rooms.isOpen(declaration.id), 'the room to be unloaded');
    typeSlowly(chile.doc, firstClause(chile.doc, 'operative'), ' offline');
    chile.provider.connect();
    const peru = client('Peru');
    await waitFor(() => peru.provider.synced && texts(peru.doc)[1] === 'Decide the first; offline', 'the offline edit to reach Peru');
    expect(texts(chile.doc)).toEqual(texts(peru.doc));
  });
});

describe('DurableWriter', () => {
  let dir: string;
  let db: Db;
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function setup(declarationExists = true) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-writer-'));
    db = openDatabase(dir, 'normal');
    const log = createUpdateLog(db);
    if (declarationExists) insertDeclaration(db, 'decl');
    const doc = new Y.Doc();
    const logger = recordingLogger();
    const broadcast: Uint8Array[] = [];
    const countsAtBroadcast: number[] = [];
    const writer = new DurableWriter(
      log,
      'decl',
      logger,
      (update) => {
        broadcast.push(update);
        countsAtBroadcast.push(log.count('decl'));
      },
      () => Y.encodeStateAsUpdate(doc),
    );
    doc.on('update', (update: Uint8Array) => writer.write(update));
    return { log, doc, writer, logger, broadcast, countsAtBroadcast };
  }

  it('SYNC3: every update is in the log before it is handed on for broadcast', () => {
    const { doc, broadcast, countsAtBroadcast, writer } = setup();
    const text = doc.getText('t');
    for (let i = 0; i < 5; i++) text.insert(i, String(i));
    expect(broadcast).toHaveLength(5);
    expect(countsAtBroadcast).toEqual([1, 2, 3, 4, 5]);
    expect(writer.pending).toBe(false);
    writer.dispose();
  });

  it(`SYNC5: after ${COMPACT_EVERY} updates the log is compacted to a snapshot that holds the same document`, async () => {
    const { log, doc, writer, broadcast } = setup();
    const map = doc.getMap<number>('m');
    const text = doc.getText('t');
    for (let i = 0; i < COMPACT_EVERY + 10; i++) {
      if (i % 2 === 0) text.insert(text.length, String(i % 10));
      else map.set(`k${i % 50}`, i);
    }
    text.delete(0, 5);
    expect(broadcast).toHaveLength(COMPACT_EVERY + 11);
    await new Promise((resolve) => setImmediate(resolve));
    // The snapshot replaced the first COMPACT_EVERY updates; the later ones stay.
    expect(log.count('decl')).toBe(1 + 11);
    const rebuilt = docFromLog(log, 'decl');
    expect(rebuilt.getText('t').toString()).toBe(text.toString());
    expect(rebuilt.getMap('m').toJSON()).toEqual(map.toJSON());
    // A compaction of everything leaves one entry and the same document.
    writer.compact();
    expect(log.count('decl')).toBe(1);
    const again = docFromLog(log, 'decl');
    expect(again.getText('t').toString()).toBe(text.toString());
    expect(again.getMap('m').toJSON()).toEqual(map.toJSON());
    expect(Y.encodeStateVector(again)).toEqual(Y.encodeStateVector(doc));
    writer.dispose();
  });

  it('SYNC5: compacting a prefix keeps the updates after it, in order', () => {
    const { log, doc, writer } = setup();
    const text = doc.getText('t');
    text.insert(0, 'abc');
    const { lastSeq } = log.read('decl');
    text.insert(3, 'def');
    text.delete(0, 1);
    // Compaction up to the first update, with a state that already has the later ones.
    writer.compact(lastSeq);
    const { updates } = log.read('decl');
    expect(updates).toHaveLength(3);
    expect(docFromLog(log, 'decl').getText('t').toString()).toBe('bcdef');
    writer.dispose();
  });

  it('SYNC3: while the log cannot be written nothing is broadcast; once it can, everything held is', async () => {
    // The declaration row is missing, so the foreign key refuses every append.
    const { log, doc, writer, logger, broadcast } = setup(false);
    const text = doc.getText('t');
    text.insert(0, 'held ');
    text.insert(5, 'back');
    expect(broadcast).toHaveLength(0);
    expect(writer.pending).toBe(true);
    expect(logger.lines.some((l) => l.level === 'error')).toBe(true);
    insertDeclaration(db, 'decl');
    await waitFor(() => !writer.pending, 'the retry', 5000);
    expect(broadcast.length).toBeGreaterThan(0);
    const received = new Y.Doc();
    for (const update of broadcast) Y.applyUpdate(received, update);
    expect(received.getText('t').toString()).toBe('held back');
    expect(docFromLog(log, 'decl').getText('t').toString()).toBe('held back');
    writer.dispose();
  });
});

describe('demo declaration', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.close();
    removeDataDir(server);
  });

  it('DEMO1: the first start creates the Declaration of Buenos Aires with Argentina in the chair; a second start creates nothing', async () => {
    server = await startTestServer();
    const id = ensureDemo(server.db, server.secret, server.log);
    expect(id).not.toBeNull();
    expect(listDeclarationIds(server.db)).toEqual([id]);

    const doc = docFromLog(server.log, id!);
    const declaration = readDeclaration(doc);
    const outline = buildOutline(declaration.clauses);
    expect(outline.preamble).toHaveLength(13);
    expect(outline.operative).toHaveLength(12);
    expect(outline.operative.map((n) => n.children.length)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4]);
    expect(declaration.clauses).toHaveLength(13 + 12 + 4);
    expect(declaration.signatories).toHaveLength(16);
    expect(declaration.signatories[0]).toMatchObject({ name: 'Jorge Taiana', state: 'República Argentina' });
    expect(toPlainText(declaration.meta.title)).toBe('Declaration of Buenos Aires "The commitment to make peace" (2023)');

    const participants = listParticipants(server.db, id!);
    const byRole = (role: string) => participants.filter((p) => p.role === role).map((p) => p.name);
    expect(byRole('chair')).toEqual(['Argentina']);
    expect(byRole('delegation')).toEqual(buenosAires2023Participants.delegations);
    expect(byRole('delegation')).toHaveLength(15);
    expect(byRole('secretariat')).toEqual(['Secretariat']);
    expect(byRole('observer')).toEqual(['Spain']);
    expect(participants).toHaveLength(18);

    // The chair's link opens it on the server.
    const chair = participants.find((p) => p.role === 'chair')!;
    const client = connectClient(server, id!, server.secret.tokenFor(chair.id, chair.generation));
    try {
      await synced(client);
      expect(texts(client.doc)).toEqual(texts(doc));
    } finally {
      client.destroy();
    }

    expect(ensureDemo(server.db, server.secret, server.log)).toBeNull();
    server = await server.restart();
    expect(ensureDemo(server.db, server.secret, server.log)).toBeNull();
    expect(listDeclarationIds(server.db)).toEqual([id]);
    expect(listParticipants(server.db, id!)).toHaveLength(18);
  });
});

describe('npm start on an empty DATA_DIR', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Starts the real server process and resolves with what it printed once it is up; stops it. */
  function firstStart(dataDir: string): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', PUBLIC_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Promise((resolve, reject) => {
      let stdout = '';
      let stderr = '';
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`the server did not start: ${stderr}`));
      }, 45_000);
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('npm run admin -- participants')) {
          clearTimeout(timer);
          child.once('exit', () => resolve(stdout));
          child.kill('SIGTERM');
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        if (!stdout.includes('npm run admin -- participants')) reject(new Error(`the server exited (${code}): ${stderr}`));
      });
    });
  }

  it('DEMO1: prints the chair\'s and the secretariat\'s links and the command listing every link', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-start-'));
    dirs.push(dataDir);
    const printed = await firstStart(dataDir);
    expect(printed).toContain('Created the demo declaration');
    const id = /^Declaration (\w+)$/m.exec(printed)![1]!;
    expect(printed).toMatch(new RegExp(`Chair \\(Argentina\\): http://localhost:\\d+/d/${id}\\?token=[A-Za-z0-9_-]{43}`));
    expect(printed).toMatch(new RegExp(`Secretariat \\(Secretariat\\): http://localhost:\\d+/d/${id}\\?token=[A-Za-z0-9_-]{43}`));
    expect(printed).toContain(`npm run admin -- participants ${id}`);
    expect(printed).not.toMatch(/Chile|Spain/);
    // A second start creates nothing more.
    const second = await firstStart(dataDir);
    expect(second).not.toContain('Created the demo declaration');
    expect(second.match(/^Declaration \w+$/gm)).toEqual([`Declaration ${id}`]);
  }, 120_000);
});
