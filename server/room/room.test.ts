import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { deleteClause, readClauses } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readRefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { readCurrentClause, stepClause, type CurrentClause } from '../../shared/room/currentClause.ts';
import { listAudit } from '../db/auditLog.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { connectRaw, updateFrom } from '../testing/rawClient.ts';
import { waitFor } from '../testing/testServer.ts';

/**
 * The clause under discussion end to end (docs/SPEC.md ROOM1, ROOM2): the
 * real server over a real SQLite file, `PUT …/current-clause` over HTTP,
 * stock y-websocket clients reading the `room` map, and a hand-made
 * client writing into it.
 */
const seed = {
  ...emptySeed(plain('Room test')),
  preamble: [plain('Recognizing the first,')],
  operative: [{ body: plain('First;') }, { body: plain('Second;') }, { body: plain('Third;') }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

type Json = { current: CurrentClause | null; error: { id: string; message: string } };

describe('the clause under discussion', () => {
  const under = declarationUnderTest(seed, people);
  const put = (who: string, body: unknown) => under.call<Json>('PUT', '/current-clause', who, body);
  const idOf = (doc: Y.Doc, text: string) => readClauses(doc, true).find((c) => toPlainText(c.body) === text)!.id;
  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;
  const currentIn = (doc: Y.Doc) => readCurrentClause(doc.getMap(ROOT.room));

  it('ROOM1: only the chair and the secretariat set it (403 for a delegation and an observer); every client reads it; null clears it; not audited', async () => {
    const chile = await under.client('Chile');
    const second = idOf(serverDoc(), 'Second;');
    for (const who of ['Chile', 'Spain']) {
      const answer = await put(who, { clauseId: second });
      expect([who, answer.status, answer.json.error.id]).toEqual([who, 403, 'chair-or-secretariat-only']);
      expect(answer.json.error.message).toMatch(/chair or the secretariat/);
    }
    expect(currentIn(serverDoc())).toBeNull();

    const set = await put('Argentina', { clauseId: second });
    expect(set.status, JSON.stringify(set.json)).toBe(200);
    expect(set.json.current).toEqual({ clauseId: second, by: 'Argentina', at: expect.any(Number) });
    await waitFor(() => currentIn(chile.doc)?.clauseId === second, 'Chile to read the clause under discussion');
    expect(currentIn(chile.doc)).toEqual(set.json.current);

    const third = idOf(serverDoc(), 'Third;');
    const bySecretariat = await put('Secretariat', { clauseId: third });
    expect(bySecretariat.status).toBe(200);
    await waitFor(() => currentIn(chile.doc)?.clauseId === third, 'Chile to follow the secretariat');
    expect(currentIn(chile.doc)?.by).toBe('Secretariat');

    const cleared = await put('Argentina', { clauseId: null });
    expect([cleared.status, cleared.json.current]).toEqual([200, null]);
    await waitFor(() => currentIn(chile.doc) === null, 'Chile to see no clause under discussion');
    // It changes with every step of the discussion and decides nothing: no audit entry (ROOM1).
    expect(listAudit(under.server.db, under.declaration.id).map((e) => e.action)).toEqual([]);
  });

  it('ROOM1: an unknown clause is 404, a deleted one 409, a bad body 400, and nothing changes', async () => {
    const chile = await under.client('Chile');
    const first = idOf(chile.doc, 'First;');
    expect((await put('Argentina', { clauseId: first })).status).toBe(200);

    const unknown = await put('Argentina', { clauseId: 'no-such-clause' });
    expect([unknown.status, unknown.json.error.id]).toEqual([404, 'clause-not-found']);

    const second = idOf(chile.doc, 'Second;');
    deleteClause(chile.doc, second);
    await waitFor(() => !readClauses(serverDoc(), true).some((c) => c.id === second), 'the server to have the deletion');
    const deleted = await put('Argentina', { clauseId: second });
    expect([deleted.status, deleted.json.error.id]).toEqual([409, 'clause-deleted']);
    expect(deleted.json.error.message).toMatch(/deleted/);

    for (const body of [{}, { clauseId: 7 }, { clauseId: '' }, { clauseId: first, by: 'Chile' }, [first]]) {
      const answer = await put('Argentina', body);
      expect([JSON.stringify(body), answer.status]).toEqual([JSON.stringify(body), 400]);
    }
    expect(currentIn(serverDoc())?.clauseId).toBe(first);
  });

  it("ROOM2: a hand-made update writing the room map — a delegation's or the chair's own — is undone for everyone; the clause survives a restart", async () => {
    const first = idOf(serverDoc(), 'First;');
    const set = (await put('Argentina', { clauseId: first })).json.current!;
    const chile = await under.client('Chile');
    const third = idOf(chile.doc, 'Third;');

    for (const who of ['Chile', 'Argentina']) {
      const raw = await connectRaw(under.server, under.declaration.id, under.declaration.tokens[who]!);
      await raw.handshake();
      raw.sendUpdate(updateFrom(raw.replica, (doc) => doc.getMap(ROOT.room).set('current', { clauseId: third, by: who, at: 1 })));
      raw.sendUpdate(updateFrom(raw.replica, (doc) => doc.getMap(ROOT.room).set('extra', true)));
      // The server's undo comes back to the sender: its replica reads the chair's choice again.
      await waitFor(() => raw.received.length > 2 && JSON.stringify(currentIn(raw.replica)) === JSON.stringify(set), `${who}'s forged write to be undone`);
      expect(serverDoc().getMap(ROOT.room).toJSON()).toEqual({ current: set });
      raw.ws.close();
    }
    expect(currentIn(chile.doc)).toEqual(set);
    expect(chile.doc.getMap(ROOT.room).has('extra')).toBe(false);
    // Kept as refused changes, in each sender's name.
    const refused = [...serverDoc().getMap(ROOT.refused).values()].map(readRefusedChange).filter((r) => r?.reason === 'server-only');
    expect(new Set(refused.map((r) => r!.author))).toEqual(new Set(['Chile', 'Argentina']));

    under.disconnectAll();
    under.server = await under.server.restart();
    const again = await under.client('Chile');
    expect(currentIn(again.doc)).toEqual(set);
  });

  it('ROOM5: the chair steps through the text in reading order, stopping at either end', () => {
    const order = ['pp1', 'op1', 'op1a', 'op2'];
    expect(stepClause(order, null, 1)).toBe('pp1');
    expect(stepClause(order, null, -1)).toBe('op2');
    expect(stepClause(order, 'op1', 1)).toBe('op1a');
    expect(stepClause(order, 'op1', -1)).toBe('pp1');
    expect(stepClause(order, 'op2', 1)).toBe('op2');
    expect(stepClause(order, 'pp1', -1)).toBe('pp1');
    expect(stepClause(order, 'gone', 1)).toBe('pp1');
    expect(stepClause([], 'gone', 1)).toBeNull();
  });
});
