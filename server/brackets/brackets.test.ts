import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBracket, type Bracket } from '../../shared/brackets/bracket.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { resolveBracket } from '../../shared/document/bracketRange.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { listAudit } from '../db/auditLog.ts';
import { findBracket, listBrackets } from '../db/brackets.ts';
import { clauseXmlText } from '../testing/documents.ts';
import { waitFor } from '../testing/testServer.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';

/**
 * Square brackets through the API (docs/SPEC.md BRK1, BRK2, BRK4, BRK8): the
 * real server, real SQLite, and a stock y-websocket client that sees the
 * `brackets` map as the server mirrors it.
 */
const OPEN = 'Decide to act now on trade;';
const seed = {
  ...emptySeed(plain('Brackets test')),
  preamble: [plain('Recognizing the first,')],
  operative: [{ body: plain(OPEN) }, { body: plain('Settled text;'), subitems: [{ body: plain('a settled sub-item;') }] }, { body: plain('Pending text;') }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
const bracketsIn = (doc: Y.Doc): Bracket[] => [...doc.getMap(ROOT.brackets).values()].map(readBracket).filter((b): b is Bracket => b !== null);

describe('BRK1–BRK8: square brackets through the API', () => {
  const under = declarationUnderTest(seed, people);
  let clause: string;

  const { client } = under;
  const call = (method: string, path: string, who: string, body?: unknown) => under.call<Record<string, unknown> & { bracket: Bracket; error: { id: string; message: string } }>(method, path, who, body);
  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;
  const bracketOn = (who: string, quote: string, on = clause, text = OPEN) => {
    const start = text.indexOf(quote);
    return call('POST', '/brackets', who, { clauseId: on, start, end: start + quote.length, quote });
  };

  beforeEach(async () => {
    clause = idOf(serverDoc(), OPEN);
  });

  it('BRK1 BRK8: a delegation brackets a passage: 201 with the bracket, stored, audited, mirrored to every client, resolving to the passage', async () => {
    const peru = await client('Peru');
    const { status, json } = await bracketOn('Chile', 'act now');
    expect(status).toBe(201);
    const bracket = json.bracket;
    expect(bracket).toEqual({
      id: expect.any(String),
      clauseId: clause,
      start: expect.any(String),
      end: expect.any(String),
      quote: 'act now',
      at: expect.any(Number),
      requestedBy: [{ participantId: under.ids.Chile, name: 'Chile', at: bracket.at }],
    });
    expect(findBracket(under.server.db, under.declaration.id, bracket.id)).toEqual(bracket);
    await waitFor(() => bracketsIn(peru.doc).length === 1, 'the bracket to reach Peru');
    expect(bracketsIn(peru.doc)).toEqual([bracket]);
    expect(resolveBracket(peru.doc, bracket)).toEqual({ id: bracket.id, start: OPEN.indexOf('act now'), end: OPEN.indexOf('act now') + 7 });
    expect(listAudit(under.server.db, under.declaration.id)).toContainEqual(expect.objectContaining({ actor: 'Chile', action: 'bracket-added', clauseId: clause, detail: { bracketId: bracket.id, quote: 'act now' } }));
    expect((await call('GET', '/brackets', 'Spain')).json).toEqual({ brackets: [bracket] });
    // The chair and the secretariat bracket too.
    expect((await bracketOn('Argentina', 'trade')).status).toBe(201);
    expect((await bracketOn('Secretariat', 'Decide')).status).toBe(201);
  });

  it('BRK1: 409 passage-changed when the text no longer reads the quote there; nothing stored', async () => {
    const chile = await client('Chile');
    clauseXmlText(chile.doc, clause).insert(0, 'We ');
    await waitFor(() => toPlainText(readDeclaration(serverDoc()).clauses.find((c) => c.id === clause)!.body).startsWith('We '), 'the typing to reach the server');
    const { status, json } = await bracketOn('Chile', 'act now');
    expect(status).toBe(409);
    expect(json.error).toEqual({ id: 'passage-changed', message: 'The text changed while you were selecting; select the passage again.' });
    // Past the end of the text, too.
    const past = await call('POST', '/brackets', 'Chile', { clauseId: clause, start: 28, end: 40, quote: 'x'.repeat(12) });
    expect(past.status).toBe(409);
    expect(past.json.error.id).toBe('passage-changed');
    expect(listBrackets(under.server.db, under.declaration.id)).toEqual([]);
  });

  it('BRK1: a bad body is a 400: an empty or blank passage, offsets the wrong way round, a quote of another length', async () => {
    const cases: [unknown, string][] = [
      [{ clauseId: clause, start: 6, end: 10, quote: '    ' }, 'passage-empty'],
      [{ clauseId: clause, start: 6, end: 7, quote: ' ' }, 'passage-empty'],
      [{ clauseId: clause, start: 5, end: 5, quote: '' }, 'bad-range'],
      [{ clauseId: clause, start: 9, end: 3, quote: 'abcdef' }, 'bad-range'],
      [{ clauseId: clause, start: 1.5, end: 3, quote: 'ab' }, 'bad-range'],
      [{ clauseId: clause, start: 0, end: 6, quote: 'Dec' }, 'bad-quote'],
      [{ clauseId: '', start: 0, end: 6, quote: 'Decide' }, 'bad-body'],
      [[], 'bad-body'],
    ];
    for (const [body, id] of cases) {
      const { status, json } = await call('POST', '/brackets', 'Chile', body);
      expect([status, json.error.id]).toEqual([400, id]);
    }
    expect(listBrackets(under.server.db, under.declaration.id)).toEqual([]);
  });

  it('BRK1: observers may not (403); an unknown clause is 404; a clause ad ref, agreed, or locked by its agreed paragraph is 409 clause-not-open', async () => {
    expect((await bracketOn('Spain', 'act now')).status).toBe(403);
    const gone = await call('POST', '/brackets', 'Chile', { clauseId: 'noSuchClause', start: 0, end: 2, quote: 'ab' });
    expect([gone.status, gone.json.error.id]).toEqual([404, 'clause-not-found']);
    const settled = idOf(serverDoc(), 'Settled text;');
    const sub = idOf(serverDoc(), 'a settled sub-item;');
    const pending = idOf(serverDoc(), 'Pending text;');
    expect((await call('POST', `/clauses/${settled}/status`, 'Argentina', { state: 'agreed' })).status).toBe(200);
    expect((await call('POST', `/clauses/${pending}/status`, 'Argentina', { state: 'ad-ref', pending: ['Peru'] })).status).toBe(200);
    for (const [on, text, quote] of [[settled, 'Settled text;', 'Settled'], [sub, 'a settled sub-item;', 'settled'], [pending, 'Pending text;', 'Pending']] as const) {
      const { status, json } = await bracketOn('Chile', quote, on, text);
      expect([status, json.error.id]).toEqual([409, 'clause-not-open']);
    }
    expect(listBrackets(under.server.db, under.declaration.id)).toEqual([]);
  });

  it('BRK2 BRK8: asking for exactly the same passage adds the asker to the same brackets (200), once; another passage is new brackets', async () => {
    const first = (await bracketOn('Chile', 'act now')).json.bracket;
    const again = await bracketOn('Peru', 'act now');
    expect(again.status).toBe(200);
    expect(again.json.bracket.id).toBe(first.id);
    expect(again.json.bracket.requestedBy.map((r) => r.name)).toEqual(['Chile', 'Peru']);
    const twice = await bracketOn('Peru', 'act now');
    expect(twice.status).toBe(200);
    expect(twice.json.bracket).toEqual(again.json.bracket);
    await waitFor(() => JSON.stringify(bracketsIn(serverDoc())) === JSON.stringify([again.json.bracket]), 'the mirror');
    const audit = listAudit(under.server.db, under.declaration.id).filter((e) => e.action.startsWith('bracket-'));
    expect(audit.map((e) => [e.actor, e.action, e.detail])).toEqual([
      ['Chile', 'bracket-added', { bracketId: first.id, quote: 'act now' }],
      ['Peru', 'bracket-requested', { bracketId: first.id, quote: 'act now' }],
    ]);
    // A passage inside it, or overlapping it, is brackets of its own.
    const inner = await bracketOn('Peru', 'now');
    expect(inner.status).toBe(201);
    expect(inner.json.bracket.id).not.toBe(first.id);
    expect(listBrackets(under.server.db, under.declaration.id)).toHaveLength(2);
  });

  it('BRK4 BRK8: the chair removes brackets, the text stays; removing again is 409 bracket-removed; an unknown bracket is 404', async () => {
    const peru = await client('Peru');
    const bracket = (await bracketOn('Chile', 'act now')).json.bracket;
    const removed = await call('DELETE', `/brackets/${bracket.id}`, 'Argentina');
    expect(removed.status).toBe(200);
    expect(removed.json.bracket).toEqual({ ...bracket, removed: { by: 'Argentina', at: expect.any(Number), how: 'removed' } });
    await waitFor(() => bracketsIn(peru.doc)[0]?.removed !== undefined, 'the removal to reach Peru');
    expect(toPlainText(readDeclaration(peru.doc).clauses.find((c) => c.id === clause)!.body)).toBe(OPEN);
    const again = await call('DELETE', `/brackets/${bracket.id}`, 'Argentina');
    expect([again.status, again.json.error.id]).toEqual([409, 'bracket-removed']);
    const unknown = await call('DELETE', '/brackets/noSuchBracket', 'Argentina');
    expect([unknown.status, unknown.json.error.id]).toEqual([404, 'bracket-not-found']);
    expect(listAudit(under.server.db, under.declaration.id)).toContainEqual(
      expect.objectContaining({ actor: 'Argentina', action: 'bracket-removed', clauseId: clause, detail: { bracketId: bracket.id, quote: 'act now', how: 'removed' } }),
    );
    // Removed brackets no longer count as the same passage: asking again makes new ones.
    const anew = await bracketOn('Chile', 'act now');
    expect(anew.status).toBe(201);
    expect(anew.json.bracket.id).not.toBe(bracket.id);
  });

  it('BRK4: delegations and observers never remove brackets; the secretariat only once the chair sets secretariatRemovesBrackets', async () => {
    const bracket = (await bracketOn('Chile', 'act now')).json.bracket;
    for (const who of ['Chile', 'Peru', 'Spain', 'Secretariat']) {
      const { status, json } = await call('DELETE', `/brackets/${bracket.id}`, who);
      expect([who, status, json.error.id]).toEqual([who, 403, 'chair-only']);
    }
    expect((await call('DELETE', `/brackets/${bracket.id}`, 'Secretariat')).json.error.message).toMatch(/secretariat removes brackets/);
    expect((await call('PUT', '/settings', 'Argentina', { secretariatRemovesBrackets: true })).status).toBe(200);
    const removed = await call('DELETE', `/brackets/${bracket.id}`, 'Secretariat');
    expect(removed.status).toBe(200);
    expect(removed.json.bracket.removed).toEqual({ by: 'Secretariat', at: expect.any(Number), how: 'removed' });
    expect((await call('DELETE', `/brackets/${bracket.id}`, 'Chile')).status).toBe(403);
  });

  it('BRK4 BRK8: accepting a proposal whose wording drops a bracketed passage removes its brackets as the decider\'s deletion; one that keeps them leaves them', async () => {
    const kept = (await bracketOn('Chile', 'Decide')).json.bracket;
    const dropped = (await bracketOn('Peru', 'act now')).json.bracket;
    const proposal = await call('POST', '/proposals', 'Chile', { clauseId: clause, action: 'replace', text: 'Decide to wait on trade;' });
    expect(proposal.status).toBe(201);
    const id = (proposal.json.proposal as { id: string }).id;
    expect((await call('POST', `/proposals/${id}/accept`, 'Argentina', { shownText: OPEN })).status).toBe(200);
    expect(findBracket(under.server.db, under.declaration.id, dropped.id)!.removed).toEqual({ by: 'Argentina', at: expect.any(Number), how: 'deleted' });
    expect(findBracket(under.server.db, under.declaration.id, kept.id)!.removed).toBeUndefined();
    expect(bracketsIn(serverDoc()).find((b) => b.id === dropped.id)!.removed?.how).toBe('deleted');
    expect(resolveBracket(serverDoc(), kept)).toEqual({ id: kept.id, start: 0, end: 6 });
    expect(listAudit(under.server.db, under.declaration.id)).toContainEqual(
      expect.objectContaining({ actor: 'Argentina', action: 'bracket-removed', clauseId: clause, detail: { bracketId: dropped.id, quote: 'act now', how: 'deleted' } }),
    );
  });
});
