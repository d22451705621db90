import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { META_FIELDS } from '../../shared/declaration.ts';
import { deleteClause, insertClauses } from '../../shared/document/clauseOps.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { CLOSE, COLLAB_PATH } from '../../shared/protocol.ts';
import { readRefusedChange, type RefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText, type RichText } from '../../shared/richText.ts';
import { readSilenceProcedure, SILENCE_KEY, type SilenceProcedure } from '../../shared/silence/silenceProcedure.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { clauseTexts, clauseXmlText, typeInto } from '../testing/documents.ts';
import { connectRaw, syncMessage, updateFrom, type RawClient } from '../testing/rawClient.ts';
import { connectStubborn } from '../testing/stubbornSocket.ts';
import { waitFor, type TestClient } from '../testing/testServer.ts';

/**
 * A frozen text under attack (docs/SPEC.md SIL4, with WIRE4, WIRE5 and
 * AUTH5): while a silence procedure runs, a delegation's modified client
 * sends hand-made y-protocols messages — truncated, deferred, deeply nested,
 * huge, after its link is revoked — and the chair's stock client edits. Each
 * attack must leave the text as it was for everyone (the server, a
 * bystander, a newcomer, SQLite's log), cost at most the attacker's own
 * connection, and leave the room serving and the text frozen; once the
 * chair cancels the procedure, ordinary edits stand again.
 */
const AGREED = 'Recognizing the agreed text,';
const OPEN_WORD = 'Decide';
const OPEN = `${OPEN_WORD} the open text;`;
// The open clause opens in italics, so that a change of its marks alone is a change of the text.
const openBody: RichText = [{ text: OPEN_WORD, italic: true }, ...plain(' the open text;')];
const seed = {
  ...emptySeed(plain('Frozen text')),
  preamble: [plain(AGREED)],
  operative: [{ body: openBody }],
  signatories: [{ name: 'Jorge Taiana', title: 'Minister of Defence', state: 'Argentine Republic' }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];
const HOUR = 60 * 60 * 1000;

type Json = { procedure: SilenceProcedure | null; error: { id: string }; participants: { id: string; name: string }[] };

/** The whole text — heading, clauses with their marks and places, signatures — as one comparable string. */
function textOf(doc: Y.Doc): string {
  const declaration = readDeclaration(doc);
  return JSON.stringify({ ...declaration, clauses: [...declaration.clauses].sort((a, b) => (a.id < b.id ? -1 : 1)) });
}
const refusedIn = (doc: Y.Doc): RefusedChange[] => [...doc.getMap(ROOT.refused).values()].map(readRefusedChange).filter((r): r is RefusedChange => r !== null);
const procedureIn = (doc: Y.Doc) => readSilenceProcedure(doc.getMap(ROOT.silence).get(SILENCE_KEY));

/** A replica of what the server sent, to edit offline: the updates each edit makes, in order. */
function offlineCopy(replica: Y.Doc): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(replica));
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  return { doc, updates };
}

