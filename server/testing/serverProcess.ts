import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { DeclarationSeed } from '../../shared/declarationSeed.ts';
import { COLLAB_PATH } from '../../shared/protocol.ts';
import type { Config } from '../config.ts';
import type { ParticipantSpec } from '../declarations/createDeclaration.ts';
import type { CreatedDeclaration } from './testServer.ts';

/**
 * The real server as a separate process (childServer.ts), so that a test can
 * kill it with SIGKILL — no close handler, no last write — and start another
 * on the same DATA_DIR, as after a crash (docs/SPEC.md CRASH1, FUZZ1).
 * The benchmark has its own child (bench/serverProcess.ts), which measures
 * rather than crashes.
 */
export interface ServerProcess {
  port: number;
  wsUrl: string;
  httpUrl: string;
  dataDir: string;
  /** The declaration the child created when asked to, with each participant's token. */
  declaration: CreatedDeclaration | null;
  /** Whether the process is still running. */
  running(): boolean;
  /** Kills the process with SIGKILL and waits until it is gone. */
  kill(): Promise<void>;
}

export interface ServerProcessOptions {
  dataDir: string;
  /** Config fields laid over the defaults (e.g. a port to come back on, refusalWaitMs). */
  config?: Partial<Config>;
  /** A declaration for the child to create before it reports. */
  create?: { seed: DeclarationSeed; participants: ParticipantSpec[] };
}

/** Generous: the child starts node and tsx, on a machine shared with other test runs. */
const START_TIMEOUT_MS = 60_000;
const CHILD = path.join(import.meta.dirname, 'childServer.ts');

export function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: options.dataDir, CONSENSO_TEST_CONFIG: JSON.stringify(options.config ?? {}) };
  if (options.create) env.CONSENSO_TEST_CREATE = JSON.stringify(options.create);
  else delete env.CONSENSO_TEST_CREATE;
  const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the server process did not report within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const onExit = (code: number | null, signal: string | null) => fail(new Error(`the server process exited before it listened (code ${code}, signal ${signal})`));
    function fail(error: Error) {
      clearTimeout(timer);
      child.off('exit', onExit);
      if (isRunning()) child.kill('SIGKILL');
      reject(error);
    }
    child.once('exit', onExit);
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      output += chunk;
      const newline = output.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout!.removeAllListeners('data');
      // Keep draining its standard output so the child never blocks on a full pipe.
      child.stdout!.resume();
      const ready = JSON.parse(output.slice(0, newline)) as { port: number; declaration: CreatedDeclaration | null };
      resolve(describe(child, ready, options.dataDir, isRunning, exited));
    });
  });
}

function describe(child: ChildProcess, ready: { port: number; declaration: CreatedDeclaration | null }, dataDir: string, isRunning: () => boolean, exited: Promise<void>): ServerProcess {
  return {
    port: ready.port,
    wsUrl: `ws://127.0.0.1:${ready.port}${COLLAB_PATH}`,
    httpUrl: `http://127.0.0.1:${ready.port}`,
    dataDir,
    declaration: ready.declaration,
    running: isRunning,
    async kill() {
      if (isRunning()) child.kill('SIGKILL');
      await exited;
    },
  };
}
