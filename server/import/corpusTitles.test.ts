import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDraftFile } from './readDraftFile.ts';

/**
 * The title of every real text in the corpus is the line naming the text,
 * never the UN masthead around it (docs/SPEC.md IMP2). Files are read as
 * `npm run admin -- parse` reads them (readDraftFile, in a worker).
 */
const DIR = path.join(import.meta.dirname, 'corpus');

interface Entry {
  file: string;
  expected: { title: string | null };
}

const entries = (JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as { texts: Entry[] }).texts;

/**
 * Titles the importer still gets wrong, with the reason. Each is asserted to
 * be still wrong, so that fixing one fails this test until it leaves the list.
 */
const KNOWN_WRONG: Record<string, string> = {};

function words(value: string | null): string | null {
  return value === null ? null : value.replace(/\s+/gu, ' ').trim();
}

describe('IMP2: corpus titles', () => {
  for (const entry of entries) {
    const reason = KNOWN_WRONG[entry.file];
    it(`IMP2: ${entry.file} is titled ${JSON.stringify(entry.expected.title)}${reason ? ` (known wrong: ${reason})` : ''}`, async () => {
      const parsed = await readDraftFile(path.join(DIR, entry.file));
      if (reason) expect(words(parsed.title)).not.toBe(words(entry.expected.title));
      else expect(words(parsed.title)).toBe(words(entry.expected.title));
    });
  }

  it('IMP2: every known exception names a corpus file', () => {
    const files = new Set(entries.map((e) => e.file));
    for (const file of Object.keys(KNOWN_WRONG)) expect(files.has(file)).toBe(true);
  });
});