describe('SIL4: a frozen text under attack', () => {
  const under = declarationUnderTest(seed, people);
  const raws: RawClient[] = [];
  afterEach(() => {
    for (const r of raws.splice(0)) r.ws.terminate();
  });
  const call = (method: string, path: string, who: string, body?: unknown) => under.call<Json>(method, path, who, body);
  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;
  const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
  const raw = async (name: string, handshake = true) => {
    const r = await connectRaw(under.server, under.declaration.id, under.declaration.tokens[name]!);
    raws.push(r);
    if (handshake) await r.handshake();
    return r;
  };
  const refusalsOf = (name: string) => refusedIn(serverDoc()).filter((r) => r.participantId === under.ids[name]);

  /** Peru, a delegation that attacks nothing: it must stay connected throughout. */
  const bystander = async () => {
    const client = await under.client('Peru');
    const closes: number[] = [];
    client.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    return { client, closes };
  };

  const freeze = async () => {
    const answer = await call('POST', '/silence', 'Argentina', { deadline: new Date(Date.now() + 30 * HOUR).toISOString(), reason: 'Circulated for silence.' });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    await waitFor(() => procedureIn(serverDoc()) !== null, 'the procedure to be mirrored');
  };

  /**
   * What every attack must leave: the text as `before` everywhere, nothing
   * pending, Peru connected all along, the room serving (a comment posted
   * and read by a newcomer) and the text still frozen (Peru's own edit is
   * refused). Then the chair cancels and an ordinary edit stands.
   */
  async function expectHeldThenThawed(before: string, peru: { client: TestClient; closes: number[] }): Promise<void> {
    const operative = readDeclaration(serverDoc()).clauses.find((c) => c.kind === 'operative')!;
    const [open, openText] = [operative.id, toPlainText(operative.body)];
    // Posted after the attack: it reaches Peru after anything the attack made the server broadcast.
    const thread = await call('POST', '/threads', 'Peru', { clauseId: open, anchor: 'clause', body: 'Noted under silence.' });
    expect(thread.status, JSON.stringify(thread.json)).toBe(201);
    await waitFor(() => peru.client.doc.getMap(ROOT.comments).size === 1, 'the thread to reach Peru');
    expect(textOf(serverDoc())).toBe(before);
    expect(textOf(peru.client.doc)).toBe(before);
    expect(serverDoc().store.pendingStructs).toBeNull();
    expect(serverDoc().store.pendingDs).toBeNull();
    const stored = new Y.Doc();
    for (const update of under.server.log.read(under.declaration.id).updates) Y.applyUpdate(stored, update);
    expect(textOf(stored)).toBe(before);
    expect(stored.store.pendingStructs).toBeNull();
    const spain = await under.client('Spain');
    expect(textOf(spain.doc)).toBe(before);
    expect(spain.doc.getMap(ROOT.comments).size).toBe(1);
    expect(peru.closes).toEqual([]);
    expect(peru.client.provider.wsconnected).toBe(true);

    // Still frozen.
    expect((await call('GET', '/silence', 'Spain')).json.procedure?.ended).toBeUndefined();
    typeInto(peru.client.doc, open, ' (Peru)');
    await waitFor(() => refusalsOf('Peru').some((r) => r.reason === 'frozen' && r.attempted === `${openText} (Peru)`), "Peru's edit to be refused");
    await waitFor(() => textOf(peru.client.doc) === before, "Peru's edit to be undone");

    // Cancelled: the text thaws for ordinary edits.
    expect((await call('POST', '/silence/cancel', 'Argentina', { reason: 'One more day of informals.' })).status).toBe(200);
    typeInto(peru.client.doc, open, ' after silence');
    await waitFor(() => clauseTexts(spain.doc).includes(`${openText} after silence`), "Peru's edit to reach Spain");
    expect(clauseTexts(serverDoc())).toContain(`${openText} after silence`);
  }

  it('SIL4 WIRE4: (a) a truncated update — a clause edit and a deletion with its delete set cut short — is refused whole', async () => {
    const peru = await bystander();
    const chile = await raw('Chile');
    await freeze();
    const before = textOf(serverDoc());
    const update = updateFrom(chile.replica, (doc) => {
      clauseXmlText(doc, idOf(doc, OPEN)).insert(0, 'Never ');
      clauseXmlText(doc, idOf(doc, AGREED)).delete(0, 5);
    });
    chile.sendUpdate(update.slice(0, update.length - 1));
    expect((await chile.closed).code).toBe(CLOSE.malformedMessage.code);
    expect(refusalsOf('Chile')).toEqual([]);
    await expectHeldThenThawed(before, peru);
  });

  it('SIL4 WIRE4: (b) a deferred update, built on an edit the server never saw, is refused and never integrated later', async () => {
    const peru = await bystander();
    const chile = await raw('Chile');
    await freeze();
    const before = textOf(serverDoc());
    const open = idOf(chile.replica, OPEN);
    const { doc, updates } = offlineCopy(chile.replica);
    clauseXmlText(doc, open).insert(0, 'Unseen ');
    clauseXmlText(doc, open).insert(7, 'and deferred ');
    chile.sendUpdate(updates[1]!);
    expect((await chile.closed).code).toBe(CLOSE.malformedMessage.code);
    // Once Chile's wait is over (WIRE4), what the update waited for arrives: it is judged on its own and refused as frozen;
    // the deferred update was not parked to be integrated along with it.
    await new Promise((resolve) => setTimeout(resolve, under.server.config.refusalWaitMs + 100));
    const again = await raw('Chile');
    again.sendUpdate(updates[0]!);
    await waitFor(() => refusalsOf('Chile').length === 1, 'the dependency to be refused');
    expect(refusalsOf('Chile')[0]).toMatchObject({ reason: 'frozen', attempted: `Unseen ${OPEN}` });
    expect(again.isClosed()).toBe(false);
    await expectHeldThenThawed(before, peru);
    expect(clauseTexts(serverDoc()).join()).not.toMatch(/Unseen|deferred/);
  });

  it('SIL4 WIRE4: (b) what builds on an edit sent before the freeze, sent during it — as an update, as a sync step 2, or by a stock client back online — is undone; the connections stay', async () => {
    const peru = await bystander();
    // Before the freeze: one connection's first edit is applied…
    const early = await raw('Chile');
    const open = idOf(early.replica, OPEN);
    const first = offlineCopy(early.replica);
    clauseXmlText(first.doc, open).insert(0, 'Early ');
    early.sendUpdate(first.updates[0]!);
    await waitFor(() => clauseTexts(serverDoc()).includes(`Early ${OPEN}`), 'the edit before the freeze');
    // …another's, still before its sync step 2, sends only what builds on edits its sync step 2 will bring (left for that step, WIRE4)…
    const reconnecting = await raw('Chile', false);
    await reconnecting.fetchState();
    const second = offlineCopy(reconnecting.replica);
    clauseXmlText(second.doc, open).insert(0, 'Offline ');
    clauseXmlText(second.doc, open).insert(8, 'twice ');
    reconnecting.sendUpdate(second.updates[1]!);
    // …and a stock client goes offline and types.
    const stock = await under.client('Chile');
    stock.provider.disconnect();
    typeInto(stock.doc, open, ' typed offline');

    await freeze();
    const before = textOf(serverDoc());
    expect(clauseTexts(serverDoc())).toContain(`Early ${OPEN}`);
    clauseXmlText(first.doc, open).insert(6, 'later ');
    early.sendUpdate(first.updates[1]!);
    reconnecting.sendSyncStep2(Y.encodeStateAsUpdate(second.doc, Y.encodeStateVector(reconnecting.replica)));
    stock.provider.connect();
    await waitFor(() => refusalsOf('Chile').filter((r) => r.reason === 'frozen').length >= 3, "Chile's three refusals");
    expect(refusalsOf('Chile').map((r) => r.attempted).sort()).toEqual(
      [`Early later ${OPEN}`, `Offline twice Early ${OPEN}`, `Early ${OPEN} typed offline`].sort(),
    );
    await waitFor(() => textOf(stock.doc) === before, "the stock client's edit to be undone");
    expect(early.isClosed()).toBe(false);
    expect(reconnecting.isClosed()).toBe(false);
    expect(stock.provider.wsconnected).toBe(true);
    await expectHeldThenThawed(before, peru);
  });

  it('SIL4: (b) a stock client going on typing right after its own words from before the freeze is undone — Yjs merges the new characters into its earlier item (this got through until enforce.ts counted parts of items)', async () => {
    const peru = await bystander();
    const chile = await under.client('Chile');
    const open = idOf(chile.doc, OPEN);
    typeInto(chile.doc, open, ' voluntary');
    await waitFor(() => clauseTexts(serverDoc()).includes(`${OPEN} voluntary`), 'the edit before the freeze');
    await freeze();
    const before = textOf(serverDoc());
    typeInto(chile.doc, open, ' measures');
    await waitFor(() => refusalsOf('Chile').some((r) => r.reason === 'frozen' && r.attempted === `${OPEN} voluntary measures`), "Chile's edit to be refused");
    await waitFor(() => textOf(chile.doc) === before, "Chile's edit to be undone");
    expect(chile.provider.wsconnected).toBe(true);
    await expectHeldThenThawed(before, peru);
  });

  it('SIL4 WIRE4: (c) twelve thousand nested elements in a clause are refused before they touch the document', async () => {
    const peru = await bystander();
    const chile = await raw('Chile');
    await freeze();
    const before = textOf(serverDoc());
    const open = idOf(chile.replica, OPEN);
    const nested = updateFrom(chile.replica, (doc) => {
      const paragraph = (clausesMap(doc).get(open)!.get(CLAUSE_FIELD.body) as Y.XmlFragment).get(0) as Y.XmlElement;
      doc.transact(() => {
        let parent = new Y.XmlElement('paragraph');
        paragraph.insert(paragraph.length, [parent]);
        for (let depth = 0; depth < 12_000; depth++) {
          const child = new Y.XmlElement('paragraph');
          parent.insert(0, [child]);
          parent = child;
        }
      });
    });
    chile.sendUpdate(nested);
    expect((await chile.closed).code).toBe(CLOSE.malformedMessage.code);
    await expectHeldThenThawed(before, peru);
  });

  it('SIL4 WIRE2 WIRE5: (d) a huge update — 3 MB of text is undone and stored nowhere, over the message limit it closes its connection unread', async () => {
    const peru = await bystander();
    const chile = await raw('Chile');
    await freeze();
    const before = textOf(serverDoc());
    const logBytes = () => under.server.log.read(under.declaration.id).updates.reduce((sum, u) => sum + u.byteLength, 0);
    const storedBefore = logBytes();
    const open = idOf(chile.replica, OPEN);
    chile.sendUpdate(updateFrom(chile.replica, (doc) => clauseXmlText(doc, open).insert(0, 'x'.repeat(3 * 1024 * 1024))));
    await waitFor(() => refusalsOf('Chile').some((r) => r.reason === 'frozen'), "the huge edit's refusal");
    expect(refusalsOf('Chile')[0]!.attempted.length).toBeLessThan(10_010);
    expect(chile.isClosed()).toBe(false);
    // Refused content is neither stored nor broadcast in full (WIRE5): deleted placeholders only.
    expect(logBytes() - storedBefore).toBeLessThan(64 * 1024);

    const max = under.server.config.maxMessageBytes;
    const oversized = updateFrom(chile.replica, (doc) => clauseXmlText(doc, open).insert(0, 'y'.repeat(max)));
    expect(oversized.byteLength).toBeGreaterThan(max);
    chile.sendUpdate(oversized);
    expect((await chile.closed).code).toBe(CLOSE.messageTooLarge.code);
    await expectHeldThenThawed(before, peru);
  });

  it('SIL4 AUTH5: (e) edits sent right after the link is revoked are not read at all — not even refused — and the socket is cut off', async () => {
    const peru = await bystander();
    await freeze();
    const before = textOf(serverDoc());
    const stubborn = await connectStubborn(under.server.port, `${COLLAB_PATH}/${under.declaration.id}?token=${under.declaration.tokens.Chile}`);
    const local = offlineCopy(serverDoc());
    const open = idOf(local.doc, OPEN);
    clauseXmlText(local.doc, open).insert(0, 'BEFORE ');
    stubborn.send(syncMessage(2, local.updates.shift()!));
    // Read while the link stands: refused as frozen.
    await waitFor(() => refusalsOf('Chile').length === 1, 'the edit before the revocation to be refused');
    expect((await call('POST', `/participants/${under.ids.Chile}/revoke`, 'Argentina', {})).status).toBe(200);
    for (let i = 0; i < 15; i++) {
      clauseXmlText(local.doc, open).insert(0, `AFTER${i} `);
      stubborn.send(syncMessage(2, local.updates.shift()!));
    }
    await stubborn.ended;
    expect(refusalsOf('Chile').map((r) => r.attempted)).toEqual([`BEFORE ${OPEN}`]);
    await expectHeldThenThawed(before, peru);
    expect(clauseTexts(serverDoc()).join()).not.toMatch(/BEFORE|AFTER/);
  });

  it("SIL4: (f) the chair's stock client — typing, deleting and adding clauses, editing the title — is undone like anyone's; the chair stays connected", async () => {
    const peru = await bystander();
    const chair = await under.client('Argentina');
    await freeze();
    await waitFor(() => procedureIn(chair.doc) !== null, 'the chair to read the procedure');
    const before = textOf(serverDoc());
    const open = idOf(chair.doc, OPEN);
    typeInto(chair.doc, open, ' (chair)');
    deleteClause(chair.doc, idOf(chair.doc, AGREED));
    insertClauses(chair.doc, { id: open, side: 'after' }, [plain('A clause slipped in;')]);
    const title = chair.doc.getMap(ROOT.meta).get(META_FIELDS[1]!) as Y.XmlFragment;
    ((title.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Draft ');
    await waitFor(() => refusalsOf('Argentina').length >= 4, "the chair's refusals");
    expect(new Set(refusalsOf('Argentina').map((r) => r.reason))).toEqual(new Set(['frozen']));
    await waitFor(() => textOf(chair.doc) === before, "the chair's changes to be undone");
    expect(chair.provider.wsconnected).toBe(true);
    await expectHeldThenThawed(before, peru);
  });

  it('SIL4: (g) a mark taken off the frozen wording by deleting its format item alone — no word changed — is undone', async () => {
    const peru = await bystander();
    const chile = await raw('Chile');
    await freeze();
    const before = textOf(serverDoc());
    // The item that opens the italics of the open clause: an update whose only content deletes it.
    let italic: Y.Item | null = (clauseXmlText(chile.replica, idOf(chile.replica, OPEN)) as unknown as { _start: Y.Item | null })._start;
    while (italic !== null && !(italic.content instanceof Y.ContentFormat && italic.content.key === 'italic' && italic.content.value !== null)) italic = italic.right;
    expect(italic).not.toBeNull();
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0); // no structs
    encoding.writeVarUint(encoder, 1); // one client in the delete set
    encoding.writeVarUint(encoder, italic!.id.client);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, italic!.id.clock);
    encoding.writeVarUint(encoder, 1);
    chile.sendUpdate(encoding.toUint8Array(encoder));
    await waitFor(() => refusalsOf('Chile').some((r) => r.reason === 'frozen'), 'the change of marks to be refused');
    expect(readDeclaration(serverDoc()).clauses.find((c) => toPlainText(c.body) === OPEN)!.body).toEqual(openBody);
    await expectHeldThenThawed(before, peru);
  });
});
