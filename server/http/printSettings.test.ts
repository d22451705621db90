import { describe, expect, it } from 'vitest';
import { emptySeed } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { plain } from '../../shared/richText.ts';
import { readSettings, subItemStyleOf } from '../../shared/settings.ts';
import { listAudit } from '../db/auditLog.ts';
import { getSettings } from '../db/settings.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { waitFor } from '../testing/testServer.ts';

/**
 * How the text prints its numbers (docs/SPEC.md SET1): the settings
 * `paragraphs` and `subItemStyle`, the chair's through `PUT …/settings`,
 * stored in SQLite, mirrored into the document, audited, frozen under
 * silence. Real server, real SQLite, a stock client reading the mirror.
 */
const under = declarationUnderTest({ ...emptySeed(plain('Print settings')), operative: [{ body: plain('Act;'), subitems: [{ body: plain('now.') }] }] }, [
  { name: 'Argentina', role: 'chair' },
  { name: 'Uruguay', role: 'secretariat' },
  { name: 'Chile', role: 'delegation' },
]);
type Answer = { settings: Record<string, unknown>; error: { id: string; message: string } };
const HOUR = 60 * 60 * 1000;

describe('SET1: paragraph and sub-item styles', () => {
  it('SET1: the chair sets them; every replica reads them from the mirror; SQLite keeps them over a restart; each change is audited', async () => {
    const chile = await under.client('Chile');
    expect((await under.call<Answer>('GET', '/settings', 'Chile')).json.settings).toMatchObject({ paragraphs: 'numbered', subItemStyle: null });
    expect(subItemStyleOf(readSettings(chile.doc.getMap(ROOT.settings)), 'en')).toBe('enclosed');

    const answer = await under.call<Answer>('PUT', '/settings', 'Argentina', { paragraphs: 'articles', subItemStyle: 'closing' });
    expect(answer.status).toBe(200);
    expect(answer.json.settings).toMatchObject({ paragraphs: 'articles', subItemStyle: 'closing', editing: 'direct' });
    await waitFor(() => readSettings(chile.doc.getMap(ROOT.settings)).paragraphs === 'articles', 'the mirror');
    expect(subItemStyleOf(readSettings(chile.doc.getMap(ROOT.settings)), 'en')).toBe('closing');
    expect(listAudit(under.server.db, under.declaration.id).filter((e) => e.action === 'settings').map((e) => e.detail)).toEqual([
      { paragraphs: { from: 'numbered', to: 'articles' } },
      { subItemStyle: { from: null, to: 'closing' } },
    ]);

    // Back to the language's style: null is a value, not a missing key.
    expect((await under.call<Answer>('PUT', '/settings', 'Argentina', { subItemStyle: null })).json.settings).toMatchObject({ subItemStyle: null, paragraphs: 'articles' });
    await waitFor(() => readSettings(chile.doc.getMap(ROOT.settings)).subItemStyle === null, 'null mirrored');

    under.disconnectAll();
    under.server = await under.server.restart();
    expect(getSettings(under.server.db, under.declaration.id)).toMatchObject({ paragraphs: 'articles', subItemStyle: null });
    const again = await under.client('Chile');
    expect(readSettings(again.doc.getMap(ROOT.settings))).toMatchObject({ paragraphs: 'articles', subItemStyle: null });
  });

  it('SET1: a bad value is 400 naming the values allowed; the secretariat and delegations are 403; nothing changes', async () => {
    const bad = await under.call<Answer>('PUT', '/settings', 'Argentina', { paragraphs: 'roman' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ id: 'bad-settings', message: 'paragraphs must be "numbered", "articles" or "unnumbered".' });
    const badStyle = await under.call<Answer>('PUT', '/settings', 'Argentina', { subItemStyle: '(a)' });
    expect(badStyle.status).toBe(400);
    expect(badStyle.json.error.message).toMatch(/^subItemStyle must be "enclosed" \("\(a\)"\), "closing" \("a\)"\) or null/);
    expect((await under.call<Answer>('PUT', '/settings', 'Argentina', { paragraph: 'articles' })).json.error.message).toContain('paragraphs and subItemStyle');
    expect((await under.call<Answer>('PUT', '/settings', 'Uruguay', { paragraphs: 'articles' })).status).toBe(403);
    expect((await under.call<Answer>('PUT', '/settings', 'Chile', { subItemStyle: 'enclosed' })).status).toBe(403);
    expect(getSettings(under.server.db, under.declaration.id)).toMatchObject({ paragraphs: 'numbered', subItemStyle: null });
  });

  it('SET1 SIL4: under a silence procedure the styles do not change (409 frozen); the other settings still do', async () => {
    const start = await under.call('POST', '/silence', 'Argentina', { deadline: new Date(Date.now() + 30 * HOUR).toISOString(), reason: 'Circulated.' });
    expect(start.status).toBe(200);
    for (const change of [{ paragraphs: 'unnumbered' }, { subItemStyle: 'enclosed' }, { paragraphs: 'articles', observersMayComment: true }]) {
      const answer = await under.call<Answer>('PUT', '/settings', 'Argentina', change);
      expect(answer.status).toBe(409);
      expect(answer.json.error.id).toBe('frozen');
    }
    expect((await under.call<Answer>('PUT', '/settings', 'Argentina', { observersMayComment: true })).status).toBe(200);
    expect(getSettings(under.server.db, under.declaration.id)).toMatchObject({ paragraphs: 'numbered', subItemStyle: null, observersMayComment: true });
  });
});
