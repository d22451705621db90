import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDraft } from './readDraft.ts';
import { missingWords, wordsOfLine } from './wordsAccounted.ts';

/** The IMP1 check itself (wordsAccounted.ts) fails when a word is lost: otherwise the corpus test could not fail. */
const FILE = path.join(import.meta.dirname, 'corpus', 'en-ga-res-74-132.txt');

describe('IMP1: the words-accounted check', () => {
  it('IMP1: finds nothing missing in a full parse, and names the words of a line dropped from the parse, from a part or from the unplaced lines', async () => {
    const text = fs.readFileSync(FILE, 'utf8');
    const draft = await readDraft('res.txt', new TextEncoder().encode(text));
    expect(missingWords(text, 'txt', draft)).toEqual([]);

    // A masthead line dropped from `unplaced`.
    const withoutMasthead = { ...draft, unplaced: draft.unplaced!.filter((u) => !u.text.startsWith('[on the report')) };
    expect(missingWords(text, 'txt', withoutMasthead)).toEqual(expect.arrayContaining(['Third', 'Committee', '394']));
    // A footnote dropped.
    expect(missingWords(text, 'txt', { ...draft, footnotes: draft.footnotes!.slice(0, 1) })).toEqual(expect.arrayContaining(['Ibid']));
    // One occurrence of a repeated word dropped from a paragraph: counted as a multiset.
    const preamble = draft.preamble.map((p, k) => (k === 0 ? { text: p.text.replace('Human Rights Council', 'Council') } : p));
    expect(missingWords(text, 'txt', { ...draft, preamble })).toEqual(['Human', 'Rights']);
  });

  it('IMP1: leaves out only what the format and the derivation remove: list and heading marks, typed clause numbers, "Article 5", the note label', () => {
    expect(wordsOfLine('### Article 1er', 'md')).toBe('');
    expect(wordsOfLine('Article 5. Right to education', 'txt')).toBe('Right to education');
    expect(wordsOfLine('12. Decides to act;', 'txt')).toBe('Decides to act;');
    expect(wordsOfLine('- (a) to meet;', 'md')).toBe('to meet;');
    expect(wordsOfLine('7 bis. Inserted', 'txt')).toBe('bis Inserted');
    expect(wordsOfLine('Note: Text', 'txt')).toBe('Text');
    expect(wordsOfLine('Welcomes the Agreement[^1]', 'md')).toBe('Welcomes the Agreement1');
    expect(wordsOfLine('Article 2 of the Charter,', 'txt')).toBe('Article 2 of the Charter,');
  });
});
