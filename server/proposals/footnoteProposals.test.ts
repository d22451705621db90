import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { readProposal, type Proposal } from '../../shared/proposals/proposal.ts';
import { plain, toPlainText, type RichText } from '../../shared/richText.ts';
import { readSettings } from '../../shared/settings.ts';
import { clauseXmlText } from '../testing/documents.ts';
import { waitFor } from '../testing/testServer.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';

/**
 * A footnote reference is part of a clause's wording (docs/SPEC.md FN2): a
 * proposal holds it like italics (PROP1), and accepting the proposal writes
 * it back with its `footnote` mark, so the marker still points to its note
 * (PROP7) — whether the wording came through the API or from a delegation's
 * refused typing in "proposals only" (PROP10). Real server, real SQLite,
 * stock y-websocket clients.
 */
const REFERENCED: RichText = [{ text: 'Recall the Charter' }, { text: '1', footnote: 'fn1' }, { text: ' and act;' }];
const seed = {
  ...emptySeed(plain('Footnotes in proposals')),
  operative: [{ body: REFERENCED }, { body: plain('Welcome the report;') }],
  footnotes: [
    { id: 'fn1', marker: '1', body: plain('Signed at San Francisco on 26 June 1945.') },
    { id: 'fn2', marker: '2', body: plain('See document A/2.') },
  ],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
];
const PLAIN = toPlainText(REFERENCED);

const bodyOf = (doc: Y.Doc, id: string) => readDeclaration(doc).clauses.find((c) => c.id === id)?.body;
const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
const proposalsIn = (doc: Y.Doc): Proposal[] => [...doc.getMap(ROOT.proposals).values()].map(readProposal).filter((p): p is Proposal => p !== null);

describe('FN2: proposals keep footnote references', () => {
  const under = declarationUnderTest(seed, people);
  const { client } = under;
  const call = (method: string, path: string, who: string, body?: unknown) => under.call<{ proposal: Proposal; error?: { id: string } }>(method, path, who, body);
  const serverDoc = () => under.server.rooms.get(under.declaration.id).doc;
  const propose = async (who: string, request: Record<string, unknown>) => {
    const answer = await call('POST', '/proposals', who, request);
    expect(answer.status, JSON.stringify(answer.json)).toBe(201);
    return answer.json.proposal;
  };
  const accept = async (proposal: Proposal) => {
    const answer = await call('POST', `/proposals/${proposal.id}/accept`, 'Argentina', { shownText: toPlainText(bodyOf(serverDoc(), proposal.clauseId) ?? []) });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    return answer.json.proposal;
  };

  it('FN2 PROP1 PROP7: proposed wording keeps its footnote references; accepted, each marker still points to its note on every client; a reference to a note deleted meanwhile keeps only its characters', async () => {
    const peru = await client('Peru');
    const clause = idOf(serverDoc(), PLAIN);
    const wording: RichText = [{ text: 'Recall the Charter' }, { text: '1', footnote: 'fn1' }, { text: ' and act now;' }];
    const replace = await propose('Chile', { clauseId: clause, action: 'replace', text: wording });
    expect(replace.text).toEqual(wording);
    expect(replace.baseText).toEqual(REFERENCED);
    // The reference is wording: the redline moves only the word that changed.
    await accept(replace);
    await waitFor(() => toPlainText(bodyOf(peru.doc, clause) ?? []) === 'Recall the Charter1 and act now;', 'Peru to see the accepted wording');
    for (const doc of [serverDoc(), peru.doc]) expect(bodyOf(doc, clause)).toEqual(wording);

    // A new paragraph referencing a note; and one referencing a note the chair deletes before it is accepted.
    const welcome = idOf(serverDoc(), 'Welcome the report;');
    const withNote: RichText = [{ text: 'Note the annex' }, { text: '2', footnote: 'fn2' }, { text: ';' }];
    const inserted = await propose('Chile', { clauseId: welcome, action: 'insert-after', text: withNote });
    expect(inserted.text).toEqual(withNote);
    const resultId = (await accept(inserted)).resultClauseId!;
    await waitFor(() => bodyOf(peru.doc, resultId) !== undefined, 'Peru to see the new paragraph');
    for (const doc of [serverDoc(), peru.doc]) expect(bodyOf(doc, resultId)).toEqual(withNote);

    const gone: RichText = [{ text: 'Note the other annex' }, { text: '2', footnote: 'fn2' }, { text: ';' }];
    const late = await propose('Peru', { clauseId: welcome, action: 'insert-before', text: gone });
    const chair = await client('Argentina');
    chair.doc.getMap(ROOT.footnotes).delete('fn2');
    await waitFor(() => !serverDoc().getMap(ROOT.footnotes).has('fn2'), 'the deletion to reach the server');
    const lateId = (await accept(late)).resultClauseId!;
    expect(bodyOf(serverDoc(), lateId)).toEqual(plain('Note the other annex2;'));

    // A footnote value that is not an id is bad input.
    const bad = await call('POST', '/proposals', 'Chile', { clauseId: clause, action: 'replace', text: [{ text: 'x', footnote: { id: 'fn1' } }] });
    expect([bad.status, bad.json.error?.id]).toEqual([400, 'bad-body']);
  });

  it('FN2 PROP10: a delegation\'s refused typing in "proposals only" becomes a proposal that keeps the clause\'s footnote reference; accepted, the reference stands', async () => {
    expect((await call('PUT', '/settings', 'Argentina', { editing: 'proposals' })).status).toBe(200);
    const chile = await client('Chile');
    await waitFor(() => readSettings(chile.doc.getMap(ROOT.settings)).editing === 'proposals', 'the mode to reach Chile');
    const clause = idOf(chile.doc, PLAIN);
    clauseXmlText(chile.doc, clause).insert(PLAIN.indexOf(' and act;') + ' and act'.length, ' together', {});
    await waitFor(() => proposalsIn(serverDoc()).length === 1, 'the typed proposal');
    const [typed] = proposalsIn(serverDoc());
    expect(typed).toMatchObject({ origin: 'typed', text: [{ text: 'Recall the Charter' }, { text: '1', footnote: 'fn1' }, { text: ' and act together;' }], baseText: REFERENCED });
    await waitFor(() => toPlainText(bodyOf(chile.doc, clause) ?? []) === PLAIN, 'the typing to be undone on Chile');
    await accept(typed!);
    await waitFor(() => toPlainText(bodyOf(chile.doc, clause) ?? []) === 'Recall the Charter1 and act together;', 'Chile to see the accepted wording');
    for (const doc of [serverDoc(), chile.doc]) expect(bodyOf(doc, clause)).toEqual([{ text: 'Recall the Charter' }, { text: '1', footnote: 'fn1' }, { text: ' and act together;' }]);
  });
});
