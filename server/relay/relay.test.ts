import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { insertClauses } from '../../shared/document/clauseOps.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { plain } from '../../shared/richText.ts';
import { CLOSE } from '../../shared/protocol.ts';
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
import { clauseTexts, smallParticipants, smallSeed, typeInto } from '../testing/documents.ts';

const seed = smallSeed;
const people = smallParticipants;

const texts = clauseTexts;


const firstClause = (doc: Y.Doc, kind: 'preamble' | 'operative') =>
  readDeclaration(doc).clauses.find((c) => c.kind === kind)!.id;

describe('relay', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;
  const clients: TestClient[] = [];
  const client = (name: string) => {
    const c = connectClient(server, declaration.id, declaration.tokens[name]!);
    clients.push(c);
    return c;
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

  it('SYNC1: two clients typing in the same and in different clauses converge', async () => {
    const chile = client('Chile');
    const peru = client('Peru');
    await Promise.all([synced(chile), synced(peru)]);
    const pp = firstClause(chile.doc, 'preamble');
    const op = firstClause(chile.doc, 'operative');
    typeInto(chile.doc, pp, ' Chile was here');
    typeInto(peru.doc, pp, ' Peru was here');
    typeInto(peru.doc, op, ' and the second');
    await waitFor(() => JSON.stringify(texts(chile.doc)) === JSON.stringify(texts(peru.doc)) && texts(chile.doc)[1]!.includes('second'), 'convergence');
    expect(texts(chile.doc)[0]).toContain('Chile was here');
    expect(texts(chile.doc)[0]).toContain('Peru was here');
  });

  it('SYNC2: a client that joins later receives everything', async () => {
    const chile = client('Chile');
    await synced(chile);
    insertClauses(chile.doc, { id: firstClause(chile.doc, 'operative'), side: 'after' }, [plain('Added by Chile;')]);
    await waitFor(() => server.rooms.isOpen(declaration.id) && texts(serverDoc()).includes('Added by Chile;'), 'the server to have it');
    const peru = client('Peru');
    await synced(peru);
    expect(texts(peru.doc)).toEqual(['Recognizing the first,', 'Decide the first;', 'Added by Chile;']);
  });

  const serverDoc = () => server.rooms.get(declaration.id).doc;

  it('SYNC3: accepted edits survive a restart of the server', async () => {
    const chile = client('Chile');
    await synced(chile);
    typeInto(chile.doc, firstClause(chile.doc, 'preamble'), ' kept');
    // Once Peru has received the edit it must survive anything.
    const peru = client('Peru');
    await waitFor(() => peru.provider.synced && texts(peru.doc)[0]!.endsWith(' kept'), 'Peru to receive the edit');
    for (const c of clients.splice(0)) c.destroy();
    server = await server.restart();
    const again = client('Peru');
    await synced(again);
    expect(texts(again.doc)[0]).toBe('Recognizing the first, kept');
  });

  it('SYNC4: edits made while offline reach the others when the connection comes back', async () => {
    const chile = client('Chile');
    const peru = client('Peru');
    await Promise.all([synced(chile), synced(peru)]);
    chile.provider.disconnect();
    typeInto(chile.doc, firstClause(chile.doc, 'preamble'), ' typed offline');
    await new Promise((r) => setTimeout(r, 100));
    expect(texts(peru.doc)[0]).toBe('Recognizing the first,');
    chile.provider.connect();
    await waitFor(() => texts(peru.doc)[0] === 'Recognizing the first, typed offline', 'the offline edit to arrive');
  });

  it('AUTH2: a bad token is refused with a final close code and no reconnecting', async () => {
    const intruder = connectClient(server, declaration.id, 'x'.repeat(43));
    clients.push(intruder);
    const closes: number[] = [];
    intruder.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    await waitFor(() => closes.length > 0, 'the refusal');
    await new Promise((r) => setTimeout(r, 300));
    expect(closes).toEqual([CLOSE.invalidToken.code]);
    // y-websocket gives up on a 44xx close: it will not try again.
    expect(intruder.provider.shouldConnect).toBe(false);
    expect(intruder.provider.wsconnected).toBe(false);
    expect(intruder.doc.share.size === 0 || clausesMap(intruder.doc).size === 0).toBe(true);
  });

  it('AUTH2: an unknown declaration is refused with 4404, a token of another declaration with 4401', async () => {
    const unknown = new WebSocket(`${server.wsUrl}/nope?token=${declaration.tokens.Chile}`);
    expect(await closeOf(unknown)).toEqual({ code: CLOSE.unknownDeclaration.code, reason: CLOSE.unknownDeclaration.reason });
    const other = createTestDeclaration(server, seed, people);
    const crossed = new WebSocket(`${server.wsUrl}/${other.id}?token=${declaration.tokens.Chile}`);
    expect((await closeOf(crossed)).code).toBe(CLOSE.invalidToken.code);
  });

  it('WIRE1: a malformed message closes only its own connection; the others carry on', async () => {
    const chile = client('Chile');
    await synced(chile);
    const raw = new WebSocket(`${server.wsUrl}/${declaration.id}?token=${declaration.tokens.Peru}`);
    await new Promise((r) => raw.once('open', r));
    const closed = closeOf(raw);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // sync
    encoding.writeVarUint(encoder, 2); // update
    encoding.writeVarUint8Array(encoder, new Uint8Array([200, 1, 7, 7, 7, 255, 255]));
    raw.send(encoding.toUint8Array(encoder));
    expect((await closed).code).toBe(CLOSE.malformedMessage.code);
    // Another participant: Peru now waits a moment before it may connect again (WIRE4).
    const garbage = new WebSocket(`${server.wsUrl}/${declaration.id}?token=${declaration.tokens.Argentina}`);
    await new Promise((r) => garbage.once('open', r));
    const closedToo = closeOf(garbage);
    garbage.send(Buffer.from([99, 1, 2, 3]));
    expect((await closedToo).code).toBe(CLOSE.malformedMessage.code);
    // Chile is still connected and its edits still go through.
    typeInto(chile.doc, firstClause(chile.doc, 'preamble'), ' still fine');
    const peru = client('Peru');
    await waitFor(() => peru.provider.synced && texts(peru.doc)[0]!.endsWith('still fine'), 'the edit after the bad message');
    expect(chile.provider.wsconnected).toBe(true);
  });

  it('WIRE2: an oversized message closes only that connection with 4413', async () => {
    await server.close();
    server = await startTestServer({ maxMessageBytes: 4096 }, server.dataDir);
    const chile = client('Chile');
    await synced(chile);
    const raw = new WebSocket(`${server.wsUrl}/${declaration.id}?token=${declaration.tokens.Peru}`);
    await new Promise((r) => raw.once('open', r));
    const closed = closeOf(raw);
    raw.send(new Uint8Array(6000));
    expect((await closed).code).toBe(CLOSE.messageTooLarge.code);
    expect(chile.provider.wsconnected).toBe(true);
  });

  it('WIRE3: a client cannot put another delegation\'s name on its caret', async () => {
    const chile = client('Chile');
    const peru = client('Peru');
    await Promise.all([synced(chile), synced(peru)]);
    chile.provider.awareness.setLocalStateField('user', { name: 'Peru', color: '#000' });
    await waitFor(() => peru.provider.awareness.getStates().has(chile.doc.clientID), 'Chile\'s awareness');
    await waitFor(() => (peru.provider.awareness.getStates().get(chile.doc.clientID)?.user as { name?: string } | undefined)?.name === 'Chile', 'the server\'s name');
    const user = peru.provider.awareness.getStates().get(chile.doc.clientID)!.user as { name: string; role: string };
    expect(user).toMatchObject({ name: 'Chile', role: 'delegation' });
  });

  it('EDIT6: concurrent inserts at the same place and concurrent moves never lose or duplicate a clause', async () => {
    const chile = client('Chile');
    const peru = client('Peru');
    await Promise.all([synced(chile), synced(peru)]);
    const op = firstClause(chile.doc, 'operative');
    chile.provider.disconnect();
    peru.provider.disconnect();
    insertClauses(chile.doc, { id: op, side: 'after' }, [plain('Chile A;'), plain('Chile B;')]);
    insertClauses(peru.doc, { id: op, side: 'after' }, [plain('Peru A;')]);
    chile.provider.connect();
    peru.provider.connect();
    await waitFor(() => texts(chile.doc).length === 5 && JSON.stringify(texts(chile.doc)) === JSON.stringify(texts(peru.doc)), 'convergence');
    const result = texts(chile.doc);
    expect([...result].sort()).toEqual(['Chile A;', 'Chile B;', 'Decide the first;', 'Peru A;', 'Recognizing the first,'].sort());
    // Chile's two clauses stay together and in order.
    expect(result.indexOf('Chile B;')).toBe(result.indexOf('Chile A;') + 1);
  });
});
