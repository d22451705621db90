import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { deleteClause, insertClauses, readClauses } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { deletedNumbers, numberClauses } from '../../shared/numbering.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { readFrozenNumbering, type FrozenNumbering } from '../../shared/workingNumbers.ts';
import { listAudit } from '../db/auditLog.ts';
import { getNumbering } from '../db/numbering.ts';
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
 * Working numbers end to end (docs/SPEC.md WN1, WN2, WN5, WN6): the
 * real server over a real SQLite file, `POST …/numbering` over HTTP, stock
 * y-websocket clients reading the `numbering` map and editing the outline.
 */
const seed = {
  ...emptySeed(plain('Numbering test')),
  preamble: [plain('Recognizing the first,'), plain('Noting the second,')],
  operative: [{ body: plain('First;') }, { body: plain('Second;'), subitems: [{ body: plain('in goods;') }] }, { body: plain('Third;') }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

type Json = { numbering: FrozenNumbering; error: { id: string; message: string } };

/** The text as delegates name it: "label text" in reading order, with the deleted numbers' placeholders in their place (WN3). */
function labelled(doc: Y.Doc): string[] {
  const outline = buildOutline(readClauses(doc, true));
  const frozen = readFrozenNumbering(doc.getMap(ROOT.numbering));
  const numbers = numberClauses(outline, frozen);
  const nodes = flattenOutline(outline);
  const lines = nodes.map((n) => ({ id: n.clause.id, line: `${numbers.get(n.clause.id)!.label} ${toPlainText(n.clause.body)}` }));
  for (const gap of deletedNumbers(outline, frozen)) {
    // After the clause it follows (past that clause's sub-items), or first in its group.
    const anchor = gap.after ?? gap.parent;
    let at = anchor === null ? nodes.findIndex((n) => n.clause.kind === gap.kind) : lines.findIndex((l) => l.id === anchor) + 1;
    if (gap.after !== null) while (at < lines.length && nodes.some((n) => n.clause.id === lines[at]!.id && n.depth > nodes.find((m) => m.clause.id === gap.after)!.depth)) at++;
    lines.splice(at, 0, { id: gap.id, line: `${gap.label} [deleted]` });
  }
  return lines.map((l) => l.line);
}

describe('numbering', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;
  const clients: TestClient[] = [];

  const client = async (name: string) => {
    const c = connectClient(server, declaration.id, declaration.tokens[name]!);
    clients.push(c);
    await synced(c);
    return c;
  };
  const call = async (who: string, body: unknown) => {
    const response = await fetch(`${server.httpUrl}/api/declarations/${declaration.id}/numbering`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${declaration.tokens[who]}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Json };
  };
  const ok = async (who: string, action: string) => {
    const answer = await call(who, { action });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    return answer.json.numbering;
  };
  const idOf = (doc: Y.Doc, text: string) => readClauses(doc, true).find((c) => toPlainText(c.body) === text)!.id;
  const audit = () => listAudit(server.db, declaration.id).filter((e) => e.action.startsWith('numbering-')).map((e) => [e.actor, e.action, e.detail]);

  beforeEach(async () => {
    server = await startTestServer();
    declaration = createTestDeclaration(server, seed, people);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.close();
    removeDataDir(server);
  });

  it('WN1 WN5: only the chair freezes or renumbers; renumbering before freezing is 409 not-frozen; a bad body is 400', async () => {
    for (const who of ['Secretariat', 'Chile', 'Spain']) {
      for (const action of ['freeze', 'renumber']) {
        const answer = await call(who, { action });
        expect([who, action, answer.status, answer.json.error.id]).toEqual([who, action, 403, 'chair-only']);
      }
    }
    const early = await call('Argentina', { action: 'renumber' });
    expect([early.status, early.json.error.id]).toEqual([409, 'not-frozen']);
    expect(early.json.error.message).toMatch(/Freeze it first/);
    for (const body of [{}, { action: 'thaw' }, { action: 'freeze', by: 'Chile' }, ['freeze']]) {
      expect((await call('Argentina', body)).status).toBe(400);
    }
    expect(getNumbering(server.db, declaration.id)).toBeNull();
    expect(audit()).toEqual([]);
  });

  it('WN1 WN2 WN5 WN6: freezing is mirrored to every client; an added paragraph is OP2 bis; freezing again keeps it; renumbering makes the numbers consecutive; both audited', async () => {
    const chile = await client('Chile');
    const frozen = await ok('Argentina', 'freeze');
    expect(frozen).toEqual({ at: expect.any(Number), by: 'Argentina', numbers: expect.any(Object) });
    expect(Object.keys(frozen.numbers)).toHaveLength(6);
    await waitFor(() => readFrozenNumbering(chile.doc.getMap(ROOT.numbering)) !== null, 'Chile to read the frozen numbering');
    expect(readFrozenNumbering(chile.doc.getMap(ROOT.numbering))).toEqual(frozen);

    // Chile adds a paragraph after OP2 and deletes OP1: numbers stay, the new one is OP2 bis, OP1 is a placeholder.
    insertClauses(chile.doc, { id: idOf(chile.doc, 'Second;'), side: 'after' }, [plain('Second and a half;')]);
    deleteClause(chile.doc, idOf(chile.doc, 'First;'));
    const working = ['PP1 Recognizing the first,', 'PP2 Noting the second,', 'OP1 [deleted]', 'OP2 Second;', 'OP2(a) in goods;', 'OP2 bis Second and a half;', 'OP3 Third;'];
    expect(labelled(chile.doc)).toEqual(working);
    const serverDoc = () => server.rooms.get(declaration.id).doc;
    await waitFor(() => JSON.stringify(labelled(serverDoc())) === JSON.stringify(working), 'the server to have the edits');

    // Freezing again keeps the working numbers (OP2 bis) and OP1's number unused.
    const again = await ok('Argentina', 'freeze');
    expect(again.numbers[idOf(serverDoc(), 'Second and a half;')]).toEqual({ kind: 'operative', parent: null, n: 2, m: 2 });
    await waitFor(() => readFrozenNumbering(chile.doc.getMap(ROOT.numbering))?.at === again.at, 'Chile to read the numbering frozen again');
    expect(labelled(chile.doc)).toEqual(working);

    const renumbered = await ok('Argentina', 'renumber');
    expect(Object.keys(renumbered.numbers)).toHaveLength(6);
    await waitFor(() => readFrozenNumbering(chile.doc.getMap(ROOT.numbering))?.at === renumbered.at, 'Chile to read the renumbering');
    expect(labelled(chile.doc)).toEqual(['PP1 Recognizing the first,', 'PP2 Noting the second,', 'OP1 Second;', 'OP1(a) in goods;', 'OP2 Second and a half;', 'OP3 Third;']);
    // Still frozen: a new paragraph after OP1 is OP1 bis.
    insertClauses(chile.doc, { id: idOf(chile.doc, 'Second;'), side: 'after' }, [plain('Another;')]);
    expect(labelled(chile.doc)).toContain('OP1 bis Another;');

    expect(audit()).toEqual([
      ['Argentina', 'numbering-frozen', { clauses: 6 }],
      ['Argentina', 'numbering-frozen', { clauses: 7 }],
      ['Argentina', 'numbering-renumbered', { clauses: 6 }],
    ]);
  });

  it("WN6: the frozen numbering survives a restart, and a client's forged write to the numbering map is undone for everyone", async () => {
    const frozen = await ok('Argentina', 'freeze');
    server = await server.restart();
    const chile = await client('Chile');
    expect(readFrozenNumbering(chile.doc.getMap(ROOT.numbering))).toEqual(frozen);
    expect(getNumbering(server.db, declaration.id)).toEqual(frozen);

    chile.doc.getMap(ROOT.numbering).set('frozen', { ...frozen, by: 'Chile', numbers: {} });
    await waitFor(() => readFrozenNumbering(chile.doc.getMap(ROOT.numbering))?.by === 'Argentina', 'the forged write to be undone');
    expect(readFrozenNumbering(chile.doc.getMap(ROOT.numbering))).toEqual(frozen);
    expect(readFrozenNumbering(server.rooms.get(declaration.id).doc.getMap(ROOT.numbering))).toEqual(frozen);
  });
});
