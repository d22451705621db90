import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { numberClauses } from '../../shared/numbering.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import { readSettings } from '../../shared/settings.ts';
import { readFrozenNumbering } from '../../shared/workingNumbers.ts';
import { MAX_DRAFT_CLAUSES, MAX_IMPORT_BYTES } from '../../shared/import/limits.ts';
import type { ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { versionContent } from '../db/versions.ts';
import { readDraftFile } from '../import/readDraftFile.ts';
import { bloatedDocx } from '../testing/bloatedDocx.ts';
import {
  connectClient,
  createTestDeclaration,
  removeDataDir,
  startTestServer,
  synced,
  type CreatedDeclaration,
  type TestClient,
  type TestServer,
} from '../testing/testServer.ts';

const DEMO_TXT = path.join(import.meta.dirname, '../import/fixtures/declaration-of-buenos-aires-2023.txt');

const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
];

interface ErrorBody {
  error: { id: string; message: string };
}

const small: ParsedDraft = {
  title: 'Declaration of Lima',
  chapeau: 'The Ministers,',
  preamble: [{ text: 'Bearing in mind the Charter,' }],
  formula: 'Declare:',
  operative: [{ text: 'To act:', subitems: [{ text: 'now.', subitems: [] }] }],
  note: null,
  signatories: [{ name: 'Jorge Taiana', title: 'Ministro de Defensa', state: 'República Argentina' }],
};

