import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en.ts';
import { format, translatorFor } from '../../shared/i18n/translate.ts';
import { ADMIN_TIMEOUT_MS, admin } from '../testing/adminCommand.ts';
import { adminLanguage } from './adminLanguage.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consenso-admin-lang-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('admin command language', () => {
  it('I18N8: the language is that of LC_ALL, else LC_MESSAGES, else LANG; C, POSIX and unknown ones are English', () => {
    expect(adminLanguage({ LANG: 'es_AR.UTF-8' })).toBe('es');
    expect(adminLanguage({ LANG: 'es_AR.UTF-8', LC_MESSAGES: 'pt_BR.UTF-8' })).toBe('pt');
    expect(adminLanguage({ LANG: 'es_AR.UTF-8', LC_MESSAGES: 'pt_BR.UTF-8', LC_ALL: 'fr_CA.UTF-8' })).toBe('fr');
    expect(adminLanguage({ LANG: 'es_AR.UTF-8', LC_ALL: '' })).toBe('es');
    expect(adminLanguage({ LANG: 'C.UTF-8' })).toBe('en');
    expect(adminLanguage({ LANG: 'POSIX' })).toBe('en');
    expect(adminLanguage({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(adminLanguage({ LANG: 'qps' })).toBe('en');
    expect(adminLanguage({})).toBe('en');
  });

  it(
    'I18N8: with LANG=es_AR.UTF-8 the admin command says what went wrong, and how to use it, in Spanish',
    async () => {
      const es = translatorFor('es');
      const run = await admin(dataDir, ['frobnicate'], { LANG: 'es_AR.UTF-8' });
      expect(run.code).toBe(2);
      const said = es('admin.unknownCommand', { command: 'frobnicate' });
      expect(said).not.toBe(format(en['admin.unknownCommand'], { command: 'frobnicate' }));
      expect(run.stderr).toContain(said);
      expect(run.stderr).toContain(es('admin.usage').split('\n')[0]!);
      expect(run.stderr).not.toContain('Unknown command');

      const missing = await admin(dataDir, ['participants', 'no-such-declaration'], { LANG: 'es_AR.UTF-8' });
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain(es('admin.noDeclaration', { id: 'no-such-declaration', dataDir }));
    },
    ADMIN_TIMEOUT_MS * 2,
  );

  it(
    'I18N8: an error of the server itself (a backup over an existing file) is said in the language of LC_ALL',
    async () => {
      const fr = translatorFor('fr');
      // A database to back up: listing a missing declaration creates the data folder's database.
      await admin(dataDir, ['participants', 'x']);
      const file = path.join(dataDir, 'exists.sqlite');
      fs.writeFileSync(file, '');
      const run = await admin(dataDir, ['backup', file], { LANG: 'es_AR.UTF-8', LC_ALL: 'fr_FR.UTF-8' });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(fr('error.backup-exists', { file }));
      expect(run.stderr).not.toContain('already exists');
    },
    ADMIN_TIMEOUT_MS * 3,
  );
});
