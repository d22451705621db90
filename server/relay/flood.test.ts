import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { COLLAB_PATH, CLOSE } from '../../shared/protocol.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { clauseTexts, clauseXmlText } from '../testing/documents.ts';
import { connectRaw, updateFrom, type RawClient } from '../testing/rawClient.ts';
import { createTestDeclaration, removeDataDir, startTestServer, waitFor, type CreatedDeclaration, type TestServer } from '../testing/testServer.ts';
import { upgradeRequest } from '../testing/stubbornSocket.ts';
import { REFUSED_UPGRADE_GRACE_MS } from './upgradeRefusals.ts';

/**
 * An observer flooding the relay (docs/SPEC.md PERF3, WIRE4): what it sends
 * is refused without being decoded whole, and once refused it gets nothing
 * more read. The cost itself is measured by `npm run bench` (its flood
 * section), not here.
 */
const seed = { ...emptySeed(plain('Flood test')), operative: [{ body: plain('Open text;') }] };
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

describe('a relay an observer cannot flood', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;
  const raws: RawClient[] = [];
  const raw = async (name: string) => {
    const r = await connectRaw(server, declaration.id, declaration.tokens[name]!);
    raws.push(r);
    return r;
  };
  const serverDoc = () => server.rooms.get(declaration.id).doc;

  beforeEach(async () => {
    server = await startTestServer();
    declaration = createTestDeclaration(server, seed, people);
  });
  afterEach(async () => {
    for (const r of raws.splice(0)) r.ws.terminate();
    await server.close();
    removeDataDir(server);
  });

  it("WIRE4 PERF3: an observer's update of many structs is refused before it is decoded; its stock sync step 2 (a delete set the server has) keeps it connected", async () => {
    // A delegation deletes something first, so that the observer's copy has a delete set to send back.
    const chile = await raw('Chile');
    await chile.handshake();
    const open = readDeclaration(chile.replica).clauses.find((c) => toPlainText(c.body) === 'Open text;')!.id;
    chile.sendUpdate(updateFrom(chile.replica, (doc) => clauseXmlText(doc, open).delete(0, 5)));
    await waitFor(() => clauseTexts(serverDoc()).includes('text;'), 'the deletion');

    const spain = await raw('Spain');
    await spain.handshake();
    spain.sendSyncStep2(Y.encodeStateAsUpdate(spain.replica, Y.encodeStateVector(serverDoc())));
    spain.sendUpdate(Y.encodeStateAsUpdate(new Y.Doc()));
    // Both went through as nothing: a message behind them is still answered.
    const answered = spain.received.length;
    spain.sendSyncStep2(Y.encodeStateAsUpdate(spain.replica, Y.encodeStateVector(serverDoc())));
    spain.sendBytes(new Uint8Array([3]));
    await waitFor(() => spain.received.length > answered, 'an answer to the awareness query');
    expect(spain.isClosed()).toBe(false);

    const many = new Y.Doc();
    many.transact(() => {
      for (let i = 0; i < 20_000; i++) many.getMap(ROOT.clauses).set(`c${i}`, 'x');
    });
    spain.sendUpdate(Y.encodeStateAsUpdate(many));
    expect((await spain.closed).code).toBe(CLOSE.malformedMessage.code);
    expect(serverDoc().getMap(ROOT.clauses).has('c0')).toBe(false);
    expect(clauseTexts(serverDoc())).toContain('text;');
  });

  it('WIRE4 PERF3: an observer deleting out of order or twice over is refused, and nothing is deleted', async () => {
    const spain = await raw('Spain');
    await spain.handshake();
    const [client] = [...serverDoc().store.clients.keys()];
    // The v1 delete set by hand: no structs, one client, two ranges, the second before the first.
    const bytes = [0, 1, ...varUint(client!), 2, 5, 1, 0, 1];
    spain.sendUpdate(new Uint8Array(bytes));
    expect((await spain.closed).code).toBe(CLOSE.malformedMessage.code);
    expect(clauseTexts(serverDoc())).toContain('Open text;');
  });

  it('PERF3 WIRE4: a participant that must wait is answered 429 before any websocket, and what it writes after its request is not read', async () => {
    const spain = await raw('Spain');
    await spain.handshake();
    spain.sendBytes(new Uint8Array([0x7f, 1, 2, 3]));
    expect((await spain.closed).code).toBe(CLOSE.malformedMessage.code);
    // Spain must now wait; a hostile client writes megabytes right behind its upgrade request, whatever the answer.
    const socket = net.connect(server.port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
    let closed = false;
    socket.once('close', () => (closed = true));
    socket.on('error', () => undefined);
    socket.write(upgradeRequest(server.port, `${COLLAB_PATH}/${declaration.id}?token=${declaration.tokens.Spain!}`));
    // It writes on, whatever the answer: the server answers and cuts the socket, without waiting for it to stop.
    const chunk = Buffer.alloc(256 * 1024, 1);
    const writing = setInterval(() => socket.write(chunk), 10);
    try {
      await waitFor(() => answer.length > 0, 'the answer', 10_000);
      expect(answer).toMatch(/^HTTP\/1\.1 429 Too Many Requests\r\n/);
      expect(answer).toMatch(/\r\nRetry-After: \d+\r\n/);
      expect(answer).not.toContain('101 Switching Protocols');
      await waitFor(() => closed, 'the server to cut the socket', 10_000);
    } finally {
      clearInterval(writing);
      socket.destroy();
    }
    // One that resets its connection as soon as it has the answer costs the server nothing either: it stays up for the others.
    for (let i = 0; i < 20; i++) {
      const rude = net.connect(server.port, '127.0.0.1');
      rude.on('error', () => undefined);
      await new Promise<void>((resolve) => rude.once('connect', () => resolve()));
      rude.write(upgradeRequest(server.port, `${COLLAB_PATH}/${declaration.id}?token=${declaration.tokens.Spain!}`));
      rude.write(chunk);
      // Half of them before the answer is even written.
      if (i % 2 === 1) await new Promise<void>((resolve) => rude.once('data', () => resolve()));
      rude.resetAndDestroy();
    }
    await new Promise((resolve) => setTimeout(resolve, REFUSED_UPGRADE_GRACE_MS + 200));
    const chile = await raw('Chile');
    await chile.handshake();
  });

  it('PERF3 WIRE4: attempts during the wait are answered when it is over: a client reconnecting the moment it is answered makes a few attempts, not thousands', async () => {
    await server.close();
    removeDataDir(server);
    server = await startTestServer({ refusalWaitMs: 2000 });
    declaration = createTestDeclaration(server, seed, people);
    const spain = await raw('Spain');
    await spain.handshake();
    spain.sendBytes(new Uint8Array([0x7f, 1, 2, 3]));
    expect((await spain.closed).code).toBe(CLOSE.malformedMessage.code);
    const began = Date.now();
    let attempts = 0;
    const answers: string[] = [];
    while (Date.now() - began < 1500) {
      attempts++;
      const socket = net.connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
      socket.write(upgradeRequest(server.port, `${COLLAB_PATH}/${declaration.id}?token=${declaration.tokens.Spain!}`));
      await new Promise((resolve) => socket.once('close', resolve));
      answers.push(answer.split('\r\n')[0]!);
    }
    // Held until the wait was over (two seconds), the first attempt was the only one in that time.
    expect(attempts).toBe(1);
    expect(answers[0]).toBe('HTTP/1.1 429 Too Many Requests');
    expect(Date.now() - began).toBeGreaterThanOrEqual(1500);
  });
});

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push(0x80 | (n & 0x7f));
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}
