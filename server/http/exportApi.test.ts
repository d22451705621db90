import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorPassage } from '../../shared/document/bracketRange.ts';
import { deleteClause, insertClauses } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { buenosAires2023 } from '../../shared/fixtures/buenosAires2023.ts';
import { textHash } from '../../shared/positions/textHash.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { cookieName } from '../auth/session.ts';
import type { VersionInfo } from '../../shared/versions/version.ts';
import { idsByLabel } from '../export/samples.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { clauseXmlText } from '../testing/documents.ts';
import { connectClient, createTestDeclaration, removeDataDir, startTestServer, synced, waitFor, type CreatedDeclaration, type TestServer } from '../testing/testServer.ts';

const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
];

const SLUG = 'declaration-of-buenos-aires-the-commitment-to-make-peace-2023';

const EXPECTED = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx', starts: 'PK' },
  pdf: { type: 'application/pdf', extension: 'pdf', starts: '%PDF-' },
  html: { type: 'text/html; charset=utf-8', extension: 'html', starts: '<!doctype html>' },
  md: { type: 'text/markdown; charset=utf-8', extension: 'md', starts: 'II Conferencia' },
  txt: { type: 'text/plain; charset=utf-8', extension: 'txt', starts: 'II Conferencia' },
  akn: { type: 'application/akn+xml; charset=utf-8', extension: 'akn.xml', starts: '<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso' },
} as const;

interface ErrorBody {
  error: { id: string; message: string };
}

