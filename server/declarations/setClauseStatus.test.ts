import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { readClauseStatus } from '../../shared/clauseStatus.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { anchorPassage } from '../../shared/document/bracketRange.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { newId } from '../../shared/ids.ts';
import { isPendingWith } from '../../shared/pendingWith.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { findBracket, insertBracket } from '../db/brackets.ts';
import { listParticipants } from '../db/participants.ts';
import { SERVER_ORIGIN } from '../relay/origins.ts';
import { clauseXmlText } from '../testing/documents.ts';
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

/**
 * Agreement over positions and square brackets through the status API
 * (docs/SPEC.md POS4, BRK5): consensus is the absence of objection, and a
 * text in brackets is not agreed. Brackets are made as the server makes
 * them (anchored, stored, mirrored), so the check reads real server state.
 */
describe('agreeing over objections and brackets', () => {
  const TRADE = 'The Parties shall cooperate closely on trade;';
  const GOODS = 'in goods;';
  const SERVICES = 'in services;';
  const OPEN = 'Open text under discussion;';
  const seed = {
    ...emptySeed(plain('Agreement test')),
    operative: [{ body: plain(TRADE), subitems: [{ body: plain(GOODS) }, { body: plain(SERVICES) }] }, { body: plain(OPEN) }],
  };
  const delegations = [
    { name: 'Argentina', role: 'chair' as const },
    { name: 'Secretariat', role: 'secretariat' as const },
    { name: 'Bolivia', role: 'delegation' as const },
    { name: 'Cuba', role: 'delegation' as const },
    { name: 'Chile', role: 'delegation' as const },
    { name: 'Spain', role: 'observer' as const },
  ];
  type Json = {
    status: { state: string; reason?: string };
    error: { id: string; message: string; objections?: { name: string; clauseId: string; label: string; note: string }[]; brackets?: number };
  };
  let server: TestServer;
  let declaration: CreatedDeclaration;
  let ids: Record<string, string>;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    server = await startTestServer();
    declaration = createTestDeclaration(server, seed, delegations);
    ids = Object.fromEntries(listParticipants(server.db, declaration.id).map((p) => [p.name, p.id]));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    removeDataDir(server);
  });

  const client = async (name: string) => {
    const c = connectClient(server, declaration.id, declaration.tokens[name]!);
    clients.push(c);
    await synced(c);
    return c;
  };
  const call = async (method: string, path: string, who: string, body?: unknown) => {
    const response = await fetch(`${server.httpUrl}/api/declarations/${declaration.id}${path}`, {
      method,
      headers: { Authorization: `Bearer ${declaration.tokens[who]}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Json };
  };
  const textOf = (doc: Y.Doc, clauseId: string) => toPlainText(readDeclaration(doc).clauses.find((c) => c.id === clauseId)!.body);
  const clause = (text: string) => server.rooms.withRoom(declaration.id, (room) => readDeclaration(room.doc).clauses.find((c) => toPlainText(c.body) === text)!.id);
  const agree = (clauseId: string, extra: Record<string, unknown> = {}) => call('POST', `/clauses/${clauseId}/status`, 'Argentina', { state: 'agreed', ...extra });
  const state = async (clauseId: string, who: string, body: unknown) => expect((await call('PUT', `/clauses/${clauseId}/position`, who, body)).status).toBe(200);
  const statusOn = (clauseId: string) => server.rooms.withRoom(declaration.id, (room) => readClauseStatus(room.doc.getMap(ROOT.status).get(clauseId)));
  const audit = (action: string) => listAudit(server.db, declaration.id).filter((e) => e.action === action);
  /** Square brackets around [start, end) of a clause's text, asked for by Bolivia, as the server puts them (server/brackets). */
  const bracket = (clauseId: string, start: number, end: number) =>
    server.rooms.withRoom(declaration.id, (room) => {
      const anchor = anchorPassage(room.doc, clauseId, start, end)!;
      const id = newId();
      server.db.transaction(() => insertBracket(server.db, declaration.id, { id, clauseId, ...anchor, quote: textOf(room.doc, clauseId).slice(start, end), at: Date.now(), requestedBy: ids.Bolivia! }))();
      room.mirrorBracket(findBracket(server.db, declaration.id, id)!);
      return id;
    });

  it('POS4: agreeing a paragraph while an objection stands on it or on one of its sub-items is 409 objection-stands, naming the delegations and clauses; nothing changes', async () => {
    const trade = clause(TRADE);
    const goods = clause(GOODS);
    await state(goods, 'Bolivia', { position: 'objection', note: 'Needs "agricultural" goods.' });
    const refused = await agree(trade);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toEqual({
      id: 'objection-stands',
      message: 'Bolivia objects to OP1(a). Agree anyway only with a reason: send override.',
      objections: [{ name: 'Bolivia', clauseId: goods, label: 'OP1(a)', note: 'Needs "agricultural" goods.' }],
    });
    await state(trade, 'Cuba', { position: 'objection', note: 'Not "closely".' });
    await state(trade, 'Bolivia', { position: 'objection', note: 'Not "shall".' });
    const both = await agree(trade);
    expect(both.json.error.message).toBe('Cuba objects to OP1; Bolivia objects to OP1 and OP1(a). Agree anyway only with a reason: send override.');
    expect(both.json.error.objections?.map((o) => [o.name, o.label])).toEqual([
      ['Cuba', 'OP1'],
      ['Bolivia', 'OP1'],
      ['Bolivia', 'OP1(a)'],
    ]);
    // The sub-item on its own is blocked too; its sibling and the other paragraph are not.
    expect((await agree(goods)).json.error.id).toBe('objection-stands');
    expect(statusOn(trade)).toBeUndefined();
    expect(statusOn(goods)).toBeUndefined();
    expect(audit('lock')).toEqual([]);
    expect((await agree(clause(SERVICES))).status).toBe(200);
    expect((await agree(clause(OPEN))).status).toBe(200);
  });

  it('POS4: with override the chair agrees anyway; the reason is kept with the status, mirrored, and in the audit log (status-override, naming the objectors)', async () => {
    const spain = await client('Spain');
    const trade = clause(TRADE);
    const goods = clause(GOODS);
    await state(goods, 'Bolivia', { position: 'objection', note: 'Needs "agricultural" goods.' });
    await state(trade, 'Cuba', { position: 'objection', note: 'Not "closely".' });
    for (const override of ['', '   ', 42, 'x'.repeat(1001)]) {
      const bad = await agree(trade, { override });
      expect([bad.status, bad.json.error.id], JSON.stringify(override)).toEqual([400, 'bad-override']);
    }
    const notAgreeing = await call('POST', `/clauses/${trade}/status`, 'Argentina', { state: 'ad-ref', override: 'Why not.' });
    expect([notAgreeing.status, notAgreeing.json.error.id]).toEqual([400, 'bad-override']);
    expect(statusOn(trade)).toBeUndefined();

    const reason = 'Both delegations said in the room they would not stand in the way.';
    const agreed = await agree(trade, { override: `  ${reason} ` });
    expect(agreed.status).toBe(200);
    expect(agreed.json.status).toMatchObject({ state: 'agreed', by: 'Argentina', reason });
    await waitFor(() => readClauseStatus(spain.doc.getMap(ROOT.status).get(trade))?.reason === reason, 'the status with its reason to be mirrored');
    expect(audit('lock').map((e) => e.detail)).toEqual([{ from: 'open', to: 'agreed', reason }]);
    expect(audit('status-override').map((e) => [e.actor, e.clauseId, e.detail])).toEqual([['Argentina', trade, { reason, objections: ['Cuba', 'Bolivia'] }]]);
    // The objections stand as stated, and can no longer be withdrawn on the agreed text.
    const withdraw = await call('PUT', `/clauses/${goods}/position`, 'Bolivia', { position: null });
    expect([withdraw.status, withdraw.json.error.id]).toEqual([409, 'clause-not-open']);
    // An override with nothing to override is not an override: nothing is recorded.
    const open = clause(OPEN);
    const plainAgree = await agree(open, { override: 'Just in case.' });
    expect(plainAgree.json.status.reason).toBeUndefined();
    expect(audit('status-override')).toHaveLength(1);
  });

  it('POS4: a reservation never blocks; withdrawing the objection unblocks; a sub-item agreed on its own over an objection is not asked about again', async () => {
    const open = clause(OPEN);
    await state(open, 'Cuba', { position: 'reservation', note: 'On "discussion".' });
    await state(open, 'Chile', { position: 'live-with' });
    await state(open, 'Bolivia', { position: 'objection', note: 'Not yet.' });
    expect((await agree(open)).json.error.objections?.map((o) => o.name)).toEqual(['Bolivia']);
    await state(open, 'Bolivia', { position: null });
    // An agreed clause keeps a reason only when agreed over an objection: the screen reads it as such.
    const agreed = await agree(open, { reason: 'Everyone is happy.' });
    expect(agreed.status).toBe(200);
    expect(agreed.json.status.reason).toBeUndefined();
    expect(audit('status-override')).toEqual([]);

    const trade = clause(TRADE);
    const goods = clause(GOODS);
    await state(goods, 'Bolivia', { position: 'objection', note: 'Needs "agricultural" goods.' });
    expect((await agree(goods, { override: 'Agreed in the informal.' })).status).toBe(200);
    expect((await agree(trade)).status).toBe(200);
    expect(audit('status-override').map((e) => e.clauseId)).toEqual([goods]);
  });

  it('POS4: a hostile client cannot make a clause agreed by writing the status map: undone for everyone, and the objection still blocks', async () => {
    const open = clause(OPEN);
    await state(open, 'Bolivia', { position: 'objection', note: 'Not yet.' });
    const cuba = await client('Cuba');
    const chile = await client('Chile');
    const seenByChile: unknown[] = [];
    chile.doc.getMap(ROOT.status).observe(() => seenByChile.push(chile.doc.getMap(ROOT.status).get(open)));
    cuba.doc.getMap(ROOT.status).set(open, { state: 'agreed', by: 'Argentina', at: Date.now() });
    await waitFor(() => !cuba.doc.getMap(ROOT.status).has(open), "the forged status to be undone on the forger's screen");
    // Something real after it reaches Chile; the forged status never did.
    expect((await call('POST', `/clauses/${clause(TRADE)}/status`, 'Argentina', { state: 'ad-ref' })).status).toBe(200);
    await waitFor(() => chile.doc.getMap(ROOT.status).has(clause(TRADE)), 'the real status at Chile');
    expect(seenByChile.filter((s) => s !== undefined)).toEqual([]);
    expect(statusOn(open)).toBeUndefined();
    // The clause is still open: positions change, and the objection still blocks.
    await state(open, 'Cuba', { position: 'accept' });
    expect((await agree(open)).json.error.id).toBe('objection-stands');
  });

  it('BRK5: a clause with brackets left, or a paragraph with brackets in a sub-item, cannot be agreed (409 brackets-remain with the count), override or not, brackets before objections', async () => {
    const trade = clause(TRADE);
    const goods = clause(GOODS);
    const open = clause(OPEN);
    bracket(open, 0, 4);
    bracket(open, 10, 14);
    const two = await agree(open);
    expect([two.status, two.json.error]).toEqual([409, { id: 'brackets-remain', message: 'OP2 still has 2 passages in square brackets; the chair removes them first.', brackets: 2, label: 'OP2', count: 2 }]);

    bracket(goods, 3, 8);
    await state(trade, 'Bolivia', { position: 'objection', note: 'Not "closely".' });
    const paragraph = await agree(trade);
    expect([paragraph.status, paragraph.json.error]).toEqual([409, { id: 'brackets-remain', message: 'OP1 still has 1 passage in square brackets (in OP1(a)); the chair removes them first.', brackets: 1, label: 'OP1', count: 1 }]);
    const overridden = await agree(trade, { override: 'We must finish tonight.' });
    expect([overridden.status, overridden.json.error.id]).toEqual([409, 'brackets-remain']);
    expect((await agree(goods, { override: 'We must finish tonight.' })).json.error.id).toBe('brackets-remain');
    expect(statusOn(trade)).toBeUndefined();
    expect(statusOn(goods)).toBeUndefined();
    expect(audit('lock')).toEqual([]);
    // The other sub-item has no brackets.
    expect((await agree(clause(SERVICES))).status).toBe(200);
  });

  it('BRK5: brackets whose passage is gone do not count — the chair deleted the words, or the server did (an accepted change)', async () => {
    const chair = await client('Argentina');
    const open = clause(OPEN);
    const goods = clause(GOODS);
    bracket(open, 0, 5); // "Open "
    bracket(goods, 3, 8); // "goods"
    await waitFor(() => chair.doc.getMap(ROOT.brackets).size === 2, 'the brackets at the chair');
    expect((await agree(open)).json.error.id).toBe('brackets-remain');

    chair.doc.transact(() => clauseXmlText(chair.doc, open).delete(0, 5));
    const left = OPEN.slice(5);
    await waitFor(() => server.rooms.withRoom(declaration.id, (room) => textOf(room.doc, open)) === left, 'the deletion at the server');
    const agreed = await agree(open);
    expect(agreed.status, JSON.stringify(agreed.json)).toBe(200);

    server.rooms.withRoom(declaration.id, (room) => room.doc.transact(() => clauseXmlText(room.doc, goods).delete(3, 5), SERVER_ORIGIN));
    expect((await agree(goods)).status).toBe(200);
  });
});
