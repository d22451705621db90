import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { toPlainText } from '../../shared/richText.ts';
import { databaseFile, SCHEMA_VERSION } from '../db/database.ts';
import { admin } from '../testing/adminCommand.ts';
import { smallParticipants, smallSeed, typeInto } from '../testing/documents.ts';
import { connectClient, createTestDeclaration, startTestServer, waitFor, type TestClient, type TestServer } from '../testing/testServer.ts';

const dirs: string[] = [];
const servers: TestServer[] = [];
const clients: TestClient[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-backup-'));
  dirs.push(dir);
  return dir;
}

async function serve(dataDir?: string): Promise<TestServer> {
  const server = await startTestServer({}, dataDir ?? tempDir());
  servers.push(server);
  return server;
}

function connect(server: TestServer, id: string, token: string): TestClient {
  const client = connectClient(server, id, token);
  clients.push(client);
  return client;
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Each clause's text by id. */
function textsOf(doc: Y.Doc): Map<string, string> {
  return new Map(readDeclaration(doc).clauses.map((c) => [c.id, toPlainText(c.body)]));
}

/** Generous: the machine is shared with other test runs. */
const synced = (client: TestClient) => waitFor(() => client.provider.synced, 'the client to sync', 60_000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const digest = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const oneLine = (text: string) => text.trim().split('\n').length === 1;

/** A pid that was alive a moment ago and is not any more. */
function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  return new Promise((resolve) => child.on('exit', () => resolve(child.pid!)));
}

describe('npm run admin -- backup / restore', () => {
  it('BACKUP1: a backup taken while delegations type holds every edit acknowledged before it began and nothing that was not typed; restored into a new folder, a server serves it', { timeout: 600_000 }, async () => {
    const running = await serve();
    const made = createTestDeclaration(running, smallSeed, smallParticipants);
    const watcher = connect(running, made.id, made.tokens.Argentina!);
    await synced(watcher);
    const clauseIds = readDeclaration(watcher.doc).clauses.map((c) => c.id);
    expect(clauseIds).toHaveLength(2);

    // Chile and Peru type without pause, each at the end of its own clause, each keystroke one update.
    let typing = true;
    const typists = ['Chile', 'Peru'].map((name, i) => ({ client: connect(running, made.id, made.tokens[name]!), clauseId: clauseIds[i]!, mark: name[0] }));
    await Promise.all(typists.map((t) => synced(t.client)));
    const typed = typists.map(async ({ client, clauseId, mark }) => {
      for (let n = 0; typing; n++) {
        typeInto(client.doc, clauseId, ` ${mark}${n}`);
        await sleep(5);
      }
    });

    // A reader holding one snapshot (as a long export would) keeps the checkpoints from folding
    // later writes into the database file: what is typed from now on is in the write-ahead log
    // only, where a plain copy of the file would miss it.
    const longReader = new Database(databaseFile(running.dataDir));
    longReader.exec('BEGIN');
    longReader.prepare('SELECT COUNT(*) FROM doc_updates').get();
    // What the watcher has received, the server had written before sending it (SYNC3): acknowledged.
    await waitFor(() => [...textsOf(watcher.doc).values()].every((text) => text.split(' ').length > 50), 'some typing to be acknowledged', 60_000);
    const acknowledged = textsOf(watcher.doc);
    const file = path.join(tempDir(), 'consenso-backup.sqlite');
    const backup = await admin(running.dataDir, ['backup', file]);
    const acknowledgedAfter = textsOf(watcher.doc);
    longReader.exec('COMMIT');
    longReader.close();
    typing = false;
    await Promise.all(typed);
    expect(backup.code, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toEqual({ file, bytes: fs.statSync(file).size, declarations: 1 });
    // The typing went on while the backup was made.
    for (const id of clauseIds) expect(acknowledgedAfter.get(id)!.length).toBeGreaterThan(acknowledged.get(id)!.length);
    // The backup is one file, readable on its own.
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);

    // Everything typed reaches the server; the watcher sees the final text.
    const final = new Map(typists.map(({ client, clauseId }) => [clauseId, textsOf(client.doc).get(clauseId)!]));
    await waitFor(() => clauseIds.every((id) => textsOf(watcher.doc).get(id) === final.get(id)), 'the watcher to see every edit', 60_000);

    // Restored into a new folder that keeps the link secret, as the README says.
    const fresh = tempDir();
    fs.copyFileSync(path.join(running.dataDir, 'link-secret'), path.join(fresh, 'link-secret'));
    const restore = await admin(fresh, ['restore', file]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(JSON.parse(restore.stdout)).toEqual({ file, dataDir: fresh, declarations: 1, replaced: null, newLinks: false });

    const restored = await serve(fresh);
    const reader = connect(restored, made.id, made.tokens.Chile!);
    await synced(reader);
    const texts = textsOf(reader.doc);
    for (const id of clauseIds) {
      // Every acknowledged edit is there…
      expect(texts.get(id)!.startsWith(acknowledged.get(id)!)).toBe(true);
      // …and the backup is one moment of the real history: a beginning of what was typed in the end.
      expect(final.get(id)!.startsWith(texts.get(id)!)).toBe(true);
    }
  });

  it('BACKUP1: backup never overwrites a file, and says so', { timeout: 300_000 }, async () => {
    const running = await serve();
    createTestDeclaration(running, smallSeed, smallParticipants);
    const file = path.join(tempDir(), 'taken.sqlite');
    fs.writeFileSync(file, 'an earlier backup');
    const run = await admin(running.dataDir, ['backup', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(oneLine(run.stderr)).toBe(true);
    expect(run.stderr).toContain(`${file} already exists`);
    expect(fs.readFileSync(file, 'utf8')).toBe('an earlier backup');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['taken.sqlite']);
  });

  it('BACKUP2: restore refuses while a server runs on the DATA_DIR and changes nothing; once it has stopped, restore puts the backup in place and keeps the database it replaces', { timeout: 400_000 }, async () => {
    const running = await serve();
    const made = createTestDeclaration(running, smallSeed, smallParticipants);
    const file = path.join(tempDir(), 'backup.sqlite');
    expect((await admin(running.dataDir, ['backup', file])).code).toBe(0);
    // A second declaration after the backup: the restore takes the database back to before it.
    const later = createTestDeclaration(running, smallSeed, smallParticipants);
    const before = fs.readdirSync(running.dataDir).sort();

    const refused = await admin(running.dataDir, ['restore', file]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(oneLine(refused.stderr)).toBe(true);
    expect(refused.stderr).toContain(`A Consenso server (process ${process.pid}) is running on ${running.dataDir}: stop it first`);
    expect(fs.readdirSync(running.dataDir).sort()).toEqual(before);
    // The server goes on serving both declarations.
    for (const id of [made.id, later.id]) await synced(connect(running, id, (id === made.id ? made : later).tokens.Chile!));

    await running.close();
    const restore = await admin(running.dataDir, ['restore', file]);
    expect(restore.code, restore.stderr).toBe(0);
    const result = JSON.parse(restore.stdout) as { replaced: string; declarations: number };
    expect(result.declarations).toBe(1);
    expect(path.dirname(result.replaced)).toBe(running.dataDir);
    const kept = new Database(result.replaced, { readonly: true });
    expect((kept.prepare('SELECT COUNT(*) AS n FROM declarations').get() as { n: number }).n).toBe(2);
    kept.close();
    const again = await serve(running.dataDir);
    const ids = (again.db.prepare('SELECT id FROM declarations').all() as { id: string }[]).map((r) => r.id);
    expect(ids).toEqual([made.id]);
  });

  it('BACKUP2: a server.pid left by a server that crashed does not block a restore', { timeout: 300_000 }, async () => {
    const source = await serve();
    createTestDeclaration(source, smallSeed, smallParticipants);
    const file = path.join(tempDir(), 'backup.sqlite');
    expect((await admin(source.dataDir, ['backup', file])).code).toBe(0);
    const dataDir = tempDir();
    fs.copyFileSync(path.join(source.dataDir, 'link-secret'), path.join(dataDir, 'link-secret'));
    fs.writeFileSync(path.join(dataDir, 'server.pid'), `${await deadPid()}\n`);
    const run = await admin(dataDir, ['restore', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(fs.existsSync(databaseFile(dataDir))).toBe(true);
  });

  it('BACKUP2: restore refuses a file that is not a Consenso database, or one of a newer version, with one line, and leaves the database as it was', { timeout: 400_000 }, async () => {
    const running = await serve();
    createTestDeclaration(running, smallSeed, smallParticipants);
    await running.close();
    const dataDir = running.dataDir;
    const original = digest(databaseFile(dataDir));
    const dir = tempDir();
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'Declaration of Lima\n1. To act.\n');
    const other = path.join(dir, 'other.sqlite');
    const otherDb = new Database(other);
    otherDb.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)');
    otherDb.close();
    const newer = path.join(dir, 'newer.sqlite');
    fs.copyFileSync(databaseFile(dataDir), newer);
    const newerDb = new Database(newer);
    newerDb.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    newerDb.close();

    // One after the other: two restores at once into one data folder rightly refuse each other (the database is in use).
    const runs = [];
    for (const file of [text, other, newer, path.join(dir, 'missing.sqlite')]) runs.push(await admin(dataDir, ['restore', file]));
    const messages = [
      `${text} is not a Consenso database`,
      `${other} is not a Consenso database (it has no declarations, participants, doc_updates table)`,
      `${newer} was written by a newer Consenso (schema ${SCHEMA_VERSION + 1}; this one knows up to ${SCHEMA_VERSION}): update Consenso, then restore.`,
      `There is no file ${path.join(dir, 'missing.sqlite')}.`,
    ];
    runs.forEach((run, i) => {
      expect(run.code, run.stderr).toBe(1);
      expect(run.stdout).toBe('');
      expect(oneLine(run.stderr)).toBe(true);
      expect(run.stderr).toContain(messages[i]);
    });
    expect(digest(databaseFile(dataDir))).toBe(original);
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('.restoring') || name.includes('.replaced-'))).toEqual([]);
  });

  it('BACKUP2: a backup whose links another link secret made is refused without --new-links; with it, every participant gets a new link that works', { timeout: 400_000 }, async () => {
    const source = await serve();
    const made = createTestDeclaration(source, smallSeed, smallParticipants);
    const file = path.join(tempDir(), 'backup.sqlite');
    expect((await admin(source.dataDir, ['backup', file])).code).toBe(0);

    const lost = path.join(tempDir(), 'elsewhere');
    const refused = await admin(lost, ['restore', file]);
    expect(refused.code).toBe(1);
    expect(oneLine(refused.stderr)).toBe(true);
    expect(refused.stderr).toContain('were made with another link secret');
    expect(refused.stderr).toContain('--new-links');
    expect(fs.existsSync(lost)).toBe(false);

    const restore = await admin(lost, ['restore', file, '--new-links']);
    expect(restore.code, restore.stderr).toBe(0);
    expect(JSON.parse(restore.stdout)).toMatchObject({ declarations: 1, newLinks: true });
    const listed = await admin(lost, ['participants', made.id]);
    expect(listed.code, listed.stderr).toBe(0);
    const links = JSON.parse(listed.stdout) as { name: string; token: string }[];
    expect(links.map((p) => p.name)).toEqual(smallParticipants.map((p) => p.name));

    const restored = await serve(lost);
    for (const { name, token } of links) {
      expect(token).not.toBe(made.tokens[name]);
      const session = await fetch(`${restored.httpUrl}/api/declarations/${made.id}/session`, { headers: { Authorization: `Bearer ${token}` } });
      expect(session.status, name).toBe(200);
      const old = await fetch(`${restored.httpUrl}/api/declarations/${made.id}/session`, { headers: { Authorization: `Bearer ${made.tokens[name]}` } });
      expect(old.status, name).toBe(401);
    }
    const audit = restored.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'participant-new-link'").all() as { actor: string; detail: string }[];
    expect(audit.map((a) => [a.actor, (JSON.parse(a.detail) as { name: string }).name])).toEqual(smallParticipants.map((p) => ['npm run admin', p.name]));
  });
});
