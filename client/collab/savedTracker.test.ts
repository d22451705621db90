import * as decoding from 'lib0/decoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { MESSAGE_SYNC } from '../../shared/protocol.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { connectClient, createTestDeclaration, removeDataDir, startTestServer, synced, waitFor, type CreatedDeclaration, type TestServer } from '../../server/testing/testServer.ts';
import { SavedTracker } from './savedTracker.ts';

const SYNC_STEP2 = 1;
const seed = { ...emptySeed(plain('Test')), operative: [{ body: plain('Decide;') }] };

function type(doc: Y.Doc, text: string): void {
  const [id] = [...clausesMap(doc).keys()];
  const body = clausesMap(doc).get(id!)!.get(CLAUSE_FIELD.body) as Y.XmlFragment;
  const xml = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  xml.insert(xml.length, text);
}

const texts = (doc: Y.Doc) => readDeclaration(doc).clauses.map((c) => toPlainText(c.body));

/** A copy of a document, as the local copy reads it back after a reload. */
function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** Asks the real server a raw sync question and hands its step-2 answer to the tracker, as the browser's provider hook does. */
async function ask(server: TestServer, declaration: CreatedDeclaration, question: Uint8Array, tracker: SavedTracker): Promise<void> {
  const ws = new WebSocket(`${server.wsUrl}/${declaration.id}?token=${declaration.tokens.Chile}`);
  try {
    await new Promise<void>((resolve, reject) => {
      ws.on('open', () => ws.send(question));
      ws.on('error', reject);
      ws.on('message', (data: Buffer) => {
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) !== MESSAGE_SYNC || decoding.readVarUint(decoder) !== SYNC_STEP2) return;
        tracker.received(decoding.readVarUint8Array(decoder));
        resolve();
      });
    });
  } finally {
    ws.close();
  }
}

describe('the unsent count after a reload', () => {
  it('OFF1: the count read back with the document and its shadow, only while they differ; a count lost in a crash still shows one', () => {
    const local = new Y.Doc();
    const shadow = new Y.Doc();
    const tracker = new SavedTracker(local, () => false, shadow);
    local.getText('t').insert(0, 'typed');
    tracker.restore(3);
    expect(tracker.pending).toBe(3);
    expect(tracker.allSent).toBe(false);
    tracker.restore(0);
    expect(tracker.pending).toBe(1);
    Y.applyUpdate(shadow, Y.encodeStateAsUpdate(local));
    tracker.restore(3);
    expect(tracker.pending).toBe(0);
    expect(tracker.allSent).toBe(true);
    expect(tracker.catchUpRequest()).toBeNull();
  });
});

describe('edits whose echo was lost', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;

  beforeEach(async () => {
    server = await startTestServer();
    declaration = createTestDeclaration(server, seed, [
      { name: 'Argentina', role: 'chair' },
      { name: 'Chile', role: 'delegation' },
    ]);
  });

  afterEach(async () => {
    await server.close();
    removeDataDir(server);
  });

  it('OFF1: edits the server took but never echoed (the tab closed first) are recognised as saved after a reload, by asking the real server from the shadow', async () => {
    const chile = connectClient(server, declaration.id, declaration.tokens.Chile!);
    await synced(chile);
    const shadowBefore = copyOf(chile.doc); // everything the server had sent so far
    type(chile.doc, ' more');
    const argentina = connectClient(server, declaration.id, declaration.tokens.Argentina!);
    await waitFor(() => argentina.provider.synced && texts(argentina.doc)[0] === 'Decide; more', 'the server to have the edit');
    // The tab closed before the echo reached the shadow.
    const local = copyOf(chile.doc);
    const shadow = copyOf(shadowBefore);
    chile.destroy();
    argentina.destroy();

    const tracker = new SavedTracker(local, () => true, shadow);
    tracker.restore(5);
    expect(tracker.pending).toBe(5);
    const question = tracker.catchUpRequest();
    expect(question).not.toBeNull();
    await ask(server, declaration, question!, tracker);
    await waitFor(() => tracker.pending === 0, 'the edits to count as saved');
    expect(tracker.allSent).toBe(true);
    tracker.destroy();
  });
});
