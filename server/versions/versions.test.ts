import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { insertClauses, deleteClause } from '../../shared/document/clauseOps.ts';
import { ROOT, SIGNATORY_FIELD } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import type { ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { MAX_VERSION_NAME, MAX_VERSION_NOTE, MAX_VERSIONS, type VersionInfo } from '../../shared/versions/version.ts';
import { listAudit } from '../db/auditLog.ts';
import { insertVersion, listVersions } from '../db/versions.ts';
import { ensureDemo } from '../demo.ts';
import { readExportInput, readingOrder, type ExportInput } from '../export/exportInput.ts';
import { admin, ADMIN_TIMEOUT_MS } from '../testing/adminCommand.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { typeInto } from '../testing/documents.ts';
import { removeDataDir, startTestServer, waitFor } from '../testing/testServer.ts';
import { readVersionContent } from './versionContent.ts';

/**
 * Named versions end to end (docs/SPEC.md VER1–VER3): the real server over
 * a real SQLite file, the API over HTTP, stock y-websocket clients editing
 * the text between and after saves.
 */
const TRADE = 'The Parties shall cooperate closely on trade;';
const GOODS = 'in goods;';
const OPEN = 'Open text under discussion;';
const THIRD = 'Third text to negotiate;';
const seed = {
  ...emptySeed(plain('Versions test')),
  preamble: [plain('Recognizing the first,')],
  operative: [{ body: plain(TRADE), subitems: [{ body: plain(GOODS) }] }, { body: plain(OPEN) }, { body: plain(THIRD) }],
  signatories: [{ name: 'Santiago Cafiero', title: 'Minister of Foreign Affairs', state: 'Argentine Republic' }],
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
  versions: VersionInfo[];
  text: ExportInput;
  bracket: { id: string };
  error: { id: string; message: string };
};

const summary = (versions: VersionInfo[]) => versions.map((v) => [v.name, v.origin, v.by, v.clauses, v.statuses]);

describe('versions', () => {
  const under = declarationUnderTest(seed, people);
  const call = (method: string, path: string, who: string, body?: unknown) => under.call<Json>(method, path, who, body);
  const room = <T>(use: (doc: Y.Doc) => T) => under.server.rooms.withRoom(under.declaration.id, (r) => use(r.doc));
  const clause = (text: string) => room((doc) => readDeclaration(doc).clauses.find((c) => toPlainText(c.body) === text)!.id);
  const ok = async (method: string, path: string, who: string, body?: unknown, status = 200) => {
    const answer = await call(method, path, who, body);
    expect(answer.status, JSON.stringify(answer.json)).toBe(status);
    return answer.json;
  };
  const save = async (who: string, body: unknown) => (await ok('POST', '/versions', who, body, 201)).version;
  const refused = async (who: string, body: unknown) => {
    const answer = await call('POST', '/versions', who, body);
    return [answer.status, answer.json.error?.id];
  };
  const versionAudit = () => listAudit(under.server.db, under.declaration.id).filter((e) => e.action === 'version-saved');

  it('VER1: the chair and the secretariat save a named version (201); delegations and observers may not (403); name and note are checked and trimmed; a name is unique in any case (409); each save is audited', async () => {
    for (const who of ['Chile', 'Spain']) {
      const answer = await call('POST', '/versions', who, { name: 'Rev.1' });
      expect([who, answer.status, answer.json.error.id]).toEqual([who, 403, 'not-allowed-saveVersion']);
    }
    const rev1 = await save('Argentina', { name: '  Rev.1 \n', note: '  After the first reading.  ' });
    expect(rev1).toEqual({
      id: expect.any(String),
      name: 'Rev.1',
      note: 'After the first reading.',
      origin: 'saved',
      by: 'Argentina',
      at: expect.any(Number),
      clauses: 5,
      statuses: { open: 5, 'ad-ref': 0, agreed: 0 },
    });
    const rev2 = await save('Secretariat', { name: 'Rev.2   after   lunch' });
    expect([rev2.name, rev2.note, rev2.by]).toEqual(['Rev.2 after lunch', '', 'Secretariat']);

    // Names: missing, not a text, blank, too long; exactly the limit is fine. Notes: not a text, too long.
    expect(await refused('Argentina', {})).toEqual([400, 'bad-version-name']);
    expect(await refused('Argentina', { name: 7 })).toEqual([400, 'bad-version-name']);
    expect(await refused('Argentina', { name: ' \t\n ' })).toEqual([400, 'bad-version-name']);
    const long = await call('POST', '/versions', 'Argentina', { name: 'x'.repeat(MAX_VERSION_NAME + 1) });
    expect([long.status, long.json.error]).toEqual([400, { id: 'bad-version-name', message: `A version's name has at most ${MAX_VERSION_NAME} characters; this one has ${MAX_VERSION_NAME + 1}. Say more in the note.`, max: MAX_VERSION_NAME }]);
    expect((await save('Argentina', { name: 'y'.repeat(MAX_VERSION_NAME) })).name).toHaveLength(MAX_VERSION_NAME);
    expect(await refused('Argentina', { name: 'Rev.3', note: ['a'] })).toEqual([400, 'bad-version-note']);
    const longNote = await call('POST', '/versions', 'Argentina', { name: 'Rev.3', note: 'n'.repeat(MAX_VERSION_NOTE + 1) });
    expect([longNote.status, longNote.json.error]).toEqual([400, { id: 'bad-version-note', message: `A version's note holds at most ${MAX_VERSION_NOTE} characters; this one has ${MAX_VERSION_NOTE + 1}.`, max: MAX_VERSION_NOTE }]);
    expect(await refused('Argentina', { name: 'Rev.3', by: 'Chile' })).toEqual([400, 'bad-body']);
    expect(await refused('Argentina', ['Rev.3'])).toEqual([400, 'bad-body']);

    // The same name in another case, or with other spacing, is taken — also the server's own "Zero draft".
    for (const name of ['rev.1', 'REV.1', ' Rev.1 ', 'zero DRAFT']) {
      const taken = await call('POST', '/versions', 'Secretariat', { name });
      expect([name, taken.status, taken.json.error.id]).toEqual([name, 409, 'version-name-taken']);
    }
    expect(summary((await ok('GET', '/versions', 'Spain')).versions).map(([name]) => name)).toEqual(['Zero draft', 'Rev.1', 'Rev.2 after lunch', 'y'.repeat(MAX_VERSION_NAME)]);
    // The Zero draft the server made alone (no participant created this declaration) is its own record, like the creation.
    expect(versionAudit().map((e) => [e.actor, e.detail])).toEqual([
      ['Argentina', { versionId: rev1.id, name: 'Rev.1', origin: 'saved' }],
      ['Secretariat', { versionId: rev2.id, name: 'Rev.2 after lunch', origin: 'saved' }],
      ['Argentina', { versionId: expect.any(String), name: 'y'.repeat(MAX_VERSION_NAME), origin: 'saved' }],
    ]);
  });

  it('VER1: a declaration holds at most MAX_VERSIONS versions (409 too-many-versions); freezing the numbering then still works, without a version', async () => {
    const content = room(readVersionContent);
    const counts = { open: 5, 'ad-ref': 0, agreed: 0 };
    under.server.db.transaction(() => {
      for (let i = 1; i < MAX_VERSIONS; i++) {
        insertVersion(under.server.db, under.declaration.id, { id: `filler${i}`, name: `Filler ${i}`, note: '', origin: 'saved', byParticipant: null, at: i, clauses: 5, statuses: counts, content });
      }
    })();
    expect(await refused('Argentina', { name: 'One too many' })).toEqual([409, 'too-many-versions']);
    await ok('POST', '/numbering', 'Argentina', { action: 'freeze' });
    expect((await ok('GET', '/versions', 'Chile')).versions).toHaveLength(MAX_VERSIONS);
  });

  it('VER1: "Zero draft" is saved when a declaration is created — empty (the admin command), the demo, an import — and "Numbering frozen" each time the chair freezes or renumbers, numbered when the name is taken', { timeout: ADMIN_TIMEOUT_MS + 30_000 }, async () => {
    const { db } = under.server;
    // This test's own declaration, made as the tests make them: by the server alone.
    expect(summary(listVersions(db, under.declaration.id))).toEqual([['Zero draft', 'created', '', 5, { open: 5, 'ad-ref': 0, agreed: 0 }]]);

    // Empty, by the admin command, while the server runs.
    const created = await admin(under.server.dataDir, ['create', '--title', 'An empty declaration', '--chair', 'Argentina', '--delegation', 'Chile']);
    expect(created.code, created.stderr).toBe(0);
    const empty = (JSON.parse(created.stdout) as { id: string }).id;
    expect(summary(listVersions(db, empty))).toEqual([['Zero draft', 'created', '', 0, { open: 0, 'ad-ref': 0, agreed: 0 }]]);

    // The demo, on a first start (an empty database).
    const demoServer = await startTestServer();
    try {
      const demo = ensureDemo(demoServer.db, demoServer.secret, demoServer.log)!;
      const demoClauses = demoServer.rooms.withRoom(demo, (r) => readDeclaration(r.doc).clauses.length);
      expect(demoClauses).toBeGreaterThan(10);
      expect(summary(listVersions(demoServer.db, demo))).toEqual([['Zero draft', 'created', '', demoClauses, { open: demoClauses, 'ad-ref': 0, agreed: 0 }]]);
    } finally {
      await demoServer.close();
      removeDataDir(demoServer);
    }

    // An import, by the secretariat: the Zero draft is the draft, and the secretariat's.
    const draft: ParsedDraft = {
      title: 'Declaration of Lima',
      chapeau: 'The Ministers,',
      preamble: [{ text: 'Bearing in mind the Charter,' }],
      formula: 'Declare:',
      operative: [{ text: 'To act:', subitems: [{ text: 'now.', subitems: [] }] }],
      note: null,
      signatories: [],
    };
    const imported = await call('POST', '/import/create', 'Secretariat', { draft });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    const { id: lima, url } = imported.json as unknown as { id: string; url: string };
    const token = new URL(url).searchParams.get('token')!;
    const list = (await (await fetch(`${under.server.httpUrl}/api/declarations/${lima}/versions`, { headers: { authorization: `Bearer ${token}` } })).json()) as Json;
    expect(summary(list.versions)).toEqual([['Zero draft', 'created', 'Secretariat', 3, { open: 3, 'ad-ref': 0, agreed: 0 }]]);
    const opened = (await (await fetch(`${under.server.httpUrl}/api/declarations/${lima}/versions/${list.versions[0]!.id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Json;
    expect(readingOrder(opened.text).map((c) => `${c.label} ${toPlainText(c.body)}`)).toEqual(['PP1 Bearing in mind the Charter,', 'OP1 To act:', 'OP1(a) now.']);
    expect(listAudit(under.server.db, lima).map((e) => [e.actor, e.action])).toEqual([
      ['Secretariat', 'version-saved'],
      ['Secretariat', 'created-from-draft'],
    ]);

    // Freezing and renumbering: one version each, with the numbers just frozen; a name taken (any case) is skipped.
    await ok('POST', '/numbering', 'Argentina', { action: 'freeze' });
    await save('Argentina', { name: 'numbering FROZEN (2)' });
    await ok('POST', '/numbering', 'Argentina', { action: 'renumber' });
    const versions = (await ok('GET', '/versions', 'Chile')).versions;
    expect(versions.map((v) => [v.name, v.origin, v.by])).toEqual([
      ['Zero draft', 'created', ''],
      ['Numbering frozen', 'numbering-frozen', 'Argentina'],
      ['numbering FROZEN (2)', 'saved', 'Argentina'],
      ['Numbering frozen (3)', 'numbering-frozen', 'Argentina'],
    ]);
    const frozen = (await ok('GET', `/versions/${versions[1]!.id}`, 'Chile')).text;
    expect(frozen.frozen).toBe(true);
    expect(versionAudit().filter((e) => e.detail.origin === 'numbering-frozen').map((e) => [e.actor, e.detail.name])).toEqual([
      ['Argentina', 'Numbering frozen'],
      ['Argentina', 'Numbering frozen (3)'],
    ]);
  });

  it('VER2: every participant lists the versions with their counts, oldest first; a version opens as it was — statuses, working labels, brackets, positions, signatures — after later edits', async () => {
    const chile = await under.client('Chile');
    const chair = await under.client('Argentina');
    const trade = clause(TRADE);
    const open = clause(OPEN);
    const third = clause(THIRD);
    await ok('POST', `/clauses/${trade}/status`, 'Argentina', { state: 'agreed' });
    await ok('POST', `/clauses/${open}/status`, 'Argentina', { state: 'ad-ref', pending: ['Peru'] });
    await ok('POST', '/numbering', 'Argentina', { action: 'freeze' });
    // Chile adds a paragraph after OP2 (OP2 bis); Peru brackets a word of OP3 and reserves on it.
    const [added] = insertClauses(chile.doc, { id: open, side: 'after' }, [plain("Chile's addition;")]);
    await waitFor(() => room((doc) => readDeclaration(doc).clauses.some((c) => c.id === added)), 'the server to have the new paragraph');
    const { bracket } = await ok('POST', '/brackets', 'Peru', { clauseId: third, start: 0, end: 5, quote: 'Third' }, 201);
    await ok('PUT', `/clauses/${third}/position`, 'Peru', { position: 'reservation', note: 'On the first word.' });

    const rev1 = await save('Secretariat', { name: 'Rev.1', note: 'Before the evening session.' });
    const asSaved = JSON.parse(JSON.stringify(room((doc) => readExportInput(doc, new Date(rev1.at))))) as ExportInput;

    // Later: the text, the statuses, the brackets, the positions and the signatures all change.
    typeInto(chile.doc, third, ' And more.');
    deleteClause(chile.doc, added!);
    const signatory = [...chair.doc.getMap<Y.Map<unknown>>(ROOT.signatories).values()][0]!;
    chair.doc.transact(() => signatory.set(SIGNATORY_FIELD.name, 'Diana Mondino'));
    await waitFor(
      () => room((doc) => toPlainText(readDeclaration(doc).clauses.find((c) => c.id === third)!.body).endsWith('And more.') && readDeclaration(doc).signatories[0]!.name === 'Diana Mondino' && !readDeclaration(doc).clauses.some((c) => c.id === added)),
      'the later edits to reach the server',
    );
    await ok('POST', `/clauses/${open}/status`, 'Argentina', { state: 'open', reason: 'Peru asked to look again.' });
    await ok('DELETE', `/brackets/${bracket.id}`, 'Argentina');
    await ok('PUT', `/clauses/${third}/position`, 'Peru', { position: null });
    await save('Argentina', { name: 'Rev.2' });

    const expected = [
      ['Zero draft', 'created', '', 5, { open: 5, 'ad-ref': 0, agreed: 0 }],
      ['Numbering frozen', 'numbering-frozen', 'Argentina', 5, { open: 2, 'ad-ref': 1, agreed: 2 }],
      ['Rev.1', 'saved', 'Secretariat', 6, { open: 3, 'ad-ref': 1, agreed: 2 }],
      ['Rev.2', 'saved', 'Argentina', 5, { open: 3, 'ad-ref': 0, agreed: 2 }],
    ];
    for (const who of people.map((p) => p.name)) expect(summary((await ok('GET', '/versions', who)).versions)).toEqual(expected);

    const opened = await ok('GET', `/versions/${rev1.id}`, 'Spain');
    expect(opened.version).toEqual(rev1);
    // Exactly what an export of the document read at the moment of saving (no proposals, no refusals then).
    expect(opened.text).toEqual(asSaved);
    const lines = readingOrder(opened.text).map((c) => [c.label, toPlainText(c.body), c.status?.state ?? 'open', c.agreedWith]);
    expect(lines).toEqual([
      ['PP1', 'Recognizing the first,', 'open', null],
      ['OP1', TRADE, 'agreed', null],
      ['OP1(a)', GOODS, 'agreed', 'OP1'],
      ['OP2', OPEN, 'ad-ref', null],
      ['OP2 bis', "Chile's addition;", 'open', null],
      ['OP3', `[Third] text to negotiate;`, 'open', null],
    ]);
    expect(readingOrder(opened.text).find((c) => c.label === 'OP2')!.status!.pending).toEqual(['Peru']);
    expect(readingOrder(opened.text).find((c) => c.label === 'OP3')!.positions).toEqual([{ name: 'Peru', position: 'reservation', note: 'On the first word.', earlier: false }]);
    expect([opened.text.brackets, opened.text.frozen]).toEqual([1, true]);
    expect(opened.text.signatories.map((s) => s.name)).toEqual(['Santiago Cafiero']);
    expect(opened.text.generatedAt).toBe(new Date(rev1.at).toISOString());

    // The text now reads otherwise, so the version was not read from it.
    const now = room((doc) => readExportInput(doc, new Date()));
    expect(readingOrder(now).map((c) => toPlainText(c.body))).not.toEqual(lines.map((l) => l[1]));
    expect(now.signatories.map((s) => s.name)).toEqual(['Diana Mondino']);

    const missing = await call('GET', '/versions/no-such-version', 'Chile');
    expect([missing.status, missing.json.error.id]).toEqual([404, 'version-not-found']);
  });

  it('VER3: versions survive a restart, a stored version cannot be changed (the table refuses it), and saving versions does not make the live document grow', async () => {
    const chile = await under.client('Chile');
    typeInto(chile.doc, clause(OPEN), ' Amended.');
    await waitFor(() => room((doc) => readDeclaration(doc).clauses.some((c) => toPlainText(c.body) === `${OPEN} Amended.`)), 'the edit to reach the server');
    const { db } = under.server;
    const logBytes = () => (db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM doc_updates WHERE declaration_id = ?').get(under.declaration.id) as { n: number; bytes: number });
    const live = () => room((doc) => ({ state: Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64'), vector: Buffer.from(Y.encodeStateVector(doc)).toString('base64') }));
    const before = { live: live(), log: logBytes() };
    let updatesSeen = 0;
    chile.doc.on('update', () => updatesSeen++);
    for (let i = 1; i <= 20; i++) await save(i % 2 ? 'Argentina' : 'Secretariat', { name: `Rev.${i}`, note: `Reading ${i}.` });
    expect({ live: live(), log: logBytes() }).toEqual(before);
    // Nothing reached the clients either: Peru's edit after the saves is the first update Chile receives.
    const peru = await under.client('Peru');
    typeInto(peru.doc, clause(THIRD), '!');
    await waitFor(() => readDeclaration(chile.doc).clauses.some((c) => toPlainText(c.body) === `${THIRD}!`), "Peru's edit to reach Chile");
    expect(updatesSeen).toBe(1);

    const listed = (await ok('GET', '/versions', 'Peru')).versions;
    const opened = await ok('GET', `/versions/${listed[5]!.id}`, 'Peru');
    under.disconnectAll();
    under.server = await under.server.restart();
    expect((await ok('GET', '/versions', 'Peru')).versions).toEqual(listed);
    expect(await ok('GET', `/versions/${listed[5]!.id}`, 'Peru')).toEqual(opened);

    // Immutable: the row cannot be updated, not even by SQL.
    const id = listed[1]!.id;
    expect(() => under.server.db.prepare("UPDATE versions SET name = 'Forged' WHERE id = ?").run(id)).toThrow(/versions are immutable/);
    expect(() => under.server.db.prepare("UPDATE versions SET content = x'00' WHERE id = ?").run(id)).toThrow(/versions are immutable/);
    expect((await ok('GET', `/versions/${id}`, 'Peru')).version.name).toBe('Rev.1');
  });
});
