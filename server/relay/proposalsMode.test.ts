import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readClauseStatus } from '../../shared/clauseStatus.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { MAX_OPEN_PROPOSALS_PER_PARTICIPANT, readProposal, type Proposal } from '../../shared/proposals/proposal.ts';
import { CLOSE } from '../../shared/protocol.ts';
import { readRefusedChange, type RefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText, type RichText } from '../../shared/richText.ts';
import { readSettings, type EditingMode } from '../../shared/settings.ts';
import { listAudit } from '../db/auditLog.ts';
import { findProposal, insertProposal, listProposals, setDecision, setReaction } from '../db/proposals.ts';
import { mergeTyped } from '../proposals/proposeFromRefusal.ts';
import { clauseTexts, clauseXmlText } from '../testing/documents.ts';
import { connectRaw, updateFrom } from '../testing/rawClient.ts';
import { waitFor } from '../testing/testServer.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';

/**
 * The relay's side of proposals (docs/SPEC.md PROP9–PROP12): "proposals
 * only" enforced on what delegations type, refused typing turned into
 * proposals by its author, and the `proposals` map written by the server
 * alone. The real server, real SQLite, stock y-websocket clients and a raw
 * one writing by hand.
 */
const seed = {
  ...emptySeed(plain('Proposals mode test')),
  preamble: [plain('Recognizing the first,')],
  operative: [{ body: plain('Decide the first;') }, { body: plain('Open text;') }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];
const ORIGINAL = ['Recognizing the first,', 'Decide the first;', 'Open text;'];

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
const proposalsIn = (doc: Y.Doc): Proposal[] => [...doc.getMap(ROOT.proposals).values()].map(readProposal).filter((p): p is Proposal => p !== null);
const refusedIn = (doc: Y.Doc): RefusedChange[] => [...doc.getMap(ROOT.refused).values()].map(readRefusedChange).filter((r): r is RefusedChange => r !== null);

describe('PROP9–PROP12: the relay and proposals', () => {
  const under = declarationUnderTest(seed, people);

  const { client } = under;
  const call = (method: string, path: string, who: string, body?: unknown) => under.call<Record<string, unknown>>(method, path, who, body);
  const setMode = async (editing: EditingMode, ...docs: Y.Doc[]) => {
    expect((await call('PUT', '/settings', 'Argentina', { editing })).status).toBe(200);
    await waitFor(() => docs.every((doc) => readSettings(doc.getMap(ROOT.settings)).editing === editing), 'the mode to reach every client');
  };
  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;
  /** Every client holds what the server holds: the clauses, and the proposals as SQLite has them. */
  const converged = async (...docs: Y.Doc[]) => {
    const fingerprint = (doc: Y.Doc) => JSON.stringify({ clauses: clauseTexts(doc), proposals: proposalsIn(doc).sort((a, b) => (a.id < b.id ? -1 : 1)) });
    await waitFor(() => docs.every((d) => fingerprint(d) === fingerprint(serverDoc())), 'convergence');
    expect(proposalsIn(serverDoc()).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(listProposals(under.server.db, under.declaration.id).sort((a, b) => (a.id < b.id ? -1 : 1)));
    return clauseTexts(serverDoc());
  };


  it('PROP10: a delegation typing in "proposals only" changes nothing anywhere (nor after a restart); it gets one proposal with exactly its text, italics kept, and a notice leading to it', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    await setMode('proposals', chile.doc, peru.doc);
    const clause = idOf(chile.doc, 'Decide the first;');
    clauseXmlText(chile.doc, clause).insert('Decide '.length, 'firmly ', { italic: {} });
    expect(clauseTexts(chile.doc)).toContain('Decide firmly the first;');
    await waitFor(() => proposalsIn(peru.doc).length === 1, 'the proposal to reach Peru');
    expect(await converged(chile.doc, peru.doc)).toEqual(ORIGINAL);

    const typed: RichText = [{ text: 'Decide ' }, { text: 'firmly ', italic: true }, { text: 'the first;' }];
    const [proposal] = proposalsIn(peru.doc);
    expect(proposal).toEqual({
      id: expect.any(String),
      clauseId: clause,
      action: 'replace',
      text: typed,
      baseText: plain('Decide the first;'),
      justification: '',
      authorId: under.ids.Chile,
      author: 'Chile',
      origin: 'typed',
      at: expect.any(Number),
      state: 'open',
      supporters: [],
      objectors: [],
    });
    await waitFor(() => refusedIn(chile.doc).length === 1, 'the notice to reach Chile');
    expect(refusedIn(chile.doc)).toEqual([
      expect.objectContaining({ author: 'Chile', part: 'clause', clauseId: clause, reason: 'proposals-only', attempted: 'Decide firmly the first;', kept: 'Decide the first;', proposalId: proposal!.id }),
    ]);
    const audit = listAudit(under.server.db, under.declaration.id);
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'Chile', action: 'proposal-made', clauseId: clause, detail: { proposalId: proposal!.id, origin: 'typed' } }));
    expect(audit).toContainEqual(expect.objectContaining({ actor: 'Chile', action: 'refused', detail: expect.objectContaining({ reason: 'proposals-only', proposalId: proposal!.id }) }));

    under.disconnectAll();
    under.server = await under.server.restart();
    const later = await client('Peru');
    expect(clauseTexts(later.doc)).toEqual(ORIGINAL);
    expect(proposalsIn(later.doc)).toEqual([proposal]);
    expect(readSettings(later.doc.getMap(ROOT.settings)).editing).toBe('proposals');
    // The mode survives the restart too: the server still refuses.
    clauseXmlText(later.doc, clause).insert(0, 'Also ');
    await waitFor(() => proposalsIn(later.doc).some((p) => p.authorId === under.ids.Peru), 'Peru\'s proposal');
    expect(await converged(later.doc)).toEqual(ORIGINAL);
  });

  it('PROP10: keystrokes typed one by one make one proposal, whose text is everything typed; the next delegation gets its own', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    await setMode('proposals', chile.doc, peru.doc);
    const clause = idOf(chile.doc, 'Decide the first;');
    // Eight updates sent before the server's undo of the first comes back, as a fast typist's.
    const word = 'at once ';
    for (let i = 0; i < word.length; i++) clauseXmlText(chile.doc, clause).insert('Decide '.length + i, word[i]!);
    expect(clauseTexts(chile.doc)).toContain('Decide at once the first;');
    const chileProposals = () => proposalsIn(serverDoc()).filter((p) => p.authorId === under.ids.Chile);
    await waitFor(() => toPlainText(chileProposals()[0]?.text ?? []) === 'Decide at once the first;', 'the proposal to hold every keystroke');
    expect(await converged(chile.doc, peru.doc)).toEqual(ORIGINAL);
    // Then, the undo seen, more typing elsewhere in the clause, one keystroke at a time.
    for (const char of ' today') {
      const text = clauseXmlText(chile.doc, clause);
      text.insert(text.length - 1, char);
      await waitFor(() => clauseTexts(chile.doc).includes('Decide the first;'), 'the keystroke to be undone');
    }
    await waitFor(() => toPlainText(chileProposals()[0]?.text ?? []) === 'Decide at once the first today;', 'the later keystrokes in the same proposal');
    expect(chileProposals()).toHaveLength(1);
    const [proposal] = chileProposals();
    expect(proposal).toMatchObject({ text: plain('Decide at once the first today;'), baseText: plain('Decide the first;'), origin: 'typed', state: 'open', editedAt: expect.any(Number) });
    await waitFor(() => refusedIn(chile.doc).length === word.length + ' today'.length, 'every notice');
    expect(new Set(refusedIn(chile.doc).map((r) => r.proposalId))).toEqual(new Set([proposal!.id]));
    const audit = listAudit(under.server.db, under.declaration.id);
    expect(audit.filter((e) => e.action === 'proposal-made')).toHaveLength(1);
    expect(audit.filter((e) => e.action === 'proposal-edited').length).toBe(word.length + ' today'.length - 1);

    // Another delegation typing in the same clause makes its own proposal.
    clauseXmlText(peru.doc, clause).insert(0, 'Firmly ');
    await waitFor(() => proposalsIn(serverDoc()).length === 2, 'Peru\'s proposal');
    expect(proposalsIn(serverDoc()).find((p) => p.authorId === under.ids.Peru)).toMatchObject({ text: plain('Firmly Decide the first;'), origin: 'typed' });
    expect(await converged(chile.doc, peru.doc)).toEqual(ORIGINAL);
  });

  it('PROP10: once someone has reacted to the typed proposal (or it is closed), further typing makes a new one', async () => {
    const chile = await client('Chile');
    await setMode('proposals', chile.doc);
    const clause = idOf(chile.doc, 'Open text;');
    clauseXmlText(chile.doc, clause).insert(0, 'Very ');
    await waitFor(() => proposalsIn(chile.doc).length === 1, 'the first proposal');
    const first = proposalsIn(chile.doc)[0]!;
    // A reaction, as the REST route stores and mirrors it (server/proposals/reactToProposal.ts).
    setReaction(under.server.db, first.id, under.ids.Peru!, 'support', Date.now());
    under.server.rooms.get(under.declaration.id).mirrorProposal(findProposal(under.server.db, under.declaration.id, first.id)!);
    await waitFor(() => proposalsIn(chile.doc)[0]?.supporters.length === 1, 'the support to reach Chile');
    clauseXmlText(chile.doc, clause).insert(0, 'Quite ');
    await waitFor(() => proposalsIn(chile.doc).length === 2, 'a second proposal');
    expect(proposalsIn(chile.doc).find((p) => p.id === first.id)!.text).toEqual(plain('Very Open text;'));
    const second = proposalsIn(chile.doc).find((p) => p.id !== first.id)!;
    expect(second.text).toEqual(plain('Quite Open text;'));
    // Withdrawn, as the REST route stores and mirrors it (server/proposals/withdrawProposal.ts).
    setDecision(under.server.db, second.id, { state: 'withdrawn', by: under.ids.Chile!, at: Date.now() });
    under.server.rooms.get(under.declaration.id).mirrorProposal(findProposal(under.server.db, under.declaration.id, second.id)!);
    await waitFor(() => proposalsIn(chile.doc).some((p) => p.state === 'withdrawn'), 'the withdrawal to reach Chile');
    const text = clauseXmlText(chile.doc, clause);
    text.insert(text.length, ' Really.');
    await waitFor(() => proposalsIn(chile.doc).length === 3, 'a third proposal');
    expect(proposalsIn(chile.doc).find((p) => p.id !== first.id && p.id !== second.id)).toMatchObject({ text: plain('Open text; Really.'), state: 'open' });
    expect(proposalsIn(chile.doc).find((p) => p.id === second.id)!.text).toEqual(plain('Quite Open text;'));
    expect(await converged(chile.doc)).toEqual(ORIGINAL);
  });

  it('PROP1 PROP10: a delegation at its bound of open proposals gets no more from typing; its text stays in the notice', async () => {
    const chile = await client('Chile');
    await setMode('proposals', chile.doc);
    const clause = idOf(chile.doc, 'Open text;');
    for (let i = 0; i < MAX_OPEN_PROPOSALS_PER_PARTICIPANT; i++) {
      insertProposal(under.server.db, under.declaration.id, {
        id: `bound${i}`, clauseId: clause, action: 'replace', text: plain(`Open text ${i};`), kind: null, baseText: plain('Open text;'),
        justification: '', authorId: under.ids.Chile!, origin: 'proposed', at: Date.now(),
      });
    }
    clauseXmlText(chile.doc, clause).insert(0, 'Very ');
    await waitFor(() => refusedIn(chile.doc).length === 1, 'the notice to reach Chile');
    expect(refusedIn(chile.doc)[0]).toMatchObject({ reason: 'proposals-only', attempted: 'Very Open text;' });
    expect(refusedIn(chile.doc)[0]!.proposalId).toBeUndefined();
    expect(listProposals(under.server.db, under.declaration.id)).toHaveLength(MAX_OPEN_PROPOSALS_PER_PARTICIPANT);
    await waitFor(() => JSON.stringify(clauseTexts(chile.doc)) === JSON.stringify(ORIGINAL), 'the text to be put back');
  });

  it('PROP9: the chair and the secretariat edit directly in "proposals only"; back in direct editing, the delegation edits again', async () => {
    const chair = await client('Argentina');
    const secretariat = await client('Secretariat');
    const chile = await client('Chile');
    await setMode('proposals', chair.doc, secretariat.doc, chile.doc);
    const clause = idOf(chile.doc, 'Open text;');
    clauseXmlText(chair.doc, clause).insert(0, 'Chair ');
    // The secretariat types once it has the chair's edit: typed at the same place concurrently, the two could come out in either order.
    await waitFor(() => clauseTexts(serverDoc()).includes('Chair Open text;') && clauseTexts(secretariat.doc).includes('Chair Open text;'), 'the chair\'s edit');
    clauseXmlText(secretariat.doc, clause).insert(0, 'Secretariat ');
    expect(await converged(chair.doc, secretariat.doc, chile.doc)).toContain('Secretariat Chair Open text;');
    expect(refusedIn(serverDoc())).toEqual([]);
    expect(listProposals(under.server.db, under.declaration.id)).toEqual([]);

    await setMode('direct', chair.doc, chile.doc);
    clauseXmlText(chile.doc, clause).insert(0, 'Chile ');
    expect(await converged(chair.doc, chile.doc)).toContain('Chile Secretariat Chair Open text;');
    expect(refusedIn(serverDoc())).toEqual([]);
    expect(listProposals(under.server.db, under.declaration.id)).toEqual([]);
    expect(listAudit(under.server.db, under.declaration.id).filter((e) => e.action === 'editing-mode').map((e) => e.detail)).toEqual([
      { editing: { from: 'direct', to: 'proposals' } },
      { editing: { from: 'proposals', to: 'direct' } },
    ]);
  });

  it('PROP11: an edit typed offline into a clause agreed meanwhile becomes an open proposal "made while the clause was agreed", beside the notice', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const clause = idOf(chile.doc, 'Decide the first;');
    chile.provider.disconnect();
    clauseXmlText(chile.doc, clause).insert('Decide '.length, 'also ', { bold: {} });
    expect((await call('POST', `/clauses/${clause}/status`, 'Argentina', { state: 'agreed' })).status).toBe(200);
    await waitFor(() => readClauseStatus(peru.doc.getMap(ROOT.status).get(clause))?.state === 'agreed', 'the lock to reach Peru');
    chile.provider.connect();
    await waitFor(() => proposalsIn(peru.doc).length === 1, 'the proposal');
    expect(await converged(chile.doc, peru.doc)).toEqual(ORIGINAL);
    const [proposal] = proposalsIn(peru.doc);
    expect(proposal).toMatchObject({
      clauseId: clause,
      action: 'replace',
      text: [{ text: 'Decide ' }, { text: 'also ', bold: true }, { text: 'the first;' }],
      baseText: plain('Decide the first;'),
      authorId: under.ids.Chile,
      origin: 'typed-while-agreed',
      state: 'open',
    });
    await waitFor(() => refusedIn(chile.doc).length === 1, 'the notice');
    expect(refusedIn(chile.doc)[0]).toMatchObject({ reason: 'agreed', clauseId: clause, attempted: 'Decide also the first;', proposalId: proposal!.id });
    expect(listAudit(under.server.db, under.declaration.id)).toContainEqual(expect.objectContaining({ action: 'proposal-made', detail: { proposalId: proposal!.id, origin: 'typed-while-agreed' } }));

    // Typing on into the agreed clause extends the same proposal; moving it makes none.
    const text = clauseXmlText(chile.doc, clause);
    text.insert(text.length - 1, ' now');
    await waitFor(() => toPlainText(proposalsIn(serverDoc())[0]!.text) === 'Decide also the first now;', 'the proposal to grow');
    expect(proposalsIn(serverDoc())).toHaveLength(1);
    expect(await converged(chile.doc, peru.doc)).toEqual(ORIGINAL);
  });

  it('PROP12: a client writing into `proposals` — forging one, rewriting or deleting a real one — is undone for everyone and kept as a refused change; the real proposals stay as SQLite has them', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    await setMode('proposals', chile.doc, peru.doc);
    const clause = idOf(chile.doc, 'Open text;');
    clauseXmlText(chile.doc, clause).insert(0, 'Real ');
    await waitFor(() => proposalsIn(peru.doc).length === 1, 'a real proposal');
    const real = proposalsIn(peru.doc)[0]!;
    const stored = () => findProposal(under.server.db, under.declaration.id, real.id);
    expect(stored()).toEqual(real);

    // A stock client, by hand: a forged proposal in Chile's name and the real one "accepted".
    peru.doc.transact(() => {
      peru.doc.getMap(ROOT.proposals).set('forgedProposal1', { ...real, id: 'forgedProposal1', text: plain('Forged;') });
      peru.doc.getMap(ROOT.proposals).set(real.id, { ...real, state: 'accepted', text: plain('Rewritten;') });
    });
    const intact = (doc: Y.Doc) => JSON.stringify(proposalsIn(doc)) === JSON.stringify([stored()]);
    await waitFor(() => [serverDoc(), chile.doc, peru.doc].every(intact), 'the forged writes to be undone everywhere');
    await waitFor(() => refusedIn(serverDoc()).some((r) => r.author === 'Peru' && r.reason === 'server-only'), 'the refused change');

    // A raw client speaking the protocol by hand deletes the real proposal and forges another.
    const raw = await connectRaw(under.server, under.declaration.id, under.declaration.tokens.Peru!);
    await raw.handshake();
    raw.sendUpdate(
      updateFrom(raw.replica, (doc) => {
        doc.getMap(ROOT.proposals).delete(real.id);
        doc.getMap(ROOT.proposals).set('forgedProposal2', { ...real, id: 'forgedProposal2', authorId: under.ids.Argentina, author: 'Argentina' });
      }),
    );
    await waitFor(() => refusedIn(serverDoc()).filter((r) => r.author === 'Peru' && r.reason === 'server-only').length === 2, 'the second refused change');
    await waitFor(() => [serverDoc(), chile.doc, peru.doc, raw.replica].every(intact), 'the raw writes to be undone everywhere');
    expect(listProposals(under.server.db, under.declaration.id)).toEqual([real]);
    expect(await converged(chile.doc, peru.doc, raw.replica)).toEqual(ORIGINAL);
    // Nothing of the forgeries is left after a restart either.
    raw.ws.close();
    under.disconnectAll();
    under.server = await under.server.restart();
    const later = await client('Chile');
    expect(proposalsIn(later.doc)).toEqual([real]);
  });

  it('PROP12 WIRE4: an observer cannot write proposals or type one into being: its update is refused before it is applied', async () => {
    const chile = await client('Chile');
    const spain = await client('Spain');
    await setMode('proposals', chile.doc, spain.doc);
    const closes: number[] = [];
    spain.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
    const clause = idOf(spain.doc, 'Open text;');
    spain.doc.transact(() => {
      spain.doc.getMap(ROOT.proposals).set('observerProp1', { id: 'observerProp1', clauseId: clause, action: 'replace', text: plain('Observer;') });
      clauseXmlText(spain.doc, clause).insert(0, 'Observer ');
    });
    await waitFor(() => closes.includes(CLOSE.malformedMessage.code), 'the observer to be disconnected');
    expect(listProposals(under.server.db, under.declaration.id)).toEqual([]);
    expect(proposalsIn(serverDoc())).toEqual([]);
    expect(refusedIn(serverDoc())).toEqual([]);
    expect(clauseTexts(serverDoc())).toEqual(ORIGINAL);
    expect(listAudit(under.server.db, under.declaration.id)).toContainEqual(expect.objectContaining({ action: 'update-refused', actor: 'Spain' }));
    expect(clauseTexts(chile.doc)).toEqual(ORIGINAL);
  });

  it('PROP12 AUTH5: a revoked delegation cannot make proposals by typing, on a connection it kept open or a new one', async () => {
    const chile = await client('Chile');
    await setMode('proposals', chile.doc);
    const clause = idOf(chile.doc, 'Open text;');
    const raw = await connectRaw(under.server, under.declaration.id, under.declaration.tokens.Peru!);
    await raw.handshake();
    const typing = updateFrom(raw.replica, (doc) => clauseXmlText(doc, clause).insert(0, 'Revoked '));
    expect((await call('POST', `/participants/${under.ids.Peru}/revoke`, 'Argentina', {})).status).toBe(200);
    // Sent right after the revocation, on the connection the server is closing.
    raw.sendUpdate(typing);
    expect((await raw.closed).code).toBe(CLOSE.invalidToken.code);
    const again = await connectRaw(under.server, under.declaration.id, under.declaration.tokens.Peru!);
    expect((await again.closed).code).toBe(CLOSE.invalidToken.code);
    // A later edit by Chile shows the server has handled everything sent before it.
    clauseXmlText(chile.doc, idOf(chile.doc, 'Decide the first;')).insert(0, 'Chile ');
    await waitFor(() => proposalsIn(serverDoc()).length === 1, 'Chile\'s proposal');
    expect(proposalsIn(serverDoc()).map((p) => p.author)).toEqual(['Chile']);
    expect(refusedIn(serverDoc()).map((r) => r.author)).toEqual(['Chile']);
    expect(clauseTexts(serverDoc())).toEqual(ORIGINAL);
  });

  it('PROP10: the merge of a keystroke into a typed proposal keeps what was typed before, in order, formatting included, and carries it over others\' edits', () => {
    const base = plain('Decide the first;');
    // "a", then "b" at the same place of the clause: the server had undone "a" before "b" came.
    expect(mergeTyped(base, plain('Decide athe first;'), base, plain('Decide bthe first;'))).toEqual(plain('Decide abthe first;'));
    // A replaced word, then a letter typed after it.
    expect(mergeTyped(base, plain('Decide a first;'), base, plain('Decide then first;'))).toEqual(plain('Decide an first;'));
    // Italics typed earlier stay italic; a later bold keystroke stays bold.
    expect(mergeTyped(base, [{ text: 'Decide ' }, { text: 'now', italic: true }, { text: ' the first;' }], base, [{ text: 'Decide the first', bold: false }, { text: '!', bold: true }, { text: ';' }])).toEqual([
      { text: 'Decide ' },
      { text: 'now', italic: true },
      { text: ' the first' },
      { text: '!', bold: true },
      { text: ';' },
    ]);
    // Someone else changed the clause since the proposal was made: the proposal is carried over onto the text now.
    expect(mergeTyped(base, plain('Decide firmly the first;'), plain('Decide the first and last;'), plain('Decide the first and last!'))).toEqual(plain('Decide firmly the first and last!'));
  });
});
