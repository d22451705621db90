import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { plain } from '../../shared/richText.ts';
import { participantPalette } from '../../shared/participantColors.ts';
import { createTestDeclaration, removeDataDir, startTestServer, type CreatedDeclaration, type TestServer } from '../testing/testServer.ts';

const seed = emptySeed(plain('Test declaration'));
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
];

const INDEX_HTML = '<!doctype html><title>Consenso</title><div id="root"></div>\n';

interface ErrorBody {
  error: { id: string; message: string };
}

describe('HTTP: links and API', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;
  let clientDir: string;

  const get = (pathname: string, headers: Record<string, string> = {}) =>
    fetch(`${server.httpUrl}${pathname}`, { redirect: 'manual', headers });
  const session = (id: string, headers: Record<string, string> = {}) => get(`/api/declarations/${id}/session`, headers);
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeEach(async () => {
    // A stand-in for the built client, so that these tests do not depend on a build.
    clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-client-'));
    fs.writeFileSync(path.join(clientDir, 'index.html'), INDEX_HTML);
    server = await startTestServer({ clientDir });
    declaration = createTestDeclaration(server, seed, people);
  });
  afterEach(async () => {
    await server.close();
    removeDataDir(server);
    fs.rmSync(clientDir, { recursive: true, force: true });
  });

  it('AUTH3: opening a valid link sets an HttpOnly, SameSite=Lax cookie and redirects to the address without the token', async () => {
    const token = declaration.tokens.Chile!;
    const response = await get(`/d/${declaration.id}?token=${token}`);
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location).toBe(`/d/${declaration.id}`);
    expect(location).not.toContain(token);
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie.startsWith(`consenso_${declaration.id}=${token};`)).toBe(true);
    expect(cookie).toMatch(/; HttpOnly(;|$)/);
    expect(cookie).toMatch(/; SameSite=Lax(;|$)/);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).toMatch(/; Max-Age=[1-9]\d*(;|$)/);
    // Plain http here: no Secure attribute, or the browser would drop the cookie.
    expect(cookie).not.toMatch(/Secure/);
  });

  it('AUTH3: the cookie is Secure when PUBLIC_URL is https', async () => {
    await server.close();
    server = await startTestServer({ clientDir, publicUrl: 'https://consenso.example.org' }, server.dataDir);
    const response = await get(`/d/${declaration.id}?token=${declaration.tokens.Chile}`);
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure(;|$)/);
  });

  it('AUTH3: an invalid, unknown or other declaration\'s token redirects and clears the cookie', async () => {
    const other = createTestDeclaration(server, seed, people);
    for (const token of ['not-a-token', 'x'.repeat(43), other.tokens.Chile!]) {
      const response = await get(`/d/${declaration.id}?token=${encodeURIComponent(token)}`);
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/d/${declaration.id}`);
      const cookie = response.headers.get('set-cookie')!;
      expect(cookie.startsWith(`consenso_${declaration.id}=;`)).toBe(true);
      expect(cookie).toMatch(/; Max-Age=0(;|$)/);
      expect(cookie).toMatch(/; HttpOnly(;|$)/);
    }
  });

  it('AUTH3: the address without a token serves the page, with the security headers', async () => {
    for (const pathname of [`/d/${declaration.id}`, '/']) {
      const response = await get(pathname);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toBe(INDEX_HTML);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('AUTH4: the session answers a Bearer token with the participant\'s name, role and colour', async () => {
    const response = await session(declaration.id, bearer(declaration.tokens.Chile!));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { declarationId: string; participant: { id: string; name: string; role: string; color: string } };
    expect(body.declarationId).toBe(declaration.id);
    expect(body.participant).toMatchObject({ name: 'Chile', role: 'delegation' });
    expect(participantPalette()).toContain(body.participant.color);
    const observer = (await (await session(declaration.id, bearer(declaration.tokens.Spain!))).json()) as typeof body;
    expect(observer.participant).toMatchObject({ name: 'Spain', role: 'observer' });
    expect(observer.participant.color).not.toBe(body.participant.color);
  });

  it('AUTH3, AUTH4: the cookie set by the link signs the API in', async () => {
    const link = await get(`/d/${declaration.id}?token=${declaration.tokens.Argentina}`);
    const cookie = link.headers.get('set-cookie')!.split(';')[0]!;
    const response = await session(declaration.id, { Cookie: cookie });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { participant: { name: string; role: string } }).participant).toMatchObject({ name: 'Argentina', role: 'chair' });
    // The cookie of one declaration does not sign in to another.
    const other = createTestDeclaration(server, seed, people);
    expect((await session(other.id, { Cookie: cookie })).status).toBe(401);
  });

  it('AUTH4: no token, a malformed or unknown token, or another declaration\'s token is a 401 with { error: { id, message } }', async () => {
    const other = createTestDeclaration(server, seed, people);
    const attempts: Record<string, string>[] = [
      {},
      bearer('garbage'),
      bearer('x'.repeat(43)),
      bearer(other.tokens.Chile!),
      { Cookie: `consenso_${declaration.id}=${'y'.repeat(43)}` },
      { Cookie: `consenso_${other.id}=${other.tokens.Chile}` },
    ];
    for (const headers of attempts) {
      const response = await session(declaration.id, headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.id).toBe('invalid-token');
      expect(body.error.message).toEqual(expect.any(String));
      expect(body.error.message).not.toBe('');
    }
  });

  it('AUTH4: the session of an unknown declaration is a 404 with { error: { id: "declaration-not-found" } }', async () => {
    for (const headers of [bearer(declaration.tokens.Chile!), {}]) {
      const response = await session('NoSuchDeclaration', headers);
      expect(response.status).toBe(404);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.id).toBe('declaration-not-found');
      expect(body.error.message).toContain('NoSuchDeclaration');
    }
  });

  it('AUTH4: an unknown /api address is a JSON 404, never the page', async () => {
    for (const pathname of ['/api/nope', '/api/declarations', `/api/declarations/${declaration.id}/nothing-here`]) {
      const response = await get(pathname, bearer(declaration.tokens.Chile!));
      expect(response.status, pathname).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.id).toBe('not-found');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('AUTH1: the database holds only the SHA-256 of each 256-bit token, never the token', async () => {
    const tokens = Object.values(declaration.tokens);
    expect(tokens).toHaveLength(people.length);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
    await server.close();
    const db = new Database(path.join(server.dataDir, 'consenso.sqlite'), { readonly: true });
    try {
      const columns = (db.pragma('table_info(participants)') as { name: string }[]).map((c) => c.name);
      expect(columns).toContain('token_hash');
      expect(columns.filter((c) => c !== 'token_hash' && /token/i.test(c))).toEqual([]);
      const rows = db.prepare('SELECT * FROM participants WHERE declaration_id = ?').all(declaration.id) as Record<string, unknown>[];
      expect(rows).toHaveLength(people.length);
      for (const row of rows) {
        for (const value of Object.values(row)) {
          for (const token of tokens) expect(String(value)).not.toContain(token);
        }
        const name = row.name as string;
        expect(row.token_hash).toBe(crypto.createHash('sha256').update(declaration.tokens[name]!).digest('hex'));
      }
      // Nowhere else in the database either.
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      for (const table of tables) {
        for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
          for (const value of Object.values(row)) {
            const text = Buffer.isBuffer(value) ? value.toString('latin1') : String(value);
            for (const token of tokens) expect(text, table).not.toContain(token);
          }
        }
      }
    } finally {
      db.close();
    }
  });
});
