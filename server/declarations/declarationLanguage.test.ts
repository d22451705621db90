import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readDeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import type { ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { parseAdminArgs, UsageError } from '../admin/args.ts';
import { getDeclarationLanguage } from '../db/declarations.ts';
import { connectClient, createTestDeclaration, removeDataDir, startTestServer, synced, waitFor, type CreatedDeclaration, type TestClient, type TestServer } from '../testing/testServer.ts';

/** The declaration's language through the real server: chosen or detected at import, stored, mirrored to every client, printed by the exports (DL1, DL2, DL4–DL6). */
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Chile', role: 'delegation' as const },
];

/** A Spanish zero draft without a formula: the declaration gets "Declaran:". */
const spanish: ParsedDraft = {
  title: 'Declaración de Lima',
  chapeau: 'Los Ministros de Defensa de América Latina y el Caribe,',
  preamble: [{ text: 'Reconociendo que las operaciones de paz son un instrumento de la comunidad internacional,' }],
  formula: null,
  operative: [{ text: 'Reafirmar su compromiso con la paz y la seguridad:', subitems: [{ text: 'Promover la cooperación entre los Estados de la región;', subitems: [] }] }],
  note: 'Los términos se usan en el sentido de la Carta.',
  signatories: [],
};

describe('the declaration language through the server', () => {
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

  const post = (path: string, body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
    fetch(`${server.httpUrl}/api/declarations/${source.id}/import/${path}`, {
      method: 'POST',
      headers: { ...headers, Authorization: `Bearer ${source.tokens.Argentina!}` },
      body: body instanceof Uint8Array ? new Uint8Array(body) : typeof body === 'string' ? body : JSON.stringify(body),
    });
  const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

  it('DL6: the preview says which language the draft is written in', async () => {
    const text = ['DECLARACIÓN DE LIMA', 'Los Ministros de Defensa,', 'Reconociendo que las operaciones de paz son un instrumento de la comunidad internacional,', 'DECLARAN:', '1. Reafirmar su compromiso con la paz y la seguridad de la región;', '2. Agradecer al Gobierno del Perú por su hospitalidad.'].join('\n');
    const response = await post('preview', new TextEncoder().encode(text), { 'Content-Type': 'application/octet-stream', 'X-File-Name': 'borrador.txt' });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { language: string }).language).toBe('es');
  });

  it('DL1 DL2 DL4 DL6: a draft created without a language takes the detected one; stored, mirrored into settings for every client, with the default formula', async () => {
    const response = await post('create', { draft: spanish });
    expect(response.status).toBe(201);
    const { id, url } = (await response.json()) as { id: string; url: string };
    expect(getDeclarationLanguage(server.db, id)).toBe('es');
    const client = connectClient(server, id, tokenOf(url));
    clients.push(client);
    await synced(client);
    await waitFor(() => readDeclarationLanguage(client.doc.getMap<unknown>(ROOT.settings)) === 'es', 'the language mirrored');
    expect(toPlainText(readDeclaration(client.doc).meta.formula)).toBe('Declaran:');
  });

  it('DL1 DL6: the language chosen in the preview wins over the detected one; an unknown language is refused with 400', async () => {
    const chosen = await post('create', { draft: spanish, language: 'pt' });
    expect(chosen.status).toBe(201);
    expect(getDeclarationLanguage(server.db, ((await chosen.json()) as { id: string }).id)).toBe('pt');
    const bad = await post('create', { draft: spanish, language: 'de' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { id: string; message: string } }).error).toEqual({ id: 'bad-language', message: expect.stringMatching(/en, es, pt, fr/) });
  });

  it('DL2: the demo and a declaration made without a language are English; nothing is written into settings for them', async () => {
    expect(getDeclarationLanguage(server.db, source.id)).toBe('en');
    const client = connectClient(server, source.id, source.tokens.Chile!);
    clients.push(client);
    await synced(client);
    expect(client.doc.getMap<unknown>(ROOT.settings).has('language')).toBe(false);
    expect(readDeclarationLanguage(client.doc.getMap<unknown>(ROOT.settings))).toBe('en');
  });

  it('DL2: a client cannot change the language by writing the settings map: the server undoes it', async () => {
    const response = await post('create', { draft: spanish, language: 'es' });
    const { id, url } = (await response.json()) as { id: string; url: string };
    const [hostile, other] = [connectClient(server, id, tokenOf(url)), connectClient(server, id, tokenOf(url))];
    clients.push(hostile, other);
    await Promise.all([synced(hostile), synced(other)]);
    hostile.doc.getMap<unknown>(ROOT.settings).set('language', 'fr');
    await waitFor(() => readDeclarationLanguage(hostile.doc.getMap<unknown>(ROOT.settings)) === 'es', 'the write undone');
    expect(readDeclarationLanguage(other.doc.getMap<unknown>(ROOT.settings))).toBe('es');
    expect(getDeclarationLanguage(server.db, id)).toBe('es');
  });

  it('DL5: the exports of a Spanish declaration print its markers and words: "a)", "Nota:", html lang="es", AKN spa', async () => {
    const response = await post('create', { draft: spanish, language: 'es' });
    const { id, url } = (await response.json()) as { id: string; url: string };
    const exportOf = async (query: string) =>
      (await fetch(`${server.httpUrl}/api/declarations/${id}/export${query}`, { headers: { Authorization: `Bearer ${tokenOf(url)}` } })).text();
    const txt = await exportOf('?format=txt');
    expect(txt).toContain('Declaran:');
    expect(txt).toMatch(/\n {4}a\) {2}Promover la cooperación/);
    expect(txt).toContain('Nota: Los términos');
    expect(await exportOf('?format=txt&variant=negotiation')).toContain('TEXTO DE TRABAJO PARA LA NEGOCIACIÓN');
    expect(await exportOf('?format=html')).toContain('<html lang="es">');
    expect(await exportOf('?format=akn')).toContain('<FRBRlanguage language="spa"/>');
  });

  it('DL5 VER1: the versions the server saves are named in the declaration language, and its redlines speak it: heading, summary, legend, markers', async () => {
    const response = await post('create', { draft: spanish, language: 'es' });
    const { id, url } = (await response.json()) as { id: string; url: string };
    const get = async (path: string) => fetch(`${server.httpUrl}/api/declarations/${id}${path}`, { headers: { Authorization: `Bearer ${tokenOf(url)}` } });
    const { versions } = (await (await get('/versions')).json()) as { versions: { id: string; name: string }[] };
    expect(versions.map((v) => v.name)).toEqual(['Borrador cero']);
    // A change by the secretariat's own client, so that the legend names someone.
    const client = connectClient(server, id, tokenOf(url));
    clients.push(client);
    await synced(client);
    const title = ((client.doc.getMap(ROOT.meta).get('title') as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    title.insert(title.length, ' (revisada)');
    const edited = async () => (await (await get('/export?format=txt')).text()).includes('(revisada)');
    for (let i = 0; i < 50 && !(await edited()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await edited()).toBe(true);
    const md = await (await get(`/export?format=md&variant=redline&base=${versions[0]!.id}`)).text();
    expect(md).toContain('Cambios de Borrador cero al texto actual');
    expect(md).toMatch(/Desde Borrador cero — .*cambi/);
    expect(md).toContain('Quién hizo cada cambio:');
    expect(md).not.toMatch(/Changes|Since|Who made/);
    const html = await (await get(`/export?format=html&variant=redline&base=${versions[0]!.id}`)).text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('a)');
    expect(html).not.toContain('(a)');
    // The version as it was, on screen, with the language's markers too (DL3).
    const opened = (await (await get(`/versions/${versions[0]!.id}`)).json()) as { text: { operative: { marker: string; children: { marker: string }[] }[] } };
    expect(opened.text.operative[0]!.children[0]!.marker).toBe('a)');
  });

  it('DL1 DL8: the admin command takes --language en|es|pt|fr and refuses any other', () => {
    expect(parseAdminArgs(['create', '--title', 'Declaración', '--chair', 'Argentina', '--language', 'es'])).toMatchObject({ name: 'create', language: 'es' });
    expect(parseAdminArgs(['create', '--title', 'Declaration', '--chair', 'Argentina'])).not.toHaveProperty('language');
    expect(() => parseAdminArgs(['create', '--title', 'Erklärung', '--chair', 'Argentina', '--language', 'de'])).toThrow(UsageError);
  });
});
