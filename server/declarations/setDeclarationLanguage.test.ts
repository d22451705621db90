import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { conventionsOf, readDeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { numberClauses } from '../../shared/numbering.ts';
import { buildOutline } from '../../shared/outline.ts';
import { readClauses } from '../../shared/document/clauseOps.ts';
import { plain, toPlainText } from '../../shared/richText.ts';
import { adoptedAt } from '../../shared/silence/silenceRules.ts';
import { INTERFACE_LANGUAGES } from '../../shared/i18n/languages.ts';
import { translatorFor } from '../../shared/i18n/translate.ts';
import { listAudit } from '../db/auditLog.ts';
import { getDeclarationLanguage } from '../db/declarations.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { connectClient, synced, waitFor } from '../testing/testServer.ts';

/**
 * Changing a declaration's language after it was made (docs/SPEC.md DL9)
 * through the real server: the route over HTTP, SQLite, and stock
 * y-websocket clients that watch the `settings` map and the formula change
 * while they are connected.
 */
const seed = {
  ...emptySeed(plain('Declaración de Lima')),
  preamble: [plain('Reconociendo el valor del diálogo,')],
  operative: [{ body: plain('Reunirse nuevamente:'), subitems: [{ body: plain('en Lima;') }] }],
};
const people = [
  { name: 'Argentina', role: 'chair' as const },
  { name: 'Secretariat', role: 'secretariat' as const },
  { name: 'Chile', role: 'delegation' as const },
  { name: 'Spain', role: 'observer' as const },
];
type Json = { language?: string; error: { id: string; message: string } };

const languageIn = (doc: Y.Doc) => readDeclarationLanguage(doc.getMap<unknown>(ROOT.settings));
const formulaIn = (doc: Y.Doc) => toPlainText(readDeclaration(doc).meta.formula);
/** The sub-item's marker as every screen derives it from the mirrored language (DL3). */
const subItemMarker = (doc: Y.Doc) => {
  const outline = buildOutline(readClauses(doc));
  const subitem = outline.operative[0]!.children[0]!.clause.id;
  return numberClauses(outline, null, conventionsOf(languageIn(doc)).subItemStyle).get(subitem)!.marker;
};
const changes = (server: { db: Parameters<typeof listAudit>[0] }, id: string) =>
  listAudit(server.db, id)
    .filter((entry) => entry.action === 'language-changed')
    .map(({ actor, detail }) => ({ actor, ...detail }));

describe('changing the declaration language', () => {
  const under = declarationUnderTest(seed, people);
  const put = (who: string, body: unknown) => under.call<Json>('PUT', '/language', who, body);

  it('DL9 DL2 DL3 DL4: the chair changes it; SQLite, every connected client, its sub-item markers and the default formula follow live; audited', async () => {
    const watcher = await under.client('Chile');
    expect([languageIn(watcher.doc), formulaIn(watcher.doc), subItemMarker(watcher.doc)]).toEqual(['en', 'Declare:', '(a)']);

    const answer = await put('Argentina', { language: 'es' });
    expect([answer.status, answer.json]).toEqual([200, { language: 'es' }]);
    expect(getDeclarationLanguage(under.server.db, under.declaration.id)).toBe('es');
    await waitFor(() => languageIn(watcher.doc) === 'es', 'the language mirrored to the client');
    expect(formulaIn(watcher.doc)).toBe('Declaran:');
    expect(subItemMarker(watcher.doc)).toBe('a)');

    // The secretariat may too; each default formula gives way to the next.
    expect((await put('Secretariat', { language: 'fr' })).status).toBe(200);
    await waitFor(() => languageIn(watcher.doc) === 'fr', 'French mirrored');
    expect(formulaIn(watcher.doc)).toBe('Déclarent\u00a0:');
    expect(changes(under.server, under.declaration.id)).toEqual([
      { actor: 'Argentina', from: 'en', to: 'es', formula: { from: 'Declare:', to: 'Declaran:' } },
      { actor: 'Secretariat', from: 'es', to: 'fr', formula: { from: 'Declaran:', to: 'Déclarent\u00a0:' } },
    ]);
  });

  it('DL9: back to English is mirrored too (English over another value), with "(a)" markers', async () => {
    const watcher = await under.client('Spain');
    expect((await put('Argentina', { language: 'pt' })).status).toBe(200);
    await waitFor(() => formulaIn(watcher.doc) === 'Declaram:', 'the Portuguese formula');
    expect((await put('Argentina', { language: 'en' })).status).toBe(200);
    await waitFor(() => languageIn(watcher.doc) === 'en' && watcher.doc.getMap(ROOT.settings).get('language') === 'en', 'English written over Portuguese');
    expect(formulaIn(watcher.doc)).toBe('Declare:');
    expect(subItemMarker(watcher.doc)).toBe('(a)');
  });

  it('DL9: a formula somebody wrote stays as written; the same language again is 200 and records nothing', async () => {
    const chair = await under.client('Argentina');
    // Typed at the end of the formula, as the editor would.
    const formula = ((chair.doc.getMap<Y.XmlFragment>(ROOT.meta).get('formula')!).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    formula.insert(formula.length, ' and resolve');
    await waitFor(() => under.server.rooms.withRoom(under.declaration.id, (room) => formulaIn(room.doc)) === 'Declare: and resolve', 'the typed formula on the server');
    expect((await put('Argentina', { language: 'es' })).status).toBe(200);
    await waitFor(() => languageIn(chair.doc) === 'es', 'Spanish mirrored');
    expect(formulaIn(chair.doc)).toBe('Declare: and resolve');
    const again = await put('Argentina', { language: 'es' });
    expect([again.status, again.json]).toEqual([200, { language: 'es' }]);
    expect(changes(under.server, under.declaration.id)).toEqual([{ actor: 'Argentina', from: 'en', to: 'es' }]);
  });

  it('DL9: delegations and observers are refused with 403; an unknown language or a bad body with 400; nothing changes', async () => {
    for (const who of ['Chile', 'Spain']) {
      const answer = await put(who, { language: 'es' });
      expect([who, answer.status, answer.json.error.id]).toEqual([who, 403, 'not-allowed-changeLanguage']);
    }
    for (const language of ['de', 'ES', '', null, 7, ['es']]) {
      const answer = await put('Argentina', { language });
      expect([JSON.stringify(language), answer.status, answer.json.error.id]).toEqual([JSON.stringify(language), 400, 'bad-language']);
    }
    expect((await put('Argentina', {})).json.error.id).toBe('bad-language');
    expect((await put('Argentina', { language: 'es', formula: 'Declaran:' })).json.error.id).toBe('bad-body');
    expect((await put('Argentina', ['es'])).json.error.id).toBe('bad-body');
    expect(getDeclarationLanguage(under.server.db, under.declaration.id)).toBe('en');
    expect(changes(under.server, under.declaration.id)).toEqual([]);
  });

  it('DL9 SIL4: while a silence procedure runs, and once adopted, the language is frozen: 409', async () => {
    const start = await under.call('POST', '/silence', 'Argentina', { deadline: new Date(Date.now() + 1500).toISOString(), shortDeadline: true, reason: 'Final text.' });
    expect(start.status, JSON.stringify(start.json)).toBe(200);
    const during = await put('Secretariat', { language: 'es' });
    expect([during.status, during.json.error.id]).toEqual([409, 'frozen']);
    expect(during.json.error.message).toMatch(/silence procedure runs/);
    await waitFor(() => under.server.rooms.withRoom(under.declaration.id, (room) => adoptedAt(room.silence()) !== null), 'the adoption', 10_000);
    const after = await put('Argentina', { language: 'es' });
    expect([after.status, after.json.error.id]).toEqual([409, 'frozen']);
    expect(after.json.error.message).toMatch(/adopted/);
    expect(getDeclarationLanguage(under.server.db, under.declaration.id)).toBe('en');
  });

  it('DL9 DL2: the changed language and formula survive a restart, and a late client reads them', async () => {
    expect((await put('Argentina', { language: 'es' })).status).toBe(200);
    under.disconnectAll();
    under.server = await under.server.restart();
    const late = connectClient(under.server, under.declaration.id, under.declaration.tokens.Chile!);
    try {
      await synced(late);
      expect([languageIn(late.doc), formulaIn(late.doc), subItemMarker(late.doc)]).toEqual(['es', 'Declaran:', 'a)']);
    } finally {
      late.destroy();
    }
  });

  it('DL1 DL8: the admin command\'s usage names --language and its four values, in every language', () => {
    for (const language of INTERFACE_LANGUAGES) {
      const usage = translatorFor(language)('admin.usage');
      expect(usage, language).toContain('[--language en|es|pt|fr]');
    }
  });
});
