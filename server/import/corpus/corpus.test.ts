import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import corpus is sound (docs/SPEC.md CORPUS1): real texts with the
 * structure a reader finds in them (README.md). Only what holds of the
 * corpus itself is checked here, so that the importer work can compare the
 * parser with `expected` later without first having to trust the data.
 */
const DIR = import.meta.dirname;
const OWN_FILES = new Set(['manifest.json', 'README.md', 'corpus.test.ts']);
const LANGUAGES = ['en', 'es', 'pt', 'fr'];
const COUNTS = ['preamble', 'operative', 'subitems', 'footnotes', 'signatories'] as const;
const EXPECTED_KEYS = ['articles', 'closing', 'conference', 'footnotes', 'operative', 'preamble', 'signatories', 'subitems', 'subtitle', 'title'];
const ENTRY_KEYS = ['excerpt', 'expected', 'features', 'file', 'language', 'licence', 'notes', 'source', 'title'];

interface Entry {
  file: string;
  title: string;
  language: string;
  source: string;
  licence: string;
  excerpt: boolean;
  features: string[];
  notes: string;
  expected: Record<string, unknown>;
}

const manifest = JSON.parse(fs.readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as { texts: Entry[] };
const entries = manifest.texts;

function text(file: string): string {
  // Fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD.
  return new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(path.join(DIR, file)));
}

/** Whitespace collapsed, so that a value read across a line break still matches the file. */
function words(value: string): string {
  return value.replace(/\s+/gu, ' ').trim();
}

describe('CORPUS1: the import corpus', () => {
  it('CORPUS1: holds at least 15 texts, in English, Spanish, Portuguese and French', () => {
    expect(entries.length).toBeGreaterThanOrEqual(15);
    expect(new Set(entries.map((e) => e.language))).toEqual(new Set(LANGUAGES));
  });

  it('CORPUS1: every file of the folder is in the manifest, once', () => {
    const files = fs.readdirSync(DIR).filter((name) => !OWN_FILES.has(name)).sort();
    const listed = entries.map((e) => e.file);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(files);
  });

  for (const entry of entries) {
    describe(entry.file, () => {
      it('CORPUS1: exists, is UTF-8 plain text and not empty', () => {
        expect(entry.file).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*\.(?:txt|md)$/u);
        const content = text(entry.file);
        expect(content.trim()).not.toBe('');
        // Plain text: no control character but tab and line ends, no byte-order mark, no replacement character.
        const stray = [...content].filter((char) => (char < ' ' && !'\t\n\r'.includes(char)) || char === '\uFEFF' || char === '\uFFFD');
        expect(stray).toEqual([]);
      });

      it('CORPUS1: its entry is well formed', () => {
        expect(Object.keys(entry).sort()).toEqual(ENTRY_KEYS);
        expect(LANGUAGES).toContain(entry.language);
        for (const field of ['title', 'licence', 'notes'] as const) expect(entry[field].trim()).not.toBe('');
        expect(entry.source).toMatch(/^https?:\/\/\S+/u);
        expect(typeof entry.excerpt).toBe('boolean');
        expect(entry.features.length).toBeGreaterThan(0);
        expect(new Set(entry.features).size).toBe(entry.features.length);
        for (const feature of entry.features) expect(feature).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
        expect(entry.features.includes('excerpt')).toBe(entry.excerpt);

        const expected = entry.expected;
        expect(Object.keys(expected).sort()).toEqual(EXPECTED_KEYS);
        for (const count of COUNTS) {
          expect(Number.isInteger(expected[count]), count).toBe(true);
          expect(expected[count] as number, count).toBeGreaterThanOrEqual(0);
        }
        expect(typeof expected.articles).toBe('boolean');
        if (expected.articles === true) expect(expected.operative as number).toBeGreaterThan(0);
        for (const field of ['title', 'closing', 'conference', 'subtitle'] as const) {
          const value = expected[field];
          expect(value === null || (typeof value === 'string' && value.trim() !== ''), field).toBe(true);
        }
        expect((expected.preamble as number) + (expected.operative as number)).toBeGreaterThan(0);
      });

      it('CORPUS1: its expected title, conference line, subtitle and closing lines are in the text', () => {
        const content = words(text(entry.file));
        const { title, closing, conference, subtitle } = entry.expected;
        for (const value of [title, conference, subtitle]) if (typeof value === 'string') expect(content).toContain(words(value));
        if (typeof closing === 'string') for (const line of closing.split('\n')) expect(content).toContain(words(line));
      });
    });
  }
});
