import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../shared/i18n/en.ts';
import { errorKey } from '../shared/i18n/errorMessage.ts';
import { unauthorized } from './errors.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' || entry.name === 'fixtures' ? [] : sources(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

/**
 * Every error id the server can send, read from its sources: the first
 * argument of badRequest/forbidden/notFound/conflict and the second of
 * `new AppError(status, id, …)`, when it is written out; ids made at run
 * time are listed by the test below.
 */
function thrownIds(): Map<string, string> {
  const ids = new Map<string, string>();
  const helper = /\b(?:badRequest|forbidden|notFound|conflict)\(\s*'([a-z0-9-]+)'/g;
  const appError = /new AppError\(\s*\d+,\s*'([a-z0-9-]+)'/g;
  for (const file of sources(path.join(ROOT, 'server'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const pattern of [helper, appError]) for (const match of text.matchAll(pattern)) ids.set(match[1]!, path.relative(ROOT, file));
  }
  return ids;
}

describe('server errors on screen', () => {
  it('I18N6: every error id thrown in server/ has its words in en.ts (error.<id>)', () => {
    const ids = thrownIds();
    expect(ids.size).toBeGreaterThan(80);
    const missing = [...ids].filter(([id]) => errorKey(id) === null).map(([id, file]) => `error.${id} (${file})`);
    expect(missing).toEqual([]);
  });

  it('I18N6: the ids made at run time have words too: refusals of participant management, one per permission, a lost link', () => {
    const access = fs.readFileSync(path.join(ROOT, 'shared/participantAccess.ts'), 'utf8');
    const union = /export type ParticipantRefusal =([^;]+);/.exec(access)?.[1] ?? '';
    const refusals = [...union.matchAll(/'([a-zA-Z-]+)'/g)].map((m) => m[1]!);
    expect(refusals.length).toBeGreaterThan(2);
    for (const id of refusals) expect(errorKey(id), id).toBe(`error.${id}`);
    expect(errorKey('not-allowed-saveVersion')).toBe('error.not-allowed');
    // server/export/redlineExport.ts oneId()
    expect(errorKey('bad-version')).toBe('error.bad-version');
    expect(errorKey(unauthorized().id)).toBe('error.invalid-token');
    expect(en['error.network']).toEqual(expect.any(String));
    expect(en['error.unknown']).toContain('{status}');
  });
});
