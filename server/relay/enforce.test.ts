import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { readClauseStatus } from '../../shared/clauseStatus.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { insertClauses, moveClause, deleteClause, indentClause } from '../../shared/document/clauseOps.ts';
import { commentAnchors, COMMENT_MARK } from '../../shared/document/commentMark.ts';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';
import { addSignatory, removeSignatory, setSignatoryField } from '../../shared/document/signatoryOps.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { CLOSE } from '../../shared/protocol.ts';
import { readRefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { listProposals } from '../db/proposals.ts';
import {
  closeOf,
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
import { clauseTexts, clauseXmlText } from '../testing/documents.ts';

/**
 * Hostile clients: stock y-websocket clients whose documents are changed by
 * hand, bypassing any screen (docs/SPEC.md LOCK*, ROLE*, STAT*, PART*).
 */
const seed = {
  ...emptySeed(plain('Enforcement test')),
  preamble: [plain('Recognizing the first,')],
  operative: [{ body: plain('Agreed text;') }, { body: plain('Open text;') }, { body: plain('Last text.') }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

const texts = clauseTexts;
const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
const xmlText = clauseXmlText;
const title = (doc: Y.Doc) => toPlainText(readDeclaration(doc).meta.title);

describe('enforcement', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;
  const clients: TestClient[] = [];
  const client = async (name: string) => {
    const c = connectClient(server, declaration.id, declaration.tokens[name]!);
    clients.push(c);
    await synced(c);
    return c;
  };
  const api = (path: string, token: string, body?: unknown) =>
    fetch(`${server.httpUrl}/api/declarations/${declaration.id}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const lock = async (clauseId: string) => {
    const response = await api(`/clauses/${clauseId}/status`, declaration.tokens.Argentina!, { state: 'agreed' });
    expect(response.status).toBe(200);
  };
  /** Every client and the server hold the same declaration (texts, kinds, parents, order keys, title). */
  const converged = async (...docs: Y.Doc[]) => {
    const serverDoc = server.rooms.get(declaration.id).doc;
    const fingerprint = (doc: Y.Doc) => {
      const { meta, clauses } = readDeclaration(doc);
      return JSON.stringify({ meta, clauses: [...clauses].sort((a, b) => (a.id < b.id ? -1 : 1)) });
    };
    await waitFor(() => docs.every((d) => fingerprint(d) === fingerprint(serverDoc)), 'convergence');
    return texts(serverDoc);
  };

  beforeEach(async () => {
    server = await startTestServer();
    declaration = createTestDeclaration(server, seed, people);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    removeDataDir(server);
  });

  it('LOCK1: a delegation typing into an agreed clause is undone for everyone; its other edits in the same update stay; the text is kept for it', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const agreed = idOf(chile.doc, 'Agreed text;');
    const open = idOf(chile.doc, 'Open text;');
    await lock(agreed);
    await waitFor(() => readClauseStatus(chile.doc.getMap(ROOT.status).get(agreed))?.state === 'agreed', 'the lock to reach Chile');
    // One transaction, one update: a forbidden part and an allowed part.
    chile.doc.transact(() => {
      xmlText(chile.doc, agreed).insert(0, 'NOT ');
      xmlText(chile.doc, open).insert(0, 'Still ');
    });
    const result = await converged(chile.doc, peru.doc);
    expect(result).toContain('Agreed text;');
    expect(result).toContain('Still Open text;');
    const refused = [...server.rooms.get(declaration.id).doc.getMap(ROOT.refused).values()].map(readRefusedChange);
    expect(refused).toEqual([expect.objectContaining({ author: 'Chile', clauseId: agreed, reason: 'agreed', attempted: 'NOT Agreed text;', kept: 'Agreed text;' })]);
    await waitFor(() => chile.doc.getMap(ROOT.refused).size === 1, 'Chile to see its refused text');
    expect(listAudit(server.db, declaration.id).filter((e) => e.action === 'refused')).toEqual([
      expect.objectContaining({ actor: 'Chile', clauseId: agreed, detail: expect.objectContaining({ attempted: 'NOT Agreed text;' }) }),
    ]);
    // The server keeps serving: an allowed edit afterwards goes through.
    xmlText(peru.doc, open).insert(0, 'And ');
    expect(await converged(chile.doc, peru.doc)).toContain('And Still Open text;');
  });

  it('LOCK2: moving, re-parenting or re-kinding an agreed clause is undone', async () => {
    const chile = await client('Chile');
    const agreed = idOf(chile.doc, 'Agreed text;');
    await lock(agreed);
    await waitFor(() => chile.doc.getMap(ROOT.status).has(agreed), 'the lock');
    const before = texts(chile.doc);
    moveClause(chile.doc, agreed, 'down');
    expect(texts(chile.doc)).not.toEqual(before);
    expect(await converged(chile.doc)).toEqual(before);
    clausesMap(chile.doc).get(agreed)!.set(CLAUSE_FIELD.kind, 'preamble');
    clausesMap(chile.doc).get(agreed)!.set(CLAUSE_FIELD.parent, idOf(chile.doc, 'Open text;'));
    expect(await converged(chile.doc)).toEqual(before);
    expect(clausesMap(chile.doc).get(agreed)!.get(CLAUSE_FIELD.kind)).toBe('operative');
  });

  it('LOCK3: an agreed clause deleted or replaced outright comes back, with the same id and text', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const agreed = idOf(chile.doc, 'Agreed text;');
    await lock(agreed);
    await waitFor(() => chile.doc.getMap(ROOT.status).has(agreed), 'the lock');
    deleteClause(chile.doc, agreed);
    await waitFor(() => clausesMap(peru.doc).has(agreed) && texts(peru.doc).includes('Agreed text;'), 'the clause back');
    expect(await converged(chile.doc, peru.doc)).toEqual(['Recognizing the first,', 'Agreed text;', 'Open text;', 'Last text.']);
    // Replaced: a new map under the same id.
    const impostor = new Y.Map<unknown>();
    clausesMap(chile.doc).set(agreed, impostor);
    impostor.set(CLAUSE_FIELD.kind, 'operative');
    impostor.set(CLAUSE_FIELD.order, 'z');
    expect(await converged(chile.doc, peru.doc)).toEqual(['Recognizing the first,', 'Agreed text;', 'Open text;', 'Last text.']);
    // Still locked after being put back: typing into it is undone too.
    xmlText(peru.doc, agreed).insert(0, 'X');
    expect(await converged(chile.doc, peru.doc)).toEqual(['Recognizing the first,', 'Agreed text;', 'Open text;', 'Last text.']);
  });

  it('LOCK4: nobody writes the status map but the server, not even the chair', async () => {
    const chair = await client('Argentina');
    const chile = await client('Chile');
    const open = idOf(chile.doc, 'Open text;');
    chile.doc.getMap(ROOT.status).set(open, { state: 'agreed', by: 'Chile', at: 1 });
    chair.doc.getMap(ROOT.refused).set('x', { id: 'x' });
    await waitFor(() => !chile.doc.getMap(ROOT.status).has(open) && !chair.doc.getMap(ROOT.refused).has('x') && server.rooms.get(declaration.id).doc.getMap(ROOT.status).size === 0, 'the status map to be put back');
    // And the clause is not locked: Chile can still type into it.
    xmlText(chile.doc, open).insert(0, 'Yes ');
    expect(await converged(chile.doc, chair.doc)).toContain('Yes Open text;');
  });

  it('ROLE1: a delegation cannot change the title; the chair and the secretariat can', async () => {
    const chile = await client('Chile');
    const secretariat = await client('Secretariat');
    const titleText = (doc: Y.Doc) => ((doc.getMap(ROOT.meta).get('title') as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    titleText(chile.doc).insert(0, 'Hijacked ');
    await converged(chile.doc, secretariat.doc);
    expect(title(chile.doc)).toBe('Enforcement test');
    titleText(secretariat.doc).insert(0, 'Revised ');
    await converged(chile.doc, secretariat.doc);
    expect(title(chile.doc)).toBe('Revised Enforcement test');
  });

  it('ROLE1: a delegation cannot add, change or remove a signatory; the secretariat can', async () => {
    const chile = await client('Chile');
    const secretariat = await client('Secretariat');
    const names = (doc: Y.Doc) => readDeclaration(doc).signatories.map((s) => `${s.name}/${s.title}/${s.state}`);
    const added = addSignatory(secretariat.doc);
    setSignatoryField(secretariat.doc, added, 'name', 'Jorge Taiana');
    setSignatoryField(secretariat.doc, added, 'state', 'República Argentina');
    await waitFor(() => names(chile.doc).join() === 'Jorge Taiana//República Argentina', 'the signatory to reach Chile');
    setSignatoryField(chile.doc, added, 'name', 'Someone else');
    addSignatory(chile.doc);
    await converged(chile.doc, secretariat.doc);
    await waitFor(() => names(chile.doc).join() === 'Jorge Taiana//República Argentina', 'the signatories to be put back');
    removeSignatory(chile.doc, added);
    await waitFor(() => names(chile.doc).join() === 'Jorge Taiana//República Argentina' && names(server.rooms.get(declaration.id).doc).length === 1, 'the removal to be undone');
  });

  it('ROLE2 WIRE4: an observer can change nothing: its update is refused before it is applied, its connection closed, nothing stored', async () => {
    const spain = await client('Spain');
    const chile = await client('Chile');
    const before = texts(chile.doc);
    const logBefore = server.log.count(declaration.id);
    const closes: number[] = [];
    spain.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    spain.doc.transact(() => {
      xmlText(spain.doc, idOf(spain.doc, 'Open text;')).insert(0, 'Observer ');
      insertClauses(spain.doc, { kind: 'operative', parent: null }, [plain('Observer clause;')]);
      deleteClause(spain.doc, idOf(spain.doc, 'Last text.'));
    });
    await waitFor(() => closes.includes(CLOSE.malformedMessage.code), 'the observer to be disconnected');
    // Nothing of it reached the server, the log or the others.
    xmlText(chile.doc, idOf(chile.doc, 'Open text;')).insert(0, 'Then ');
    const serverDoc = server.rooms.get(declaration.id).doc;
    await waitFor(() => texts(serverDoc).includes('Then Open text;'), 'a later edit');
    expect(texts(serverDoc)).toEqual(before.map((t) => (t === 'Open text;' ? 'Then Open text;' : t)));
    expect(texts(chile.doc)).toEqual(texts(serverDoc));
    expect(server.log.count(declaration.id)).toBe(logBefore + 1);
    expect(listAudit(server.db, declaration.id)).toContainEqual(expect.objectContaining({ action: 'update-refused', actor: 'Spain' }));
  });

  it('LOCK5: a delegation that edited offline and reconnects after the lock gets its text back as refused, not applied', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const agreed = idOf(chile.doc, 'Agreed text;');
    chile.provider.disconnect();
    xmlText(chile.doc, agreed).insert(0, 'Offline ');
    await lock(agreed);
    chile.provider.connect();
    expect(await converged(chile.doc, peru.doc)).toContain('Agreed text;');
    await waitFor(() => [...chile.doc.getMap(ROOT.refused).values()].some((r) => readRefusedChange(r)?.attempted === 'Offline Agreed text;'), 'the refused text');
  });

  it('LOCK6: reopening unlocks, with the reason recorded; after it the clause takes edits again', async () => {
    const chile = await client('Chile');
    const agreed = idOf(chile.doc, 'Agreed text;');
    await lock(agreed);
    expect((await api(`/clauses/${agreed}/status`, declaration.tokens.Argentina!, { state: 'open' })).status).toBe(400);
    const reopened = await api(`/clauses/${agreed}/status`, declaration.tokens.Argentina!, { state: 'open', reason: 'Peru asked to revisit' });
    expect(reopened.status).toBe(200);
    await waitFor(() => readClauseStatus(chile.doc.getMap(ROOT.status).get(agreed))?.state === 'open', 'the reopening');
    xmlText(chile.doc, agreed).insert(0, 'Revised ');
    expect(await converged(chile.doc)).toContain('Revised Agreed text;');
    const audit = await (await api('/audit', declaration.tokens.Secretariat!)).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(['lock', 'reopen']);
    expect(audit.entries[1].detail).toMatchObject({ from: 'agreed', to: 'open', reason: 'Peru asked to revisit' });
  });

  it('STAT1: the status endpoint answers 200 to the chair, 403 to others, 404 for an unknown clause, 400 for a bad state', async () => {
    const chile = await client('Chile');
    const open = idOf(chile.doc, 'Open text;');
    const adRef = await api(`/clauses/${open}/status`, declaration.tokens.Argentina!, { state: 'ad-ref', pending: ['Peru'] });
    expect(adRef.status).toBe(200);
    expect((await adRef.json()).status).toMatchObject({ state: 'ad-ref', by: 'Argentina', pending: ['Peru'] });
    await waitFor(() => readClauseStatus(chile.doc.getMap(ROOT.status).get(open))?.state === 'ad-ref', 'the status mirror');
    const refused = await api(`/clauses/${open}/status`, declaration.tokens.Chile!, { state: 'agreed' });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/chair/);
    expect((await api(`/clauses/${open}/status`, declaration.tokens.Secretariat!, { state: 'agreed' })).status).toBe(403);
    expect((await api('/clauses/nope/status', declaration.tokens.Argentina!, { state: 'agreed' })).status).toBe(404);
    expect((await api(`/clauses/${open}/status`, declaration.tokens.Argentina!, { state: 'done' })).status).toBe(400);
    expect((await api('/audit', declaration.tokens.Chile!)).status).toBe(403);
    expect((await api('/audit', declaration.tokens.Argentina!)).status).toBe(200);
  });

  it('STAT2: statuses and locks survive a restart', async () => {
    let chile = await client('Chile');
    const agreed = idOf(chile.doc, 'Agreed text;');
    await lock(agreed);
    for (const c of clients.splice(0)) c.destroy();
    server = await server.restart();
    chile = await client('Chile');
    expect(readClauseStatus(chile.doc.getMap(ROOT.status).get(agreed))?.state).toBe('agreed');
    xmlText(chile.doc, agreed).insert(0, 'After restart ');
    expect(await converged(chile.doc)).toContain('Agreed text;');
  });

  it('LOCK3 LOCK4: a raw client speaking the wire protocol by hand cannot delete an agreed clause or write a status either', async () => {
    const chile = await client('Chile');
    const agreed = idOf(chile.doc, 'Agreed text;');
    await lock(agreed);
    // A local replica fed from the server's own sync messages, then a crafted update sent as bytes.
    const raw = new WebSocket(`${server.wsUrl}/${declaration.id}?token=${declaration.tokens.Peru}`);
    const replica = new Y.Doc();
    raw.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data));
      if (decoding.readVarUint(decoder) !== 0) return;
      const type = decoding.readVarUint(decoder);
      if (type === 1 || type === 2) Y.applyUpdate(replica, decoding.readVarUint8Array(decoder));
    });
    await new Promise((r) => raw.once('open', r));
    const hello = encoding.createEncoder();
    encoding.writeVarUint(hello, 0); // sync
    encoding.writeVarUint(hello, 0); // step 1: "here is what I have" (nothing)
    encoding.writeVarUint8Array(hello, Y.encodeStateVector(replica));
    raw.send(encoding.toUint8Array(hello));
    await waitFor(() => clausesMap(replica).has(agreed), 'the replica');
    const before = Y.encodeStateVector(replica);
    replica.transact(() => {
      clausesMap(replica).delete(agreed);
      replica.getMap(ROOT.status).set(agreed, { state: 'open', by: 'Peru', at: 1 });
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(replica, before));
    raw.send(encoding.toUint8Array(encoder));
    await waitFor(() => clausesMap(replica).has(agreed) && readClauseStatus(replica.getMap(ROOT.status).get(agreed))?.state === 'agreed', 'the server to put it back');
    expect(await converged(chile.doc, replica)).toContain('Agreed text;');
    raw.close();
  });

  it('PROP10: in "proposals only" a delegation\'s new, deleted, moved, indented or re-kinded clause is undone for everyone and kept in its notice, with no proposal; a comment mark still anchors', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const put = await fetch(`${server.httpUrl}/api/declarations/${declaration.id}/settings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${declaration.tokens.Argentina}`, 'content-type': 'application/json' },
      body: JSON.stringify({ editing: 'proposals' }),
    });
    expect(put.status).toBe(200);
    const before = texts(chile.doc);
    const open = idOf(chile.doc, 'Open text;');
    const refusals = () => [...server.rooms.get(declaration.id).doc.getMap(ROOT.refused).values()].map(readRefusedChange);
    insertClauses(chile.doc, { kind: 'operative', parent: null }, [plain('A new clause;')]);
    expect(await converged(chile.doc, peru.doc)).toEqual(before);
    deleteClause(chile.doc, open);
    await waitFor(() => clausesMap(chile.doc).has(open), 'the deleted clause to come back');
    expect(await converged(chile.doc, peru.doc)).toEqual(before);
    moveClause(chile.doc, open, 'down');
    expect(await converged(chile.doc, peru.doc)).toEqual(before);
    expect(indentClause(chile.doc, open)).toBe(true);
    clausesMap(chile.doc).get(idOf(chile.doc, 'Last text.'))!.set(CLAUSE_FIELD.kind, 'preamble');
    expect(await converged(chile.doc, peru.doc)).toEqual(before);
    expect(clausesMap(peru.doc).get(open)!.get(CLAUSE_FIELD.parent)).toBeUndefined();
    await waitFor(() => refusals().length === 5, 'five notices');
    expect(refusals().every((r) => r?.author === 'Chile' && r.reason === 'proposals-only' && r.proposalId === undefined)).toBe(true);
    expect(refusals().map((r) => r!.attempted)).toContain('A new clause;');
    expect(listProposals(server.db, declaration.id)).toEqual([]);
    // Anchoring a thread is no change of wording (COM6): it stands, and nothing is refused.
    clauseXmlText(chile.doc, open).format(0, 4, { [COMMENT_MARK]: { threads: 'modeThread01' } });
    await waitFor(() => commentAnchors(server.rooms.get(declaration.id).doc).get('modeThread01')?.text === 'Open', 'the anchor on the server');
    await waitFor(() => commentAnchors(peru.doc).get('modeThread01')?.text === 'Open', 'the anchor at Peru');
    expect(refusals()).toHaveLength(5);
    // The chair still restructures directly.
    const chair = await client('Argentina');
    moveClause(chair.doc, open, 'down');
    expect(await converged(chair.doc, chile.doc)).toEqual(['Recognizing the first,', 'Agreed text;', 'Last text.', 'Open text;']);
    expect(refusals()).toHaveLength(5);
  });

  it('PART1: revoking a link closes its connections at once and the link stops working; the chair and secretariat manage participants', async () => {
    const peru = await client('Peru');
    const closes: number[] = [];
    peru.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    const list = await (await api('/participants', declaration.tokens.Secretariat!)).json();
    const peruId = list.participants.find((p: { name: string }) => p.name === 'Peru').id;
    expect((await api('/participants', declaration.tokens.Chile!)).status).toBe(403);
    expect((await api(`/participants/${peruId}/revoke`, declaration.tokens.Argentina!, {})).status).toBe(200);
    await waitFor(() => closes.includes(CLOSE.invalidToken.code), 'Peru to be disconnected');
    const again = new WebSocket(`${server.wsUrl}/${declaration.id}?token=${declaration.tokens.Peru}`);
    expect((await closeOf(again)).code).toBe(CLOSE.invalidToken.code);
    const added = await api('/participants', declaration.tokens.Argentina!, { name: 'Uruguay', role: 'delegation' });
    expect(added.status).toBe(201);
    const { participant } = await added.json();
    expect(participant.url).toContain(`/d/${declaration.id}?token=`);
    expect((await api('/participants', declaration.tokens.Argentina!, { name: 'uruguay', role: 'delegation' })).status).toBe(409);
    expect((await api('/participants', declaration.tokens.Argentina!, { name: 'Mars', role: 'chair' })).status).toBe(400);
  });
});
