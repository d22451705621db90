import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD, FOOTNOTE_FIELD, FOOTNOTE_MARK, ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { appendParagraph } from '../../shared/document/richTextFragment.ts';
import { deleteClause } from '../../shared/document/clauseOps.ts';
import { CLOSE } from '../../shared/protocol.ts';
import { readRefusedChange, type RefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { saveVersion } from '../versions/saveVersion.ts';
import { readVersionContent } from '../versions/versionContent.ts';
import { History } from '../../client/collab/history.ts';
import { STRUCTURE_ORIGIN } from '../../client/collab/origins.ts';
import { clauseXmlText } from '../testing/documents.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { connectRaw, updateFrom, type RawClient } from '../testing/rawClient.ts';
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

/**
 * Hostile and mistaken writes to the parts issue 15 added to the model
 * (docs/SPEC.md HEAD1, FN1, FN2, CLOSE1; docs/THREAT_MODEL.md): clause
 * headings, footnotes and the closing line are heading matter, written by
 * the chair and the secretariat only (editMeta), in the model's shapes,
 * never on an agreed clause, never under silence. Real server, real
 * SQLite, stock y-websocket clients and raw protocol clients.
 */
const HEADED = 'Decide to act on health;';
const OTHER = 'Welcome the report;';
const AGREED = 'Agree on the budget;';
const seed = {
  ...emptySeed(plain('Headings and footnotes')),
  operative: [{ body: plain(HEADED), heading: 'A. Health' }, { body: plain(OTHER) }, { body: plain(AGREED), heading: 'B. Budget' }],
  footnotes: [{ id: 'fn1', marker: '1', body: plain('See document A/1.') }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Uruguay', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
];
const HOUR = 60 * 60 * 1000;

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
const refusedIn = (doc: Y.Doc): RefusedChange[] => [...doc.getMap(ROOT.refused).values()].map(readRefusedChange).filter((r): r is RefusedChange => r !== null);
/** Headings, footnotes (with the marks that reference them) and the closing line, as every replica must read them. */
const parts = (doc: Y.Doc) => {
  const declaration = readDeclaration(doc);
  return JSON.stringify({
    closing: declaration.meta.closing,
    clauses: [...declaration.clauses].sort((a, b) => (a.id < b.id ? -1 : 1)).map((c) => [c.id, c.heading ?? null, c.body]),
    footnotes: declaration.footnotes ?? [],
  });
};
const headingOf = (doc: Y.Doc, id: string) => clausesMap(doc).get(id)?.get(CLAUSE_FIELD.heading);
const footnoteEntry = (doc: Y.Doc, id: string) => doc.getMap<Y.Map<unknown>>(ROOT.footnotes).get(id)!;
const footnoteText = (doc: Y.Doc, id: string) => ((footnoteEntry(doc, id).get(FOOTNOTE_FIELD.body) as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;

/** A new footnote entry as an editor makes it; `extra` adds fields the model does not have. */
function addFootnote(doc: Y.Doc, id: string, marker: string, text: string, extra: Record<string, unknown> = {}): void {
  const entry = new Y.Map<unknown>();
  doc.getMap<Y.Map<unknown>>(ROOT.footnotes).set(id, entry);
  entry.set(FOOTNOTE_FIELD.order, 'b');
  entry.set(FOOTNOTE_FIELD.marker, marker);
  const body = new Y.XmlFragment();
  entry.set(FOOTNOTE_FIELD.body, body);
  appendParagraph(body, plain(text));
  for (const [key, value] of Object.entries(extra)) entry.set(key, value);
}

describe('HEAD1 FN1 FN2 CLOSE1: headings, footnotes and the closing line are the chair\'s and the secretariat\'s, in the model\'s shapes', () => {
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
    await r.handshake();
    return r;
  };
  const serverDoc = () => server.rooms.get(declaration.id).doc;
  const call = async (method: string, path: string, who: string, body?: unknown) => {
    const response = await fetch(`${server.httpUrl}/api/declarations/${declaration.id}${path}`, {
      method,
      headers: { authorization: `Bearer ${declaration.tokens[who]}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const everywhere = async (docs: Y.Doc[], what: string) => {
    await waitFor(() => docs.every((doc) => parts(doc) === parts(serverDoc())), what);
    return parts(serverDoc());
  };

  beforeEach(async () => {
    server = await startTestServer({ refusalWaitMs: 0 });
    declaration = createTestDeclaration(server, seed, people);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const r of raws.splice(0)) r.ws.terminate();
    await server.close();
    removeDataDir(server);
  });

  it('HEAD1: the chair and the secretariat write headings; a delegation\'s heading change, or new clause with a heading, is undone for everyone and kept as refused; its typing into the headed clause stands', async () => {
    const chair = await client('Argentina');
    const secretariat = await client('Uruguay');
    const chile = await client('Chile');
    const peru = await client('Peru');
    const headed = idOf(chair.doc, HEADED);
    const other = idOf(chair.doc, OTHER);
    expect(headingOf(chile.doc, headed)).toBe('A. Health');

    chair.doc.transact(() => clausesMap(chair.doc).get(other)!.set(CLAUSE_FIELD.heading, 'II. Trade'));
    secretariat.doc.transact(() => clausesMap(secretariat.doc).get(headed)!.set(CLAUSE_FIELD.heading, 'A. Health and care'));
    await waitFor(() => headingOf(peru.doc, other) === 'II. Trade' && headingOf(peru.doc, headed) === 'A. Health and care', 'the chair\'s and secretariat\'s headings');
    const truth = await everywhere([chair.doc, secretariat.doc, chile.doc, peru.doc], 'the headings everywhere');
    expect(refusedIn(serverDoc())).toEqual([]);

    // Chile renames one heading, deletes another, and types into the headed clause in the same update.
    chile.doc.transact(() => {
      clausesMap(chile.doc).get(headed)!.set(CLAUSE_FIELD.heading, 'A. Chile\'s priorities');
      clausesMap(chile.doc).get(other)!.delete(CLAUSE_FIELD.heading);
      clauseXmlText(chile.doc, headed).insert(HEADED.length - 1, ' now');
    });
    const typed = HEADED.replace(';', ' now;');
    await waitFor(() => headingOf(peru.doc, headed) === 'A. Health and care' && headingOf(chile.doc, other) === 'II. Trade', 'the heading changes undone');
    await waitFor(() => readDeclaration(peru.doc).clauses.some((c) => toPlainText(c.body) === typed), 'Chile\'s typing to stand');
    expect(headingOf(serverDoc(), headed)).toBe('A. Health and care');
    await waitFor(() => refusedIn(chile.doc).some((r) => r.author === 'Chile' && r.reason === 'role' && r.clauseId === headed), 'the refusal');
    expect(truth).not.toBe(parts(serverDoc())); // the typing changed the text

    // A new clause carrying a heading, from a delegation: removed, its text kept for it.
    chile.doc.transact(() => {
      const entry = new Y.Map<unknown>();
      clausesMap(chile.doc).set('chileNew', entry);
      entry.set(CLAUSE_FIELD.kind, 'operative');
      entry.set(CLAUSE_FIELD.order, 'z');
      entry.set(CLAUSE_FIELD.heading, 'C. Chile');
      const body = new Y.XmlFragment();
      entry.set(CLAUSE_FIELD.body, body);
      appendParagraph(body, plain('Chile\'s own paragraph;'));
    });
    await waitFor(() => refusedIn(serverDoc()).some((r) => r.clauseId === 'chileNew' && r.reason === 'role' && r.attempted === 'C. Chile\nChile\'s own paragraph;'), 'the new clause refused');
    await waitFor(() => !clausesMap(peru.doc).has('chileNew') && !clausesMap(chile.doc).has('chileNew'), 'the new clause gone everywhere');
    expect(listAudit(server.db, declaration.id).filter((e) => e.action === 'refused').map((e) => [e.actor, e.detail.reason])).toEqual([
      ['Chile', 'role'],
      ['Chile', 'role'],
      ['Chile', 'role'],
    ]);

    // Restarted: SQLite's log holds the chair's headings and none of Chile's.
    for (const c of clients.splice(0)) c.destroy();
    server = await server.restart();
    const again = await client('Peru');
    expect(headingOf(again.doc, headed)).toBe('A. Health and care');
    expect(headingOf(again.doc, other)).toBe('II. Trade');
    expect(clausesMap(again.doc).has('chileNew')).toBe(false);
  });

  it('HEAD1: a heading that is a shared type, a number, longer than 2,000 characters or 100 kB is refused; an agreed clause\'s heading does not change (LOCK1)', async () => {
    const chair = await client('Argentina');
    const peru = await client('Peru');
    const headed = idOf(chair.doc, HEADED);
    const agreed = idOf(chair.doc, AGREED);
    expect((await call('POST', `/clauses/${agreed}/status`, 'Argentina', { state: 'agreed' })).status).toBe(200);
    const truth = await everywhere([chair.doc, peru.doc], 'the start');

    // Each write waits for the undo of the one before to reach the chair: else it would overwrite the undo, not the heading.
    const attempts: [string, unknown, string][] = [
      [headed, new Y.XmlText('A. Health'), 'structure'],
      [headed, 7, 'structure'],
      [headed, 'H'.repeat(2001), 'too-long'],
      [agreed, 'B. Budget, amended', 'agreed'],
      [agreed, undefined, 'agreed'],
    ];
    for (const [i, [id, value, reason]] of attempts.entries()) {
      await waitFor(() => parts(chair.doc) === truth, `the chair's replica as it was before attempt ${i + 1}`);
      chair.doc.transact(() => (value === undefined ? clausesMap(chair.doc).get(id)!.delete(CLAUSE_FIELD.heading) : clausesMap(chair.doc).get(id)!.set(CLAUSE_FIELD.heading, value)));
      await waitFor(() => refusedIn(serverDoc()).length === i + 1, `attempt ${i + 1} refused`);
      expect(refusedIn(serverDoc()).sort((a, b) => a.at - b.at).at(-1)).toMatchObject({ clauseId: id, reason });
    }
    await waitFor(() => [chair.doc, peru.doc, serverDoc()].every((doc) => parts(doc) === truth), 'every heading as it was');

    // 100 kB in one value never reaches the document: the sender's connection is closed.
    const hostile = await raw('Argentina');
    hostile.sendUpdate(updateFrom(hostile.replica, (doc) => clausesMap(doc).get(headed)!.set(CLAUSE_FIELD.heading, 'H'.repeat(100_000))));
    expect((await hostile.closed).code).toBe(CLOSE.malformedMessage.code);
    expect(parts(serverDoc())).toBe(truth);
    expect(headingOf(serverDoc(), agreed)).toBe('B. Budget');
  });

  it('FN1 FN2: the chair adds and edits footnotes and references them; a delegation\'s footnote writes are undone; it may type around a reference in an open clause', async () => {
    const chair = await client('Argentina');
    const chile = await client('Chile');
    const peru = await client('Peru');
    const other = idOf(chair.doc, OTHER);
    chair.doc.transact(() => {
      addFootnote(chair.doc, 'fn2', '2', 'A/RES/77/1.');
      const text = clauseXmlText(chair.doc, other);
      text.insert(text.length, '2', { [FOOTNOTE_MARK]: { id: 'fn2' } });
      footnoteText(chair.doc, 'fn1').insert(0, 'Also ');
    });
    await waitFor(() => (readDeclaration(peru.doc).footnotes ?? []).length === 2, 'the new footnote');
    const declared = readDeclaration(peru.doc);
    expect(declared.footnotes!.map((f) => [f.id, f.marker, toPlainText(f.body)])).toEqual([
      ['fn1', '1', 'Also See document A/1.'],
      ['fn2', '2', 'A/RES/77/1.'],
    ]);
    expect(declared.clauses.find((c) => c.id === other)!.body).toEqual([{ text: OTHER }, { text: '2', footnote: 'fn2' }]);
    await everywhere([chair.doc, chile.doc, peru.doc], 'the footnotes everywhere');
    expect(refusedIn(serverDoc())).toEqual([]);

    // Chile rewrites a footnote, deletes another and adds one: all undone.
    chile.doc.transact(() => {
      footnoteText(chile.doc, 'fn1').insert(0, 'NOT ');
      chile.doc.getMap(ROOT.footnotes).delete('fn2');
      addFootnote(chile.doc, 'fn3', '3', 'Chile\'s note.');
    });
    await waitFor(() => refusedIn(serverDoc()).some((r) => r.author === 'Chile' && r.part === 'meta' && r.reason === 'role'), 'the refusal');
    await waitFor(() => [chile.doc, peru.doc].every((doc) => (readDeclaration(doc).footnotes ?? []).map((f) => f.id).join() === 'fn1,fn2'), 'the footnotes put back');
    expect(toPlainText(readDeclaration(serverDoc()).footnotes![0]!.body)).toBe('Also See document A/1.');
    const refusal = refusedIn(serverDoc()).find((r) => r.author === 'Chile')!;
    expect(refusal.attempted).toContain('footnote 3: Chile\'s note.');
    expect(refusal.kept).toContain('footnote 2: A/RES/77/1.');

    // Chile types before the reference and italicises it: text formatting of an open clause, which stands (FN2).
    chile.doc.transact(() => {
      const text = clauseXmlText(chile.doc, other);
      text.insert(OTHER.length - 1, ' gladly');
      text.format(text.length - 1, 1, { italic: {} });
    });
    await waitFor(
      () => JSON.stringify(readDeclaration(peru.doc).clauses.find((c) => c.id === other)!.body) === JSON.stringify([{ text: 'Welcome the report gladly;' }, { text: '2', italic: true, footnote: 'fn2' }]),
      'Chile\'s edit around the reference',
    );
    expect(refusedIn(serverDoc()).filter((r) => r.author === 'Chile')).toHaveLength(1);
  });

  it('FN1: a footnote with extra fields, a long or empty marker, a bad order, a too-long text, or the footnotes root written as a list is undone; a footnote mark with any value but { id } closes the sender', async () => {
    const chair = await client('Argentina');
    const peru = await client('Peru');
    const truth = await everywhere([chair.doc, peru.doc], 'the start');
    const attempts: ((doc: Y.Doc) => void)[] = [
      (doc) => addFootnote(doc, 'extra', '2', 'Text.', { author: 'Chile' }),
      (doc) => addFootnote(doc, 'longMarker', '1234567890abcdefg', 'Text.'),
      (doc) => addFootnote(doc, 'emptyMarker', '', 'Text.'),
      (doc) => addFootnote(doc, 'badOrder', '2', 'Text.', { [FOOTNOTE_FIELD.order]: 'not a key!' }),
      (doc) => addFootnote(doc, 'tooLong', '2', 'x'.repeat(10_001)),
      (doc) => footnoteEntry(doc, 'fn1').set(FOOTNOTE_FIELD.marker, new Y.Map()),
      (doc) => doc.getMap(ROOT.footnotes).set('notAMap', 'text'),
    ];
    for (const [i, attempt] of attempts.entries()) {
      chair.doc.transact(() => attempt(chair.doc));
      await waitFor(() => refusedIn(serverDoc()).length === i + 1, `attempt ${i + 1} refused`);
    }
    expect(refusedIn(serverDoc()).map((r) => r.reason)).toEqual(['structure', 'too-long', 'structure', 'structure', 'too-long', 'structure', 'structure']);
    await waitFor(() => [chair.doc, peru.doc].every((doc) => parts(doc) === truth), 'every footnote as it was');

    // The root written as another type: a stock client that took `footnotes` for a list.
    const listWriter = await raw('Uruguay');
    const list = new Y.Doc();
    list.getArray<string>(ROOT.footnotes).insert(0, ['a footnote as a list item']);
    listWriter.sendUpdate(Y.encodeStateAsUpdate(list));
    await waitFor(() => refusedIn(serverDoc()).length === attempts.length + 1, 'the list write refused');
    expect(refusedIn(serverDoc()).at(-1)).toMatchObject({ author: 'Uruguay', reason: 'structure' });
    expect(listWriter.isClosed()).toBe(false);

    // Footnote marks whose value is not exactly { id: <footnote id> }: refused before they touch the document.
    const other = idOf(chair.doc, OTHER);
    for (const value of ['fn1', { id: 5 }, { id: 'fn1', extra: true }, { id: 'x'.repeat(65) }, { id: 'fn 1' }, { id: 'y'.repeat(70_000) }]) {
      const hostile = await raw('Argentina');
      hostile.sendUpdate(updateFrom(hostile.replica, (doc) => clauseXmlText(doc, other).format(0, 3, { [FOOTNOTE_MARK]: value })));
      expect((await hostile.closed).code).toBe(CLOSE.malformedMessage.code);
    }
    expect(parts(serverDoc())).toBe(truth);
    expect(parts(peru.doc)).toBe(truth);
  });

  it('SIL4 FN1 HEAD1 CLOSE1: under a silence procedure the chair\'s closing line, headings, footnotes and references are undone as frozen; once cancelled they stand', async () => {
    const chair = await client('Argentina');
    const peru = await client('Peru');
    const headed = idOf(chair.doc, HEADED);
    const other = idOf(chair.doc, OTHER);
    const start = await call('POST', '/silence', 'Argentina', { deadline: new Date(Date.now() + 30 * HOUR).toISOString(), reason: 'Circulated.' });
    expect(start.status, JSON.stringify(start.json)).toBe(200);
    await waitFor(() => peru.doc.getMap(ROOT.silence).size > 0, 'the procedure to be mirrored');
    const truth = await everywhere([chair.doc, peru.doc], 'the start');
    const closingText = (doc: Y.Doc) => ((doc.getMap(ROOT.meta).get('closing') as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const edits: ((doc: Y.Doc) => void)[] = [
      (doc) => closingText(doc).insert(0, 'Done at Buenos Aires.'),
      (doc) => clausesMap(doc).get(headed)!.set(CLAUSE_FIELD.heading, 'A. Frozen'),
      (doc) => footnoteText(doc, 'fn1').insert(0, 'Frozen '),
      (doc) => addFootnote(doc, 'fn9', '9', 'Frozen.'),
      (doc) => clauseXmlText(doc, other).format(0, 3, { [FOOTNOTE_MARK]: { id: 'fn1' } }),
    ];
    for (const [i, edit] of edits.entries()) {
      chair.doc.transact(() => edit(chair.doc));
      await waitFor(() => refusedIn(serverDoc()).length === i + 1, `frozen edit ${i + 1} refused`);
    }
    expect(refusedIn(serverDoc()).map((r) => r.reason)).toEqual(Array(edits.length).fill('frozen'));
    await waitFor(() => [chair.doc, peru.doc].every((doc) => parts(doc) === truth), 'the text as it was');
    expect((await call('PUT', '/settings', 'Argentina', { paragraphs: 'articles' })).json).toMatchObject({ error: { id: 'frozen' } });

    expect((await call('POST', '/silence/cancel', 'Argentina', { reason: 'More talks.' })).status).toBe(200);
    chair.doc.transact(() => edits.forEach((edit) => edit(chair.doc)));
    await waitFor(() => toPlainText(readDeclaration(peru.doc).meta.closing) === 'Done at Buenos Aires.' && headingOf(peru.doc, headed) === 'A. Frozen', 'the edits to stand');
    expect(refusedIn(serverDoc())).toHaveLength(edits.length);
  });

  it('CLOSE1: a declaration stored before the closing line existed gets it from the server on load, persisted, and the chair writes it', async () => {
    // The declaration as an older version stored it: no `closing` in the heading.
    const old = new Y.Doc();
    for (const update of server.log.read(declaration.id).updates) Y.applyUpdate(old, update);
    const before = Y.encodeStateVector(old);
    old.getMap(ROOT.meta).delete('closing');
    server.log.append(declaration.id, Y.encodeStateAsUpdate(old, before));
    server = await server.restart();

    const chair = await client('Argentina');
    const closing = chair.doc.getMap(ROOT.meta).get('closing');
    expect(closing).toBeInstanceOf(Y.XmlFragment);
    expect((closing as Y.XmlFragment).length).toBe(1);
    (((closing as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Done at Lima.');
    const peru = await client('Peru');
    await waitFor(() => toPlainText(readDeclaration(peru.doc).meta.closing) === 'Done at Lima.', 'the closing line');
    for (const c of clients.splice(0)) c.destroy();
    server = await server.restart();
    const again = await client('Peru');
    expect(toPlainText(readDeclaration(again.doc).meta.closing)).toBe('Done at Lima.');
    expect(refusedIn(again.doc)).toEqual([]);

    // A version saved then has no closing line either: compared with the text now, it reads as empty (CMP6).
    const oldContent = readVersionContent(old);
    delete (oldContent.declaration.meta as Partial<typeof oldContent.declaration.meta>).closing;
    const saved = saveVersion(server.db, declaration.id, oldContent, { name: 'Before closing lines', note: '', origin: 'saved', by: null });
    const compared = await call('GET', `/compare?from=${saved.id}`, 'Peru');
    expect(compared.status, JSON.stringify(compared.json)).toBe(200);
    expect((compared.json.comparison as { summary: { meta: string[] } }).summary.meta).toEqual(['closing']);
  });
});

describe('HEAD1: a deleted clause leaves its heading to the next clause of its group', () => {
  const sectioned = {
    ...emptySeed(plain('Sections')),
    preamble: [plain('Recalling the first,'), plain('Noting the second,')],
    preambleHeadings: ['Part I'],
    operative: [
      { body: plain('First on health;'), heading: 'A. Health' },
      { body: plain('Second on health;') },
      { body: plain('Third on health;') },
      { body: plain('First on trade;'), heading: 'B. Trade' },
      { body: plain('Second on trade;') },
      { body: plain('Agreed on trade;') },
    ],
  };
  const under = declarationUnderTest(sectioned, people);
  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;
  /** [text, heading] of every clause, in reading order. */
  const headings = (doc: Y.Doc) => readDeclaration(doc).clauses.map((c) => [toPlainText(c.body), c.heading ?? null]);
  const call = (method: string, path: string, who: string, body?: unknown) => under.call<{ proposal: { id: string } }>(method, path, who, body);
  const converged = async (...docs: Y.Doc[]) => {
    await waitFor(() => docs.every((doc) => JSON.stringify(headings(doc)) === JSON.stringify(headings(serverDoc()))), 'every client to hold the server\'s headings');
    return headings(serverDoc());
  };

  it('HEAD1: a delegation deleting a section\'s first paragraph leaves the heading to the next one, on every client and after a restart; an accepted deletion too, and its undo takes it back; never onto a clause with its own heading, an agreed one or another group', async () => {
    const chile = await under.client('Chile');
    const chair = await under.client('Argentina');
    const id = (text: string) => idOf(serverDoc(), text);
    // A delegation deletes the first paragraph of section A, and the first preambular paragraph.
    deleteClause(chile.doc, id('First on health;'));
    deleteClause(chile.doc, id('Recalling the first,'));
    expect(await converged(chile.doc, chair.doc)).toEqual([
      ['Noting the second,', 'Part I'],
      ['Second on health;', 'A. Health'],
      ['Third on health;', null],
      ['First on trade;', 'B. Trade'],
      ['Second on trade;', null],
      ['Agreed on trade;', null],
    ]);
    expect(refusedIn(serverDoc())).toEqual([]);

    // The rest of section A at once: the next clause opens section B with its own heading, which stays.
    chile.doc.transact(() => {
      deleteClause(chile.doc, id('Second on health;'));
      deleteClause(chile.doc, id('Third on health;'));
    });
    await waitFor(() => readDeclaration(serverDoc()).clauses.length === 4, 'the deletions');
    expect((await converged(chile.doc, chair.doc)).slice(1)).toEqual([
      ['First on trade;', 'B. Trade'],
      ['Second on trade;', null],
      ['Agreed on trade;', null],
    ]);

    // An accepted deletion leaves the heading too; undone, the heading goes back to its clause.
    const proposal = (await call('POST', '/proposals', 'Chile', { clauseId: id('First on trade;'), action: 'delete' })).json.proposal;
    expect((await call('POST', `/proposals/${proposal.id}/accept`, 'Argentina', { shownText: 'First on trade;' })).status).toBe(200);
    expect((await converged(chile.doc, chair.doc)).slice(1)).toEqual([
      ['Second on trade;', 'B. Trade'],
      ['Agreed on trade;', null],
    ]);
    expect((await call('POST', `/proposals/${proposal.id}/undo`, 'Argentina')).status).toBe(200);
    expect((await converged(chile.doc, chair.doc)).slice(1)).toEqual([
      ['First on trade;', 'B. Trade'],
      ['Second on trade;', null],
      ['Agreed on trade;', null],
    ]);

    // Never onto an agreed clause (LOCK1): its heading does not change.
    expect((await call('POST', `/clauses/${id('Agreed on trade;')}/status`, 'Argentina', { state: 'agreed' })).status).toBe(200);
    chair.doc.transact(() => {
      deleteClause(chair.doc, id('First on trade;'));
      deleteClause(chair.doc, id('Second on trade;'));
    });
    await waitFor(() => readDeclaration(serverDoc()).clauses.length === 2, 'the deletions');
    expect(await converged(chile.doc, chair.doc)).toEqual([
      ['Noting the second,', 'Part I'],
      ['Agreed on trade;', null],
    ]);

    // The moved headings were persisted like any change.
    under.disconnectAll();
    under.server = await under.server.restart();
    expect(headings((await under.client('Peru')).doc)).toEqual([
      ['Noting the second,', 'Part I'],
      ['Agreed on trade;', null],
    ]);
  });

  it('HEAD1 UNDO3: undoing the deletion of a headed clause with the browser\'s history: a delegation\'s clause comes back without the heading, which stays where the server moved it, and nothing is refused; the chair\'s comes back with it, and the next clause gives it up', async () => {
    for (const [name, headingBack] of [['Chile', false], ['Argentina', true]] as const) {
      const who = await under.client(name);
      const watcher = await under.client('Peru');
      // The browser's own history (client/collab/history.ts), as the screen sets it up for this role.
      const history = new History(who.doc, Number.POSITIVE_INFINITY);
      history.restoresHeadings = headingBack;
      const first = idOf(serverDoc(), 'First on health;');
      const second = idOf(serverDoc(), 'Second on health;');
      deleteClause(who.doc, first, STRUCTURE_ORIGIN);
      await waitFor(() => clausesMap(serverDoc()).get(second)?.get(CLAUSE_FIELD.heading) === 'A. Health', `the heading moved (${name})`);
      await waitFor(() => clausesMap(who.doc).get(second)?.get(CLAUSE_FIELD.heading) === 'A. Health', `the move to reach ${name}`);
      history.undo();
      await waitFor(() => clausesMap(serverDoc()).has(first), `${name}'s clause back`);
      const expected = [
        ['Recalling the first,', 'Part I'],
        ['Noting the second,', null],
        ['First on health;', headingBack ? 'A. Health' : null],
        ['Second on health;', headingBack ? null : 'A. Health'],
        ['Third on health;', null],
        ['First on trade;', 'B. Trade'],
        ['Second on trade;', null],
        ['Agreed on trade;', null],
      ];
      await waitFor(() => JSON.stringify(headings(serverDoc())) === JSON.stringify(expected), `${name}'s undo to settle on the server`);
      expect(await converged(who.doc, watcher.doc)).toEqual(expected);
      expect(refusedIn(serverDoc())).toEqual([]);
      history.destroy();
      // The next role starts from the seed's headings again.
      if (!headingBack) {
        const chair = await under.client('Argentina');
        chair.doc.transact(() => {
          clausesMap(chair.doc).get(second)!.delete(CLAUSE_FIELD.heading);
          clausesMap(chair.doc).get(first)!.set(CLAUSE_FIELD.heading, 'A. Health');
        });
        await waitFor(() => clausesMap(serverDoc()).get(first)?.get(CLAUSE_FIELD.heading) === 'A. Health' && !clausesMap(serverDoc()).get(second)!.has(CLAUSE_FIELD.heading), 'the seed\'s headings');
      }
      under.disconnectAll();
    }
  });
});