describe('HTTP: exports', () => {
  let server: TestServer;
  let declaration: CreatedDeclaration;

  const bearer = (name: string) => ({ Authorization: `Bearer ${declaration.tokens[name]}` });
  const exportOf = (query: string, headers: Record<string, string> = bearer('Chile'), id = declaration.id) =>
    fetch(`${server.httpUrl}/api/declarations/${id}/export${query}`, { headers });

  beforeAll(async () => {
    server = await startTestServer();
    declaration = createTestDeclaration(server, buenosAires2023, people);
  });
  afterAll(async () => {
    await server.close();
    removeDataDir(server);
  });

  it('EXP1: every format comes back with its content type and an attachment named after the title', async () => {
    for (const [format, expected] of Object.entries(EXPECTED)) {
      const response = await exportOf(`?format=${format}`);
      expect(response.status, format).toBe(200);
      expect(response.headers.get('content-type'), format).toBe(expected.type);
      expect(response.headers.get('content-disposition'), format).toBe(
        `attachment; filename="${SLUG}.${expected.extension}"; filename*=UTF-8''${SLUG}.${expected.extension}`,
      );
      expect(response.headers.get('cache-control'), format).toBe('no-store');
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.subarray(0, expected.starts.length).toString('utf8'), format).toBe(expected.starts);
    }
  });

  it('EXP1: variant=negotiation is the working text, named with -negotiation; clean is the default', async () => {
    const negotiation = await exportOf('?format=txt&variant=negotiation');
    expect(negotiation.status).toBe(200);
    expect(negotiation.headers.get('content-disposition')).toContain(`filename="${SLUG}-negotiation.txt"`);
    expect(await negotiation.text()).toMatch(/^WORKING TEXT FOR NEGOTIATION/);
    const clean = await exportOf('?format=txt&variant=clean');
    expect(await clean.text()).toBe(await (await exportOf('?format=txt')).text());
  });

  it('EXP1: no token or a bad one → 401; an unknown declaration → 404', async () => {
    for (const headers of [{}, { Authorization: 'Bearer not-a-token' }] as Record<string, string>[]) {
      const response = await exportOf('?format=pdf', headers);
      expect(response.status).toBe(401);
      expect(((await response.json()) as ErrorBody).error.id).toBe('invalid-token');
    }
    expect((await exportOf('?format=pdf', bearer('Chile'), 'no-such-declaration')).status).toBe(404);
  });

  it('EXP1: a bad or missing format or a bad variant → 400 with the valid values', async () => {
    for (const query of ['?format=odt', '', '?format=DOCX', '?format=pdf&format=docx']) {
      const response = await exportOf(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.id).toBe('bad-format');
      expect(body.error.message).toBe('Give format=docx, pdf, html, md, txt, akn (one of them).');
    }
    const response = await exportOf('?format=pdf&variant=final');
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.id).toBe('bad-variant');
    expect(body.error.message).toContain('variant=clean or negotiation');
  });

  it('EXP1: every role may export, an observer included, with a Bearer token or the session cookie', async () => {
    for (const name of ['Argentina', 'Secretariat', 'Spain']) expect((await exportOf('?format=md', bearer(name))).status, name).toBe(200);
    const cookie = { Cookie: `${cookieName(declaration.id)}=${declaration.tokens.Spain}` };
    const response = await exportOf('?format=html', cookie);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<h1>Declaration of Buenos Aires');
  });

  it('EXP2: the negotiation variant shows a status the chair set through the status API, and the clean text does not', async () => {
    const clauseId = server.rooms.withRoom(declaration.id, (room) => idsByLabel(room.doc).get('OP3'));
    const set = await fetch(`${server.httpUrl}/api/declarations/${declaration.id}/clauses/${clauseId}/status`, {
      method: 'POST',
      headers: { ...bearer('Argentina'), 'Content-Type': 'application/json' },
      body: JSON.stringify({ state: 'agreed' }),
    });
    expect(set.status).toBe(200);
    const negotiation = await (await exportOf('?format=md&variant=negotiation', bearer('Spain'))).text();
    expect(negotiation).toMatch(/3\. \*\*\\\[OP3\\\]\*\* \*agreed \(Argentina, \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\*/);
    expect(negotiation).toMatch(/Clauses: 28 open · 0 ad ref · 1 agreed\./);
    const clean = await (await exportOf('?format=md', bearer('Spain'))).text();
    expect(clean).not.toContain('agreed (Argentina');
    const akn = await (await exportOf('?format=akn&variant=negotiation')).text();
    expect(akn).toContain('<paragraph eId="para_3" refersTo="#status_agreed">');
  });

  it('PROP14: a proposal made through the proposals API is in the negotiation export of every format, as tracked changes in Word; the clean export does not change', async () => {
    const clauseId = server.rooms.withRoom(declaration.id, (room) => idsByLabel(room.doc).get('OP6'));
    const cleanBefore = await Promise.all((['md', 'html', 'txt', 'akn'] as const).map(async (format) => (await exportOf(`?format=${format}`)).text()));
    const post = (path: string, name: string, body: unknown) =>
      fetch(`${server.httpUrl}/api/declarations/${declaration.id}/proposals${path}`, {
        method: 'POST',
        headers: { ...bearer(name), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const text =
      'That the treatment of the information that may be exchanged or generated within the scope of this Statement should be in accordance with the provisions of the corresponding national laws and regulations of the Participants.';
    const made = await post('', 'Chile', { clauseId, action: 'replace', text, justification: 'Softer <b>wording</b>.' });
    expect(made.status).toBe(201);
    const { proposal } = (await made.json()) as { proposal: { id: string } };
    expect((await post(`/${proposal.id}/support`, 'Argentina', { on: true })).status).toBe(200);

    const md = await (await exportOf('?format=md&variant=negotiation', bearer('Spain'))).text();
    expect(md).toContain('> **Alt 1 (Chile): New wording for OP6 (');
    expect(md).toContain('within the scope of this Statement \\[-shall-\\]\\[+should+\\] be in accordance');
    expect(md).toContain('> Justification: Softer &lt;b&gt;wording&lt;/b&gt;.\\\n   > Supported by Argentina.');
    const html = await (await exportOf('?format=html&variant=negotiation')).text();
    expect(html).toContain('<del>shall</del><ins>should</ins>');
    const txt = await (await exportOf('?format=txt&variant=negotiation')).text();
    expect(txt).toContain('[-shall-][+should+]');
    const akn = await (await exportOf('?format=akn&variant=negotiation')).text();
    expect(akn).toContain('<del>shall</del><ins>should</ins>');
    const docx = await JSZip.loadAsync(Buffer.from(await (await exportOf('?format=docx&variant=negotiation')).arrayBuffer()));
    const documentXml = await docx.file('word/document.xml')!.async('string');
    expect(documentXml).toMatch(/<w:del w:id="\d+" w:author="Chile" w:date="[^"]+"><w:r><w:delText xml:space="preserve">shall<\/w:delText><\/w:r><\/w:del><w:ins w:id="\d+" w:author="Chile"/);
    const pdf = await exportOf('?format=pdf&variant=negotiation');
    expect(pdf.status).toBe(200);

    const cleanAfter = await Promise.all((['md', 'html', 'txt', 'akn'] as const).map(async (format) => (await exportOf(`?format=${format}`)).text()));
    expect(cleanAfter).toEqual(cleanBefore);

    // Withdrawn, it is gone from the working text.
    expect((await post(`/${proposal.id}/withdraw`, 'Chile', {})).status).toBe(200);
    expect(await (await exportOf('?format=md&variant=negotiation')).text()).not.toContain('Alt 1 (Chile)');
  });

  it('EXP11 EXP12 EXP13 EXP14: a declaration made with a closing line, headings and footnotes, in articles with "a)" sub-items (settings as the server mirrors them), prints them in every format', async () => {
    const [first, ...rest] = buenosAires2023.operative;
    const own = createTestDeclaration(
      server,
      {
        ...buenosAires2023,
        preambleHeadings: ['Part I'],
        operative: [{ ...first!, heading: 'Cooperation', body: [...first!.body, { text: '1', footnote: 'note-1' }] }, ...rest],
        closing: plain('Done at Buenos Aires, 3 May 2023.'),
        footnotes: [{ id: 'note-1', marker: '1', body: plain('As agreed in Lima.') }],
      },
      people,
    );
    server.rooms.withRoom(own.id, (room) => room.mirrorSettings({ ...room.settings(), paragraphs: 'articles', subItemStyle: 'closing' }));
    const get = (format: string) => fetch(`${server.httpUrl}/api/declarations/${own.id}/export?format=${format}`, { headers: { Authorization: `Bearer ${own.tokens.Spain}` } });
    const txt = await (await get('txt')).text();
    expect(txt).toContain('\n\nPart I\n\nRecognizing that');
    expect(txt).toMatch(/\n\nArticle 1\n\nCooperation\n\nTheir agreement regarding[^\n]*1\n\nArticle 2\n\n/);
    expect(txt).toContain('\n    a)  Also assume the Pro Tempore Presidency');
    expect(txt).toContain('\n\nDone at Buenos Aires, 3 May 2023.\n\n');
    expect(txt).toContain('\n__________\n1 As agreed in Lima.\n');
    const md = await (await get('md')).text();
    expect(md).toContain('### Article 12\n\nThank you also to the Republic of Paraguay');
    expect(md).toContain('\n\n[^1]: As agreed in Lima.\n');
    const html = await (await get('html')).text();
    expect(html).toContain('<h3 class="article">Article 1</h3>\n<h4 class="heading">Cooperation</h4>');
    expect(html).toContain('<p class="closing">Done at Buenos Aires, 3 May 2023.</p>');
    const akn = await (await get('akn')).text();
    expect(akn).toMatch(/<authorialNote marker="1" eId="fnote_1" placement="bottom"><p>As agreed in Lima\.<\/p><\/authorialNote>/);
    expect(akn).toMatch(/<article eId="art_1">\s*<num>Article 1<\/num>\s*<heading>Cooperation<\/heading>/);
    const docx = await JSZip.loadAsync(Buffer.from(await (await get('docx')).arrayBuffer()));
    expect(await docx.file('word/footnotes.xml')!.async('string')).toContain('As agreed in Lima.');
    expect(await docx.file('word/document.xml')!.async('string')).toContain('<w:footnoteReference w:id="1"/>');
    expect((await get('pdf')).status).toBe(200);
  });

  it('WN7 BRK6 POS4: after the chair freezes the numbering and a delegation edits, the negotiation export uses working numbers, placeholders, brackets and positions; the clean one numbers 1…n; both say how many passages are in brackets', async () => {
    const own = createTestDeclaration(server, buenosAires2023, people);
    const as = (name: string) => ({ Authorization: `Bearer ${own.tokens[name]}` });
    const frozen = await fetch(`${server.httpUrl}/api/declarations/${own.id}/numbering`, { method: 'POST', headers: { ...as('Argentina'), 'Content-Type': 'application/json' }, body: JSON.stringify({ action: 'freeze' }) });
    expect(frozen.status).toBe(200);
    const ids = idsByLabel(server.rooms.get(own.id).doc);
    const chile = connectClient(server, own.id, own.tokens.Chile!);
    try {
      await synced(chile);
      await waitFor(() => chile.doc.getMap(ROOT.numbering).has('frozen'), 'Chile to read the frozen numbering');
      insertClauses(chile.doc, { id: ids.get('OP7')!, side: 'after' }, [plain('That the Participants will meet again in 2025.')]);
      deleteClause(chile.doc, ids.get('OP5')!);
      const serverDoc = () => server.rooms.get(own.id).doc;
      const added = () => readDeclaration(serverDoc()).clauses.find((c) => toPlainText(c.body).endsWith('again in 2025.'));
      await waitFor(() => added() !== undefined && !readDeclaration(serverDoc()).clauses.some((c) => c.id === ids.get('OP5')), 'the server to have the edits');
      // The server's own mirrors, as the brackets and positions routes leave them.
      server.rooms.withRoom(own.id, (room) => {
        const clause = added()!;
        const text = toPlainText(clause.body);
        const start = text.indexOf('in 2025');
        room.mirrorBracket({ id: 'b1', clauseId: clause.id, ...anchorPassage(room.doc, clause.id, start, start + 'in 2025'.length)!, quote: 'in 2025', at: 1, requestedBy: [{ participantId: 'p', name: 'Chile', at: 1 }] });
        room.mirrorPositions(clause.id, [{ participantId: 'c', name: 'Cuba', position: 'reservation', note: 'Consulting.', at: 2, textHash: textHash(text) }]);
      });
    } finally {
      chile.destroy();
    }
    const negotiation = await fetch(`${server.httpUrl}/api/declarations/${own.id}/export?format=txt&variant=negotiation`, { headers: as('Spain') });
    expect(negotiation.headers.get('x-consenso-brackets')).toBe('1');
    const working = await negotiation.text();
    expect(working).toContain('\nOP5 [deleted]\n');
    expect(working).toContain('\n[OP7 bis] open\n7 bis. That the Participants will meet again [in 2025].\n    Cuba: reservation — Consulting.\n');
    const clean = await fetch(`${server.httpUrl}/api/declarations/${own.id}/export?format=txt`, { headers: as('Spain') });
    expect(clean.headers.get('x-consenso-brackets')).toBe('1');
    const text = await clean.text();
    expect(text).toContain('\n7.  That the Participants will meet again [in 2025].\n');
    expect(text).not.toMatch(/bis|deleted|Cuba: reservation/);
    const plainExport = await exportOf('?format=txt');
    expect(plainExport.headers.get('x-consenso-brackets')).toBe('0');
  });
});

describe('HTTP: exports of versions and redlines', () => {
  const under = declarationUnderTest(buenosAires2023, people);

  const exportOf = (query: string, who = 'Spain') =>
    fetch(`${under.server.httpUrl}/api/declarations/${under.declaration.id}/export${query}`, { headers: { Authorization: `Bearer ${under.declaration.tokens[who]}` } });
  const zeroDraft = async () => (await under.call<{ versions: VersionInfo[] }>('GET', '/versions', 'Spain')).json.versions[0]!;
  const errorOf = async (query: string) => {
    const response = await exportOf(query);
    return { status: response.status, error: ((await response.json()) as ErrorBody).error };
  };
  /** Chile makes OP6 read "should" where it read "shall", through a stock client. */
  const rewordOp6 = async () => {
    const op6 = idsByLabel(under.server.rooms.get(under.declaration.id).doc).get('OP6')!;
    const chile = await under.client('Chile');
    const text = clauseXmlText(chile.doc, op6);
    const at = text.toString().indexOf('shall');
    chile.doc.transact(() => {
      text.delete(at, 'shall'.length);
      text.insert(at, 'should');
    });
    await waitFor(() => toPlainText(readDeclaration(under.server.rooms.get(under.declaration.id).doc).clauses.find((c) => c.id === op6)!.body).includes('should'), 'the server to have the edit');
  };

  it('RED1: variant=redline in docx, html, pdf and md, each with its content type, named <slug>-changes-since-<version>', async () => {
    const base = await zeroDraft();
    await rewordOp6();
    for (const format of ['docx', 'html', 'pdf', 'md'] as const) {
      const expected = EXPECTED[format];
      const response = await exportOf(`?format=${format}&variant=redline&base=${base.id}`);
      expect(response.status, format).toBe(200);
      expect(response.headers.get('content-type'), format).toBe(expected.type);
      expect(response.headers.get('content-disposition'), format).toBe(
        `attachment; filename="${SLUG}-changes-since-zero-draft.${format}"; filename*=UTF-8''${SLUG}-changes-since-zero-draft.${format}`,
      );
      expect(response.headers.get('cache-control'), format).toBe('no-store');
      const body = Buffer.from(await response.arrayBuffer());
      if (format === 'md') expect(body.toString('utf8')).toContain('\\[-shall-\\]\\[+should+\\]');
      if (format === 'html') expect(body.toString('utf8')).toMatch(/<del[^>]*>shall<\/del><ins[^>]*>should<\/ins>/);
      if (format === 'docx') {
        const documentXml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
        expect(documentXml).toMatch(/<w:del [^>]*><w:r><w:delText xml:space="preserve">shall<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">should<\/w:t>/);
      }
      if (format === 'pdf') expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
    // target=now is the default, said or not; a redline of a version against itself shows nothing changed.
    const explicit = await (await exportOf(`?format=md&variant=redline&base=${base.id}&target=now`)).text();
    expect(explicit).toBe(await (await exportOf(`?format=md&variant=redline&base=${base.id}`)).text());
    const none = await (await exportOf(`?format=md&variant=redline&base=${base.id}&target=${base.id}`)).text();
    expect(none).toContain('No changes from Zero draft to Zero draft.');
    expect(none).not.toMatch(/\\\[[+-]/);
  });

  it('RED1: a redline without base, in txt or akn, or base without variant=redline → 400 bad-redline; an unknown base or target → 404 version-not-found naming it', async () => {
    const base = await zeroDraft();
    const noBase = await errorOf('?format=docx&variant=redline');
    expect(noBase.status).toBe(400);
    expect(noBase.error.id).toBe('bad-redline');
    expect(noBase.error.message).toContain('Give base=<version id>');
    for (const format of ['txt', 'akn']) {
      const refused = await errorOf(`?format=${format}&variant=redline&base=${base.id}`);
      expect(refused.status, format).toBe(400);
      expect(refused.error.id).toBe('bad-redline');
      expect(refused.error.message).toBe('A redline is made as docx, html, pdf, md: give format=docx, html, pdf, md (one of them) with variant=redline.');
    }
    for (const query of [`?format=md&base=${base.id}`, `?format=md&variant=negotiation&target=${base.id}`, `?format=md&variant=redline&base=${base.id}&base=${base.id}`, '?format=md&variant=redline&base=']) {
      const refused = await errorOf(query);
      expect(refused.status, query).toBe(400);
      expect(refused.error.id, query).toBe('bad-redline');
    }
    const unknownBase = await errorOf('?format=md&variant=redline&base=no-such-version');
    expect(unknownBase.status).toBe(404);
    expect(unknownBase.error).toEqual({ id: 'version-not-found', message: expect.stringContaining('"no-such-version"') });
    expect(unknownBase.error.message).toContain('(base)');
    const unknownTarget = await errorOf(`?format=md&variant=redline&base=${base.id}&target=nope`);
    expect(unknownTarget.status).toBe(404);
    expect(unknownTarget.error.id).toBe('version-not-found');
    expect(unknownTarget.error.message).toContain('"nope" in this declaration (target)');
    const badVariant = await errorOf('?format=md&variant=changes');
    expect(badVariant.error.message).toContain('variant=redline with base=<version id>');
  });

  it('VER2: version=<id> exports a saved version as it was, in every format and variant, named after it, after the text has changed', async () => {
    const base = await zeroDraft();
    await rewordOp6();
    const now = await (await exportOf('?format=md')).text();
    expect(now).toContain('Statement should be');
    const md = await exportOf(`?format=md&version=${base.id}`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-disposition')).toBe(`attachment; filename="${SLUG}-zero-draft.md"; filename*=UTF-8''${SLUG}-zero-draft.md`);
    const old = await md.text();
    expect(old).toContain('Statement shall be');
    expect(old).not.toContain('Statement should be');
    const negotiation = await exportOf(`?format=txt&variant=negotiation&version=${base.id}`);
    expect(negotiation.headers.get('content-disposition')).toContain(`filename="${SLUG}-zero-draft-negotiation.txt"`);
    expect(await negotiation.text()).toContain('Statement shall be');
    for (const [format, expected] of Object.entries(EXPECTED)) {
      const response = await exportOf(`?format=${format}&version=${base.id}`);
      expect(response.status, format).toBe(200);
      expect(response.headers.get('content-type'), format).toBe(expected.type);
      expect(response.headers.get('x-consenso-brackets'), format).toBe('0');
    }
    const docx = await JSZip.loadAsync(Buffer.from(await (await exportOf(`?format=docx&version=${base.id}`)).arrayBuffer()));
    expect(await docx.file('word/document.xml')!.async('string')).toContain('Statement shall be');
    // The same version is the same file, however long after.
    expect(await (await exportOf(`?format=md&version=${base.id}`)).text()).toBe(old);
  });

  it('VER2: an unknown version → 404 version-not-found naming it; version given twice → 400', async () => {
    const unknown = await errorOf('?format=pdf&version=no-such-version');
    expect(unknown.status).toBe(404);
    expect(unknown.error.id).toBe('version-not-found');
    expect(unknown.error.message).toContain('"no-such-version"');
    const base = await zeroDraft();
    const twice = await errorOf(`?format=pdf&version=${base.id}&version=${base.id}`);
    expect(twice.status).toBe(400);
    expect(twice.error.id).toBe('bad-version');
  });
});
