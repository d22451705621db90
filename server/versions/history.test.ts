import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { writeClause } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';
import { readRichText } from '../../shared/document/richTextFragment.ts';
import { seededRandom } from '../../shared/seededRandom.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { COLLAB_PATH } from '../../shared/protocol.ts';
import { plain, toPlainText, type RichText } from '../../shared/richText.ts';
import { readConfig } from '../config.ts';
import { listAudit } from '../db/auditLog.ts';
import { listParticipants } from '../db/participants.ts';
import { withoutComments } from '../proposals/access.ts';
import { partHistory } from '../db/textHistory.ts';
import { createLogger } from '../logger.ts';
import { startServer, type RunningServer } from '../server.ts';
import { clauseXmlText } from '../testing/documents.ts';
import { connectClient, createTestDeclaration, synced, waitFor, type CreatedDeclaration, type TestClient } from '../testing/testServer.ts';
import { HISTORY_PAUSE_MS, readPartText } from './recordHistory.ts';

/**
 * The history of a clause (docs/SPEC.md HIST1, HIST2) end to end: the real
 * server over a real SQLite file, stock y-websocket clients typing as three
 * delegations, the API over HTTP. The server's history clock runs ahead of
 * the wall clock by `skew`, so a pause of more than 30 s passes without
 * waiting for it.
 */
const FIRST = 'Decide the first;';
const SECOND = 'Decide the second;';
const THIRD = 'Decide the third;';
const seed = { ...emptySeed(plain('History test')), operative: [{ body: plain(FIRST) }, { body: plain(SECOND) }, { body: plain(THIRD) }] };
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Cuba', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

interface Entry {
  id: number | string;
  kind: 'text' | 'restore' | 'status' | 'proposal';
  by: string | null;
  name: string;
  from: number;
  at: number;
  before?: RichText;
  after?: RichText;
  redline?: { op: string; runs: RichText }[];
  status?: { state: string; by: string };
  proposalId?: string;
}
type Json = { clauseId: string; entries: Entry[]; entry: Entry; proposal: { id: string }; error: { id: string; message: string } };

