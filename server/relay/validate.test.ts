import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { readClauseStatus } from '../../shared/clauseStatus.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { COLLAB_PATH, CLOSE } from '../../shared/protocol.ts';
import { readRefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { renewParticipantLink, findParticipant } from '../db/participants.ts';
import type { Logger } from '../logger.ts';
import { clauseTexts, clauseXmlText } from '../testing/documents.ts';
import { awarenessMessage, connectRaw, syncMessage, updateFrom, type RawClient } from '../testing/rawClient.ts';
import { connectStubborn } from '../testing/stubbornSocket.ts';
import {
  closeOf,
  connectClient,
  createTestDeclaration,
  removeDataDir,
  startTestServer,
  synced,
  upgradeRefusal,
  waitFor,
  type CreatedDeclaration,
  type TestClient,
  type TestServer,
} from '../testing/testServer.ts';
import WebSocket from 'ws';

/**
 * A relay no message can subvert (docs/SPEC.md WIRE4–WIRE9, AUTH5): hand-made
 * y-protocols messages — truncated, deferred, deeply nested, huge, for any
 * root type, from the wrong client id, after a revocation — against the real
 * server, with well-behaved clients beside them.
 */
const seed = {
  ...emptySeed(plain('Validation test')),
  preamble: [plain('Recognizing the first,')],
  operative: [{ body: plain('Agreed text;') }, { body: plain('Open text;') }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
const titleText = (doc: Y.Doc) => ((doc.getMap(ROOT.meta).get('title') as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;
const title = (doc: Y.Doc) => toPlainText(readDeclaration(doc).meta.title);

describe('a relay no message can subvert', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  const client = async (name: string) => {
    const c = connectClient(server, declaration.id, declaration.tokens[name]!);
    clients.push(c);
    await synced(c);
    return c;
  };
  const raw = async (name: string) => {
    const r = await connectRaw(server, declaration.id, declaration.tokens[name]!);
    raws.push(r);
    return r;
  };
  const serverDoc = () => server.rooms.get(declaration.id).doc;
  const api = (path: string, token: string, body?: unknown) =>
    fetch(`${server.httpUrl}/api/declarations/${declaration.id}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const lock = async (clauseId: string) => {
    expect((await api(`/clauses/${clauseId}/status`, declaration.tokens.Argentina!, { state: 'agreed' })).status).toBe(200);
  };
  const start = async (overrides: Parameters<typeof startTestServer>[0] = {}, logger?: Logger) => {
    server = await startTestServer(overrides, undefined, logger);
    declaration = createTestDeclaration(server, seed, people);
  };

  beforeEach(async () => {
    await start();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const r of raws.splice(0)) r.ws.terminate();
    await server.close();
    removeDataDir(server);
  });

  it('WIRE4: a forbidden change followed by a truncated delete set is refused whole: nothing of it is applied, stored or kept after a restart', async () => {
    const chile = await raw('Chile');
    await chile.handshake();
    const open = idOf(chile.replica, 'Open text;');
    const update = updateFrom(chile.replica, (doc) => {
      titleText(doc).insert(0, 'Hijacked ');
      clauseXmlText(doc, open).delete(0, 1);
    });
    chile.sendUpdate(update.slice(0, update.length - 1));
    expect((await chile.closed).code).toBe(CLOSE.malformedMessage.code);
    expect(title(serverDoc())).toBe('Validation test');
    expect(clauseTexts(serverDoc())).toContain('Open text;');
    server = await server.restart();
    expect(title(server.rooms.get(declaration.id).doc)).toBe('Validation test');
  });

  it('WIRE4: an update waiting for a dependency the server does not have is refused, and never integrated later on someone else\'s behalf', async () => {
    const chair = await client('Argentina');
    const chile = await raw('Chile');
    await chile.handshake();
    // Chile builds on the chair's *next* edit, which does not exist yet.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(chile.replica));
    forged.clientID = chair.doc.clientID;
    titleText(forged).insert(0, 'X');
    const afterChair = Y.encodeStateVector(forged);
    forged.clientID = 987_654_321;
    titleText(forged).insert(1, 'EVIL ');
    chile.sendUpdate(Y.encodeStateAsUpdate(forged, afterChair));
    expect((await chile.closed).code).toBe(CLOSE.malformedMessage.code);
    // The chair now makes the edit Chile's update was waiting for.
    titleText(chair.doc).insert(0, 'X');
    await waitFor(() => title(serverDoc()).startsWith('X'), "the chair's edit");
    expect(title(serverDoc())).toBe('XValidation test');
    expect(serverDoc().store.pendingStructs).toBeNull();
    expect(listAudit(server.db, declaration.id)).toContainEqual(expect.objectContaining({ action: 'update-refused', actor: 'Chile' }));
  });

  it('WIRE4 FUZZ1: a struct the server already has, sent again naming a neighbour it does not have, is refused — not parked pending, which made the server reload the declaration (found by the fuzz test)', async () => {
    const chile = await raw('Chile');
    await chile.handshake();
    const open = idOf(chile.replica, 'Open text;');
    const base = Y.encodeStateAsUpdate(chile.replica);
    const writer = 424_242;
    chile.sendUpdate(updateFrom(chile.replica, (doc) => clauseXmlText(doc, open).insert(0, 'abc'), writer));
    await waitFor(() => clauseTexts(serverDoc()).includes('abcOpen text;'), 'the first edit');
    // The same struct (same client and clock), now with a right neighbour from a client nobody has heard of.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, base);
    forged.clientID = 777_777;
    clauseXmlText(forged, open).insert(0, 'z');
    const withNeighbour = Y.encodeStateVector(forged);
    forged.clientID = writer;
    clauseXmlText(forged, open).insert(0, 'abc');
    chile.sendUpdate(Y.encodeStateAsUpdate(forged, withNeighbour));
    expect((await chile.closed).code).toBe(CLOSE.malformedMessage.code);
    expect(serverDoc().store.pendingStructs).toBeNull();
    expect(clauseTexts(serverDoc())).toContain('abcOpen text;');
  });

  it('WIRE4: twelve thousand nested elements are refused before they touch the document; it keeps saving, relaying, exporting and loading', async () => {
    const chile = await client('Chile');
    const peru = await raw('Peru');
    await peru.handshake();
    const open = idOf(peru.replica, 'Open text;');
    const nested = updateFrom(peru.replica, (doc) => {
      const paragraph = (clausesMap(doc).get(open)!.get(CLAUSE_FIELD.body) as Y.XmlFragment).get(0) as Y.XmlElement;
      doc.transact(() => {
        let parent = new Y.XmlElement('x');
        paragraph.insert(paragraph.length, [parent]);
        for (let depth = 0; depth < 12_000; depth++) {
          const child = new Y.XmlElement('x');
          parent.insert(0, [child]);
          parent = child;
        }
      });
    });
    expect(nested.byteLength).toBeGreaterThan(100_000);
    peru.sendUpdate(nested);
    expect((await peru.closed).code).toBe(CLOSE.malformedMessage.code);
    clauseXmlText(chile.doc, idOf(chile.doc, 'Open text;')).insert(0, 'Still ');
    await waitFor(() => clauseTexts(serverDoc()).includes('Still Open text;'), 'a later edit');
    expect((await api('/export?format=txt', declaration.tokens.Chile!)).status).toBe(200);
    for (const c of clients.splice(0)) c.destroy();
    server = await server.restart();
    expect(clauseTexts(server.rooms.get(declaration.id).doc)).toContain('Still Open text;');
  });

  it('WIRE4: writing into a part the model does not have is refused; the participant then waits before connecting again', async () => {
    const chile = await raw('Chile');
    await chile.handshake();
    chile.sendUpdate(updateFrom(chile.replica, (doc) => doc.getMap('elsewhere').set('blob', 'x'.repeat(10_000))));
    expect((await chile.closed).code).toBe(CLOSE.malformedMessage.code);
    expect(serverDoc().share.has('elsewhere')).toBe(false);
    const again = new WebSocket(`${server.wsUrl}/${declaration.id}?token=${declaration.tokens.Chile}`);
    expect(await upgradeRefusal(again)).toEqual({ status: 429, retryAfter: '1' });
  });

  it('WIRE4: a 4 MB delete set of items that do not exist is refused and leaves nothing pending', async () => {
    const peru = await raw('Peru');
    await peru.handshake();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // no structs
    encoding.writeVarUint(encoder, 1); // one client in the delete set
    encoding.writeVarUint(encoder, 424_242);
    const ranges = 1_000_000;
    encoding.writeVarUint(encoder, ranges);
    for (let i = 0; i < ranges; i++) {
      encoding.writeVarUint(encoder, i * 2);
      encoding.writeVarUint(encoder, 1);
    }
    const update = encoding.toUint8Array(encoder);
    expect(update.byteLength).toBeGreaterThan(3_000_000);
    peru.sendUpdate(update);
    expect((await peru.closed).code).toBe(CLOSE.malformedMessage.code);
    expect(serverDoc().store.pendingDs).toBeNull();
  });

  it('WIRE4: an observer changes nothing, not even by deleting', async () => {
    const spain = await raw('Spain');
    await spain.handshake();
    const open = idOf(spain.replica, 'Open text;');
    spain.sendUpdate(updateFrom(spain.replica, (doc) => clauseXmlText(doc, open).delete(0, 4)));
    expect((await spain.closed).code).toBe(CLOSE.malformedMessage.code);
    expect(clauseTexts(serverDoc())).toContain('Open text;');
  });

  it('WIRE4: an edit sent before the sync step it builds on — a stock client typing while it reconnects — waits for that step, and the connection stays', async () => {
    const chile = await raw('Chile');
    await chile.fetchState();
    const open = idOf(chile.replica, 'Open text;');
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(chile.replica));
    const updates: Uint8Array[] = [];
    offline.on('update', (update: Uint8Array) => updates.push(update));
    clauseXmlText(offline, open).insert(0, 'abc');
    clauseXmlText(offline, open).insert(3, 'd');
    // The second edit arrives first, as the provider sends it while its sync step 2 is still to come.
    chile.sendUpdate(updates[1]!);
    chile.sendSyncStep2(Y.encodeStateAsUpdate(offline, Y.encodeStateVector(chile.replica)));
    await waitFor(() => clauseTexts(serverDoc()).includes('abcdOpen text;'), 'the offline edits');
    expect(chile.isClosed()).toBe(false);
  });

  it("WIRE6: nobody writes under another participant's Yjs client id, so nobody's edits can be skipped as already known", async () => {
    const chair = await client('Argentina');
    const open = idOf(chair.doc, 'Open text;');
    clauseXmlText(chair.doc, open).insert(0, 'A');
    await waitFor(() => clauseTexts(serverDoc()).includes('AOpen text;'), "the chair's first edit");
    const peru = await raw('Peru');
    await peru.handshake();
    peru.sendUpdate(updateFrom(peru.replica, (doc) => clauseXmlText(doc, open).insert(0, 'FORGED '), chair.doc.clientID));
    expect((await peru.closed).code).toBe(CLOSE.malformedMessage.code);
    clauseXmlText(chair.doc, open).insert(1, 'B');
    await waitFor(() => clauseTexts(serverDoc()).includes('ABOpen text;'), "the chair's next edit");
    expect(clauseTexts(serverDoc()).join()).not.toContain('FORGED');
  });

  it('WIRE5: refused content is neither broadcast nor stored: the others and the log receive only deleted placeholders', async () => {
    const chile = await client('Chile');
    const agreed = idOf(chile.doc, 'Agreed text;');
    const open = idOf(chile.doc, 'Open text;');
    await lock(agreed);
    await waitFor(() => readClauseStatus(chile.doc.getMap(ROOT.status).get(agreed))?.state === 'agreed', 'the lock');
    const peru = await raw('Peru');
    await peru.handshake();
    const bytesBefore = peru.received.reduce((sum, m) => sum + m.byteLength, 0);
    const logBytes = () => (server.db.prepare('SELECT COALESCE(SUM(LENGTH(data)), 0) AS n FROM doc_updates WHERE declaration_id = ?').get(declaration.id) as { n: number }).n;
    const logBefore = logBytes();
    chile.doc.transact(() => {
      clauseXmlText(chile.doc, agreed).insert(0, 'Z'.repeat(300_000));
      clauseXmlText(chile.doc, open).insert(0, 'ok ');
    });
    await waitFor(() => clauseTexts(peru.replica).includes('ok Open text;') && chile.doc.getMap(ROOT.refused).size === 1, 'the allowed part and the refusal');
    await waitFor(() => clauseTexts(chile.doc).includes('Agreed text;'), 'the compensation at the sender');
    expect(clauseTexts(peru.replica)).toContain('Agreed text;');
    const received = peru.received.reduce((sum, m) => sum + m.byteLength, 0) - bytesBefore;
    // The refusal record keeps the author's text, capped at one clause's length; the rest is placeholders.
    expect(received).toBeLessThan(40_000);
    expect(logBytes() - logBefore).toBeLessThan(40_000);
    const refusal = readRefusedChange([...chile.doc.getMap(ROOT.refused).values()][0])!;
    expect(refusal.attempted.length).toBeLessThanOrEqual(10_001);
  });

  it('WIRE7: a server fault while applying an update closes with 1011, logged with its stack; the client reconnects by itself and its change is handled; nobody else is cut off', async () => {
    const errors: string[] = [];
    const logger: Logger = { info: () => undefined, warn: () => undefined, error: (message, context) => errors.push(`${message} ${JSON.stringify(context)}`) };
    await server.close();
    removeDataDir(server);
    await start({}, logger);
    const chile = await client('Chile');
    const peru = await client('Peru');
    const agreed = idOf(chile.doc, 'Agreed text;');
    await lock(agreed);
    await waitFor(() => readClauseStatus(chile.doc.getMap(ROOT.status).get(agreed))?.state === 'agreed', 'the lock');
    const chileCloses: number[] = [];
    const peruCloses: number[] = [];
    chile.provider.on('connection-close', (event: CloseEvent | null) => chileCloses.push(event?.code ?? 0));
    peru.provider.on('connection-close', (event: CloseEvent | null) => peruCloses.push(event?.code ?? 0));
    // The audit log fails: recording the refusal of Chile's change throws half-way through its handling.
    server.db.exec("CREATE TRIGGER broken_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(FAIL, 'the disk is on fire'); END");
    clauseXmlText(chile.doc, agreed).insert(0, 'Locked? ');
    await waitFor(() => chileCloses.includes(CLOSE.serverFault.code), 'the 1011 close');
    expect(errors.join('\n')).toMatch(/reloading the declaration[\s\S]*the disk is on fire[\s\S]*at /);
    server.db.exec('DROP TRIGGER broken_audit');
    await waitFor(() => chile.provider.wsconnected && chile.doc.getMap(ROOT.refused).size === 1, 'Chile back, its change refused and kept', 15_000);
    await waitFor(() => clauseTexts(chile.doc).includes('Agreed text;') && clauseTexts(peru.doc).includes('Agreed text;'), 'convergence');
    expect(peruCloses).toEqual([]);
    expect(listAudit(server.db, declaration.id).filter((e) => e.action === 'refused')).toHaveLength(1);
  });

  it("AUTH5: a revoked participant's connection is not read from the moment the revocation commits, whatever its socket does, and is cut off", async () => {
    const stubborn = await connectStubborn(server.port, `${COLLAB_PATH}/${declaration.id}?token=${declaration.tokens.Peru}`);
    const open = idOf(serverDoc(), 'Open text;');
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(serverDoc()));
    const updates: Uint8Array[] = [];
    local.on('update', (update: Uint8Array) => updates.push(update));
    clauseXmlText(local, open).insert(0, 'BEFORE ');
    stubborn.send(syncMessage(2, updates.shift()!));
    await waitFor(() => clauseTexts(serverDoc()).includes('BEFORE Open text;'), 'the edit before the revocation');
    const list = await (await api('/participants', declaration.tokens.Argentina!)).json();
    const peruId = list.participants.find((p: { name: string }) => p.name === 'Peru').id;
    expect((await api(`/participants/${peruId}/revoke`, declaration.tokens.Argentina!, {})).status).toBe(200);
    for (let i = 0; i < 15; i++) {
      clauseXmlText(local, open).insert(0, `AFTER${i} `);
      stubborn.send(syncMessage(2, updates.shift()!));
    }
    await stubborn.ended;
    expect(clauseTexts(serverDoc()).join()).not.toContain('AFTER');
  });

  it('AUTH5 WIRE8: a link renewed from another process ends live connections at the next heartbeat', async () => {
    await server.close();
    removeDataDir(server);
    await start({ heartbeatMs: 300 });
    const chile = await client('Chile');
    const closes: number[] = [];
    chile.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    const chileRow = (await (await api('/participants', declaration.tokens.Argentina!)).json()).participants.find((p: { name: string }) => p.name === 'Chile');
    // As the admin command would, with the database alone.
    renewParticipantLink(server.db, server.secret, chileRow.id);
    expect(findParticipant(server.db, chileRow.id)!.generation).toBe(1);
    await waitFor(() => closes.includes(CLOSE.invalidToken.code), 'the old link to be cut off');
  });

  it('AUTH6: a websocket signed in by the session cookie opens only from this server\'s own pages; a token in the address is a program\'s and is not checked', async () => {
    const cookie = `consenso_${declaration.id}=${declaration.tokens.Chile}`;
    const from = (origin: string, token = false) =>
      new WebSocket(`${server.wsUrl}/${declaration.id}${token ? `?token=${declaration.tokens.Chile}` : ''}`, { headers: { cookie, origin } });
    expect((await closeOf(from('http://evil.example'))).code).toBe(CLOSE.forbidden.code);
    expect((await closeOf(from(`http://127.0.0.1:${server.port + 1}`))).code).toBe(CLOSE.forbidden.code);
    const own = from(server.httpUrl);
    const message = await new Promise<unknown>((resolve) => own.once('message', resolve));
    expect(message).toBeDefined();
    own.close();
    const program = from('http://evil.example', true);
    await new Promise((resolve) => program.once('message', resolve));
    program.close();
  });

  it('WIRE8: a socket that answers no ping is dropped after two heartbeats; a live client stays connected', async () => {
    await server.close();
    removeDataDir(server);
    await start({ heartbeatMs: 300 });
    const chile = await client('Chile');
    const stubborn = await connectStubborn(server.port, `${COLLAB_PATH}/${declaration.id}?token=${declaration.tokens.Peru}`);
    await stubborn.ended;
    await new Promise((r) => setTimeout(r, 1000));
    expect(chile.provider.wsconnected).toBe(true);
  });

  it('WIRE9: a stock client, which sends back every caret it is sent, is never cut off for it: joining a room full of carets, or sent big ones', async () => {
    // Sixteen connections with carets of a fair size: together far over the 32 KB a single message may carry.
    const others: RawClient[] = [];
    for (let i = 0; i < 16; i++) {
      const other = await raw(i % 2 === 0 ? 'Peru' : 'Spain');
      await other.handshake();
      const source = new Y.Doc();
      const awareness = new awarenessProtocol.Awareness(source);
      awareness.setLocalState({ cursor: { anchor: 'a'.repeat(800), head: 'h'.repeat(800) } });
      other.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [source.clientID]));
      awareness.destroy();
      others.push(other);
    }
    // And one that tries to make every client echo more than 32 KB at once: big states under several ids.
    const big = new Y.Doc();
    const bigAwareness = new awarenessProtocol.Awareness(big);
    const ids = [big.clientID, big.clientID + 1, big.clientID + 2, big.clientID + 3];
    for (const id of ids) bigAwareness.states.set(id, { cursor: 'x'.repeat(7_500) });
    for (const id of ids) bigAwareness.meta.set(id, { clock: 1, lastUpdated: Date.now() });
    const joining = await client('Chile');
    await waitFor(() => joining.provider.awareness.getStates().size > 16, 'the carets of the room');
    others[0]!.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(bigAwareness, ids));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(joining.provider.wsconnected).toBe(true);
    expect(others.every((other) => !other.isClosed())).toBe(true);
    // Nothing over a caret's size was relayed to anyone.
    expect([...joining.provider.awareness.getStates().values()].every((state) => JSON.stringify(state).length <= 2048)).toBe(true);
    bigAwareness.destroy();
  });

  it('WIRE9: awareness beyond 20 updates a second is dropped and the connection stays; an oversized message is never relayed, and a stream of them closes its connection (4400, then 429)', async () => {
    const chile = await raw('Chile');
    await chile.handshake();
    const peru = await raw('Peru');
    await peru.handshake();
    const awarenessOf = (messages: Uint8Array[]) => messages.filter((m) => m[0] === 1);
    const before = awarenessOf(chile.received).length;
    const source = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(source);
    for (let i = 0; i < 300; i++) {
      awareness.setLocalState({ cursor: i });
      peru.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [source.clientID]));
    }
    await waitFor(() => awarenessOf(chile.received).length > before, 'some awareness');
    await new Promise((r) => setTimeout(r, 300));
    const relayed = awarenessOf(chile.received).length - before;
    expect(relayed).toBeGreaterThan(0);
    expect(relayed).toBeLessThan(80);
    await new Promise((r) => setTimeout(r, 1500));
    const beforeHuge = awarenessOf(chile.received).length;
    // One message over 32 KB (a stock client echoing a full room's carets) is dropped unread; the connection stays.
    awareness.setLocalState({ cursor: 'x'.repeat(40_000) });
    const huge = awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [source.clientID]));
    peru.sendBytes(huge);
    awareness.setLocalState({ cursor: 'small' });
    peru.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [source.clientID]));
    await waitFor(() => awarenessOf(chile.received).slice(beforeHuge).some((m) => new TextDecoder().decode(m).includes('small')), 'the small caret after the huge one');
    expect(peru.isClosed()).toBe(false);
    // A stream of them is not: past two megabytes the connection is closed as malformed.
    for (let i = 0; i < 60 && !peru.isClosed(); i++) peru.sendBytes(huge);
    expect((await peru.closed).code).toBe(CLOSE.malformedMessage.code);
    expect(awarenessOf(chile.received).slice(beforeHuge).every((m) => m.byteLength < 1000)).toBe(true);
    // A client sending megabytes of "carets" cannot come straight back to send more (PERF3).
    const again = new WebSocket(`${server.wsUrl}/${declaration.id}?token=${declaration.tokens.Peru}`);
    expect((await upgradeRefusal(again)).status).toBe(429);
    expect(chile.isClosed()).toBe(false);
    awareness.destroy();
  });
});
