import { afterEach, describe, expect, it } from 'vitest';
import { listAudit } from '../db/auditLog.ts';
import { admin } from '../testing/adminCommand.ts';
import { smallParticipants, smallSeed } from '../testing/documents.ts';
import { createTestDeclaration, removeDataDir, startTestServer, type TestServer } from '../testing/testServer.ts';

interface PrintedParticipant {
  name: string;
  role: string;
  token: string;
  url: string;
}

describe('npm run admin -- new-link', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    if (server) {
      await server.close();
      removeDataDir(server);
      server = null;
    }
  });

  const sessionStatus = (running: TestServer, id: string, token: string) =>
    fetch(`${running.httpUrl}/api/declarations/${id}/session`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);

  it('CLI3: new-link gives the chair a new link while the server runs: the old one stops working at once, the new one works, participants prints it, the audit log records it', { timeout: 300_000 }, async () => {
    const running = (server = await startTestServer());
    const made = createTestDeclaration(running, smallSeed, smallParticipants);
    const env = { PUBLIC_URL: running.httpUrl };

    // participants prints the chair's link too: the one way to find it again.
    const before = await admin(running.dataDir, ['participants', made.id], env);
    expect(before.code, before.stderr).toBe(0);
    expect((JSON.parse(before.stdout) as PrintedParticipant[]).find((p) => p.role === 'chair')).toMatchObject({ name: 'Argentina', token: made.tokens.Argentina });

    // Names are matched ignoring case, as they are unique ignoring case.
    const run = await admin(running.dataDir, ['new-link', made.id, 'argentina'], env);
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as PrintedParticipant;
    expect(Object.keys(printed).sort()).toEqual(['name', 'role', 'token', 'url']);
    expect(printed).toMatchObject({ name: 'Argentina', role: 'chair' });
    expect(printed.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(printed.token).not.toBe(made.tokens.Argentina);
    expect(printed.url).toBe(`${running.httpUrl}/d/${made.id}?token=${printed.token}`);

    expect(await sessionStatus(running, made.id, made.tokens.Argentina!)).toBe(401);
    expect(await sessionStatus(running, made.id, printed.token)).toBe(200);
    const link = await fetch(printed.url, { redirect: 'manual' });
    expect(link.status).toBe(303);
    // Nobody else's link changed.
    expect(await sessionStatus(running, made.id, made.tokens.Chile!)).toBe(200);

    const after = await admin(running.dataDir, ['participants', made.id], env);
    expect((JSON.parse(after.stdout) as PrintedParticipant[]).find((p) => p.role === 'chair')!.token).toBe(printed.token);
    expect(listAudit(running.db, made.id).filter((e) => e.action === 'participant-new-link')).toEqual([
      expect.objectContaining({ actor: 'npm run admin', detail: { name: 'Argentina' } }),
    ]);
  });

  it('CLI3: new-link for a name or a declaration that is not there exits 1 with one line and changes nothing; without both arguments it is wrong usage', { timeout: 300_000 }, async () => {
    const running = (server = await startTestServer());
    const made = createTestDeclaration(running, smallSeed, smallParticipants);
    const [unknownName, unknownDeclaration, usage] = await Promise.all([
      admin(running.dataDir, ['new-link', made.id, 'Bolivia']),
      admin(running.dataDir, ['new-link', 'NoSuchDeclaration', 'Argentina']),
      admin(running.dataDir, ['new-link', made.id]),
    ]);
    for (const run of [unknownName, unknownDeclaration]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(unknownName.stderr).toContain(`Declaration ${made.id} has no participant named "Bolivia". Its participants: "Argentina", "Chile", "Peru".`);
    expect(unknownDeclaration.stderr).toContain('There is no declaration "NoSuchDeclaration"');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('npm run admin -- new-link');
    for (const name of ['Argentina', 'Chile', 'Peru']) expect(await sessionStatus(running, made.id, made.tokens[name]!)).toBe(200);
    expect(listAudit(running.db, made.id).filter((e) => e.action === 'participant-new-link')).toEqual([]);
  });
});
