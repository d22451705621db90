import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { indentClause, insertClauses, moveClause } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { compareDeclarations, type AttributedRedline, type ComparedSide } from '../../shared/versions/compare.ts';
import { clauseXmlText } from '../testing/documents.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { waitFor, type TestClient } from '../testing/testServer.ts';
import { attributeComparison } from './attributeComparison.ts';
import { clauseHistory } from './clauseHistory.ts';
import { loadRedline } from '../export/redlineExport.ts';

/**
 * Who made each change of a comparison (docs/SPEC.md CMP3), end to end:
 * three delegations and the chair type through stock y-websocket clients
 * between two states of a declaration; the comparison of the two
 * (`compareDeclarations`) is attributed from the history the relay recorded
 * (`attributeComparison`, as the compare route calls it).
 */
const TRADE = 'The States shall cooperate on trade;';
const ACT = 'Decides to act;';
const OLD = 'Recalls the old plan;';
const REPORT = 'Requests a report;';
const seed = { ...emptySeed(plain('Declaration')), operative: [{ body: plain(TRADE) }, { body: plain(ACT) }, { body: plain(OLD) }, { body: plain(REPORT) }] };
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Peru', role: 'delegation' as const },
  { name: 'Cuba', role: 'delegation' as const },
];

describe('CMP3: attributing a comparison', () => {
  const under = declarationUnderTest(seed, people);
  const room = <T,>(use: (doc: Y.Doc) => T) => under.server.rooms.withRoom(under.declaration.id, (r) => use(r.doc));
  const clauseId = (text: string) => room((doc) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id);
  const textIn = (doc: Y.Doc, id: string) => toPlainText(readDeclaration(doc).clauses.find((c) => c.id === id)?.body ?? []);
  const side = (): ComparedSide => room((doc) => ({ declaration: readDeclaration(doc), statuses: {}, frozen: null }));
  /** A moment strictly after now: the two sides of a comparison are apart from the changes between them. */
  const tick = async () => {
    const at = Date.now();
    await waitFor(() => Date.now() > at, 'the clock to move on');
    return at;
  };
  /** A change by one client, made on the text as the server has it, and waited for until the server has it too. */
  const edit = async (c: TestClient, id: string, change: (text: Y.XmlText) => void) => {
    await waitFor(() => textIn(c.doc, id) === room((doc) => textIn(doc, id)), 'the client to be up to date');
    change(clauseXmlText(c.doc, id));
    await waitFor(() => room((doc) => textIn(doc, id)) === textIn(c.doc, id), 'the server to have the change');
  };
  /** Letter by letter, as typed. */
  const typeAt = (at: number, letters: string) => (text: Y.XmlText) => {
    for (const [i, letter] of [...letters].entries()) text.insert(at + i, letter);
  };
  const name = (id: string | null | undefined) => (id === null ? 'nobody' : (Object.entries(under.ids).find(([, pid]) => pid === id)?.[0] ?? `?${id}`));
  /** A redline as a reader sees it: [+Author{words}] and [-Author{words}]. */
  const show = (redline: AttributedRedline) => redline.map((s) => (s.op === 'equal' ? toPlainText(s.runs) : `${s.op === 'insert' ? '+' : '-'}${name(s.by)}{${toPlainText(s.runs)}}`)).join('');

  it('CMP3: three delegations and the chair typing between two states: each inserted and deleted run is its author\'s; what the server changed is nobody\'s; by= keeps one participant\'s changes', async () => {
    const [chile, peru, cuba, chair] = [await under.client('Chile'), await under.client('Peru'), await under.client('Cuba'), await under.client('Argentina')];
    const trade = clauseId(TRADE);
    const act = clauseId(ACT);
    const old = clauseId(OLD);
    const report = clauseId(REPORT);
    const base = side();
    const fromAt = await tick();

    // One clause, three delegations: Chile's word, Peru's words, Cuba's deletion.
    await edit(chile, trade, (text) => {
      text.delete('The States '.length, 'shall'.length);
      typeAt('The States '.length, 'should')(text);
    });
    await edit(peru, trade, typeAt('The States should cooperate on trade'.length, ' and science'));
    await edit(cuba, trade, (text) => text.delete(0, 'The '.length));
    // One run typed by two delegations, one after the other.
    await edit(chile, act, typeAt('Decides to act'.length, ' now'));
    await edit(peru, act, typeAt('Decides to act now'.length, ' together'));
    // A paragraph Peru adds, one Cuba deletes, the chair's title.
    insertClauses(peru.doc, { id: act, side: 'after' }, [plain('Invites all States to join;')]);
    await waitFor(() => room((doc) => readDeclaration(doc).clauses.length) === 5, 'Peru\'s paragraph');
    cuba.doc.transact(() => clausesMap(cuba.doc).delete(old));
    await waitFor(() => room((doc) => !clausesMap(doc).has(old)), 'Cuba\'s deletion');
    const title = ((chair.doc.getMap(ROOT.meta).get('title') as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    typeAt('Declaration'.length, ' of Lima')(title);
    await waitFor(() => room((doc) => toPlainText(readDeclaration(doc).meta.title)) === 'Declaration of Lima', 'the chair\'s title');
    // Accepting a proposal is the server's change of the text: not anybody's typing.
    const made = await under.call<{ proposal: { id: string } }>('POST', '/proposals', 'Chile', { clauseId: report, action: 'replace', text: 'Requests an annual report;' });
    expect((await under.call('POST', `/proposals/${made.json.proposal.id}/accept`, 'Argentina', { shownText: REPORT })).status).toBe(200);

    const toAt = await tick();
    const target = side();
    const comparison = compareDeclarations(base, target);
    const attributed = attributeComparison(under.server.db, under.declaration.id, comparison, fromAt, toAt);
    const row = (id: string) => attributed.clauses.find((c) => c.id === id)!;
    const added = attributed.clauses.find((c) => c.added)!;

    expect(show(row(trade).redline)).toBe('-Cuba{The }States -Chile{shall}+Chile{should} cooperate on trade+Peru{ and science};');
    expect(show(row(act).redline)).toBe('Decides to act+Chile{ now}+Peru{ together};');
    expect(show(added.redline)).toBe('+Peru{Invites all States to join;}');
    expect(show(row(old).redline)).toBe('-Cuba{Recalls the old plan;}');
    expect(show(row(report).redline)).toBe('Requests -nobody{a}+nobody{an annual} report;');
    expect(show(attributed.meta.find((m) => m.field === 'title')!.redline)).toBe('Declaration+Argentina{ of Lima}');
    // Attribution only names the changes: the comparison is the same text.
    expect(attributed.clauses.map((c) => [c.id, c.added, c.deleted, c.changed])).toEqual(comparison.clauses.map((c) => [c.id, c.added, c.deleted, c.changed]));

    // Outside the two moments nothing is anyone's: a comparison of the text with itself at a later time attributes nothing.
    const later = attributeComparison(under.server.db, under.declaration.id, comparison, toAt, toAt + 1);
    expect(show(later.clauses.find((c) => c.id === act)!.redline)).toBe('Decides to act+nobody{ now together};');

    // by=Chile: Chile's changes on the text as it now reads.
    const chiles = attributeComparison(under.server.db, under.declaration.id, comparison, fromAt, toAt, under.ids.Chile);
    const chileRow = (id: string) => chiles.clauses.find((c) => c.id === id)!;
    expect(show(chileRow(trade).redline)).toBe('States -Chile{shall}+Chile{should} cooperate on trade and science;');
    expect(show(chileRow(act).redline)).toBe('Decides to act+Chile{ now} together;');
    // Peru's paragraph reads as plain text, Cuba's deletion is gone: neither is Chile's.
    expect(chiles.clauses.filter((c) => c.id === added.id).map((c) => [c.added, c.changed, show(c.redline)])).toEqual([[false, false, 'Invites all States to join;']]);
    expect(chiles.clauses.some((c) => c.id === old)).toBe(false);
    expect(chiles.summary).toMatchObject({ added: [], deleted: [], moved: [] });
    expect(show(chileRow(report).redline)).toBe('Requests an annual report;');
    expect(chileRow(report).changed).toBe(false);
    expect(show(chiles.meta.find((m) => m.field === 'title')!.redline)).toBe('Declaration of Lima');
    expect(chiles.summary.changed).toBe(2);
    expect(chiles.summary.meta).toEqual([]);
    expect(comparison.summary.changed).toBe(3);

    // by=Peru: only Peru's words, the paragraph it added among them.
    const perus = attributeComparison(under.server.db, under.declaration.id, comparison, fromAt, toAt, under.ids.Peru);
    expect(show(perus.clauses.find((c) => c.id === trade)!.redline)).toBe('States should cooperate on trade+Peru{ and science};');
    expect(show(perus.clauses.find((c) => c.added)!.redline)).toBe('+Peru{Invites all States to join;}');
    expect(perus.summary).toMatchObject({ added: [added.toLabel], deleted: [] });
    const cubas = attributeComparison(under.server.db, under.declaration.id, comparison, fromAt, toAt, under.ids.Cuba);
    expect(cubas.summary).toMatchObject({ added: [], deleted: [row(old).fromLabel] });
  });

  it('CMP3 HIST1: a clause moved between two states is its mover\'s — in the comparison, in by=, in the clause\'s history and in the Word redline\'s paragraph marks', async () => {
    const [chile, peru] = [await under.client('Chile'), await under.client('Peru')];
    const reading = (doc: Y.Doc) => flattenOutline(buildOutline(readDeclaration(doc).clauses)).map((n) => [n.clause.id, n.clause.parent ?? null] as const);
    const ids = room((doc) => reading(doc).map(([id]) => id));
    const [first, second, third] = ids as [string, string, string];
    const base = side();
    const fromAt = await tick();
    const versions = await under.call<{ version: { id: string } }>('POST', '/versions', 'Argentina', { name: `Before the moves ${fromAt}` });
    expect(versions.status).toBe(201);
    const order = () => room(reading);

    // Chile moves the third paragraph up twice (one run of two moves); Peru makes the second a sub-item of the first.
    await waitFor(() => chile.doc.getMap(ROOT.clauses).size === room((doc) => clausesMap(doc).size), 'Chile to be up to date');
    expect(moveClause(chile.doc, third, 'up')).toBe(true);
    expect(moveClause(chile.doc, third, 'up')).toBe(true);
    await waitFor(() => order()[0]?.[0] === third, 'Chile\'s move');
    await waitFor(() => JSON.stringify(reading(peru.doc)) === JSON.stringify(order()), 'Peru to be up to date');
    expect(indentClause(peru.doc, second)).toBe(true);
    await waitFor(() => order().some(([id, parent]) => id === second && parent === first), 'Peru\'s indent');

    const toAt = await tick();
    const comparison = compareDeclarations(base, side());
    const attributed = attributeComparison(under.server.db, under.declaration.id, comparison, fromAt, toAt);
    const row = (id: string) => attributed.clauses.find((c) => c.id === id)!;
    expect([row(third).moved, name(row(third).movedBy)]).toEqual([true, 'Chile']);
    expect([row(second).moved, name(row(second).movedBy)]).toEqual([true, 'Peru']);
    // A clause nobody moved has no mover, moved or not.
    expect(row(first).movedBy).toBeUndefined();

    // by=: each sees their own move only.
    const chiles = attributeComparison(under.server.db, under.declaration.id, comparison, fromAt, toAt, under.ids.Chile);
    expect(chiles.clauses.filter((c) => c.moved).map((c) => c.id)).toEqual([third]);
    expect(chiles.summary.moved).toEqual([row(third).toLabel]);
    const perus = attributeComparison(under.server.db, under.declaration.id, comparison, fromAt, toAt, under.ids.Peru);
    expect(perus.clauses.filter((c) => c.moved).map((c) => c.id)).toEqual([second]);
    const cubas = attributeComparison(under.server.db, under.declaration.id, comparison, fromAt, toAt, under.ids.Cuba);
    expect(cubas.clauses.some((c) => c.moved)).toBe(false);

    // The history: Chile's two moves are one entry (one run), Peru's made a sub-item; a move is no text to restore.
    const deps = { db: under.server.db, rooms: under.server.rooms };
    const moves = (id: string) => clauseHistory(deps, under.declaration.id, id).filter((e) => e.kind === 'move');
    expect(moves(third).map((e) => [e.name, e.kind === 'move' && e.madeKind])).toEqual([['Chile', null]]);
    expect(moves(second).map((e) => [e.name, e.kind === 'move' && e.madeKind])).toEqual([['Peru', 'subitem']]);
    const moveId = moves(third)[0]!.id;
    const restore = await under.call<{ error: { id: string } }>('POST', `/clauses/${third}/restore`, 'Argentina', { from: moveId });
    expect(restore.status).toBe(404);

    // The Word redline marks both places of a moved paragraph in its mover's name.
    const redline = loadRedline(deps, under.declaration.id, versions.json.version.id, null, new Date());
    const marks = redline.operative.filter((p) => p.id === third).map((p) => [p.change, p.mark?.author]);
    expect(marks).toEqual(expect.arrayContaining([['moved-from', 'Chile'], ['moved-to', 'Chile']]));
  });
});
