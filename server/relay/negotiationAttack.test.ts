import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { textHash } from '../../shared/positions/textHash.ts';
import { CLOSE } from '../../shared/protocol.ts';
import { readRefusedChange, type RefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { listBrackets } from '../db/brackets.ts';
import { getNumbering, saveNumbering } from '../db/numbering.ts';
import { listParticipants } from '../db/participants.ts';
import { clausePositions, listPositions, statePosition } from '../db/positions.ts';
import { clauseTexts, clauseXmlText } from '../testing/documents.ts';
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
 * Hostile clients against the three server-only parts issue 12 added
 * (docs/SPEC.md POS6, BRK7, WN6; docs/THREAT_MODEL.md): `positions`,
 * `brackets` and `numbering` are written by the server alone, from SQLite.
 * A client's write there — by a stock client changing its document by hand,
 * or a raw one speaking the protocol — is undone for everyone; a malformed
 * one closes only its sender's connection.
 */
const OPEN = 'Decide to act now on trade;';
const seed = {
  ...emptySeed(plain('Negotiation attack test')),
  preamble: [plain('Recognizing the first,')],
  operative: [{ body: plain(OPEN) }, { body: plain('Welcome the report;') }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
];
const NEGOTIATION_ROOTS = [ROOT.positions, ROOT.brackets, ROOT.numbering] as const;

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
const refusedIn = (doc: Y.Doc): RefusedChange[] => [...doc.getMap(ROOT.refused).values()].map(readRefusedChange).filter((r): r is RefusedChange => r !== null);
/** The three roots as plain JSON, keys sorted: what every replica must keep reading. */
const negotiation = (doc: Y.Doc) =>
  JSON.stringify(
    NEGOTIATION_ROOTS.map((root) => {
      const map = doc.getMap<unknown>(root);
      return [...map.keys()].sort().map((key) => [key, map.get(key)]);
    }),
  );

describe('POS6 BRK7 WN6: positions, brackets and numbering are the server\'s alone', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;
  let ids: Record<string, string>;
  let clause: string;
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
  /** What SQLite holds about the three parts, to check that no attack reached it. */
  const stored = () => JSON.stringify({ positions: [...listPositions(server.db, declaration.id)], brackets: listBrackets(server.db, declaration.id), numbering: getNumbering(server.db, declaration.id) });

  /** Real data in all three parts, written the way the server's routes write them: SQLite, then the mirror. */
  const negotiate = async () => {
    const start = OPEN.indexOf('act now');
    const response = await fetch(`${server.httpUrl}/api/declarations/${declaration.id}/brackets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${declaration.tokens.Peru}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clauseId: clause, start, end: start + 7, quote: 'act now' }),
    });
    expect(response.status).toBe(201);
    const at = Date.now();
    server.db.transaction(() => {
      statePosition(server.db, declaration.id, { clauseId: clause, participantId: ids.Peru!, position: 'reservation', note: 'Needs capital', at, textHash: textHash(OPEN) });
      saveNumbering(server.db, declaration.id, at, ids.Argentina!, { [clause]: { n: 1, m: 1, kind: 'operative', parent: null } });
    })();
    server.rooms.withRoom(declaration.id, (room) => {
      room.mirrorPositions(clause, clausePositions(server.db, declaration.id, clause));
      room.mirrorNumbering(getNumbering(server.db, declaration.id));
    });
  };

  beforeEach(async () => {
    server = await startTestServer({ refusalWaitMs: 0 });
    declaration = createTestDeclaration(server, seed, people);
    ids = Object.fromEntries(listParticipants(server.db, declaration.id).map((p) => [p.name, p.id]));
    clause = idOf(serverDoc(), OPEN);
    await negotiate();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const r of raws.splice(0)) r.ws.terminate();
    await server.close();
    removeDataDir(server);
  });

  it('POS6 BRK7 WN6: a stock client forging entries and rewriting real ones in positions, brackets and numbering is undone for everyone and kept as a refused change; SQLite and a restart know nothing of it', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const truth = negotiation(serverDoc());
    const before = stored();
    await waitFor(() => negotiation(chile.doc) === truth && negotiation(peru.doc) === truth, 'the real data to reach both');
    const [bracket] = listBrackets(server.db, declaration.id);
    chile.doc.transact(() => {
      // Peru's reservation turned into an objection, and an acceptance in Argentina's name on another clause.
      chile.doc.getMap(ROOT.positions).set(clause, [{ participantId: ids.Peru, name: 'Peru', position: 'objection', note: 'Forged', at: 1, textHash: textHash(OPEN) }]);
      chile.doc.getMap(ROOT.positions).set('otherClause', [{ participantId: ids.Chile, name: 'Chile', position: 'accept', note: '', at: 1, textHash: 'x' }]);
      // The real bracket moved onto other words and marked removed; a forged one.
      chile.doc.getMap(ROOT.brackets).set(bracket!.id, { ...bracket, start: bracket!.end, removed: { by: 'Argentina', at: 1, how: 'removed' } });
      chile.doc.getMap(ROOT.brackets).set('forgedBracket', { ...bracket, id: 'forgedBracket', requestedBy: [{ participantId: ids.Argentina, name: 'Argentina', at: 1 }] });
      // The numbering renumbered and an extra key.
      chile.doc.getMap(ROOT.numbering).set('frozen', { at: 1, by: 'Argentina', numbers: { [clause]: { n: 9, m: 2, kind: 'operative', parent: null } } });
      chile.doc.getMap(ROOT.numbering).set('extra', 1);
    });
    await waitFor(() => [serverDoc(), chile.doc, peru.doc].every((doc) => negotiation(doc) === truth), 'the forged writes to be undone everywhere');
    await waitFor(() => refusedIn(peru.doc).some((r) => r.author === 'Chile' && r.reason === 'server-only'), 'the refused change');
    expect(stored()).toBe(before);

    // A raw client deletes every real entry.
    const peruRaw = await raw('Peru');
    peruRaw.sendUpdate(
      updateFrom(peruRaw.replica, (doc) => {
        doc.getMap(ROOT.positions).delete(clause);
        doc.getMap(ROOT.brackets).delete(bracket!.id);
        doc.getMap(ROOT.numbering).delete('frozen');
      }),
    );
    await waitFor(() => refusedIn(serverDoc()).some((r) => r.author === 'Peru' && r.reason === 'server-only'), 'the second refused change');
    await waitFor(() => [serverDoc(), chile.doc, peru.doc, peruRaw.replica].every((doc) => negotiation(doc) === truth), 'the raw deletions to be undone everywhere');
    expect(peruRaw.isClosed()).toBe(false);
    expect(stored()).toBe(before);
    expect(listAudit(server.db, declaration.id).filter((e) => e.action === 'refused').map((e) => [e.actor, e.detail.reason])).toEqual([
      ['Chile', 'server-only'],
      ['Peru', 'server-only'],
    ]);
    for (const c of clients.splice(0)) c.destroy();
    for (const r of raws.splice(0)) r.ws.terminate();
    server = await server.restart();
    const later = await client('Chile');
    expect(negotiation(later.doc)).toBe(truth);
  });

  it('POS6 BRK7 WN6: a delegation typing while forging in the same update keeps its typing; only the forgery is undone', async () => {
    const chile = await client('Chile');
    const truth = negotiation(serverDoc());
    chile.doc.transact(() => {
      clauseXmlText(chile.doc, clause).insert(0, 'We ');
      chile.doc.getMap(ROOT.numbering).delete('frozen');
    });
    await waitFor(() => negotiation(serverDoc()) === truth && negotiation(chile.doc) === truth && clauseTexts(serverDoc()).includes(`We ${OPEN}`), 'the typing to stay and the forgery to go');
  });

  for (const root of NEGOTIATION_ROOTS) {
    it(`WIRE4 ${root === ROOT.positions ? 'POS6' : root === ROOT.brackets ? 'BRK7' : 'WN6'}: a truncated update, one with missing dependencies, a deeply nested value and a huge value written into \`${root}\` each close only the sender's connection; the room, its data and everyone else's typing stay`, async () => {
      const chile = await client('Chile');
      const peru = await client('Peru');
      const truth = negotiation(serverDoc());
      const before = stored();
      const attacks: [string, (replica: Y.Doc) => Uint8Array][] = [
        [
          'truncated',
          (replica) => {
            const update = updateFrom(replica, (doc) => doc.getMap(root).set('forged', { a: 1 }));
            return update.slice(0, update.length - 1);
          },
        ],
        [
          'missing dependencies',
          (replica) => {
            const forged = new Y.Doc();
            Y.applyUpdate(forged, Y.encodeStateAsUpdate(replica));
            // A first write the server never gets, and a second one built on it.
            forged.clientID = 515_151;
            forged.getMap(root).set(clause, 'first');
            const afterFirst = Y.encodeStateVector(forged);
            forged.clientID = 525_252;
            forged.getMap(root).set(clause, 'second');
            return Y.encodeStateAsUpdate(forged, afterFirst);
          },
        ],
        [
          'deeply nested',
          (replica) =>
            updateFrom(replica, (doc) => {
              let inner = new Y.Map<unknown>();
              doc.getMap(root).set('deep', inner);
              for (let depth = 0; depth < 50; depth++) {
                const next = new Y.Map<unknown>();
                inner.set('x', next);
                inner = next;
              }
            }),
        ],
        ['huge', (replica) => updateFrom(replica, (doc) => doc.getMap(root).set('blob', 'x'.repeat(200_000)))],
      ];
      let typed = 0;
      for (const [what, attack] of attacks) {
        const attacker = await raw('Peru');
        clauseXmlText(chile.doc, clause).insert(0, `${what} `);
        typed++;
        attacker.sendUpdate(attack(attacker.replica));
        expect([what, (await attacker.closed).code]).toEqual([what, CLOSE.malformedMessage.code]);
        expect(serverDoc().store.pendingStructs).toBeNull();
        expect(serverDoc().store.pendingDs).toBeNull();
      }
      // Everyone else is still connected and still heard: Chile's typing reaches Peru, before and after the attacks.
      clauseXmlText(peru.doc, clause).insert(0, 'After. ');
      const expected = `After. huge deeply nested missing dependencies truncated ${OPEN}`;
      await waitFor(() => [serverDoc(), chile.doc, peru.doc].every((doc) => clauseTexts(doc).includes(expected)), 'everyone\'s typing on every replica');
      expect(typed).toBe(4);
      expect(chile.provider.wsconnected && peru.provider.wsconnected).toBe(true);
      expect([serverDoc(), chile.doc, peru.doc].map(negotiation)).toEqual([truth, truth, truth]);
      expect(stored()).toBe(before);
      expect(listAudit(server.db, declaration.id).filter((e) => e.action === 'update-refused' && e.actor === 'Peru')).toHaveLength(4);
      for (const c of clients.splice(0)) c.destroy();
      for (const r of raws.splice(0)) r.ws.terminate();
      server = await server.restart();
      const later = await client('Chile');
      expect(negotiation(later.doc)).toBe(truth);
      expect(clauseTexts(later.doc)).toContain(expected);
    });
  }
});
