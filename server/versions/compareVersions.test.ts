import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { deleteClause, insertClauses, moveClause } from '../../shared/document/clauseOps.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { applyComparison } from '../../shared/versions/applyComparison.ts';
import type { AttributedRedline, Comparison } from '../../shared/versions/compare.ts';
import type { VersionInfo } from '../../shared/versions/version.ts';
import { listParticipants } from '../db/participants.ts';
import { listVersions } from '../db/versions.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { typeInto } from '../testing/documents.ts';
import { createTestDeclaration, waitFor } from '../testing/testServer.ts';

/**
 * The comparison through the API (docs/SPEC.md CMP1, CMP2): a version
 * against the text now after stock y-websocket clients edited, added,
 * deleted and moved clauses and the chair agreed one; and against a later
 * version. Who made each change (CMP3) is attributeComparison's, tested
 * with the history.
 */
const seed = {
  ...emptySeed(plain('Comparison test')),
  preamble: [plain('Recognizing the first,'), plain('Noting the second,')],
  operative: [{ body: plain('First;') }, { body: plain('Second;'), subitems: [{ body: plain('in goods;') }] }, { body: plain('Third;') }, { body: plain('Fourth;') }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];

type Json = {
  version: VersionInfo;
  from: VersionInfo;
  to: VersionInfo | null;
  comparison: Comparison;
  error: { id: string; message: string };
};

/** A redline as [op, text] pairs, whoever made each run. */
const words = (redline: AttributedRedline) => redline.map((s) => [s.op, toPlainText(s.runs)]);
/** The clause rows as a reader scans them. */
const rows = (comparison: Comparison) =>
  comparison.clauses.map((c) => ({
    from: c.fromLabel,
    to: c.toLabel,
    how: c.added ? 'added' : c.deleted ? 'deleted' : [c.moved && 'moved', c.changed && 'changed'].filter(Boolean).join(' ') || 'unchanged',
    status: c.status,
    words: words(c.redline),
  }));

describe('compare', () => {
  const under = declarationUnderTest(seed, people);
  const call = (path: string, who: string) => under.call<Json>('GET', path, who);
  const room = <T>(use: (doc: Y.Doc) => T) => under.server.rooms.withRoom(under.declaration.id, (r) => use(r.doc));
  const idOf = (doc: Y.Doc, text: string) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id;
  const ok = async (method: string, path: string, who: string, body?: unknown, status = 200) => {
    const answer = await under.call<Json>(method, path, who, body);
    expect(answer.status, JSON.stringify(answer.json)).toBe(status);
    return answer.json;
  };
  const readingOrder = (doc: Y.Doc) => flattenOutline(buildOutline(readDeclaration(doc).clauses)).map((n) => [n.clause.id, toPlainText(n.clause.body)]);

  /** Rev.1, then Chile amends OP1 and deletes OP4, Peru moves OP3 to the top of the operative part and adds a paragraph after OP2, the chair agrees OP2. */
  async function negotiate(): Promise<VersionInfo> {
    const rev1 = (await ok('POST', '/versions', 'Argentina', { name: 'Rev.1' }, 201)).version;
    const chile = await under.client('Chile');
    const peru = await under.client('Peru');
    typeInto(chile.doc, idOf(chile.doc, 'First;'), ' Amended.');
    deleteClause(chile.doc, idOf(chile.doc, 'Fourth;'));
    const third = idOf(peru.doc, 'Third;');
    expect(moveClause(peru.doc, third, 'up') && moveClause(peru.doc, third, 'up')).toBe(true);
    insertClauses(peru.doc, { id: idOf(peru.doc, 'Second;'), side: 'after' }, [plain("Peru's new paragraph;")]);
    const wanted = JSON.stringify([
      'Recognizing the first,',
      'Noting the second,',
      'Third;',
      'First; Amended.',
      'Second;',
      'in goods;',
      "Peru's new paragraph;",
    ]);
    await waitFor(() => JSON.stringify(room(readingOrder).map(([, text]) => text)) === wanted, 'the server to have every edit');
    await ok('POST', `/clauses/${room((doc) => idOf(doc, 'Second;'))}/status`, 'Argentina', { state: 'agreed' });
    return rev1;
  }

  const expectedRows = [
    { from: 'PP1', to: 'PP1', how: 'unchanged', status: null, words: [['equal', 'Recognizing the first,']] },
    { from: 'PP2', to: 'PP2', how: 'unchanged', status: null, words: [['equal', 'Noting the second,']] },
    { from: 'OP3', to: 'OP1', how: 'moved', status: null, words: [['equal', 'Third;']] },
    // A deleted clause stands after the clause it followed in the base (OP3), wherever that went.
    { from: 'OP4', to: null, how: 'deleted', status: null, words: [['delete', 'Fourth;']] },
    { from: 'OP1', to: 'OP2', how: 'changed', status: null, words: [['equal', 'First;'], ['insert', ' Amended.']] },
    { from: 'OP2', to: 'OP3', how: 'unchanged', status: { from: 'open', to: 'agreed' }, words: [['equal', 'Second;']] },
    { from: 'OP2(a)', to: 'OP3(a)', how: 'unchanged', status: null, words: [['equal', 'in goods;']] },
    { from: null, to: 'OP4', how: 'added', status: null, words: [['insert', "Peru's new paragraph;"]] },
  ];
  const expectedSummary = {
    added: ['OP4'],
    deleted: ['OP4'],
    moved: ['OP1'],
    changed: 1,
    statuses: { open: 0, 'ad-ref': 0, agreed: 1 },
    meta: [],
    signatories: 0,
    headings: [],
    footnotes: 0,
  };

  it('CMP1 CMP2: a version compared with the text now, after real clients edit, add, delete and move clauses and the chair agrees one — every clause once, aligned by id, with both labels, its redline, its status change, and the summary', async () => {
    const rev1 = await negotiate();
    for (const who of ['Spain', 'Chile', 'Argentina']) {
      const answer = await ok('GET', `/compare?from=${rev1.id}`, who);
      expect(answer.from).toEqual(rev1);
      expect(answer.to).toBeNull();
      expect(rows(answer.comparison)).toEqual(expectedRows);
      expect(answer.comparison.summary).toEqual(expectedSummary);
      expect(answer.comparison.meta.every((m) => m.redline.every((s) => s.op === 'equal'))).toBe(true);
      expect(answer.comparison.signatories).toEqual([]);
      // The comparison leads from the version to the text now, word for word and place for place.
      const rebuilt = applyComparison(answer.comparison);
      expect(flattenOutline(buildOutline(rebuilt.clauses)).map((n) => [n.clause.id, toPlainText(n.clause.body)])).toEqual(room(readingOrder));
    }
    // to=now says the same.
    expect(rows((await ok('GET', `/compare?from=${rev1.id}&to=now`, 'Peru')).comparison)).toEqual(expectedRows);
  });

  it('CMP1: two saved versions compare like a version and the text then; the text changing after the later version changes nothing; a version with itself is all unchanged', async () => {
    const rev1 = await negotiate();
    const rev2 = (await ok('POST', '/versions', 'Secretariat', { name: 'Rev.2' }, 201)).version;
    const chile = await under.client('Chile');
    typeInto(chile.doc, idOf(chile.doc, "Peru's new paragraph;"), ' Later words.');
    await waitFor(() => room(readingOrder).some(([, text]) => text === "Peru's new paragraph; Later words."), 'the later edit to reach the server');

    const between = await ok('GET', `/compare?from=${rev1.id}&to=${rev2.id}`, 'Spain');
    expect([between.from, between.to]).toEqual([rev1, rev2]);
    expect(rows(between.comparison)).toEqual(expectedRows);
    expect(between.comparison.summary).toEqual(expectedSummary);

    // Backwards: what was added is deleted, and the agreement undone.
    const backwards = await ok('GET', `/compare?from=${rev2.id}&to=${rev1.id}`, 'Spain');
    expect(backwards.comparison.summary).toMatchObject({ added: ['OP4'], deleted: ['OP4'], changed: 1, statuses: { open: 1, 'ad-ref': 0, agreed: 0 } });

    const same = await ok('GET', `/compare?from=${rev2.id}&to=${rev2.id}`, 'Spain');
    expect(rows(same.comparison).every((r) => r.how === 'unchanged' && r.status === null)).toBe(true);
    expect(same.comparison.summary).toEqual({ added: [], deleted: [], moved: [], changed: 0, statuses: { open: 0, 'ad-ref': 0, agreed: 0 }, meta: [], signatories: 0, headings: [], footnotes: 0 });
  });

  it('CMP1: a missing or malformed from is 400 bad-compare; an unknown version — or another declaration\'s — is 404 version-not-found, saying which side; by must name a participant of this declaration (404 participant-not-found)', async () => {
    const zero = listVersions(under.server.db, under.declaration.id)[0]!;
    const other = createTestDeclaration(under.server, emptySeed(plain('Another declaration')), [{ name: 'Brazil', role: 'chair' }]);
    const othersZero = listVersions(under.server.db, other.id)[0]!;
    const othersChair = listParticipants(under.server.db, other.id)[0]!.id;

    const refused = async (query: string) => {
      const answer = await call(`/compare${query}`, 'Chile');
      return [answer.status, answer.json.error?.id];
    };
    expect(await refused('')).toEqual([400, 'bad-compare']);
    expect(await refused('?to=now')).toEqual([400, 'bad-compare']);
    expect(await refused('?from=')).toEqual([400, 'bad-compare']);
    expect(await refused('?from=now')).toEqual([400, 'bad-compare']);
    expect(await refused(`?from=${zero.id}&from=${zero.id}`)).toEqual([400, 'bad-compare']);
    expect(await refused(`?from=${zero.id}&to=`)).toEqual([400, 'bad-compare']);
    expect(await refused(`?from=${zero.id}&by=`)).toEqual([400, 'bad-compare']);

    const unknownFrom = await call('/compare?from=no-such-version', 'Chile');
    expect([unknownFrom.status, unknownFrom.json.error.id]).toEqual([404, 'version-not-found']);
    expect(unknownFrom.json.error.message).toContain('"no-such-version"');
    expect(unknownFrom.json.error.message).toContain('(from)');
    const unknownTo = await call(`/compare?from=${zero.id}&to=no-such-version`, 'Chile');
    expect([unknownTo.status, unknownTo.json.error.id]).toEqual([404, 'version-not-found']);
    expect(unknownTo.json.error.message).toContain('(to)');
    expect(await refused(`?from=${othersZero.id}`)).toEqual([404, 'version-not-found']);
    expect(await refused(`?from=${zero.id}&to=${othersZero.id}`)).toEqual([404, 'version-not-found']);

    expect(await refused(`?from=${zero.id}&by=no-such-participant`)).toEqual([404, 'participant-not-found']);
    expect(await refused(`?from=${zero.id}&by=${othersChair}`)).toEqual([404, 'participant-not-found']);
    const byChile = await ok('GET', `/compare?from=${zero.id}&by=${under.ids.Chile}`, 'Spain');
    expect(byChile.from).toEqual(zero);
  });
});