describe('the history of a clause', () => {
  let dir: string;
  let server: RunningServer;
  let declaration: CreatedDeclaration;
  let ids: Record<string, string>;
  /** How far the history's clock runs ahead of the wall clock. */
  let skew = 0;
  const clients: TestClient[] = [];

  const start = async () => {
    const config = readConfig({ PORT: '0', DATA_DIR: dir, HOST: '127.0.0.1' });
    server = await startServer(config, createLogger({ quiet: true }), { now: () => Date.now() + skew });
  };
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-history-'));
    skew = 0;
    await start();
    declaration = createTestDeclaration(server, seed, people);
    ids = Object.fromEntries(listParticipants(server.db, declaration.id).map((p) => [p.name, p.id]));
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const client = async (name: string) => {
    const c = connectClient({ wsUrl: `ws://127.0.0.1:${server.port}${COLLAB_PATH}` }, declaration.id, declaration.tokens[name]!);
    clients.push(c);
    await synced(c);
    return c;
  };
  const call = async (method: string, urlPath: string, who: string, body?: unknown) => {
    const response = await fetch(`http://127.0.0.1:${server.port}/api/declarations/${declaration.id}${urlPath}`, {
      method,
      headers: { authorization: `Bearer ${declaration.tokens[who]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Json };
  };
  const clauseId = (text: string) => server.rooms.withRoom(declaration.id, (room) => readDeclaration(room.doc).clauses.find((c) => toPlainText(c.body) === text)!.id);
  const serverText = (id: string) => server.rooms.withRoom(declaration.id, (room) => toPlainText(readDeclaration(room.doc).clauses.find((c) => c.id === id)?.body ?? []));
  /** Types letter by letter at `index` (default: the end), one update per letter as a keyboard would, and waits for the server to have it. */
  const clientText = (c: TestClient, id: string) => toPlainText(readDeclaration(c.doc).clauses.find((clause) => clause.id === id)?.body ?? []);
  const type = async (c: TestClient, id: string, letters: string, index?: number) => {
    // Typing into the text as the server has it, as a delegate would after seeing the others' changes.
    await waitFor(() => clientText(c, id) === serverText(id), 'the client to have the clause as the server has it');
    const text = clauseXmlText(c.doc, id);
    let at = index ?? text.length;
    for (const letter of letters) text.insert(at++, letter);
    const expected = clientText(c, id);
    await waitFor(() => serverText(id) === expected, `the server to read "${expected}"`);
  };
  const history = async (id: string, who = 'Spain') => {
    const answer = await call('GET', `/clauses/${id}/history`, who);
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    return answer.json.entries;
  };
  /** An entry as a reader sees it: kind, who, and the text before and after. */
  const readable = (e: Entry) => [e.kind, e.name, e.before && toPlainText(e.before), e.after && toPlainText(e.after), e.status?.state].filter((x) => x !== undefined);
  const setStatus = async (id: string, state: string, reason?: string) => {
    const answer = await call('POST', `/clauses/${id}/status`, 'Argentina', reason ? { state, reason } : { state });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
  };

  it('HIST1: consecutive changes by one participant to one clause are one entry, until a pause of more than 30 s or someone else\'s change to it', async () => {
    const [chile, peru, cuba] = [await client('Chile'), await client('Peru'), await client('Cuba')];
    const first = clauseId(FIRST);
    const second = clauseId(SECOND);
    await type(chile, first, ' now', FIRST.length - 1);
    // Another delegation typing into another clause does not break Chile's run.
    await type(peru, second, ' again', SECOND.length - 1);
    skew += HISTORY_PAUSE_MS - 1000;
    await type(chile, first, ' and', 'Decide the first now'.length);
    skew += HISTORY_PAUSE_MS + 1;
    await type(chile, first, ' together', 'Decide the first now and'.length);
    await type(cuba, first, 'We ', 0);
    await type(chile, first, ' always', 'We Decide the first now and together'.length);

    const entries = await history(first);
    expect(entries.map(readable)).toEqual([
      ['text', 'Chile', FIRST, 'Decide the first now and;'],
      ['text', 'Chile', 'Decide the first now and;', 'Decide the first now and together;'],
      ['text', 'Cuba', 'Decide the first now and together;', 'We Decide the first now and together;'],
      ['text', 'Chile', 'We Decide the first now and together;', 'We Decide the first now and together always;'],
    ]);
    expect(entries.map((e) => e.by)).toEqual([ids.Chile, ids.Chile, ids.Cuba, ids.Chile]);
    // A run lasts from its first change to its last; each is a word redline.
    expect(entries[0]!.at - entries[0]!.from).toBeGreaterThanOrEqual(HISTORY_PAUSE_MS - 1000);
    expect(entries[1]!.from).toBeGreaterThan(entries[0]!.at + HISTORY_PAUSE_MS);
    expect(entries[0]!.redline).toEqual([
      { op: 'equal', runs: plain('Decide the first') },
      { op: 'insert', runs: plain(' now and') },
      { op: 'equal', runs: plain(';') },
    ]);
    expect((await history(second)).map(readable)).toEqual([['text', 'Peru', SECOND, 'Decide the second again;']]);
    // Every one of them may read it, observers too; the id of an entry is what a restore names.
    expect(entries.every((e) => typeof e.id === 'number')).toBe(true);
    expect((await call('GET', `/clauses/nothing-here/history`, 'Chile')).json.error.id).toBe('clause-not-found');
  });

  it('HIST1: a heading field\'s changes are recorded like a clause\'s, by whoever typed them', async () => {
    const chair = await client('Argentina');
    const title = (chair.doc.getMap(ROOT.meta).get('title') as Y.XmlFragment).get(0) as Y.XmlElement;
    const text = title.get(0) as Y.XmlText;
    text.insert(text.length, ' of Lima');
    await waitFor(() => server.rooms.withRoom(declaration.id, (room) => toPlainText(readDeclaration(room.doc).meta.title)) === 'History test of Lima', 'the title');
    await waitFor(() => partHistory(server.db, declaration.id, 'meta:title').length === 1, 'the title\'s history');
    expect(partHistory(server.db, declaration.id, 'meta:title').map((e) => [e.participantId, toPlainText(e.before), toPlainText(e.after)])).toEqual([[ids.Argentina, 'History test', 'History test of Lima']]);
  });

  it('HIST1: a refused change records nothing, and the server\'s undo of it is nobody\'s change; what the same update did elsewhere is recorded', async () => {
    const chile = await client('Chile');
    const first = clauseId(FIRST);
    const second = clauseId(SECOND);
    await setStatus(first, 'agreed');
    // One update touching an agreed clause and an open one.
    chile.doc.transact(() => {
      clauseXmlText(chile.doc, first).insert(0, 'NOT ');
      clauseXmlText(chile.doc, second).insert(0, 'Also ');
    });
    await waitFor(() => chile.doc.getMap(ROOT.refused).size === 1 && serverText(second) === `Also ${SECOND}`, 'the refusal and the open clause\'s change');
    await waitFor(() => clientText(chile, first) === FIRST, 'Chile to see the agreed text back');
    expect((await history(first)).map(readable)).toEqual([['status', 'Argentina', 'agreed']]);
    expect((await history(second)).map(readable)).toEqual([['text', 'Chile', SECOND, `Also ${SECOND}`]]);
    expect(partHistory(server.db, declaration.id, first)).toEqual([]);
  });

  it('HIST1: status changes and accepted proposals are in the timeline, oldest first; the text the server changed starts a new entry', async () => {
    const chile = await client('Chile');
    const first = clauseId(FIRST);
    await type(chile, first, ' soon', FIRST.length - 1);
    const made = await call('POST', '/proposals', 'Peru', { clauseId: first, action: 'replace', text: 'Decide the first at once;' });
    expect(made.status).toBe(201);
    const accepted = await call('POST', `/proposals/${made.json.proposal.id}/accept`, 'Argentina', { shownText: 'Decide the first soon;' });
    expect(accepted.status, JSON.stringify(accepted.json)).toBe(200);
    await waitFor(() => clientText(chile, first) === 'Decide the first at once;', 'Chile to see the accepted text');
    // Within 30 s of its last change, but the server changed the clause since: a new entry, from the accepted text.
    await type(chile, first, ' indeed', 'Decide the first at once'.length);
    await setStatus(first, 'agreed');
    await setStatus(first, 'open', 'Chile asked to look again.');

    const entries = await history(first);
    expect(entries.map(readable)).toEqual([
      ['text', 'Chile', FIRST, 'Decide the first soon;'],
      ['proposal', 'Argentina', 'Decide the first soon;', 'Decide the first at once;'],
      ['text', 'Chile', 'Decide the first at once;', 'Decide the first at once indeed;'],
      ['status', 'Argentina', 'agreed'],
      ['status', 'Argentina', 'open'],
    ]);
    expect(entries[1]).toMatchObject({ kind: 'proposal', by: ids.Argentina, proposalId: made.json.proposal.id });
    expect(entries[4]).toMatchObject({ by: ids.Argentina, status: { state: 'open', by: 'Argentina', reason: 'Chile asked to look again.' } });
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort((a, b) => a - b));
    // Accepting is the proposal's entry, not a text entry of anyone's.
    expect(partHistory(server.db, declaration.id, first).map((e) => e.participantId)).toEqual([ids.Chile, ids.Chile]);
  });

  it('HIST1: a new clause\'s text and a deleted clause are recorded by who made and deleted them', async () => {
    const peru = await client('Peru');
    const third = clauseId(THIRD);
    const root = peru.doc.getMap<Y.Map<unknown>>(ROOT.clauses);
    peru.doc.transact(() => root.delete(third));
    await waitFor(() => serverText(third) === '', 'the deletion');
    const entries = await history(third);
    expect(entries.map(readable)).toEqual([['text', 'Peru', THIRD, '']]);
  });

  it('HIST1: the history survives a restart, and typing after it goes on being recorded', async () => {
    const chile = await client('Chile');
    const first = clauseId(FIRST);
    await type(chile, first, ' now', FIRST.length - 1);
    const before = await history(first);
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    await start();
    expect(await history(first)).toEqual(before);
    const cuba = await client('Cuba');
    await type(cuba, first, 'We ', 0);
    expect((await history(first)).map(readable)).toEqual([
      ['text', 'Chile', FIRST, 'Decide the first now;'],
      ['text', 'Cuba', 'Decide the first now;', 'We Decide the first now;'],
    ]);
  });

  it('HIST2: the chair and the secretariat restore an earlier text as a new change; delegations and observers may not', async () => {
    const chile = await client('Chile');
    const first = clauseId(FIRST);
    await type(chile, first, ' now', FIRST.length - 1);
    skew += HISTORY_PAUSE_MS + 1;
    await type(chile, first, ' and always', 'Decide the first now'.length);
    const [earlier, later] = await history(first);
    for (const who of ['Chile', 'Spain']) {
      const refused = await call('POST', `/clauses/${first}/restore`, who, { from: earlier!.id });
      expect(refused.status).toBe(403);
      expect(refused.json.error.id).toBe('not-allowed-restoreText');
    }
    const restored = await call('POST', `/clauses/${first}/restore`, 'Secretariat', { from: earlier!.id });
    expect(restored.status, JSON.stringify(restored.json)).toBe(200);
    expect(readable(restored.json.entry)).toEqual(['restore', 'Secretariat', 'Decide the first now and always;', 'Decide the first now;']);
    expect(restored.json.entry.by).toBe(ids.Secretariat);
    await waitFor(() => clientText(chile, first) === 'Decide the first now;', 'Chile to see the restored text');
    // History is never rewritten: the restore is one more entry; the chair can restore the later text back.
    expect((await history(first)).map(readable)).toEqual([readable(earlier!), readable(later!), readable(restored.json.entry)]);
    const back = await call('POST', `/clauses/${first}/restore`, 'Argentina', { from: String(later!.id) });
    expect(back.status).toBe(200);
    expect(serverText(first)).toBe('Decide the first now and always;');
    expect(listAudit(server.db, declaration.id).filter((e) => e.action === 'clause-restored').map((e) => [e.actor, e.clauseId, e.detail.entryId])).toEqual([
      ['Secretariat', first, earlier!.id],
      ['Argentina', first, later!.id],
    ]);
  });

  it('HIST2: an agreed or ad ref clause answers 409 clause-not-open; bad ids and bodies are refused', async () => {
    const chile = await client('Chile');
    const first = clauseId(FIRST);
    const second = clauseId(SECOND);
    await type(chile, first, ' now', FIRST.length - 1);
    await type(chile, first, ' really', 'Decide the first now'.length);
    await type(chile, second, ' too', SECOND.length - 1);
    const [entry] = await history(first);
    const [other] = await history(second);
    await setStatus(first, 'agreed');
    const agreed = await call('POST', `/clauses/${first}/restore`, 'Argentina', { from: entry!.id });
    expect([agreed.status, agreed.json.error.id]).toEqual([409, 'clause-not-open']);
    await setStatus(first, 'ad-ref', 'Pending capitals.');
    expect((await call('POST', `/clauses/${first}/restore`, 'Argentina', { from: entry!.id })).json.error.id).toBe('clause-not-open');
    await setStatus(first, 'open');
    expect((await call('POST', `/clauses/${first}/restore`, 'Argentina', { from: other!.id })).json.error.id).toBe('history-entry-not-found');
    expect((await call('POST', `/clauses/${first}/restore`, 'Argentina', { from: 999_999 })).json.error.id).toBe('history-entry-not-found');
    expect((await call('POST', `/clauses/nothing-here/restore`, 'Argentina', { from: entry!.id })).json.error.id).toBe('clause-not-found');
    for (const body of [{}, { from: 'first' }, { from: -1 }, { from: 1.5 }, [1]]) {
      const bad = await call('POST', `/clauses/${first}/restore`, 'Argentina', body);
      expect([bad.status, bad.json.error.id]).toEqual([400, 'bad-body']);
    }
    // The clause reads as restored already: nothing to do.
    const later = (await history(first)).filter((e) => e.kind === 'text').at(-1)!;
    expect((await call('POST', `/clauses/${first}/restore`, 'Argentina', { from: later.id })).json.error.id).toBe('clause-unchanged');
    expect(serverText(first)).toBe('Decide the first now really;');
    expect(listAudit(server.db, declaration.id).filter((e) => e.action === 'clause-restored')).toEqual([]);
  });

  it('HIST2: a restore keeps what another delegation types in the clause at that moment', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const first = clauseId(FIRST);
    await type(chile, first, ' now', FIRST.length - 1);
    skew += HISTORY_PAUSE_MS + 1;
    await type(chile, first, ' or never', 'Decide the first now'.length);
    const [earlier] = await history(first);
    // Peru types at the start while the restore is made: its update reaches the server after it.
    peru.provider.disconnect();
    clauseXmlText(peru.doc, first).insert(0, 'We ');
    const restored = await call('POST', `/clauses/${first}/restore`, 'Argentina', { from: earlier!.id });
    expect(restored.status, JSON.stringify(restored.json)).toBe(200);
    peru.provider.connect();
    await waitFor(() => serverText(first) === 'We Decide the first now;', 'the restore and Peru\'s words, merged');
    await waitFor(() => clientText(peru, first) === 'We Decide the first now;', 'Peru to see both');
    expect((await history(first)).map(readable)).toEqual([
      ['text', 'Chile', FIRST, 'Decide the first now;'],
      ['text', 'Chile', 'Decide the first now;', 'Decide the first now or never;'],
      ['restore', 'Argentina', 'Decide the first now or never;', 'Decide the first now;'],
      ['text', 'Peru', 'Decide the first now;', 'We Decide the first now;'],
    ]);
  });

  it('HIST1: the recorder reads a clause\'s text as the rest of the server does (italics and bold, never comment marks), edit after edit', () => {
    const random = seededRandom(7);
    const doc = new Y.Doc();
    doc.transact(() => writeClause(doc, 'c1', 'operative', null, 'V', plain('Decides to act together;')));
    const body = doc.getMap<Y.Map<unknown>>(ROOT.clauses).get('c1')!.get(CLAUSE_FIELD.body) as Y.XmlFragment;
    const text = (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const marks = [{}, { italic: {} }, { bold: {} }, { italic: {}, bold: {} }, { comment: { threads: 't1' } }, { italic: null }, { bold: null }, { comment: null }];
    for (let step = 0; step < 500; step++) {
      const at = Math.floor(random() * (text.length + 1));
      const what = random();
      if (what < 0.5) text.insert(at, ['a', 'bc', ' ', 'word '][Math.floor(random() * 4)]!, marks[Math.floor(random() * 5)]);
      else if (what < 0.7 && text.length > 0) text.delete(Math.min(at, text.length - 1), 1 + Math.floor(random() * Math.min(3, text.length - at)));
      else if (text.length > 0) text.format(Math.min(at, text.length - 1), 1 + Math.floor(random() * 6), marks[Math.floor(random() * marks.length)]!);
      expect(readPartText(body)).toEqual(withoutComments(readRichText(body)));
    }
  });
});
