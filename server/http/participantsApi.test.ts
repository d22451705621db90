import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { CLOSE } from '../../shared/protocol.ts';
import { plain } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { listParticipants } from '../db/participants.ts';
import { closeOf, createTestDeclaration, removeDataDir, startTestServer, type CreatedDeclaration, type TestServer } from '../testing/testServer.ts';

/** Participants and their links through the API (docs/SPEC.md PART2, ROLE4; the route × role table is routeAccess.test.ts). */
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

interface Listed {
  id: string;
  name: string;
  role: string;
  revoked: boolean;
  url: string | null;
}
interface Answer {
  participant: Listed;
  participants: Listed[];
  error: { id: string; message: string };
}

describe('participants API', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;
  let ids: Record<string, string>;

  beforeEach(async () => {
    server = await startTestServer();
    declaration = createTestDeclaration(server, emptySeed(plain('Participants test')), people);
    ids = Object.fromEntries(listParticipants(server.db, declaration.id).map((p) => [p.name, p.id]));
  });
  afterEach(async () => {
    await server.close();
    removeDataDir(server);
  });

  /** One call with a participant's token (a name of `people`) or a raw token. */
  const call = async (path: string, as: string, body?: unknown) => {
    const token = declaration.tokens[as] ?? as;
    const response = await fetch(`${server.httpUrl}/api/declarations/${declaration.id}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Answer };
  };
  const list = async (as: string) => Object.fromEntries((await call('/participants', as)).json.participants.map((p) => [p.name, p]));
  const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

  it("ROLE4: the chair's link is listed for the chair alone; the secretariat sees its own and the delegations'", async () => {
    const forChair = await list('Argentina');
    expect(tokenOf(forChair.Argentina!.url!)).toBe(declaration.tokens.Argentina);
    expect(tokenOf(forChair.Secretariat!.url!)).toBe(declaration.tokens.Secretariat);
    const forSecretariat = await list('Secretariat');
    expect(forSecretariat.Argentina).toMatchObject({ name: 'Argentina', role: 'chair', url: null });
    expect(tokenOf(forSecretariat.Secretariat!.url!)).toBe(declaration.tokens.Secretariat);
    expect(tokenOf(forSecretariat.Chile!.url!)).toBe(declaration.tokens.Chile);
    expect(tokenOf(forSecretariat.Spain!.url!)).toBe(declaration.tokens.Spain);
  });

  it("ROLE4: the secretariat cannot renew, remove or restore the chair's row, nor remove the secretariat; each refusal says why", async () => {
    for (const action of ['new-link', 'revoke', 'restore']) {
      const refused = await call(`/participants/${ids.Argentina}/${action}`, 'Secretariat', {});
      expect(refused.status, action).toBe(403);
      expect(refused.json.error.message, action).toMatch(/chair/);
    }
    const newLink = await call(`/participants/${ids.Argentina}/new-link`, 'Secretariat', {});
    expect(newLink.json.error).toMatchObject({ id: 'chair-link-chair-only', message: expect.stringContaining('npm run admin') });
    expect((await call(`/participants/${ids.Secretariat}/revoke`, 'Secretariat', {})).json.error.id).toBe('secretariat-chair-only');
    // Nothing changed: the chair's link still works.
    expect((await call('/session', 'Argentina')).status).toBe(200);
    expect(listAudit(server.db, declaration.id)).toEqual([]);
  });

  it("ROLE4: the chair renews its own link and the secretariat its own; each gets the new one, the old stops working, and the chair's new link is still the chair's alone", async () => {
    const chair = await call(`/participants/${ids.Argentina}/new-link`, 'Argentina', {});
    expect(chair.status).toBe(200);
    const chairToken = tokenOf(chair.json.participant.url!);
    expect(chairToken).not.toBe(declaration.tokens.Argentina);
    expect((await call('/session', 'Argentina')).status).toBe(401);
    expect((await call('/session', chairToken)).status).toBe(200);
    expect((await list('Secretariat')).Argentina!.url).toBeNull();
    const secretariat = await call(`/participants/${ids.Secretariat}/new-link`, 'Secretariat', {});
    expect(secretariat.status).toBe(200);
    expect((await call('/session', tokenOf(secretariat.json.participant.url!))).status).toBe(200);
    expect((await call('/session', 'Secretariat')).status).toBe(401);
  });

  it('PART2: a removed delegation is restored by the secretariat with a new link; the old link stays dead; the audit log says who', async () => {
    expect((await call(`/participants/${ids.Peru}/revoke`, 'Argentina', {})).status).toBe(200);
    const restored = await call(`/participants/${ids.Peru}/restore`, 'Secretariat', {});
    expect(restored.status).toBe(200);
    expect(restored.json.participant).toMatchObject({ id: ids.Peru, name: 'Peru', role: 'delegation', revoked: false });
    const newToken = tokenOf(restored.json.participant.url!);
    expect(newToken).not.toBe(declaration.tokens.Peru);
    // The old link: refused by the API and the websocket alike.
    expect((await call('/session', 'Peru')).status).toBe(401);
    const old = new WebSocket(`${server.wsUrl}/${declaration.id}?token=${declaration.tokens.Peru}`);
    expect((await closeOf(old)).code).toBe(CLOSE.invalidToken.code);
    const session = await call('/session', newToken);
    expect(session.status).toBe(200);
    expect((await list('Argentina')).Peru).toMatchObject({ id: ids.Peru, revoked: false });
    expect(listAudit(server.db, declaration.id).map((e) => [e.actor, e.action, e.detail])).toEqual([
      ['Argentina', 'participant-revoked', { name: 'Peru' }],
      ['Secretariat', 'participant-restored', { name: 'Peru' }],
    ]);
    // Restoring someone who is in is a conflict, said as such.
    const again = await call(`/participants/${ids.Peru}/restore`, 'Argentina', {});
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ id: 'participant-not-removed', message: 'Peru has not been removed.' });
  });

  it('PART2: a removed name can be added again, as a new participant; the old one then cannot be restored under it (409, saying why)', async () => {
    expect((await call(`/participants/${ids.Peru}/revoke`, 'Secretariat', {})).status).toBe(200);
    const added = await call('/participants', 'Secretariat', { name: 'peru', role: 'observer' });
    expect(added.status).toBe(201);
    expect(added.json.participant.id).not.toBe(ids.Peru);
    expect(added.json.participant).toMatchObject({ name: 'peru', role: 'observer', revoked: false });
    // A name still in is still refused, whatever its case.
    const taken = await call('/participants', 'Argentina', { name: 'PERU', role: 'delegation' });
    expect(taken.status).toBe(409);
    expect(taken.json.error.id).toBe('participant-name-taken');
    const restore = await call(`/participants/${ids.Peru}/restore`, 'Argentina', {});
    expect(restore.status).toBe(409);
    expect(restore.json.error).toMatchObject({ id: 'participant-name-taken', message: expect.stringContaining('has been given to another participant') });
    expect((await list('Argentina')).Peru).toMatchObject({ id: ids.Peru, revoked: true, url: null });
    // Once the newcomer is removed in turn, the old Peru comes back.
    expect((await call(`/participants/${added.json.participant.id}/revoke`, 'Argentina', {})).status).toBe(200);
    expect((await call(`/participants/${ids.Peru}/restore`, 'Argentina', {})).status).toBe(200);
  });

  it('PART2: a removed participant cannot be given a new link, only restored', async () => {
    await call(`/participants/${ids.Chile}/revoke`, 'Argentina', {});
    const refused = await call(`/participants/${ids.Chile}/new-link`, 'Argentina', {});
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatchObject({ id: 'participant-revoked', message: expect.stringContaining('restore') });
  });
});
