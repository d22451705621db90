import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { plain } from '../../shared/richText.ts';
import { isSameOrigin } from '../auth/origin.ts';
import { getSettings } from '../db/settings.ts';
import { createTestDeclaration, removeDataDir, startTestServer, type CreatedDeclaration, type TestServer } from '../testing/testServer.ts';

/**
 * State-changing API requests signed in by the session cookie must come from
 * this server's own pages (docs/SPEC.md AUTH6): real requests against the
 * real server, with the headers a browser would send from another site.
 */
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
];
const EVIL = 'http://consenso.example.net';
const PUBLIC = 'https://consenso.example.org';

describe('same-origin check', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;
  let cookie: string;

  beforeEach(async () => {
    server = await startTestServer({ publicUrl: PUBLIC });
    declaration = createTestDeclaration(server, emptySeed(plain('Origin test')), people);
    const link = await fetch(`${server.httpUrl}/d/${declaration.id}?token=${declaration.tokens.Argentina}`, { redirect: 'manual' });
    cookie = link.headers.get('set-cookie')!.split(';')[0]!;
  });
  afterEach(async () => {
    await server.close();
    removeDataDir(server);
  });

  /** The chair lets observers comment: a change anyone can see in SQLite. */
  const changeSettings = (headers: Record<string, string>, method = 'PUT') =>
    fetch(`${server.httpUrl}/api/declarations/${declaration.id}/settings`, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ observersMayComment: true }),
    });
  const changed = () => getSettings(server.db, declaration.id).observersMayComment;

  it("AUTH6: a cookie-signed change sent from another site's page is refused with 403 cross-origin and changes nothing; from the server's own pages it goes through", async () => {
    const forged: Record<string, string>[] = [
      { Cookie: cookie, Origin: EVIL },
      { Cookie: cookie, Origin: 'null' },
      // Same host, another port: another origin.
      { Cookie: cookie, Origin: `http://127.0.0.1:${server.port + 1}` },
      { Cookie: cookie, Origin: 'http://consenso.example.org' },
      // Without Origin, the fetch metadata says where it came from.
      { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' },
      { Cookie: cookie, 'Sec-Fetch-Site': 'same-site' },
    ];
    for (const headers of forged) {
      for (const method of ['PUT', 'POST']) {
        const response = await changeSettings(headers, method);
        expect(response.status, `${method} ${JSON.stringify(headers)}`).toBe(403);
        const body = (await response.json()) as { error: { id: string; message: string } };
        expect(body.error).toEqual({ id: 'cross-origin', message: expect.stringContaining('another site') });
      }
    }
    expect(changed()).toBe(false);
    // The server's own pages: by PUBLIC_URL, by the address it was reached at, by fetch metadata.
    const own: Record<string, string>[] = [
      { Cookie: cookie, Origin: PUBLIC },
      { Cookie: cookie, Origin: server.httpUrl },
      { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' },
      // Neither header: not a browser, so not a page another site could have made send it.
      { Cookie: cookie },
    ];
    for (const headers of own) {
      const response = await changeSettings(headers);
      expect(response.status, JSON.stringify(headers)).toBe(200);
    }
    expect(changed()).toBe(true);
  });

  it('AUTH6: every state-changing method is checked — POST, PUT, PATCH, DELETE — the import routes before their body is read', async () => {
    const base = `${server.httpUrl}/api/declarations/${declaration.id}`;
    const attempts: [string, string][] = [
      ['POST', '/clauses/x/status'],
      ['POST', '/participants'],
      ['POST', '/threads'],
      ['PATCH', '/threads/abcdefgh/comments/c1'],
      ['DELETE', '/threads/abcdefgh/comments/c1'],
      ['POST', '/import/preview'],
      ['POST', '/import/create'],
    ];
    for (const [method, path] of attempts) {
      const response = await fetch(`${base}${path}`, { method, headers: { Cookie: cookie, Origin: EVIL, 'Content-Type': 'application/json' }, body: '{}' });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(((await response.json()) as { error: { id: string } }).error.id).toBe('cross-origin');
    }
  });

  it('AUTH6: what the cookie may not do from another site, a program with a Bearer token may; reading is never refused', async () => {
    expect((await changeSettings({ Cookie: cookie, Origin: EVIL })).status).toBe(403);
    const bearer = { Authorization: `Bearer ${declaration.tokens.Argentina}` };
    expect((await changeSettings({ ...bearer, Origin: EVIL })).status).toBe(200);
    expect(changed()).toBe(true);
    const read = await fetch(`${server.httpUrl}/api/declarations/${declaration.id}/session`, { headers: { Cookie: cookie, Origin: EVIL } });
    expect(read.status).toBe(200);
    // The cookie still decides who may: a delegation from our own page is refused by its role, not its origin.
    const chile = await fetch(`${server.httpUrl}/d/${declaration.id}?token=${declaration.tokens.Chile}`, { redirect: 'manual' });
    const refused = await changeSettings({ Cookie: chile.headers.get('set-cookie')!.split(';')[0]!, Origin: server.httpUrl });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { id: string } }).error.id).toBe('chair-only');
  });

  it('AUTH6: isSameOrigin reads a plain node:http request (as the websocket upgrade will): Host with the page\'s scheme and default ports, PUBLIC_URL, malformed origins', async () => {
    let publicUrl: string | null = null;
    const probe = http.createServer((request, response) => response.end(String(isSameOrigin(request, publicUrl))));
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    const ask = (headers: Record<string, string>) =>
      new Promise<string>((resolve, reject) => {
        const request = http.request({ host: '127.0.0.1', port, path: '/collab/x', headers }, (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => resolve(text));
        });
        request.on('error', reject);
        request.end();
      });
    try {
      expect(await ask({ Host: 'consenso.local', Origin: 'http://consenso.local' })).toBe('true');
      expect(await ask({ Host: 'consenso.local:80', Origin: 'http://consenso.local' })).toBe('true');
      expect(await ask({ Host: 'consenso.local', Origin: 'https://consenso.local' })).toBe('true');
      expect(await ask({ Host: 'consenso.local:8080', Origin: 'http://consenso.local:8080' })).toBe('true');
      expect(await ask({ Host: '[::1]:8080', Origin: 'http://[::1]:8080' })).toBe('true');
      expect(await ask({ Host: 'consenso.local:8080', Origin: 'http://consenso.local' })).toBe('false');
      expect(await ask({ Host: 'consenso.local', Origin: 'http://evil.local' })).toBe('false');
      expect(await ask({ Host: 'consenso.local', Origin: 'http://consenso.local/path' })).toBe('false');
      expect(await ask({ Host: 'consenso.local', Origin: 'ftp://consenso.local' })).toBe('false');
      expect(await ask({ Host: 'consenso.local', Origin: 'not a url' })).toBe('false');
      expect(await ask({ Host: 'proxy.internal:3000', Origin: PUBLIC })).toBe('false');
      publicUrl = PUBLIC;
      expect(await ask({ Host: 'proxy.internal:3000', Origin: PUBLIC })).toBe('true');
      expect(await ask({ Host: 'proxy.internal:3000', 'Sec-Fetch-Site': 'none' })).toBe('true');
      expect(await ask({ Host: 'proxy.internal:3000', 'Sec-Fetch-Site': 'cross-site' })).toBe('false');
      expect(await ask({ Host: 'proxy.internal:3000' })).toBe('true');
    } finally {
      await new Promise((resolve) => probe.close(resolve));
    }
  });
});
