import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { emptySeed, type DeclarationSeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { joinClauses } from '../../shared/document/joinClauses.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { clauseTexts, smallParticipants } from '../testing/documents.ts';
import { waitFor } from '../testing/testServer.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';

/**
 * Joining two clauses (Backspace at a clause's start, Delete at its end) is
 * a normal edit to the server (docs/SPEC.md KEY1, KEY3): a delegation's join
 * of open clauses stands; one that reaches into an agreed clause — as a
 * client that skipped the screen's check would send — is undone, and the
 * agreed clause stays as it was.
 */
const seed: DeclarationSeed = {
  ...emptySeed(plain('Join test')),
  preamble: [],
  operative: [{ body: plain('Decides to act') }, { body: plain(' together;'), subitems: [{ body: plain('first;') }] }, { body: plain('Agrees.') }, { body: plain('Closes.') }],
};

const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;

describe('joining clauses on the server', () => {
  const under = declarationUnderTest(seed, smallParticipants);
  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;
  /** A clause's text on the server, by id; null once deleted. */
  const textOf = (id: string) => {
    const clause = readDeclaration(serverDoc()).clauses.find((c) => c.id === id);
    return clause ? toPlainText(clause.body) : null;
  };

  it('KEY1 KEY2: a delegation\'s join of two open clauses stands, sub-item kept, for the server and the other delegations', async () => {
    const chile = await under.client('Chile');
    const peru = await under.client('Peru');
    const joined = joinClauses(chile.doc, idOf(chile.doc, 'Decides to act'), idOf(chile.doc, ' together;'));
    expect(joined.joined).toBe(true);
    const expected = ['Decides to act together;', 'first;', 'Agrees.', 'Closes.'];
    await waitFor(() => JSON.stringify(clauseTexts(peru.doc)) === JSON.stringify(expected), 'the join to reach Peru');
    expect(clauseTexts(serverDoc())).toEqual(expected);
    // The sub-item now belongs to the joined paragraph.
    const sub = readDeclaration(serverDoc()).clauses.find((c) => toPlainText(c.body) === 'first;')!;
    expect(sub.kind === 'operative' && sub.parent).toBe(idOf(serverDoc(), 'Decides to act together;'));
  });

  it('KEY3: a join that reaches into an agreed clause, sent anyway, is refused whole: both clauses stay as they were, for every replica', async () => {
    const agreed = idOf(serverDoc(), 'Agrees.');
    expect((await under.call('POST', `/clauses/${agreed}/status`, 'Argentina', { state: 'agreed' })).status).toBe(200);
    const chile = await under.client('Chile');
    await waitFor(() => chile.doc.getMap('status').has(agreed), 'the status to reach Chile');
    // Delete at the end of the agreed clause, as a client that skipped the screen's check would send it.
    const closes = idOf(serverDoc(), 'Closes.');
    expect(joinClauses(chile.doc, agreed, closes).joined).toBe(true);
    await waitFor(() => clauseTexts(chile.doc).includes('Agrees.') && clausesMap(chile.doc).has(closes), 'the server to undo the join');
    expect(textOf(agreed)).toBe('Agrees.');
    // The open clause the join deleted is back, with its words, not only kept in a refusal.
    expect(textOf(closes)).toBe('Closes.');
    expect(clauseTexts(serverDoc())).toEqual(['Decides to act', ' together;', 'first;', 'Agrees.', 'Closes.']);
    // Backspace at the start of the agreed clause: it would leave the text it holds; the server writes it back whole.
    const peru = await under.client('Peru');
    await waitFor(() => peru.doc.getMap('status').has(agreed), 'the status to reach Peru');
    expect(joinClauses(peru.doc, idOf(peru.doc, 'first;'), agreed).joined).toBe(true);
    await waitFor(() => clausesMap(peru.doc).has(agreed) && clauseTexts(peru.doc).includes('first;'), 'the server to put both clauses back');
    expect(textOf(agreed)).toBe('Agrees.');
    // The open clause does not keep the agreed clause's words a second time.
    expect(clauseTexts(serverDoc())).toEqual(['Decides to act', ' together;', 'first;', 'Agrees.', 'Closes.']);
    expect(clauseTexts(peru.doc)).toEqual(clauseTexts(serverDoc()));
    // Each refused part is kept for its author.
    const refused = [...serverDoc().getMap('refused').values()].map((r) => JSON.stringify(r)).join('\n');
    expect(refused).toContain('first;Agrees.');
  });
});
