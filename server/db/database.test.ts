import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from './database.ts';

const PROJECT = path.resolve(import.meta.dirname, '../..');

/**
 * A separate process that loads database.ts, says "ready", waits for the
 * `go` file and then opens the data folder: several of them open it at the
 * same instant, as the server and the admin command may.
 */
const OPENER = `
import fs from 'node:fs';
import { openDatabase } from './server/db/database.ts';
const [dataDir, go] = process.argv.slice(-2);
process.stdout.write('ready\\n');
while (!fs.existsSync(go)) {}
const db = openDatabase(dataDir, 'normal');
db.close();
process.stdout.write('opened\\n');
`;

function opener(dataDir: string, go: string): { ready: Promise<void>; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', OPENER, dataDir, go], {
    cwd: PROJECT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('ready')) resolve();
    });
  });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  return { ready, done };
}

describe('database', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('CLI2, DEMO1: the server and the admin command opening an empty DATA_DIR at the same moment both succeed', async () => {
    for (let round = 0; round < 2; round++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-race-'));
      dirs.push(dir);
      const dataDir = path.join(dir, 'data');
      const go = path.join(dir, 'go');
      const openers = Array.from({ length: 3 }, () => opener(dataDir, go));
      await Promise.all(openers.map((o) => o.ready));
      fs.writeFileSync(go, '');
      for (const result of await Promise.all(openers.map((o) => o.done))) {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('opened');
      }
      const db = openDatabase(dataDir, 'normal');
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
        const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
        expect(tables).toEqual(expect.arrayContaining(['declarations', 'doc_updates', 'participants']));
      } finally {
        db.close();
      }
    }
  });

  it('CLI2: opening a data folder again keeps what is in it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-db-'));
    dirs.push(dir);
    const first = openDatabase(path.join(dir, 'nested', 'data'), 'full');
    expect(first.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(first.pragma('foreign_keys', { simple: true })).toBe(1);
    first.prepare('INSERT INTO declarations (id, created_at) VALUES (?, ?)').run('kept', 1);
    first.close();
    const second = openDatabase(path.join(dir, 'nested', 'data'), 'normal');
    expect(second.prepare('SELECT id FROM declarations').all()).toEqual([{ id: 'kept' }]);
    expect(second.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    second.close();
  });
});
