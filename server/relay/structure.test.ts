import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readClauseStatus } from '../../shared/clauseStatus.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { deleteClause, indentClause, insertClauses, outdentClause } from '../../shared/document/clauseOps.ts';
import { MAX_CLAUSES } from '../../shared/document/limits.ts';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { addSignatory, setSignatoryField } from '../../shared/document/signatoryOps.ts';
import { readRefusedChange, type RefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { clauseTexts, clauseXmlText } from '../testing/documents.ts';
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
 * The shape of the document and agreed subtrees (docs/SPEC.md STRUCT1,
 * LOCK7): writes that decode and fit the protocol but break the model or a
 * lock are applied and undone for everyone, and kept as refused changes.
 * Clients here are stock y-websocket clients whose documents are edited by
 * hand, as a modified client would.
 */
const seed = {
  ...emptySeed(plain('Structure test')),
  preamble: [plain('Recognizing the first,')],
  operative: [
    { body: plain('Paragraph with items:'), subitems: [{ body: plain('first item;') }, { body: plain('second item;') }] },
    { body: plain('Next paragraph;') },
    { body: plain('Last paragraph.') },
  ],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
];

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
const refusals = (doc: Y.Doc): RefusedChange[] => [...doc.getMap(ROOT.refused).values()].map(readRefusedChange).filter((r): r is RefusedChange => r !== null);

describe('structure and agreed subtrees', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;
  const clients: TestClient[] = [];
  const client = async (name: string) => {
    const c = connectClient(server, declaration.id, declaration.tokens[name]!);
    clients.push(c);
    await synced(c);
    return c;
  };
  const serverDoc = () => server.rooms.get(declaration.id).doc;
  const setStatus = (clauseId: string, body: unknown) =>
    fetch(`${server.httpUrl}/api/declarations/${declaration.id}/clauses/${clauseId}/status`, {
      method: 'POST',
      headers: { authorization: `Bearer ${declaration.tokens.Argentina}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  /** Every client and the server hold the same clauses (kinds, parents, order keys, text). */
  const converged = async (...docs: Y.Doc[]) => {
    const fingerprint = (doc: Y.Doc) => JSON.stringify([...readDeclaration(doc).clauses].sort((a, b) => (a.id < b.id ? -1 : 1)));
    await waitFor(() => docs.every((d) => fingerprint(d) === fingerprint(serverDoc())), 'convergence');
    return clauseTexts(serverDoc());
  };
  const agree = async (doc: Y.Doc, clauseId: string) => {
    expect((await setStatus(clauseId, { state: 'agreed' })).status).toBe(200);
    await waitFor(() => readClauseStatus(doc.getMap(ROOT.status).get(clauseId))?.state === 'agreed', 'the lock');
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

  it('LOCK7: agreeing a paragraph locks its sub-items: their text, a new sub-item under it, a clause moved under it or out of it are all undone', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const paragraph = idOf(chile.doc, 'Paragraph with items:');
    const first = idOf(chile.doc, 'first item;');
    const second = idOf(chile.doc, 'second item;');
    const next = idOf(chile.doc, 'Next paragraph;');
    await agree(chile.doc, paragraph);
    const before = clauseTexts(serverDoc());
    clauseXmlText(chile.doc, first).insert(0, 'Changed ');
    expect(await converged(chile.doc, peru.doc)).toEqual(before);
    // Enter at the end of the last sub-item: a new sub-item under the agreed paragraph.
    insertClauses(chile.doc, { id: second, side: 'after' }, [plain('third item.')]);
    expect(await converged(chile.doc, peru.doc)).toEqual(before);
    // Tab on the next paragraph: it would become a sub-item of the agreed one.
    expect(indentClause(chile.doc, next)).toBe(true);
    expect(await converged(chile.doc, peru.doc)).toEqual(before);
    expect(clausesMap(serverDoc()).get(next)!.get(CLAUSE_FIELD.parent)).toBeUndefined();
    // Shift+Tab on a sub-item: it would leave the agreed paragraph.
    expect(outdentClause(chile.doc, second)).toBe(true);
    expect(await converged(chile.doc, peru.doc)).toEqual(before);
    expect(clausesMap(serverDoc()).get(second)!.get(CLAUSE_FIELD.parent)).toBe(paragraph);
    // Deleted outright: it comes back.
    deleteClause(chile.doc, first);
    expect(await converged(chile.doc, peru.doc)).toEqual(before);
    await waitFor(() => refusals(chile.doc).length >= 5, 'the refused changes kept for Chile');
    expect(refusals(chile.doc).every((r) => r.reason === 'agreed')).toBe(true);
    expect(refusals(chile.doc).map((r) => r.attempted)).toContain('third item.');
  });

  it('LOCK7: reopening the paragraph reopens its sub-items; a sub-item locked with its paragraph cannot be given a status of its own', async () => {
    const chile = await client('Chile');
    const paragraph = idOf(chile.doc, 'Paragraph with items:');
    const first = idOf(chile.doc, 'first item;');
    await agree(chile.doc, paragraph);
    const response = await setStatus(first, { state: 'open' });
    expect(response.status).toBe(409);
    expect((await response.json()).error.id).toBe('agreed-with-paragraph');
    expect((await setStatus(paragraph, { state: 'open', reason: 'Peru asked to revisit (a)' })).status).toBe(200);
    await waitFor(() => readClauseStatus(chile.doc.getMap(ROOT.status).get(paragraph))?.state === 'open', 'the reopening');
    clauseXmlText(chile.doc, first).insert(0, 'Revised ');
    insertClauses(chile.doc, { id: first, side: 'after' }, [plain('new item;')]);
    expect(await converged(chile.doc)).toEqual(['Recognizing the first,', 'Paragraph with items:', 'Revised first item;', 'new item;', 'second item;', 'Next paragraph;', 'Last paragraph.']);
  });

  it('LOCK7: agreeing a sub-item alone locks it and its own sub-items; its paragraph stays open around it', async () => {
    const chile = await client('Chile');
    const paragraph = idOf(chile.doc, 'Paragraph with items:');
    const first = idOf(chile.doc, 'first item;');
    await agree(chile.doc, first);
    clauseXmlText(chile.doc, paragraph).insert(0, 'Open ');
    clauseXmlText(chile.doc, first).insert(0, 'Locked ');
    insertClauses(chile.doc, { kind: 'operative', parent: first }, [plain('under the agreed item')]);
    expect(await converged(chile.doc)).toEqual(['Recognizing the first,', 'Open Paragraph with items:', 'first item;', 'second item;', 'Next paragraph;', 'Last paragraph.']);
  });

  it('LOCK7 STAT2: an agreed subtree stays locked after a restart', async () => {
    let chile = await client('Chile');
    const paragraph = idOf(chile.doc, 'Paragraph with items:');
    const second = idOf(chile.doc, 'second item;');
    await agree(chile.doc, paragraph);
    for (const c of clients.splice(0)) c.destroy();
    server = await server.restart();
    chile = await client('Chile');
    insertClauses(chile.doc, { id: second, side: 'after' }, [plain('after restart')]);
    clauseXmlText(chile.doc, second).insert(0, 'x');
    expect(await converged(chile.doc)).not.toContain('after restart');
    expect(clauseTexts(serverDoc())).toContain('second item;');
  });

  it('STRUCT1: a bad order key, an unknown kind or an unknown field written into a clause is undone for everyone and kept as a refused change', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const next = idOf(chile.doc, 'Next paragraph;');
    const before = await converged(chile.doc, peru.doc);
    const entry = () => clausesMap(chile.doc).get(next)!;
    entry().set(CLAUSE_FIELD.order, 'not a key!');
    expect(await converged(chile.doc, peru.doc)).toEqual(before);
    entry().set(CLAUSE_FIELD.kind, 'preambular');
    expect(await converged(chile.doc, peru.doc)).toEqual(before);
    entry().set('colour', 'red');
    await waitFor(() => !clausesMap(serverDoc()).get(next)!.has('colour') && !entry().has('colour'), 'the unknown field removed');
    entry().delete(CLAUSE_FIELD.order);
    expect(await converged(chile.doc, peru.doc)).toEqual(before);
    await waitFor(() => refusals(chile.doc).filter((r) => r.reason === 'structure').length === 4, 'four refusals');
    expect(listAudit(server.db, declaration.id).filter((e) => e.action === 'refused')).toHaveLength(4);
  });

  it('STRUCT1: a new clause that does not fit the model is removed; its text is kept for its author', async () => {
    const chile = await client('Chile');
    const before = await converged(chile.doc);
    chile.doc.transact(() => {
      const entry = new Y.Map<unknown>();
      clausesMap(chile.doc).set('weird1', entry);
      entry.set(CLAUSE_FIELD.kind, 'operative');
      entry.set(CLAUSE_FIELD.order, 'zz');
      const body = new Y.XmlFragment();
      entry.set(CLAUSE_FIELD.body, body);
      // Two paragraphs: a clause is one.
      for (const words of ['One paragraph', 'and another']) {
        const paragraph = new Y.XmlElement('paragraph');
        body.insert(body.length, [paragraph]);
        paragraph.insert(0, [new Y.XmlText(words)]);
      }
    });
    expect(await converged(chile.doc)).toEqual(before);
    await waitFor(() => refusals(chile.doc).some((r) => r.attempted === 'One paragraph and another' && r.reason === 'structure'), 'the refused text');
  });

  it('STRUCT1: a clause longer than 10,000 characters is refused as too long; a paste within it stays', async () => {
    const chile = await client('Chile');
    const next = idOf(chile.doc, 'Next paragraph;');
    clauseXmlText(chile.doc, next).insert(0, 'x'.repeat(10_001));
    await waitFor(() => refusals(chile.doc).some((r) => r.reason === 'too-long'), 'the refusal');
    expect(await converged(chile.doc)).toContain('Next paragraph;');
    clauseXmlText(chile.doc, next).insert(0, 'y'.repeat(9000));
    expect(await converged(chile.doc)).toContain(`${'y'.repeat(9000)}Next paragraph;`);
  });

  it('STRUCT1: a sub-item under a preambular paragraph, three levels deep, or in a cycle is undone', async () => {
    const chile = await client('Chile');
    const preamble = idOf(chile.doc, 'Recognizing the first,');
    const first = idOf(chile.doc, 'first item;');
    const next = idOf(chile.doc, 'Next paragraph;');
    const last = idOf(chile.doc, 'Last paragraph.');
    const before = await converged(chile.doc);
    clausesMap(chile.doc).get(next)!.set(CLAUSE_FIELD.parent, preamble);
    expect(await converged(chile.doc)).toEqual(before);
    // Under (a) is (i); under (i) would be a third level.
    insertClauses(chile.doc, { kind: 'operative', parent: first }, [plain('(i) level two')]);
    await converged(chile.doc);
    const levelTwo = idOf(chile.doc, '(i) level two');
    clausesMap(chile.doc).get(next)!.set(CLAUSE_FIELD.parent, levelTwo);
    await converged(chile.doc);
    expect(clausesMap(serverDoc()).get(next)!.get(CLAUSE_FIELD.parent)).toBeUndefined();
    chile.doc.transact(() => {
      clausesMap(chile.doc).get(next)!.set(CLAUSE_FIELD.parent, last);
      clausesMap(chile.doc).get(last)!.set(CLAUSE_FIELD.parent, next);
    });
    await converged(chile.doc);
    expect(clausesMap(serverDoc()).get(next)!.get(CLAUSE_FIELD.parent)).toBeUndefined();
    expect(clausesMap(serverDoc()).get(last)!.get(CLAUSE_FIELD.parent)).toBeUndefined();
  });

  it('STRUCT1: no more than 2,000 clauses; the ones past the limit are removed and kept for their author', async () => {
    const chile = await client('Chile');
    const existing = clausesMap(chile.doc).size;
    const next = idOf(chile.doc, 'Next paragraph;');
    insertClauses(chile.doc, { id: next, side: 'after' }, Array.from({ length: MAX_CLAUSES - existing }, (_, i) => plain(`Filler ${i};`)));
    await waitFor(() => clausesMap(serverDoc()).size === MAX_CLAUSES, 'the declaration full');
    insertClauses(chile.doc, { id: next, side: 'after' }, [plain('One too many;')]);
    await waitFor(() => refusals(chile.doc).some((r) => r.reason === 'too-many-clauses' && r.attempted === 'One too many;'), 'the refusal');
    await converged(chile.doc);
    expect(clausesMap(serverDoc()).size).toBe(MAX_CLAUSES);
  });

  it('STRUCT1: the heading keeps its shape and signatories their limits, also for the secretariat', async () => {
    const secretariat = await client('Secretariat');
    const meta = secretariat.doc.getMap<unknown>(ROOT.meta);
    meta.set('title', 'a plain string');
    await waitFor(() => toPlainText(readDeclaration(serverDoc()).meta.title) === 'Structure test' && meta.get('title') instanceof Y.XmlFragment, 'the title put back');
    meta.set('slogan', new Y.XmlFragment());
    await waitFor(() => !meta.has('slogan') && !serverDoc().getMap(ROOT.meta).has('slogan'), 'the unknown field removed');
    const id = addSignatory(secretariat.doc);
    await waitFor(() => readDeclaration(serverDoc()).signatories.length === 1, 'a signatory');
    setSignatoryField(secretariat.doc, id, 'name', 'N'.repeat(301));
    await waitFor(() => refusals(secretariat.doc).some((r) => r.part === 'signatories' && r.reason === 'too-long'), 'the refusal');
    expect(readDeclaration(serverDoc()).signatories[0]!.name).toBe('');

  });
});
