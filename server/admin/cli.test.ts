import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import {
  connectClient,
  createTestDeclaration,
  removeDataDir,
  startTestServer,
  synced,
  type TestClient,
  type TestServer,
} from '../testing/testServer.ts';
import { admin } from '../testing/adminCommand.ts';

interface PrintedParticipant {
  name: string;
  role: string;
  token: string;
  url: string;
}

const CREATE = ['create', '--title', 'T', '--chair', 'Argentina', '--delegation', 'Chile', '--observer', 'Spain', '--secretariat', 'Secretariat'];

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-cli-'));
  dirs.push(dir);
  return dir;
}

function declarationsIn(dataDir: string): { declarations: number; participants: number; updates: number } {
  const db = new Database(path.join(dataDir, 'consenso.sqlite'), { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return { declarations: count('declarations'), participants: count('participants'), updates: count('doc_updates') };
  } finally {
    db.close();
  }
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run admin', () => {
  it('CLI1: wrong usage exits 2 with the usage on standard error and nothing on standard output', async () => {
    const dataDir = tempDataDir();
    const runs = await Promise.all([
      admin(dataDir, ['create', '--title', 'T', '--delegation', 'Chile']),
      admin(dataDir, ['frobnicate']),
    ]);
    for (const run of runs) {
      expect(run.code, run.stderr).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('Usage:');
      expect(run.stderr).toContain('npm run admin -- create');
    }
    expect(runs[0]!.stderr).toContain('--chair');
    expect(runs[1]!.stderr).toContain('frobnicate');
    // Usage errors are found before anything is opened.
    expect(fs.existsSync(path.join(dataDir, 'consenso.sqlite'))).toBe(false);
  });

  it('CLI1: two chairs or a name given twice exit 1 with a message and create nothing', async () => {
    const dataDir = tempDataDir();
    const [twoChairs, twice] = await Promise.all([
      admin(dataDir, ['create', '--title', 'T', '--chair', 'Argentina', '--chair', 'Brazil']),
      admin(dataDir, ['create', '--title', 'T', '--chair', 'Argentina', '--delegation', 'Chile', '--observer', 'chile']),
    ]);
    expect(twoChairs.code).toBe(1);
    expect(twoChairs.stdout).toBe('');
    expect(twoChairs.stderr).toMatch(/exactly one chair/);
    expect(twice.code).toBe(1);
    expect(twice.stdout).toBe('');
    expect(twice.stderr).toMatch(/named twice/);
    expect(declarationsIn(dataDir)).toEqual({ declarations: 0, participants: 0, updates: 0 });
  });

  describe('while the server runs', () => {
    let server: TestServer | null = null;
    const clients: TestClient[] = [];
    afterEach(async () => {
      for (const c of clients.splice(0)) c.destroy();
      if (server) {
        await server.close();
        removeDataDir(server);
        server = null;
      }
    });

    it('CLI1, CLI2: create prints only {"id", "participants": [{"name", "role", "token", "url"}]}; participants prints the same array; the links work on the running server', async () => {
      const running = (server = await startTestServer());
      const created = await admin(running.dataDir, CREATE, { PUBLIC_URL: running.httpUrl });
      expect(created.code, created.stderr).toBe(0);
      // Standard output is the JSON and nothing else.
      const result = JSON.parse(created.stdout) as { id: string; participants: PrintedParticipant[] };
      expect(Object.keys(result).sort()).toEqual(['id', 'participants']);
      expect(result.id).toMatch(/^[A-Za-z0-9]{16}$/);
      expect(result.participants.map((p) => [p.name, p.role])).toEqual([
        ['Argentina', 'chair'],
        ['Chile', 'delegation'],
        ['Spain', 'observer'],
        ['Secretariat', 'secretariat'],
      ]);
      for (const p of result.participants) {
        expect(Object.keys(p).sort()).toEqual(['name', 'role', 'token', 'url']);
        expect(p.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(p.url).toBe(`${running.httpUrl}/d/${result.id}?token=${p.token}`);
      }
      expect(new Set(result.participants.map((p) => p.token)).size).toBe(4);
      expect(declarationsIn(running.dataDir)).toMatchObject({ declarations: 1, participants: 4 });

      // participants prints the same array, while the server runs.
      const listed = await admin(running.dataDir, ['participants', result.id], { PUBLIC_URL: running.httpUrl });
      expect(listed.code, listed.stderr).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual(result.participants);

      // Every printed link works on the running server.
      for (const p of result.participants) {
        const link = await fetch(p.url, { redirect: 'manual' });
        expect(link.status).toBe(303);
        expect(link.headers.get('set-cookie')).toContain(`consenso_${result.id}=${p.token}`);
        const session = await fetch(`${running.httpUrl}/api/declarations/${result.id}/session`, { headers: { Authorization: `Bearer ${p.token}` } });
        expect(session.status).toBe(200);
        expect(((await session.json()) as { participant: { name: string; role: string } }).participant).toMatchObject({ name: p.name, role: p.role });
      }

      // The collaboration socket takes the printed token too, and the document has the title given.
      const chile = result.participants.find((p) => p.name === 'Chile')!;
      const client = connectClient(running, result.id, chile.token);
      clients.push(client);
      await synced(client);
      expect(toPlainText(readDeclaration(client.doc).meta.title)).toBe('T');
    });

    it('CLI2: participants prints working links for a declaration the server made, while it runs', async () => {
      const running = (server = await startTestServer());
      const made = createTestDeclaration(running, emptySeed(plain('Made by the server')), [
        { name: 'Argentina', role: 'chair' },
        { name: 'Peru', role: 'delegation' },
      ]);
      const listed = await admin(running.dataDir, ['participants', made.id], { PUBLIC_URL: running.httpUrl });
      expect(listed.code, listed.stderr).toBe(0);
      const participants = JSON.parse(listed.stdout) as PrintedParticipant[];
      expect(participants.map((p) => [p.name, p.role, p.token])).toEqual([
        ['Argentina', 'chair', made.tokens.Argentina],
        ['Peru', 'delegation', made.tokens.Peru],
      ]);
      for (const p of participants) {
        const session = await fetch(`${running.httpUrl}/api/declarations/${made.id}/session`, { headers: { Authorization: `Bearer ${p.token}` } });
        expect(session.status).toBe(200);
        expect(((await session.json()) as { participant: { name: string } }).participant.name).toBe(p.name);
      }
    });
  });
});
