import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { admin, PROJECT } from '../testing/adminCommand.ts';

interface PrintedParticipant {
  name: string;
  role: string;
  token: string;
  url: string;
}

interface RunningMain {
  /** The address the server printed ("Consenso is running at …"). */
  address: string;
  port: number;
  stop(): Promise<void>;
}

/** Generous: the server starts node and tsx and creates the demo, on a machine shared with other test runs. */
const START_TIMEOUT_MS = 60_000;

/** `npm start`'s server (server/main.ts), as a process of its own with its own environment. */
function startMain(dataDir: string, env: Record<string, string>): Promise<RunningMain> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: PROJECT,
    env: { ...process.env, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', PUBLIC_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start: ${stderr}`));
    }, START_TIMEOUT_MS);
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /Consenso is running at (\S+)/.exec(stdout);
      // The whole start message is out once the command listing every link is.
      if (match && stdout.includes('npm run admin -- participants')) {
        clearTimeout(timer);
        const port = Number(/(?:\[[^\]]*\]|[^:/]+):(\d+)\/?$/.exec(match[1]!)?.[1] ?? NaN);
        resolve({
          address: match[1]!,
          port,
          stop: () => {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!/Consenso is running at/.test(stdout)) reject(new Error(`the server exited (${code}): ${stderr}`));
    });
  });
}

const demoId = async (dataDir: string): Promise<string> => {
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(path.join(dataDir, 'consenso.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT id FROM declarations ORDER BY rowid LIMIT 1').get() as { id: string }).id;
  } finally {
    db.close();
  }
};

describe('npm run admin -- participants: the links have the server\'s address', () => {
  const dirs: string[] = [];
  const running: RunningMain[] = [];
  afterEach(async () => {
    for (const server of running.splice(0)) await server.stop();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempDataDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-address-'));
    dirs.push(dir);
    return dir;
  };

  it('ADM1: without a stored address (no server ever started) the links use the command\'s own environment, and it says so on standard error', async () => {
    const dataDir = tempDataDir();
    const created = await admin(dataDir, ['create', '--title', 'T', '--chair', 'Argentina', '--delegation', 'Chile'], { PORT: '8123' });
    expect(created.code, created.stderr).toBe(0);
    const result = JSON.parse(created.stdout) as { participants: PrintedParticipant[] };
    for (const p of result.participants) expect(p.url.startsWith('http://localhost:8123/d/')).toBe(true);
    expect(created.stderr).toContain('No server has started on');
    expect(created.stderr).toContain('the links use http://localhost:8123');
  }, 180_000);

  it('ADM1: the links use the port the server listens on, whatever PORT the command has; with PUBLIC_URL set on the server, they use it', async () => {
    const dataDir = tempDataDir();
    const first = await startMain(dataDir, {});
    running.push(first);
    expect(first.port).toBeGreaterThan(0);
    expect(first.address).toBe(`http://localhost:${first.port}`);
    const id = await demoId(dataDir);

    // The command runs with another PORT (and none at all): the links are the server's.
    for (const env of [{ PORT: String(first.port === 8080 ? 8081 : 8080) }, {}] as Record<string, string>[]) {
      const listed = await admin(dataDir, ['participants', id], env);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stderr).not.toContain('No server has started');
      const participants = JSON.parse(listed.stdout) as PrintedParticipant[];
      expect(participants.length).toBeGreaterThan(15);
      for (const p of participants) expect(p.url).toBe(`http://localhost:${first.port}/d/${id}?token=${p.token}`);
      // And they open the running declaration.
      const chair = participants.find((p) => p.role === 'chair')!;
      const opened = await fetch(chair.url, { redirect: 'manual' });
      expect(opened.status).toBe(303);
      expect(opened.headers.get('set-cookie')).toContain(`consenso_${id}=${chair.token}`);
    }
    await running.pop()!.stop();

    // Started again behind a public address: the links follow it, whatever the command's environment.
    const publicUrl = 'https://consenso.example.org:8443';
    running.push(await startMain(dataDir, { PUBLIC_URL: publicUrl }));
    const listed = await admin(dataDir, ['participants', id], { PORT: '9', PUBLIC_URL: 'http://elsewhere.example:1' });
    expect(listed.code, listed.stderr).toBe(0);
    for (const p of JSON.parse(listed.stdout) as PrintedParticipant[]) expect(p.url).toBe(`${publicUrl}/d/${id}?token=${p.token}`);
  }, 300_000);
});
