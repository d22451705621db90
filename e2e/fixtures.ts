import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The real thing: `server/main.ts` as `npm start` runs it (port 0, a fresh
 * data folder), and the admin command to create declarations, as a
 * secretariat would.
 */
const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');

export interface Participant {
  name: string;
  role: string;
  token: string;
  url: string;
}

export interface ServerHandle {
  baseUrl: string;
  dataDir: string;
  demoId: string;
  process: ChildProcess;
  admin(...args: string[]): Promise<string>;
  createDeclaration(title: string, participants: { chair: string; delegations?: string[]; observers?: string[]; secretariat?: string }): Promise<{ id: string; participants: Participant[] }>;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function startServer(dataDir: string, port = '0'): Promise<{ process: ChildProcess; baseUrl: string; demoId: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => process.env.E2E_SERVER_LOG && process.stderr.write(chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 45_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(output);
      const declaration = /Every participant's link: npm run admin -- participants (\S+)/.exec(output);
      if (url && declaration) {
        clearTimeout(timer);
        resolve({ process: child, baseUrl: url[1]!.replace('localhost', '127.0.0.1'), demoId: declaration[1]! });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

export async function launchServer(): Promise<ServerHandle> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-e2e-'));
  let current = await startServer(dataDir);
  const port = new URL(current.baseUrl).port;
  const handle: ServerHandle = {
    baseUrl: current.baseUrl,
    dataDir,
    demoId: current.demoId,
    process: current.process,
    async admin(...args) {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/admin/cli.ts', ...args], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: handle.baseUrl },
      });
      return stdout;
    },
    async createDeclaration(title, people) {
      const args = ['create', '--title', title, '--chair', people.chair];
      for (const d of people.delegations ?? []) args.push('--delegation', d);
      for (const o of people.observers ?? []) args.push('--observer', o);
      if (people.secretariat) args.push('--secretariat', people.secretariat);
      return JSON.parse(await handle.admin(...args));
    },
    async stop() {
      const exited = new Promise((r) => handle.process.once('exit', r));
      handle.process.kill('SIGTERM');
      await exited;
    },
    async start() {
      // Same port, so that open pages reconnect by themselves.
      current = await startServer(dataDir, port);
      handle.process = current.process;
    },
  };
  return handle;
}

/** A zero draft written to a file of its own in a fresh temporary folder, for the import dialog or `admin create --import`. */
export function draftFile(name: string, lines: readonly string[] | string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-draft-')), name);
  fs.writeFileSync(file, typeof lines === 'string' ? lines : lines.join('\n'));
  return file;
}

/** A page signed in through a participant's link, in a browser context of its own. */
export async function openAs(browser: Browser, participant: Participant, { indexedDb = true }: { indexedDb?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext();
  // A browser that keeps nothing on the device, as some private modes (SPEC OFF1).
  if (!indexedDb) await context.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
  const page = await context.newPage();
  await page.goto(participant.url.replace('localhost', '127.0.0.1'));
  // A loaded machine may take a while to build the first screen.
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  return page;
}

/** Opens Export → Import a draft… on the chair's or the secretariat's page and gives it `file`: the preview follows. */
export async function chooseDraft(page: Page, file: string): Promise<void> {
  await page.getByTestId('open-export').click();
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-file').setInputFiles(file);
}

/** Each clause's label and text as typed: without the other delegations' caret labels. */
export function clauseTexts(page: Page): Promise<{ label: string | null; text: string | null }[]> {
  return page.getByTestId('clause').evaluateAll((nodes) =>
    nodes.map((node) => {
      // A row that has just mounted may not have its editor's element yet: report no text, and let the poll try again.
      const editor = node.querySelector('.ProseMirror');
      if (!editor) return { label: node.getAttribute('data-label'), text: null };
      const copy = editor.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return { label: node.getAttribute('data-label'), text: copy.textContent };
    }),
  );
}

/** The clauses' texts in reading order. */
export async function texts(page: Page): Promise<(string | null)[]> {
  return (await clauseTexts(page)).map(({ text }) => text);
}

/** A fresh declaration with its chair and two delegations, for tests that edit. */
export interface TwoDelegations {
  id: string;
  chair: Participant;
  chile: Participant;
  peru: Participant;
}

export const test = base.extend<{ delegations: TwoDelegations }, { server: ServerHandle }>({
  delegations: async ({ server }, use) => {
    const created = await server.createDeclaration('Test declaration', { chair: 'Argentina', delegations: ['Chile', 'Peru'] });
    const find = (name: string) => created.participants.find((p) => p.name === name)!;
    await use({ id: created.id, chair: find('Argentina'), chile: find('Chile'), peru: find('Peru') });
  },
  server: [
    // Playwright reads a fixture's dependencies from this pattern: it must be an object pattern, even empty.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await launchServer();
      await use(server);
      await server.stop().catch(() => undefined);
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

export { expect };