describe('import API', () => {
  let server: TestServer;
  let source: CreatedDeclaration;
  const clients: TestClient[] = [];

  beforeEach(async () => {
    server = await startTestServer();
    source = createTestDeclaration(server, emptySeed(plain('Where the chair starts')), people);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    removeDataDir(server);
  });

  const declarations = () => (server.db.prepare('SELECT COUNT(*) AS n FROM declarations').get() as { n: number }).n;
  const preview = (token: string | null, body: Uint8Array, fileName: string | null = 'draft.txt', id = source.id) =>
    fetch(`${server.httpUrl}/api/declarations/${id}/import/preview`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/octet-stream',
        ...(fileName === null ? {} : { 'X-File-Name': encodeURIComponent(fileName) }),
        ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      },
      body: new Uint8Array(body),
    });
  const create = (token: string, body: unknown) =>
    fetch(`${server.httpUrl}/api/declarations/${source.id}/import/create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const errorOf = async (response: Response) => ((await response.json()) as ErrorBody).error;

  it('IMP3: preview answers the structure of the file to the chair and the secretariat, and creates nothing', async () => {
    const bytes = fs.readFileSync(DEMO_TXT);
    const expected = await readDraftFile(DEMO_TXT);
    for (const name of ['Argentina', 'Secretariat']) {
      const response = await preview(source.tokens[name]!, bytes, 'Declaración de Buenos Aires.txt');
      expect(response.status, name).toBe(200);
      expect(await response.json()).toEqual({ draft: expected, language: 'en' });
    }
    const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Declaration of Lima'), new Paragraph('1. To act.')] }] }));
    const fromWord = await preview(source.tokens.Argentina!, word, 'zero draft.docx');
    expect(fromWord.status).toBe(200);
    expect(((await fromWord.json()) as { draft: ParsedDraft }).draft).toMatchObject({ title: 'Declaration of Lima', operative: [{ text: 'To act.', subitems: [] }] });
    expect(declarations()).toBe(1);
  });

  it('IMP3: preview refuses delegations and observers (403), a missing token (401), an unknown declaration (404)', async () => {
    const bytes = new TextEncoder().encode('1. To act.');
    expect((await preview(source.tokens.Chile!, bytes)).status).toBe(403);
    const observer = await preview(source.tokens.Spain!, bytes);
    expect(observer.status).toBe(403);
    expect((await errorOf(observer)).id).toBe('not-allowed-manageParticipants');
    expect((await preview(null, bytes)).status).toBe(401);
    expect((await preview(source.tokens.Argentina!, bytes, 'draft.txt', 'nosuchdeclaration')).status).toBe(404);
  });

  it('IMP3: preview answers a file too large with 413, a wrong or broken one with 415 or 400, in words a person can act on', async () => {
    const chair = source.tokens.Argentina!;
    const tooLarge = await preview(chair, new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61));
    expect(tooLarge.status).toBe(413);
    expect(await errorOf(tooLarge)).toEqual({ id: 'import-too-large', message: expect.stringMatching(/^The file is larger than 5 MB/), mb: 5 });
    const pdf = await preview(chair, new TextEncoder().encode('%PDF-1.7 …'), 'draft.pdf');
    expect(pdf.status).toBe(415);
    expect(await errorOf(pdf)).toEqual({ id: 'import-unsupported-type', message: expect.stringMatching(/PDF cannot be imported.*\.docx/) });
    const notZip = await preview(chair, new TextEncoder().encode('Declaration'), 'draft.docx');
    expect(notZip.status).toBe(400);
    expect((await errorOf(notZip)).id).toBe('import-corrupt');
    const empty = await preview(chair, new Uint8Array(0));
    expect(empty.status).toBe(400);
    expect(await errorOf(empty)).toEqual({ id: 'import-empty', message: 'The file is empty.' });
    const nameless = await preview(chair, new TextEncoder().encode('1. To act.'), null);
    expect(nameless.status).toBe(400);
    expect((await errorOf(nameless)).id).toBe('import-no-file-name');
    expect(declarations()).toBe(1);
  });

  it('IMP4: create makes a new declaration from the (corrected) draft with the current participants and fresh links, answers the creator\'s own link, and records it in both audit logs', async () => {
    // A participant removed from the first declaration is not carried over.
    const added = await fetch(`${server.httpUrl}/api/declarations/${source.id}/participants`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${source.tokens.Argentina}` },
      body: JSON.stringify({ name: 'Peru', role: 'delegation' }),
    });
    const peru = ((await added.json()) as { participant: { id: string } }).participant;
    await fetch(`${server.httpUrl}/api/declarations/${source.id}/participants/${peru.id}/revoke`, { method: 'POST', headers: { Authorization: `Bearer ${source.tokens.Argentina}` } });

    const response = await create(source.tokens.Secretariat!, { draft: small });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; url: string };
    expect(Object.keys(created).sort()).toEqual(['id', 'url']);
    expect(created.id).not.toBe(source.id);
    expect(created.url).toMatch(new RegExp(`^${server.baseUrl}/d/${created.id}\\?token=[A-Za-z0-9_-]{43}$`));
    expect(declarations()).toBe(2);

    // The link signs the secretariat in to the new declaration, and only that one.
    const token = new URL(created.url).searchParams.get('token')!;
    expect(Object.values(source.tokens)).not.toContain(token);
    const { pathname, search } = new URL(created.url);
    const link = await fetch(`${server.httpUrl}${pathname}${search}`, { redirect: 'manual' });
    expect(link.status).toBe(303);
    const session = await fetch(`${server.httpUrl}/api/declarations/${created.id}/session`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await session.json()) as { participant: { name: string; role: string } }).participant).toMatchObject({ name: 'Secretariat', role: 'secretariat' });
    expect((await fetch(`${server.httpUrl}/api/declarations/${source.id}/session`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);

    const listed = await fetch(`${server.httpUrl}/api/declarations/${created.id}/participants`, { headers: { Authorization: `Bearer ${token}` } });
    const participants = ((await listed.json()) as { participants: { name: string; role: string; revoked: boolean }[] }).participants;
    expect(participants.map((p) => [p.name, p.role, p.revoked])).toEqual(people.map((p) => [p.name, p.role, false]));

    // The document is the draft, opening phrases in italics.
    const client = connectClient(server, created.id, token);
    clients.push(client);
    await synced(client);
    const declaration = readDeclaration(client.doc);
    expect(toPlainText(declaration.meta.title)).toBe('Declaration of Lima');
    expect(declaration.meta.chapeau).toEqual([{ text: 'The Ministers,', italic: true }]);
    const preamble = declaration.clauses.filter((c) => c.kind === 'preamble');
    expect(preamble.map((c) => c.body)).toEqual([[{ text: 'Bearing in mind', italic: true }, { text: ' the Charter,' }]]);
    expect(declaration.clauses.filter((c) => c.kind === 'operative').map((c) => [toPlainText(c.body), c.parent === null])).toEqual(
      expect.arrayContaining([
        ['To act:', true],
        ['now.', false],
      ]),
    );
    expect(declaration.signatories.map((s) => s.name)).toEqual(['Jorge Taiana']);

    const audit = async (id: string, auditToken: string) =>
      ((await (await fetch(`${server.httpUrl}/api/declarations/${id}/audit`, { headers: { Authorization: `Bearer ${auditToken}` } })).json()) as { entries: { action: string; actor: string; detail: Record<string, unknown> }[] }).entries;
    expect((await audit(created.id, token)).at(-1)).toMatchObject({ action: 'created-from-draft', actor: 'Secretariat', detail: { from: source.id, preamble: 1, operative: 2, signatories: 1 } });
    expect((await audit(source.id, source.tokens.Argentina!)).at(-1)).toMatchObject({ action: 'new-declaration-from-draft', actor: 'Secretariat', detail: { id: created.id, title: 'Declaration of Lima' } });
  });

  it('SEED1 SET1: create keeps the conference line, subtitle, closing line, headings and footnotes with their references, sets the paragraph and sub-item styles, and freezes the numbering with the draft\'s "2 bis"', async () => {
    const draft: ParsedDraft = {
      ...small,
      conference: 'Fourth Summit of Ministers',
      subtitle: 'Adopted at Lima, 3 May 2023',
      closing: 'Done at Lima, 3 May 2023.',
      footnotes: [{ marker: '1', text: 'See document A/1.' }],
      paragraphs: 'articles',
      // An English draft typing "a)": a style of its own, kept.
      subItemStyle: 'closing',
      preamble: [{ text: 'Bearing in mind the Charter,', heading: 'I. Context' }],
      operative: [
        { text: 'To act:', subitems: [{ text: 'now;', subitems: [] }, { text: 'later.', subitems: [], number: 'a bis' }], heading: 'Right to act' },
        { text: 'To welcome the report1.', subitems: [], number: '1 bis' },
        { text: 'To close.', subitems: [] },
      ],
    };
    const response = await create(source.tokens.Argentina!, { draft });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; url: string };
    const token = new URL(created.url).searchParams.get('token')!;
    const client = connectClient(server, created.id, token);
    clients.push(client);
    await synced(client);
    const declaration = readDeclaration(client.doc);
    expect(toPlainText(declaration.meta.conference)).toBe('Fourth Summit of Ministers');
    expect(toPlainText(declaration.meta.subtitle)).toBe('Adopted at Lima, 3 May 2023');
    expect(toPlainText(declaration.meta.closing)).toBe('Done at Lima, 3 May 2023.');
    const [footnote] = declaration.footnotes!;
    expect(footnote).toMatchObject({ marker: '1', body: [{ text: 'See document A/1.' }] });
    const outline = buildOutline(declaration.clauses);
    const numbers = numberClauses(outline, readFrozenNumbering(client.doc.getMap(ROOT.numbering)), 'closing');
    const rows = flattenOutline(outline).map((n) => [numbers.get(n.clause.id)!.label, n.clause.heading ?? null, n.clause.body]);
    expect(rows).toEqual([
      ['PP1', 'I. Context', [{ text: 'Bearing in mind', italic: true }, { text: ' the Charter,' }]],
      ['OP1', 'Right to act', [{ text: 'To act:' }]],
      ['OP1(a)', null, [{ text: 'now;' }]],
      ['OP1(a bis)', null, [{ text: 'later.' }]],
      ['OP1 bis', null, [{ text: 'To welcome the report' }, { text: '1', footnote: footnote!.id }, { text: '.' }]],
      ['OP2', null, [{ text: 'To close.' }]],
    ]);
    const settings = await fetch(`${server.httpUrl}/api/declarations/${created.id}/settings`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await settings.json()) as { settings: Record<string, unknown> }).settings).toMatchObject({ paragraphs: 'articles', subItemStyle: 'closing' });
    expect(readSettings(client.doc.getMap(ROOT.settings))).toMatchObject({ paragraphs: 'articles', subItemStyle: 'closing' });
    // The zero draft is saved with the draft's numbers.
    const versions = await fetch(`${server.httpUrl}/api/declarations/${created.id}/versions`, { headers: { Authorization: `Bearer ${token}` } });
    const [zero] = ((await versions.json()) as { versions: { id: string; origin: string }[] }).versions;
    expect(zero!.origin).toBe('created');
    expect(Object.keys(versionContent(server.db, created.id, zero!.id)!.frozen!.numbers)).toHaveLength(6);

    // "(a)" in an English draft is the language's own style: not kept, so that it follows a change of language (DL9).
    const plainEnglish = await create(source.tokens.Argentina!, { draft: { ...small, subItemStyle: 'enclosed' } });
    const second = (await plainEnglish.json()) as { id: string; url: string };
    const secondToken = new URL(second.url).searchParams.get('token')!;
    const secondSettings = await fetch(`${server.httpUrl}/api/declarations/${second.id}/settings`, { headers: { Authorization: `Bearer ${secondToken}` } });
    expect(((await secondSettings.json()) as { settings: Record<string, unknown> }).settings).toMatchObject({ subItemStyle: null });
  });

  it('IMP8 IMP4: preview gives a Markdown draft\'s italics and bold; create writes them as the parts\' rich text, runs that no longer fit their text are ignored, runs of another shape refused', async () => {
    const md = ['# Declaration of Lima', '', 'The **Ministers**,', '', '*Noting* the *report*,', '', 'Declare:', '', '1. To **act** now.', '2. To meet.'].join('\n');
    const response = await preview(source.tokens.Argentina!, new TextEncoder().encode(md), 'draft.md');
    expect(response.status).toBe(200);
    const { draft } = (await response.json()) as { draft: ParsedDraft };
    expect(draft.formatting).toEqual({ chapeau: [{ text: 'The ' }, { text: 'Ministers', bold: true }, { text: ',' }] });
    expect(draft.preamble).toEqual([{ text: 'Noting the report,', runs: [{ text: 'Noting', italic: true }, { text: ' the ' }, { text: 'report', italic: true }, { text: ',' }] }]);
    // The chair edited OP2's text in a client that does not know runs: they no longer fit, and OP2 is plain.
    draft.operative[1] = { text: 'To meet again.', subitems: [], runs: [{ text: 'To meet.', bold: true }] };
    const made = await create(source.tokens.Argentina!, { draft });
    expect(made.status).toBe(201);
    const created = (await made.json()) as { id: string; url: string };
    const client = connectClient(server, created.id, new URL(created.url).searchParams.get('token')!);
    clients.push(client);
    await synced(client);
    const declaration = readDeclaration(client.doc);
    expect(declaration.meta.chapeau).toEqual([{ text: 'The ' }, { text: 'Ministers', bold: true }, { text: ',' }]);
    expect(declaration.clauses.map((c) => c.body)).toEqual([
      [{ text: 'Noting', italic: true }, { text: ' the ' }, { text: 'report', italic: true }, { text: ',' }],
      [{ text: 'To ' }, { text: 'act', bold: true }, { text: ' now.' }],
      [{ text: 'To meet again.' }],
    ]);
    const bad = await create(source.tokens.Argentina!, { draft: { ...small, preamble: [{ text: 'x', runs: [{ text: 'x', underline: true }] }] } });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toMatch(/Run 1 of the formatting of PP1 has an unknown field "underline"/);
  });

  it('IMP7: while a 130 KB .docx that unpacks to 40 MB of short paragraphs is read, the server answers other requests first; the import is answered too', { timeout: 300_000 }, async () => {
    const bytes = await bloatedDocx();
    const answered: string[] = [];
    const importing = preview(source.tokens.Argentina!, bytes, 'bloated.docx').then((response) => {
      answered.push('import');
      return response;
    });
    const health = async () => (await (await fetch(`${server.httpUrl}/api/health`)).json()) as { ok: boolean; importsReading: number };
    // Once the server is reading the file (it says so in its health)…
    let reading = false;
    while (!reading && !answered.includes('import')) reading = (await health()).importsReading > 0;
    expect(reading).toBe(true);
    // …a request sent now is answered before the import is.
    const during = health().then((body) => {
      answered.push('health');
      return body;
    });
    const [response, body] = await Promise.all([importing, during]);
    expect(answered).toEqual(['health', 'import']);
    expect(body.ok).toBe(true);
    // The file is refused (too slow, too large, too long) or read within the limits; either way it is answered.
    if (response.status !== 200) {
      expect([400, 413, 422]).toContain(response.status);
      expect(['import-too-slow', 'import-too-large-unpacked', 'import-too-long']).toContain((await errorOf(response)).id);
    }
    expect((await health()).importsReading).toBe(0);
    expect(declarations()).toBe(1);
  });

  it('IMP4: create refuses delegations, and a draft of the wrong shape, without a title or too large, creating nothing', async () => {
    const chair = source.tokens.Argentina!;
    expect((await create(source.tokens.Chile!, { draft: small })).status).toBe(403);
    const cases: [unknown, number, string, RegExp?][] = [
      [{ draft: { ...small, operative: 'x' } }, 400, 'bad-draft', /The operative part must be a list/],
      [{ draft: { ...small, preamble: [{ text: 'x', italic: true }] } }, 400, 'bad-draft', /PP1 has an unknown field "italic"/],
      [{ draft: { ...small, preamble: Array.from({ length: MAX_DRAFT_CLAUSES + 1 }, () => ({ text: 'Noting,' })) } }, 400, 'bad-draft', /more than 2000 clauses/],
      [{ draft: { ...small, title: '  ' } }, 400, 'draft-no-title'],
      [{ draft: small, extra: true }, 400, 'bad-body'],
      [small, 400, 'bad-body'],
      ['{"draft": ', 400, 'bad-json'],
      [{ draft: { ...small, note: 'x'.repeat(MAX_IMPORT_BYTES) } }, 413, 'import-too-large'],
    ];
    for (const [body, status, id, message] of cases) {
      const response = await create(chair, body);
      expect(response.status, id).toBe(status);
      const error = await errorOf(response);
      expect(error.id).toBe(id);
      if (message) expect(error.message).toMatch(message);
    }
    expect(declarations()).toBe(1);
  });
});
