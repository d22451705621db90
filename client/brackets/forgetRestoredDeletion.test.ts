import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clauseXmlText } from '../../shared/document/bracketRange.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { writeSeed } from '../../shared/document/writeSeed.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { History } from '../collab/history.ts';
import { forgetRestoredDeletion } from './forgetRestoredDeletion.ts';

/**
 * BRK4 on a delegation's screen: the server puts back a bracketed passage
 * the delegation deleted, as new text; Ctrl+Z must not bring the old text
 * back as well. The server's side here is a replica that undoes the
 * delegation's update (as server/relay does), sent back as the provider.
 */
const PROVIDER = { name: 'provider' };
const FROM_CLIENT = { name: 'client' };

function replicas(...operative: string[]) {
  const server = new Y.Doc();
  writeSeed(server, { ...emptySeed(plain('Declaration')), operative: operative.map((text) => ({ body: plain(text) })) });
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server), PROVIDER);
  const ids = readDeclaration(client).clauses.map((c) => c.id);
  return { server, client, ids };
}

/** The client's edits reach the server; the server undoes them there and sends the result back. */
function serverRefuses(server: Y.Doc, client: Y.Doc): void {
  const refusal = new Y.UndoManager(server.getMap(ROOT.clauses), { trackedOrigins: new Set([FROM_CLIENT]) });
  Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)), FROM_CLIENT);
  refusal.undo();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)), PROVIDER);
}

const text = (doc: Y.Doc, id: string) => toPlainText(readDeclaration(doc).clauses.find((c) => c.id === id)!.body);

describe('forgetRestoredDeletion', () => {
  it('BRK4: after the server put a deleted passage back, Ctrl+Z does not bring it back a second time', () => {
    const { server, client, ids } = replicas('Decide to reduce emissions by half by 2030;');
    const history = new History(client, Number.POSITIVE_INFINITY);
    const id = ids[0]!;
    client.transact(() => clauseXmlText(client, id)!.delete(27, 7), ySyncPluginKey);
    serverRefuses(server, client);
    expect(text(client, id)).toBe('Decide to reduce emissions by half by 2030;');

    expect(forgetRestoredDeletion(history.latest(), client, id)).toBe(true);
    history.undo();
    expect(text(client, id)).toBe('Decide to reduce emissions by half by 2030;');
  });

  it('BRK4: without it, the same Ctrl+Z reads the passage twice (what it prevents)', () => {
    const { server, client, ids } = replicas('Decide to reduce emissions by half by 2030;');
    const history = new History(client, Number.POSITIVE_INFINITY);
    const id = ids[0]!;
    client.transact(() => clauseXmlText(client, id)!.delete(27, 7), ySyncPluginKey);
    serverRefuses(server, client);
    history.undo();
    expect(text(client, id)).toBe('Decide to reduce emissions by halfby half by 2030;');
  });

  it('BRK4: the rest of the step can still be undone: words typed in another clause in the same step go', () => {
    const { server, client, ids } = replicas('Decide to reduce emissions by half by 2030;', 'Request a report;');
    const history = new History(client, Number.POSITIVE_INFINITY);
    const [first, second] = [ids[0]!, ids[1]!];
    history.step(() => {
      client.transact(() => clauseXmlText(client, first)!.delete(27, 7), ySyncPluginKey);
      client.transact(() => clauseXmlText(client, second)!.insert(16, ' by June'), ySyncPluginKey);
    });
    // Only the deletion is refused: the server puts the passage back as new text and lets the words typed elsewhere stand.
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)), FROM_CLIENT);
    server.transact(() => clauseXmlText(server, first)!.insert(27, 'by half'), PROVIDER);
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server, Y.encodeStateVector(client)), PROVIDER);
    expect(text(client, second)).toBe('Request a report by June;');

    forgetRestoredDeletion(history.latest(), client, first);
    history.undo();
    expect(text(client, first)).toBe('Decide to reduce emissions by half by 2030;');
    expect(text(client, second)).toBe('Request a report;');
  });

  it('BRK4: a step that deleted nothing in the clause is left as it is', () => {
    const { client, ids } = replicas('Decide;', 'Request a report;');
    const history = new History(client, Number.POSITIVE_INFINITY);
    client.transact(() => clauseXmlText(client, ids[1]!)!.delete(0, 8), ySyncPluginKey);
    expect(forgetRestoredDeletion(history.latest(), client, ids[0]!)).toBe(false);
    history.undo();
    expect(text(client, ids[1]!)).toBe('Request a report;');
  });
});
