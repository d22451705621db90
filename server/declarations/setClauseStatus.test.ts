import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readClauseStatus } from '../../shared/clauseStatus.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { isPendingWith } from '../../shared/pendingWith.ts';
import { plain } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { listParticipants } from '../db/participants.ts';
import {
  connectClient,
  createTestDeclaration,
  removeDataDir,
  startTestServer,
  synced,
  waitFor,
  type CreatedDeclaration,
  type TestClient,
  type TestServer,
} from '../testing/testServer.ts';

/** "Ad ref, pending …" through the status API (docs/SPEC.md STAT3). */
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Perú', role: 'delegation' as const },
  { name: 'Bolivia', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

describe('pending with', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;
  let clauseId: string;
  let ids: Record<string, string>;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    server = await startTestServer();
    declaration = createTestDeclaration(server, { ...emptySeed(plain('Pending test')), operative: [{ body: plain('Decide;') }] }, people);
    clauseId = server.rooms.withRoom(declaration.id, (room) => readDeclaration(room.doc).clauses[0]!.id);
    ids = Object.fromEntries(listParticipants(server.db, declaration.id).map((p) => [p.name, p.id]));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    removeDataDir(server);
  });

  const post = async (path: string, body: unknown, as = 'Argentina') => {
    const response = await fetch(`${server.httpUrl}/api/declarations/${declaration.id}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${declaration.tokens[as]}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as { status: { pending?: string[] }; error: { id: string; message: string } } };
  };
  const setStatus = (body: unknown) => post(`/clauses/${clauseId}/status`, body);

  it("STAT3: an ad ref is pending with the declaration's delegations, spelt as the declaration spells them, each once, until the chair changes it", async () => {
    const chile = connectClient(server, declaration.id, declaration.tokens.Chile!);
    clients.push(chile);
    await synced(chile);
    const answer = await setStatus({ state: 'ad-ref', pending: ['perú', 'Chile', ' PERÚ '] });
    expect(answer.status).toBe(200);
    expect(answer.json.status.pending).toEqual(['Perú', 'Chile']);
    await waitFor(() => readClauseStatus(chile.doc.getMap(ROOT.status).get(clauseId))?.state === 'ad-ref', 'the status mirror');
    const mirrored = readClauseStatus(chile.doc.getMap(ROOT.status).get(clauseId));
    expect(mirrored?.pending).toEqual(['Perú', 'Chile']);
    expect(isPendingWith(mirrored, { name: 'Chile', role: 'delegation' })).toBe(true);
    expect(isPendingWith(mirrored, { name: 'Bolivia', role: 'delegation' })).toBe(false);
    expect(listAudit(server.db, declaration.id).at(-1)).toMatchObject({ action: 'status', detail: { to: 'ad-ref', pending: ['Perú', 'Chile'] } });
    // Until the chair changes the status: then nobody is waited for, whatever the request says.
    const agreed = await setStatus({ state: 'agreed', pending: ['Chile'] });
    expect(agreed.json.status.pending).toBeUndefined();
    await waitFor(() => readClauseStatus(chile.doc.getMap(ROOT.status).get(clauseId))?.state === 'agreed', 'the new status');
    expect(isPendingWith(readClauseStatus(chile.doc.getMap(ROOT.status).get(clauseId)), { name: 'Chile', role: 'delegation' })).toBe(false);
  });

  it('STAT3: names that are not current delegations — an observer, the chair, the secretariat, a removed delegation, a stranger — are refused (400 bad-pending), each named', async () => {
    expect((await post(`/participants/${ids.Bolivia}/revoke`, {})).status).toBe(200);
    const refused = await setStatus({ state: 'ad-ref', pending: ['Chile', 'Spain', 'Argentina', 'Secretariat', 'Bolivia', 'Mars'] });
    expect(refused.status).toBe(400);
    expect(refused.json.error.id).toBe('bad-pending');
    for (const name of ['Spain', 'Argentina', 'Secretariat', 'Bolivia', 'Mars']) expect(refused.json.error.message).toContain(`"${name}"`);
    expect(refused.json.error.message).not.toContain('"Chile"');
    // The message lists whom the chair can choose from.
    expect(refused.json.error.message).toContain('Chile, Perú');
    // Nothing was set.
    expect(server.rooms.withRoom(declaration.id, (room) => room.doc.getMap(ROOT.status).get(clauseId))).toBeUndefined();
    // Restored, Bolivia can be waited for again.
    expect((await post(`/participants/${ids.Bolivia}/restore`, {})).status).toBe(200);
    expect((await setStatus({ state: 'ad-ref', pending: ['Bolivia'] })).json.status.pending).toEqual(['Bolivia']);
  });
});
