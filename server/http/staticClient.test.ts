import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeDataDir, startTestServer, type TestServer } from '../testing/testServer.ts';

describe('the built client', () => {
  let server: TestServer;
  let clientDir: string;

  beforeEach(async () => {
    // A stand-in for the built client, so that these tests do not depend on a build.
    clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-client-'));
    fs.mkdirSync(path.join(clientDir, 'assets'));
    fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><div id="root"></div>\n');
    fs.writeFileSync(path.join(clientDir, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
    fs.writeFileSync(path.join(clientDir, 'assets', 'index-abc.js'), 'console.log(1);\n');
    server = await startTestServer({ clientDir });
  });

  afterEach(async () => {
    await server.close();
    removeDataDir(server);
    fs.rmSync(clientDir, { recursive: true, force: true });
  });

  it('OFF2: the service worker and the page are always revalidated, hashed assets may be cached, and the CSP lets the worker run', async () => {
    const worker = await fetch(`${server.httpUrl}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    const csp = worker.headers.get('content-security-policy') ?? '';
    // A worker script is governed by worker-src, else script-src, else default-src: all must allow 'self'.
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/(worker-src|script-src)(?![^;]*'self')/);

    for (const page of ['/index.html', '/d/abc', '/']) {
      expect((await fetch(`${server.httpUrl}${page}`)).headers.get('cache-control'), page).toBe('no-cache');
    }
    expect((await fetch(`${server.httpUrl}/assets/index-abc.js`)).headers.get('cache-control')).toBe('public, max-age=3600');
  });
});
