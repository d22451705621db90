import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { COMMENT_MARK, commentAnchors } from '../../shared/document/commentMark.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { numberClauses } from '../../shared/numbering.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import { MAX_OPEN_PROPOSALS_PER_PARTICIPANT, readProposal, type Proposal } from '../../shared/proposals/proposal.ts';
import { proposalRedline } from '../../shared/proposals/proposalRedline.ts';
import { wordRedline } from '../../shared/proposals/wordDiff.ts';
import { readRefusedChange } from '../../shared/refusedChange.ts';
import { plain, toPlainText, type RichText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { openDatabase } from '../db/database.ts';
import { listProposals } from '../db/proposals.ts';
import { clauseXmlText } from '../testing/documents.ts';
import { startTestServer, waitFor } from '../testing/testServer.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';

/**
 * Proposals end to end (docs/SPEC.md PROP1, PROP2, PROP5–PROP8, PROP12): the
 * real server over a real SQLite file, the API over HTTP, stock y-websocket
 * clients reading the `proposals` map and typing into clauses.
 */
const seed = {
  ...emptySeed(plain('Proposals test')),
  preamble: [plain('Recognizing the first,'), plain('Noting the second,')],
  operative: [
    {
      body: plain('The Parties shall cooperate closely on trade;'),
      subitems: [{ body: plain('in goods;'), subitems: [{ body: plain('including agricultural goods;') }] }, { body: plain('in services;') }],
    },
    { body: plain('Agreed text of the clause;') },
    { body: plain('Open text under discussion;') },
  ],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Costa Rica', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];
const OPEN = 'Open text under discussion;';
const TRADE = 'The Parties shall cooperate closely on trade;';

type Json = Record<string, unknown> & {
  proposal: Proposal;
  proposals: Proposal[];
  entries: { actor: string; action: string; clauseId: string | null; detail: Record<string, unknown> }[];
  error: { id: string; message: string; currentText?: RichText; redline?: unknown };
};

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
const textOf = (doc: Y.Doc, clauseId: string) => toPlainText(readDeclaration(doc).clauses.find((c) => c.id === clauseId)?.body ?? []);
const proposalIn = (doc: Y.Doc, id: string) => readProposal(doc.getMap(ROOT.proposals).get(id));
const mapOf = (doc: Y.Doc) => Object.fromEntries([...doc.getMap(ROOT.proposals).entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
/** The declaration as delegates name it: [label, text] in reading order. */
const numbered = (doc: Y.Doc) => {
  const outline = buildOutline(readDeclaration(doc).clauses);
  const numbers = numberClauses(outline);
  return flattenOutline(outline).map((n) => [numbers.get(n.clause.id)!.label, toPlainText(n.clause.body)]);
};

describe('proposals', () => {
  const under = declarationUnderTest(seed, people);

  const { client } = under;
  /** One API call as `who` (a participant's name). */
  const call = (method: string, path: string, who: string, body?: unknown) => under.call<Json>(method, path, who, body);
  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;
  const clause = (text: string) => idOf(serverDoc(), text);
  const propose = async (who: string, request: Record<string, unknown>) => {
    const answer = await call('POST', '/proposals', who, request);
    expect(answer.status, JSON.stringify(answer.json)).toBe(201);
    return answer.json.proposal;
  };
  /** An API call that must succeed with 200; its proposal. */
  const ok = async (method: string, path: string, who: string, body?: unknown) => {
    const answer = await call(method, path, who, body);
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    return answer.json.proposal;
  };
  /** An API call that must fail: its status and error id. */
  const refused = async (method: string, path: string, who: string, body?: unknown) => {
    const answer = await call(method, path, who, body);
    return [answer.status, answer.json.error?.id];
  };
  const accept = (who: string, proposal: Proposal, shownText = textOf(serverDoc(), proposal.clauseId)) => ok('POST', `/proposals/${proposal.id}/accept`, who, { shownText });
  const actions = () => listAudit(under.server.db, under.declaration.id).filter((e) => e.action.startsWith('proposal-'));


  it("PROP1: delegations, the chair and the secretariat make each kind of proposal; the author is the session's; another client sees them live", async () => {
    const peru = await client('Peru');
    const open = clause(OPEN);
    const before = Date.now();
    const replace = await propose('Chile', {
      clauseId: open,
      action: 'replace',
      // Comment marks are not part of a proposal; italics and bold are.
      text: [{ text: 'Open text ' }, { text: 'under', italic: true, comments: ['someThread1'] }, { text: ' negotiation;', bold: false }],
      justification: '  Clearer.  ',
      author: 'Argentina',
      authorId: under.ids.Argentina,
    });
    expect(replace).toEqual({
      id: expect.any(String),
      clauseId: open,
      action: 'replace',
      text: [{ text: 'Open text ' }, { text: 'under', italic: true }, { text: ' negotiation;' }],
      baseText: plain(OPEN),
      justification: 'Clearer.',
      authorId: under.ids.Chile,
      author: 'Chile',
      origin: 'proposed',
      at: expect.any(Number),
      state: 'open',
      supporters: [],
      objectors: [],
    });
    expect(replace.at).toBeGreaterThanOrEqual(before);
    const made = [
      replace,
      await propose('Argentina', { clauseId: clause('Noting the second,'), action: 'insert-before', text: 'Bearing in mind the new,' }),
      await propose('Secretariat', { clauseId: clause(TRADE), action: 'insert-after', text: 'Welcome the new;' }),
      await propose('Secretariat', { clauseId: clause('Noting the second,'), action: 'insert-after', text: 'Decide first;', kind: 'operative' }),
      await propose('Chile', { clauseId: clause('in goods;'), action: 'insert-subitem', text: 'including fish;' }),
      await propose('Peru', { clauseId: open, action: 'delete', justification: 'Redundant.' }),
    ];
    expect(made.map((p) => [p.author, p.action, p.kind, toPlainText(p.text), toPlainText(p.baseText)])).toEqual([
      ['Chile', 'replace', undefined, 'Open text under negotiation;', OPEN],
      ['Argentina', 'insert-before', 'preamble', 'Bearing in mind the new,', 'Noting the second,'],
      ['Secretariat', 'insert-after', 'operative', 'Welcome the new;', TRADE],
      ['Secretariat', 'insert-after', 'operative', 'Decide first;', 'Noting the second,'],
      ['Chile', 'insert-subitem', undefined, 'including fish;', 'in goods;'],
      ['Peru', 'delete', undefined, '', OPEN],
    ]);
    await waitFor(() => made.every((p) => proposalIn(peru.doc, p.id) !== null), 'Peru to see every proposal');
    for (const p of made) expect(proposalIn(peru.doc, p.id)).toEqual(p);
    // Nothing in the text changed.
    expect(numbered(peru.doc).map(([, text]) => text)).toContain(OPEN);
    expect((await call('GET', '/proposals', 'Spain')).json.proposals).toEqual(made);
    expect(actions().map((e) => [e.actor, e.action, e.detail])).toEqual(made.map((p) => [p.author, 'proposal-made', { proposalId: p.id, action: p.action }]));
  });

  it('PROP1: observers may not propose; an agreed clause (or its sub-item) takes no proposal; bad input is refused with its id', async () => {
    const trade = clause(TRADE);
    const open = clause(OPEN);
    const replace = (text: unknown, extra: Record<string, unknown> = {}) => refused('POST', '/proposals', 'Chile', { clauseId: open, action: 'replace', text, ...extra });
    expect(await refused('POST', '/proposals', 'Spain', { clauseId: open, action: 'replace', text: 'Observed;' })).toEqual([403, 'may-not-propose']);
    expect((await call('POST', `/clauses/${trade}/status`, 'Argentina', { state: 'agreed' })).status).toBe(200);
    for (const target of [trade, clause('in goods;'), clause('including agricultural goods;')]) {
      expect(await refused('POST', '/proposals', 'Chile', { clauseId: target, action: 'delete' })).toEqual([409, 'clause-agreed']);
    }
    expect(await refused('POST', '/proposals', 'Argentina', { clauseId: trade, action: 'insert-after', text: 'More;' })).toEqual([409, 'clause-agreed']);
    expect(await refused('POST', '/proposals', 'Chile', { clauseId: 'noSuchClause', action: 'delete' })).toEqual([404, 'clause-not-found']);
    expect(await refused('POST', '/proposals', 'Chile', { clauseId: open, action: 'amend', text: 'x' })).toEqual([400, 'bad-action']);
    expect(await refused('POST', '/proposals', 'Chile', { action: 'delete' })).toEqual([400, 'bad-body']);
    expect(await refused('POST', '/proposals', 'Chile', [open])).toEqual([400, 'bad-body']);
    expect(await replace('   ')).toEqual([400, 'proposal-empty']);
    expect(await replace(undefined)).toEqual([400, 'proposal-empty']);
    expect(await replace([{ text: ' ', italic: true }])).toEqual([400, 'proposal-empty']);
    expect(await replace('x'.repeat(10_001))).toEqual([400, 'proposal-too-long']);
    expect(await replace([{ text: 'x'.repeat(5000) }, { text: 'y'.repeat(5001), bold: true }])).toEqual([400, 'proposal-too-long']);
    expect(await replace(42)).toEqual([400, 'bad-body']);
    expect(await replace([{ text: 'x', italic: 'yes' }])).toEqual([400, 'bad-body']);
    expect(await replace(OPEN)).toEqual([400, 'proposal-unchanged']);
    expect(await replace('Fine;', { kind: 'operative' })).toEqual([400, 'bad-kind']);
    expect(await refused('POST', '/proposals', 'Chile', { clauseId: open, action: 'insert-after', text: 'x', kind: 'annex' })).toEqual([400, 'bad-kind']);
    expect(await refused('POST', '/proposals', 'Chile', { clauseId: open, action: 'delete', text: 'x' })).toEqual([400, 'bad-body']);
    expect(await replace('Fine;', { justification: 'j'.repeat(1001) })).toEqual([400, 'justification-too-long']);
    expect(await replace('Fine;', { justification: 7 })).toEqual([400, 'bad-body']);
    expect(await refused('POST', '/proposals', 'Chile', { clauseId: clause('Recognizing the first,'), action: 'insert-subitem', text: 'a) x' })).toEqual([400, 'no-subitem-here']);
    // Reopened: a sub-item at the deepest level has no sub-items of its own (STRUCT1).
    expect((await call('POST', `/clauses/${trade}/status`, 'Argentina', { state: 'open', reason: 'To go on.' })).status).toBe(200);
    expect(await refused('POST', '/proposals', 'Chile', { clauseId: clause('including agricultural goods;'), action: 'insert-subitem', text: 'x' })).toEqual([400, 'no-subitem-here']);
    expect(listProposals(under.server.db, under.declaration.id)).toEqual([]);
    expect(serverDoc().getMap(ROOT.proposals).size).toBe(0);
    // The limits themselves are allowed.
    const longest = await propose('Chile', { clauseId: open, action: 'replace', text: 'x'.repeat(10_000), justification: 'j'.repeat(1000) });
    expect([toPlainText(longest.text).length, longest.justification.length]).toEqual([10_000, 1000]);
    // Line breaks cannot split a clause into paragraphs.
    expect((await propose('Chile', { clauseId: open, action: 'replace', text: 'Open text\nunder review;' })).text).toEqual(plain('Open text under review;'));
  });

  it('PROP1: one participant has at most MAX_OPEN_PROPOSALS_PER_PARTICIPANT open proposals; withdrawing one frees a place, and others are not held back', async () => {
    const clauseId = clause(OPEN);
    let last: Proposal | undefined;
    for (let i = 0; i < MAX_OPEN_PROPOSALS_PER_PARTICIPANT; i++) last = await propose('Chile', { clauseId, action: 'replace', text: `Open text number ${i};` });
    expect(await refused('POST', '/proposals', 'Chile', { clauseId, action: 'replace', text: 'One too many;' })).toEqual([409, 'too-many-proposals']);
    expect((await propose('Peru', { clauseId, action: 'replace', text: 'Peru is not held back;' })).author).toBe('Peru');
    await ok('POST', `/proposals/${last!.id}/withdraw`, 'Chile', {});
    expect((await propose('Chile', { clauseId, action: 'replace', text: 'Room again;' })).state).toBe('open');
  });

  it('PROP2: its author edits a proposal until someone reacts, and withdraws it; nobody else does either', async () => {
    const costaRica = await client('Costa Rica');
    const open = clause(OPEN);
    const proposal = await propose('Chile', { clauseId: open, action: 'replace', text: 'Open text under review;', justification: 'Shorter.' });
    expect(await refused('PATCH', `/proposals/${proposal.id}`, 'Peru', { text: 'Peru rewrites it;' })).toEqual([403, 'not-proposal-author']);
    expect(await refused('PATCH', `/proposals/${proposal.id}`, 'Argentina', { text: 'The chair rewrites it;' })).toEqual([403, 'not-proposal-author']);
    expect(await refused('PATCH', `/proposals/${proposal.id}`, 'Chile', { text: '' })).toEqual([400, 'proposal-empty']);
    expect(await refused('PATCH', '/proposals/noSuchProposal', 'Chile', { text: 'x' })).toEqual([404, 'proposal-not-found']);
    const edited = await ok('PATCH', `/proposals/${proposal.id}`, 'Chile', { text: [{ text: 'Open text under ' }, { text: 'careful', italic: true }, { text: ' review;' }] });
    expect(edited).toMatchObject({ id: proposal.id, justification: 'Shorter.', authorId: under.ids.Chile, editedAt: expect.any(Number) });
    expect(toPlainText(edited.text)).toBe('Open text under careful review;');
    const rejustified = await ok('PATCH', `/proposals/${proposal.id}`, 'Chile', { text: 'Open text under review;', justification: 'Shorter still.' });
    expect(rejustified).toMatchObject({ text: plain('Open text under review;'), justification: 'Shorter still.' });
    await waitFor(() => JSON.stringify(proposalIn(costaRica.doc, proposal.id)) === JSON.stringify(rejustified), 'Costa Rica to see the edit');

    await ok('POST', `/proposals/${proposal.id}/support`, 'Peru', { on: true });
    expect(await refused('PATCH', `/proposals/${proposal.id}`, 'Chile', { text: 'Too late;' })).toEqual([409, 'proposal-has-reactions']);
    expect(await refused('POST', `/proposals/${proposal.id}/withdraw`, 'Peru')).toEqual([403, 'not-proposal-author']);
    expect(await refused('POST', `/proposals/${proposal.id}/withdraw`, 'Argentina')).toEqual([403, 'not-proposal-author']);
    const withdrawn = await ok('POST', `/proposals/${proposal.id}/withdraw`, 'Chile');
    expect(withdrawn).toMatchObject({ state: 'withdrawn', decided: { by: 'Chile', at: expect.any(Number) } });
    await waitFor(() => proposalIn(costaRica.doc, proposal.id)?.state === 'withdrawn', 'Costa Rica to see the withdrawal');
    expect(await refused('POST', `/proposals/${proposal.id}/withdraw`, 'Chile')).toEqual([409, 'proposal-closed']);
    expect(await refused('PATCH', `/proposals/${proposal.id}`, 'Chile', { text: 'Again;' })).toEqual([409, 'proposal-closed']);
    // A deletion has no text to edit; its justification is.
    const deletion = await propose('Peru', { clauseId: open, action: 'delete' });
    expect(await refused('PATCH', `/proposals/${deletion.id}`, 'Peru', { text: 'x' })).toEqual([400, 'bad-body']);
    expect(await ok('PATCH', `/proposals/${deletion.id}`, 'Peru', { justification: 'Said elsewhere.' })).toMatchObject({ text: [], justification: 'Said elsewhere.' });
    expect(actions().map((e) => `${e.actor} ${e.action}`)).toEqual([
      'Chile proposal-made',
      'Chile proposal-edited',
      'Chile proposal-edited',
      'Peru proposal-supported',
      'Chile proposal-withdrawn',
      'Peru proposal-made',
      'Peru proposal-edited',
    ]);
  });

  it('PROP5: everyone who edits supports or objects and takes it back, switching between the two; the author and observers may not', async () => {
    const spain = await client('Spain');
    const proposal = await propose('Chile', { clauseId: clause(OPEN), action: 'replace', text: 'Open text under review;' });
    const path = (what: string) => `/proposals/${proposal.id}/${what}`;
    const names = (p: Proposal) => [p.supporters.map((r) => r.name), p.objectors.map((r) => r.name)];
    expect(names(await ok('POST', path('support'), 'Peru', { on: true }))).toEqual([['Peru'], []]);
    expect(names(await ok('POST', path('object'), 'Peru', { on: true }))).toEqual([[], ['Peru']]);
    expect(names(await ok('POST', path('support'), 'Peru', { on: false }))).toEqual([[], ['Peru']]);
    expect(names(await ok('POST', path('object'), 'Peru', { on: false }))).toEqual([[], []]);
    expect(names(await ok('POST', path('support'), 'Costa Rica', { on: true }))).toEqual([['Costa Rica'], []]);
    expect(names(await ok('POST', path('support'), 'Costa Rica', { on: true }))).toEqual([['Costa Rica'], []]);
    expect(names(await ok('POST', path('object'), 'Argentina', { on: true }))).toEqual([['Costa Rica'], ['Argentina']]);
    const last = await ok('POST', path('support'), 'Secretariat', { on: true });
    expect(names(last)).toEqual([['Costa Rica', 'Secretariat'], ['Argentina']]);
    expect(last.supporters[0]).toEqual({ participantId: under.ids['Costa Rica'], name: 'Costa Rica', at: expect.any(Number) });
    expect(await refused('POST', path('support'), 'Chile', { on: true })).toEqual([403, 'may-not-react']);
    expect(await refused('POST', path('object'), 'Spain', { on: true })).toEqual([403, 'may-not-react']);
    expect(await refused('POST', path('support'), 'Peru', { on: 'yes' })).toEqual([400, 'bad-on']);
    expect(await refused('POST', path('support'), 'Peru', {})).toEqual([400, 'bad-on']);
    await waitFor(() => JSON.stringify(proposalIn(spain.doc, proposal.id)) === JSON.stringify(last), 'the observer to see the reactions');
    // Only changes are recorded: repeating a reaction or taking back one never given is not.
    expect(actions().filter((e) => e.action !== 'proposal-made').map((e) => [e.actor, e.action, e.detail])).toEqual([
      ['Peru', 'proposal-supported', { proposalId: proposal.id, on: true }],
      ['Peru', 'proposal-objected', { proposalId: proposal.id, on: true }],
      ['Peru', 'proposal-objected', { proposalId: proposal.id, on: false }],
      ['Costa Rica', 'proposal-supported', { proposalId: proposal.id, on: true }],
      ['Argentina', 'proposal-objected', { proposalId: proposal.id, on: true }],
      ['Secretariat', 'proposal-supported', { proposalId: proposal.id, on: true }],
    ]);
  });

  it('PROP6: the chair accepts and rejects; the secretariat only once the chair allows it; a decided proposal is final', async () => {
    const open = clause(OPEN);
    const first = await propose('Chile', { clauseId: open, action: 'replace', text: 'Open text under review;' });
    const second = await propose('Peru', { clauseId: open, action: 'replace', text: 'Open text kept for later;' });
    const third = await propose('Costa Rica', { clauseId: clause('Agreed text of the clause;'), action: 'delete' });
    for (const who of ['Secretariat', 'Chile', 'Peru', 'Spain']) {
      expect(await refused('POST', `/proposals/${first.id}/accept`, who, { shownText: OPEN })).toEqual([403, 'may-not-decide']);
      expect(await refused('POST', `/proposals/${first.id}/reject`, who, {})).toEqual([403, 'may-not-decide']);
    }
    expect(await refused('POST', `/proposals/${first.id}/accept`, 'Argentina', {})).toEqual([400, 'bad-shown-text']);
    expect(await accept('Argentina', first)).toMatchObject({ state: 'accepted', decided: { by: 'Argentina', at: expect.any(Number) }, acceptedOver: plain(OPEN) });
    expect(textOf(serverDoc(), open)).toBe('Open text under review;');
    expect(await refused('POST', `/proposals/${second.id}/reject`, 'Argentina', { reason: 'r'.repeat(1001) })).toEqual([400, 'reason-too-long']);

    expect((await call('PUT', '/settings', 'Argentina', { secretariatDecides: true })).status).toBe(200);
    const rejected = await ok('POST', `/proposals/${second.id}/reject`, 'Secretariat', { reason: '  Superseded.  ' });
    expect(rejected).toMatchObject({ state: 'rejected', decided: { by: 'Secretariat', reason: 'Superseded.' } });
    expect(await ok('POST', `/proposals/${third.id}/reject`, 'Secretariat')).toMatchObject({ state: 'rejected', decided: { by: 'Secretariat' } });
    expect(await refused('POST', `/proposals/${first.id}/accept`, 'Argentina', { shownText: 'Open text under review;' })).toEqual([409, 'proposal-closed']);
    expect(await refused('POST', `/proposals/${first.id}/reject`, 'Secretariat')).toEqual([409, 'proposal-closed']);
    expect(await refused('POST', `/proposals/${second.id}/accept`, 'Argentina', { shownText: 'Open text under review;' })).toEqual([409, 'proposal-closed']);
    expect(await refused('POST', `/proposals/${second.id}/support`, 'Chile', { on: true })).toEqual([409, 'proposal-closed']);
    expect(await refused('POST', `/proposals/${second.id}/withdraw`, 'Peru')).toEqual([409, 'proposal-closed']);
    expect((await call('PUT', '/settings', 'Argentina', { secretariatDecides: false })).status).toBe(200);
    const fourth = await propose('Chile', { clauseId: open, action: 'delete' });
    expect(await refused('POST', `/proposals/${fourth.id}/reject`, 'Secretariat')).toEqual([403, 'may-not-decide']);
    expect(actions().filter((e) => e.action === 'proposal-accepted' || e.action === 'proposal-rejected').map((e) => [e.actor, e.action, e.detail])).toEqual([
      ['Argentina', 'proposal-accepted', { proposalId: first.id, action: 'replace' }],
      ['Secretariat', 'proposal-rejected', { proposalId: second.id, reason: 'Superseded.' }],
      ['Secretariat', 'proposal-rejected', { proposalId: third.id }],
    ]);
  });

  it('PROP7: accepted wording is applied as a word diff: letters typed at both ends of the same clause meanwhile, and comment marks on kept words, survive on every client', async () => {
    const chile = await client('Chile');
    const peru = await client('Peru');
    const open = idOf(chile.doc, OPEN);
    const threadId = 'proposalsThread1';
    // "discussion" carries a comment anchor, as the editor puts it.
    clauseXmlText(peru.doc, open).format(OPEN.indexOf('discussion'), 'discussion'.length, { [COMMENT_MARK]: { threads: threadId } });
    await waitFor(() => commentAnchors(serverDoc()).has(threadId) && commentAnchors(chile.doc).has(threadId), 'the mark to reach the server and Chile');
    const proposal = await propose('Peru', { clauseId: open, action: 'replace', text: [{ text: 'Open ' }, { text: 'wording', italic: true }, { text: ' under discussion;' }] });
    expect(proposal.baseText).toEqual(plain(OPEN));

    // Chile types at both ends while its update has not reached the server; the chair accepts meanwhile.
    chile.provider.disconnect();
    const typed = clauseXmlText(chile.doc, open);
    [...'Also: '].forEach((letter, i) => typed.insert(i, letter));
    for (const letter of ' Really.') typed.insert(typed.length, letter);
    const accepted = await accept('Argentina', proposal, OPEN);
    expect(accepted).toMatchObject({ state: 'accepted', acceptedOver: plain(OPEN) });
    expect(textOf(serverDoc(), open)).toBe('Open wording under discussion;');
    chile.provider.connect();

    const expected = 'Also: Open wording under discussion; Really.';
    const docs = () => [serverDoc(), chile.doc, peru.doc];
    await waitFor(() => docs().every((doc) => textOf(doc, open) === expected), 'every client to converge on both changes');
    for (const doc of docs()) {
      expect(readDeclaration(doc).clauses.find((c) => c.id === open)!.body).toEqual([
        { text: 'Also: Open ' },
        { text: 'wording', italic: true },
        { text: ' under ' },
        { text: 'discussion', comments: [threadId] },
        { text: '; Really.' },
      ]);
      expect(commentAnchors(doc).get(threadId)).toEqual({ clauseId: open, text: 'discussion' });
    }
    await waitFor(() => proposalIn(chile.doc, proposal.id)?.state === 'accepted', 'Chile to see the accepted proposal');
    expect(proposalIn(chile.doc, proposal.id)).toEqual(accepted);
  });

  it('PROP7: a proposed paragraph or sub-item is inserted where proposed, with its text and kind', async () => {
    const peru = await client('Peru');
    const inserts = [
      await propose('Chile', { clauseId: clause('Noting the second,'), action: 'insert-before', text: [{ text: 'Bearing in mind', italic: true }, { text: ' the new,' }] }),
      await propose('Chile', { clauseId: clause(TRADE), action: 'insert-after', text: 'Welcome the new;' }),
      await propose('Peru', { clauseId: clause(TRADE), action: 'insert-subitem', text: 'in capital;' }),
      await propose('Peru', { clauseId: clause('in services;'), action: 'insert-before', text: 'in technology;' }),
      await propose('Costa Rica', { clauseId: clause('in goods;'), action: 'insert-subitem', text: 'including fish;' }),
      await propose('Costa Rica', { clauseId: clause('Noting the second,'), action: 'insert-after', text: 'Decide first;', kind: 'operative' }),
      await propose('Secretariat', { clauseId: clause(OPEN), action: 'insert-after', text: 'Recalling the last,', kind: 'preamble' }),
    ];
    const results: string[] = [];
    for (const proposal of inserts) {
      const accepted = await accept('Argentina', proposal);
      expect(accepted).toMatchObject({ state: 'accepted', resultClauseId: expect.any(String) });
      expect(textOf(serverDoc(), accepted.resultClauseId!)).toBe(toPlainText(proposal.text));
      results.push(accepted.resultClauseId!);
    }
    const want = [
      ['PP1', 'Recognizing the first,'],
      ['PP2', 'Bearing in mind the new,'],
      ['PP3', 'Noting the second,'],
      ['PP4', 'Recalling the last,'],
      ['OP1', 'Decide first;'],
      ['OP2', TRADE],
      ['OP2(a)', 'in goods;'],
      ['OP2(a)(i)', 'including agricultural goods;'],
      ['OP2(a)(ii)', 'including fish;'],
      ['OP2(b)', 'in technology;'],
      ['OP2(c)', 'in services;'],
      ['OP2(d)', 'in capital;'],
      ['OP3', 'Welcome the new;'],
      ['OP4', 'Agreed text of the clause;'],
      ['OP5', OPEN],
    ];
    await waitFor(() => JSON.stringify(numbered(peru.doc)) === JSON.stringify(want), "Peru's outline to show every new clause");
    expect(numbered(serverDoc())).toEqual(want);
    expect(readDeclaration(peru.doc).clauses.find((c) => c.id === results[0])!.body).toEqual([{ text: 'Bearing in mind', italic: true }, { text: ' the new,' }]);
    expect(actions().filter((e) => e.action === 'proposal-accepted').map((e) => e.detail.resultClauseId)).toEqual(results);
  });

  it('PROP7: an accepted deletion deletes the clause with its sub-items; the chair undoes it and they come back, the proposal open again', async () => {
    const chile = await client('Chile');
    const trade = idOf(chile.doc, TRADE);
    const threadId = 'goodsThread0001';
    clauseXmlText(chile.doc, idOf(chile.doc, 'in goods;')).format(3, 5, { [COMMENT_MARK]: { threads: threadId } });
    await waitFor(() => commentAnchors(serverDoc()).get(threadId)?.text === 'goods', 'the mark to reach the server');
    const before = numbered(serverDoc());
    const clausesBefore = readDeclaration(serverDoc()).clauses.sort((a, b) => (a.id < b.id ? -1 : 1));
    const proposal = await propose('Peru', { clauseId: trade, action: 'delete', justification: 'Covered by OP2.' });
    const accepted = await accept('Argentina', proposal, TRADE);
    expect(accepted).toMatchObject({ state: 'accepted', acceptedOver: plain(TRADE) });
    const gone = [['PP1', 'Recognizing the first,'], ['PP2', 'Noting the second,'], ['OP1', 'Agreed text of the clause;'], ['OP2', OPEN]];
    await waitFor(() => JSON.stringify(numbered(chile.doc)) === JSON.stringify(gone), 'the clause and its sub-items to be gone for Chile');
    expect(numbered(serverDoc())).toEqual(gone);

    expect(await refused('POST', `/proposals/${proposal.id}/undo`, 'Chile')).toEqual([403, 'may-not-decide']);
    expect(await refused('POST', `/proposals/${proposal.id}/undo`, 'Secretariat')).toEqual([403, 'may-not-decide']);
    const undone = await ok('POST', `/proposals/${proposal.id}/undo`, 'Argentina');
    expect(undone).toEqual({ ...proposal, state: 'open' });
    await waitFor(() => JSON.stringify(numbered(chile.doc)) === JSON.stringify(before), 'the clauses back for Chile');
    // The same clauses, ids and all, with their comment anchor.
    expect(readDeclaration(chile.doc).clauses.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(clausesBefore);
    expect(commentAnchors(chile.doc).get(threadId)?.text).toBe('goods');
    await waitFor(() => proposalIn(chile.doc, proposal.id)?.state === 'open', 'Chile to see the proposal open again');
    expect(await refused('POST', `/proposals/${proposal.id}/undo`, 'Argentina')).toEqual([409, 'nothing-to-undo']);
    // Accepted again, it deletes again; accepted wording is not undone.
    await accept('Argentina', undone, TRADE);
    expect(clausesMap(serverDoc()).has(trade)).toBe(false);
    const wording = await propose('Chile', { clauseId: clause(OPEN), action: 'replace', text: 'Open text under review;' });
    await accept('Argentina', wording);
    expect(await refused('POST', `/proposals/${wording.id}/undo`, 'Argentina')).toEqual([409, 'nothing-to-undo']);
    expect(actions().map((e) => e.action)).toEqual(['proposal-made', 'proposal-accepted', 'proposal-undone', 'proposal-accepted', 'proposal-made', 'proposal-accepted']);
  });

  it('PROP4 PROP7: a proposal written on an older view of the clause (baseText) does not strike out words typed meanwhile; accepting it keeps them', async () => {
    const peru = await client('Peru');
    const open = idOf(peru.doc, OPEN);
    const typed = clauseXmlText(peru.doc, open);
    typed.insert(typed.length, ' Indeed');
    const now = `${OPEN} Indeed`;
    await waitFor(() => textOf(serverDoc(), open) === now, "Peru's typing to reach the server");
    // Chile wrote its wording on the clause as it read before Peru's word came.
    const proposal = await propose('Chile', { clauseId: open, action: 'replace', text: 'Open text under review;', baseText: OPEN });
    expect(proposal.baseText).toEqual(plain(OPEN));
    expect(proposalRedline(proposal, plain(now)).filter((s) => s.op !== 'equal').map((s) => [s.op, toPlainText(s.runs)])).toEqual([
      ['delete', 'discussion'],
      ['insert', 'review'],
    ]);
    expect(await accept('Argentina', proposal, now)).toMatchObject({ state: 'accepted' });
    await waitFor(() => textOf(peru.doc, open) === 'Open text under review; Indeed', "the accepted wording, with Peru's word, on Peru's screen");
    expect(await refused('POST', '/proposals', 'Chile', { clauseId: open, action: 'replace', text: 'x', baseText: 42 })).toEqual([400, 'bad-body']);
  });

  it('PROP8: accepting against a stale text is 409 clause-changed with the current text and redline, and changes nothing', async () => {
    const peru = await client('Peru');
    const open = idOf(peru.doc, OPEN);
    const proposal = await propose('Chile', { clauseId: open, action: 'replace', text: 'Open text under review;' });
    const deletion = await propose('Costa Rica', { clauseId: open, action: 'delete' });
    const insertion = await propose('Costa Rica', { clauseId: open, action: 'insert-after', text: 'Add this;' });
    const typed = clauseXmlText(peru.doc, open);
    typed.insert(typed.length, ' Indeed');
    const now = `${OPEN} Indeed`;
    await waitFor(() => textOf(serverDoc(), open) === now, "Peru's typing to reach the server");
    const stale = await call('POST', `/proposals/${proposal.id}/accept`, 'Argentina', { shownText: OPEN });
    expect(stale.status).toBe(409);
    expect(stale.json.error).toEqual({
      id: 'clause-changed',
      message: expect.any(String),
      currentText: plain(now),
      // The proposal's own change carried over onto the text now: Peru's word stays (PROP4, PROP7).
      redline: wordRedline(plain(now), plain('Open text under review; Indeed')),
    });
    expect((await call('POST', `/proposals/${deletion.id}/accept`, 'Argentina', { shownText: OPEN })).json.error).toMatchObject({ id: 'clause-changed', redline: wordRedline(plain(now), []) });
    expect((await call('POST', `/proposals/${insertion.id}/accept`, 'Argentina', { shownText: OPEN })).json.error).toMatchObject({ id: 'clause-changed', redline: wordRedline([], plain('Add this;')) });
    expect(textOf(serverDoc(), open)).toBe(now);
    expect(listProposals(under.server.db, under.declaration.id).map((p) => p.state)).toEqual(['open', 'open', 'open']);
    expect(actions().map((e) => e.action)).toEqual(['proposal-made', 'proposal-made', 'proposal-made']);

    expect(await accept('Argentina', proposal, now)).toMatchObject({ state: 'accepted', acceptedOver: plain(now) });
    await waitFor(() => textOf(peru.doc, open) === 'Open text under review; Indeed', 'Peru to see the accepted wording, with its own word kept');
    // The clause deleted meanwhile: nothing left to accept on.
    expect(await accept('Argentina', deletion)).toMatchObject({ state: 'accepted' });
    expect(await refused('POST', `/proposals/${insertion.id}/accept`, 'Argentina', { shownText: 'Open text under review; Indeed' })).toEqual([404, 'clause-not-found']);
  });

  it('PROP8: an agreed clause keeps its open proposals: not accepted nor edited until reopened, but withdrawn, rejected, supported and objected to', async () => {
    const costaRica = await client('Costa Rica');
    const open = clause(OPEN);
    const chiles = await propose('Chile', { clauseId: open, action: 'replace', text: 'Open text under review;' });
    const perus = await propose('Peru', { clauseId: open, action: 'replace', text: 'Open text for later;' });
    const costaRicas = await propose('Costa Rica', { clauseId: open, action: 'delete' });
    expect((await call('POST', `/clauses/${open}/status`, 'Argentina', { state: 'agreed' })).status).toBe(200);
    expect(listProposals(under.server.db, under.declaration.id).map((p) => p.state)).toEqual(['open', 'open', 'open']);
    expect(await refused('POST', `/proposals/${chiles.id}/accept`, 'Argentina', { shownText: OPEN })).toEqual([409, 'clause-agreed']);
    expect(await refused('POST', `/proposals/${costaRicas.id}/accept`, 'Argentina', { shownText: OPEN })).toEqual([409, 'clause-agreed']);
    expect(await refused('PATCH', `/proposals/${chiles.id}`, 'Chile', { text: 'Open text under careful review;' })).toEqual([409, 'clause-agreed']);
    expect(await refused('POST', '/proposals', 'Chile', { clauseId: open, action: 'replace', text: 'Another;' })).toEqual([409, 'clause-agreed']);
    expect(await ok('POST', `/proposals/${chiles.id}/support`, 'Peru', { on: true })).toMatchObject({ state: 'open' });
    expect(await ok('POST', `/proposals/${costaRicas.id}/object`, 'Chile', { on: true })).toMatchObject({ state: 'open' });
    expect(await ok('POST', `/proposals/${perus.id}/reject`, 'Argentina', { reason: 'Agreed otherwise.' })).toMatchObject({ state: 'rejected' });
    expect(await ok('POST', `/proposals/${costaRicas.id}/withdraw`, 'Costa Rica')).toMatchObject({ state: 'withdrawn' });
    expect(textOf(serverDoc(), open)).toBe(OPEN);

    expect((await call('POST', `/clauses/${open}/status`, 'Argentina', { state: 'open', reason: 'To take up a proposal.' })).status).toBe(200);
    expect(await accept('Argentina', chiles, OPEN)).toMatchObject({ state: 'accepted' });
    await waitFor(() => textOf(costaRica.doc, open) === 'Open text under review;', 'Costa Rica to see the accepted wording');

    // A paragraph with an agreed sub-item is not deleted with it.
    const services = clause('in services;');
    expect((await call('POST', `/clauses/${services}/status`, 'Argentina', { state: 'agreed' })).status).toBe(200);
    const deletion = await propose('Peru', { clauseId: clause(TRADE), action: 'delete' });
    expect(await refused('POST', `/proposals/${deletion.id}/accept`, 'Argentina', { shownText: TRADE })).toEqual([409, 'clause-agreed']);
    expect(clausesMap(serverDoc()).has(services)).toBe(true);
  });

  it('PROP12: the audit log holds every action; GET lists the proposals as the document mirrors them; a hand-written proposal is undone', async () => {
    const chile = await client('Chile');
    const open = clause(OPEN);
    const first = await propose('Chile', { clauseId: open, action: 'replace', text: 'Open text under review;' });
    await ok('PATCH', `/proposals/${first.id}`, 'Chile', { text: 'Open text under careful review;' });
    await ok('POST', `/proposals/${first.id}/support`, 'Peru', { on: true });
    await ok('POST', `/proposals/${first.id}/object`, 'Costa Rica', { on: true });
    await ok('POST', `/proposals/${first.id}/object`, 'Costa Rica', { on: false });
    const second = await propose('Peru', { clauseId: clause(TRADE), action: 'delete' });
    await ok('POST', `/proposals/${second.id}/withdraw`, 'Peru');
    const third = await propose('Costa Rica', { clauseId: open, action: 'insert-after', text: 'Add this;' });
    await ok('POST', `/proposals/${third.id}/reject`, 'Argentina', {});
    await accept('Argentina', first, OPEN);
    const fourth = await propose('Argentina', { clauseId: clause('Agreed text of the clause;'), action: 'delete' });
    await accept('Argentina', fourth);
    await ok('POST', `/proposals/${fourth.id}/undo`, 'Argentina');
    expect((await call('PUT', '/settings', 'Argentina', { editing: 'proposals' })).status).toBe(200);
    const audit = (await call('GET', '/audit', 'Argentina')).json.entries;
    expect(audit.filter((e) => e.action.startsWith('proposal-') || e.action === 'editing-mode').map((e) => `${e.actor} ${e.action} ${e.clauseId === open ? 'open' : 'other'}`)).toEqual([
      'Chile proposal-made open',
      'Chile proposal-edited open',
      'Peru proposal-supported open',
      'Costa Rica proposal-objected open',
      'Costa Rica proposal-objected open',
      'Peru proposal-made other',
      'Peru proposal-withdrawn other',
      'Costa Rica proposal-made open',
      'Argentina proposal-rejected open',
      'Argentina proposal-accepted open',
      'Argentina proposal-made other',
      'Argentina proposal-accepted other',
      'Argentina proposal-undone other',
      'Argentina editing-mode other',
    ]);
    const listed = (await call('GET', '/proposals', 'Chile')).json.proposals;
    expect(listed.map((p) => [p.id, p.state])).toEqual([
      [first.id, 'accepted'],
      [second.id, 'withdrawn'],
      [third.id, 'rejected'],
      [fourth.id, 'open'],
    ]);
    await waitFor(() => JSON.stringify(mapOf(chile.doc)) === JSON.stringify(mapOf(serverDoc())), "Chile's map to match the server's");
    expect(Object.values(mapOf(chile.doc))).toEqual(expect.arrayContaining(listed));
    expect(chile.doc.getMap(ROOT.proposals).size).toBe(listed.length);

    // A client writing into the map by hand: undone everywhere, kept as a refused change.
    chile.doc.getMap(ROOT.proposals).set(first.id, { ...listed[0], state: 'open' });
    await waitFor(
      () => [...serverDoc().getMap(ROOT.refused).values()].map(readRefusedChange).some((c) => c?.author === 'Chile') && proposalIn(chile.doc, first.id)?.state === 'accepted',
      'the forged write to be undone',
    );
    expect(proposalIn(serverDoc(), first.id)).toEqual(listed[0]);
  });

  it('PROP12: proposals survive a restart, the map made to match SQLite on load, and an accepted deletion can still be undone', async () => {
    const open = clause(OPEN);
    const kept = await propose('Chile', { clauseId: open, action: 'replace', text: 'Open text under review;', justification: 'Kept.' });
    await ok('POST', `/proposals/${kept.id}/support`, 'Peru', { on: true });
    const dropped = await propose('Peru', { clauseId: open, action: 'insert-after', text: 'Dropped;' });
    const deletion = await propose('Costa Rica', { clauseId: clause(TRADE), action: 'delete' });
    await accept('Argentina', deletion, TRADE);
    const before = (await call('GET', '/proposals', 'Spain')).json.proposals;

    under.server = await under.server.restart();
    const chile = await client('Chile');
    expect(mapOf(chile.doc)).toEqual(Object.fromEntries(listProposals(under.server.db, under.declaration.id).map((p) => [p.id, p])));
    expect((await call('GET', '/proposals', 'Spain')).json.proposals).toEqual(before);

    // SQLite is the truth: what changed there while the server was down is what the document shows after.
    const { dataDir } = under.server;
    await under.server.close();
    const db = openDatabase(dataDir, 'normal');
    db.prepare('DELETE FROM proposals WHERE id = ?').run(dropped.id);
    db.prepare('UPDATE proposals SET justification = ? WHERE id = ?').run('Changed while down.', kept.id);
    db.close();
    under.disconnectAll();
    under.server = await startTestServer({}, dataDir);
    const peru = await client('Peru');
    expect(Object.keys(mapOf(peru.doc)).sort()).toEqual([kept.id, deletion.id].sort());
    expect(proposalIn(peru.doc, kept.id)).toMatchObject({ justification: 'Changed while down.', supporters: [expect.objectContaining({ name: 'Peru' })] });
    expect(mapOf(peru.doc)).toEqual(Object.fromEntries(listProposals(under.server.db, under.declaration.id).map((p) => [p.id, p])));

    await ok('POST', `/proposals/${deletion.id}/undo`, 'Argentina');
    await waitFor(() => textOf(peru.doc, clause(TRADE)) === TRADE && numbered(peru.doc).length === 8, 'the deleted clauses back after the restart');
  });
});
