import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { DeclarationSeed } from '../../shared/declarationSeed.ts';
import { readConfig, type Config } from '../config.ts';
import { createDeclaration, type ParticipantSpec } from '../declarations/createDeclaration.ts';
import { createLogger, type Logger } from '../logger.ts';
import { startServer, type RunningServer } from '../server.ts';
import { COLLAB_PATH } from '../../shared/protocol.ts';

/**
 * Integration-test helpers: the real server on port 0 over a real SQLite
 * file in a temporary folder, and stock y-websocket clients.
 */
export interface TestServer extends RunningServer {
  dataDir: string;
  config: Config;
  wsUrl: string;
  httpUrl: string;
  /** Stops the server and starts a new one on the same data folder. */
  restart(): Promise<TestServer>;
}

export async function startTestServer(overrides: Partial<Config> = {}, dataDir?: string, logger: Logger = createLogger({ quiet: true })): Promise<TestServer> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-test-'));
  const config: Config = { ...readConfig({ PORT: '0', DATA_DIR: dir, HOST: '127.0.0.1' }), ...overrides };
  const server = await startServer(config, logger);
  const test: TestServer = Object.assign(server, {
    dataDir: dir,
    config,
    wsUrl: `ws://127.0.0.1:${server.port}${COLLAB_PATH}`,
    httpUrl: `http://127.0.0.1:${server.port}`,
    restart: async () => {
      await server.close();
      return startTestServer({ ...overrides, port: 0 }, dir, logger);
    },
  });
  return test;
}

export function removeDataDir(server: TestServer): void {
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}

export interface CreatedDeclaration {
  id: string;
  tokens: Record<string, string>;
}

export function createTestDeclaration(server: RunningServer, seed: DeclarationSeed, participants: ParticipantSpec[]): CreatedDeclaration {
  const { id, participants: rows } = createDeclaration(server.db, server.secret, server.log, seed, participants);
  return { id, tokens: Object.fromEntries(rows.map((p) => [p.name, server.secret.tokenFor(p.id, p.generation)])) };
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** Any running server: this process's (startTestServer) or a child's (serverProcess.ts). */
export type ServerAddress = Pick<TestServer, 'wsUrl'>;

/** A stock y-websocket client, exactly as another program would connect. */
export function connectClient(server: ServerAddress, declarationId: string, token: string, options: { connect?: boolean } = {}): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, declarationId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
  });
  return {
    doc,
    provider,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (condition()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error(`Timed out waiting for ${what}`));
      else setTimeout(check, 10);
    };
    check();
  });
}

export function synced(client: TestClient): Promise<void> {
  return waitFor(() => client.provider.synced, 'the client to sync');
}

/** Resolves with the close event of a raw websocket connection. */
/** The HTTP status and Retry-After with which the server refused a websocket upgrade (e.g. 429 while a participant waits, WIRE4). */
export function upgradeRefusal(ws: WebSocket): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    ws.once('unexpected-response', (request, response) => {
      resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] as string | undefined });
      request.destroy();
    });
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
  });
}

export function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
}
