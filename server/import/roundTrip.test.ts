import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import type { DeclarationSeed, SeedSubitem } from '../../shared/declarationSeed.ts';
import { ROOT } from '../../shared/document/names.ts';
import { buenosAires2023 } from '../../shared/fixtures/buenosAires2023.ts';
import { detectLanguage } from '../../shared/import/detectLanguage.ts';
import type { ParsedDraft, ParsedItem } from '../../shared/import/parsedDraft.ts';
import { seedFromDraft } from '../../shared/import/seedFromDraft.ts';
import { toPlainText } from '../../shared/richText.ts';
import { readExportInput } from '../export/exportInput.ts';
import { renderExport } from '../export/formats.ts';
import { docFromSeed, SAMPLE_DATE } from '../export/samples.ts';
import { demoDraft, formattingOf, withRuns } from './fixtures/demoDraft.ts';
import { LANGUAGE_SEEDS } from './fixtures/languageSeeds.ts';
import { readDraft } from './readDraft.ts';

/**
 * What Consenso writes, it reads back (docs/SPEC.md IMP5): a declaration
 * exported as a clean text by the exporters (server/export/) and imported
 * again has the same clauses, of the same kinds, with the same words —
 * characters such as "*" and French no-break spaces included — and makes
 * the same seed, italics included, but for the conference line and
 * subtitle, which a draft has no place for. Its language is told again from
 * its words, so exporting the imported declaration prints the same markers
 * ("a)" in Spanish, "(a)" in English) and the same file.
 */
const FORMATS = ['docx', 'md', 'txt'] as const;

function inLanguage(doc: Y.Doc, language: DeclarationLanguage): Y.Doc {
  // What the server's mirror writes (Room.mirrorLanguage).
  doc.getMap<unknown>(ROOT.settings).set('language', language);
  return doc;
}

/** The sub-item style the exporters print for a language ("(a)" in English, "a)" in the others), read back from typed markers; Word numbers its sub-items itself. */
function styleRead(seed: DeclarationSeed, language: DeclarationLanguage, format: (typeof FORMATS)[number]): Partial<ParsedDraft> {
  const hasSubitems = seed.operative.some((op) => (op.subitems ?? []).length > 0);
  if (!hasSubitems || format === 'docx') return {};
  return { subItemStyle: language === 'en' ? 'enclosed' : 'closing' };
}

/** .docx and .md carry italics and bold; .txt does not (IMP8). */
const formatted = (format: (typeof FORMATS)[number]) => format !== 'txt';

/** The seed as the parser should find it in any clean export of it; `formatted`: with its italics and bold as runs. */
function draftOf(seed: DeclarationSeed, extra: Partial<ParsedDraft> = {}, isFormatted = false): ParsedDraft {
  const items = (list: SeedSubitem[]): ParsedItem[] => list.map((op) => ({ ...withRuns({ text: toPlainText(op.body) }, op.body, isFormatted), subitems: items(op.subitems ?? []) }));
  const orNull = (text: string) => (text === '' ? null : text);
  return {
    ...formattingOf(seed, isFormatted),
    title: orNull(toPlainText(seed.title)),
    chapeau: orNull(toPlainText(seed.chapeau)),
    preamble: seed.preamble.map((p) => withRuns({ text: toPlainText(p) }, p, isFormatted)),
    formula: orNull(toPlainText(seed.formula)),
    operative: items(seed.operative),
    note: orNull(toPlainText(seed.note)),
    signatories: seed.signatories,
    conference: orNull(toPlainText(seed.conference)),
    subtitle: orNull(toPlainText(seed.subtitle)),
    closing: null,
    footnotes: [],
    ...extra,
  };
}

/** The draft without italics and bold: what a .txt file gives. */
function plainDraft(draft: ParsedDraft): ParsedDraft {
  const { formatting: _formatting, ...rest } = draft;
  const item = ({ runs: _runs, ...entry }: ParsedItem): ParsedItem => ({ ...entry, subitems: entry.subitems.map(item) });
  return {
    ...rest,
    preamble: draft.preamble.map(({ runs: _runs, ...p }) => p),
    operative: draft.operative.map(item),
    footnotes: (draft.footnotes ?? []).map(({ runs: _runs, ...f }) => f),
  };
}

/** The draft with the italics and bold its seed prints, as the parser reads them back from .docx or .md. */
function withSeedRuns(draft: ParsedDraft, seed: DeclarationSeed): ParsedDraft {
  const items = (list: ParsedItem[], seeds: SeedSubitem[]): ParsedItem[] =>
    list.map((entry, i) => ({ ...withRuns(entry, seeds[i]!.body, true), subitems: items(entry.subitems, seeds[i]!.subitems ?? []) }));
  return {
    ...draft,
    ...formattingOf(seed, true),
    preamble: draft.preamble.map((p, i) => withRuns(p, seed.preamble[i]!, true)),
    operative: items(draft.operative, seed.operative),
    footnotes: (draft.footnotes ?? []).map((f, i) => withRuns(f, seed.footnotes![i]!.body, true)),
  };
}

async function exported(format: (typeof FORMATS)[number], seed: DeclarationSeed, language: DeclarationLanguage): Promise<Uint8Array> {
  const file = await renderExport(format, readExportInput(inLanguage(docFromSeed(seed), language), SAMPLE_DATE), 'clean');
  return typeof file === 'string' ? new TextEncoder().encode(file) : file;
}

/**
 * A Markdown file hard-wrapped as an editor reflows it: every line longer
 * than `width` broken at spaces, a list item's lines indented under its
 * text. Headings and lines ending in a hard break ("\\") stay whole.
 */
function hardWrapped(markdown: string, width: number): string {
  return markdown
    .split('\n')
    .flatMap((line) => {
      if (line.length <= width || line.startsWith('#') || line.endsWith('\\')) return [line];
      const indent = ' '.repeat((/^\s*(?:\d+\.|-)\s+/u.exec(line)?.[0] ?? /^\s*/u.exec(line)![0]).length);
      const out: string[] = [];
      let current = '';
      for (const word of line.split(' ')) {
        if (current !== '' && current.length + 1 + word.length > width) {
          out.push(current);
          current = indent + word;
        } else current = current === '' ? word : `${current} ${word}`;
      }
      out.push(current);
      return out;
    })
    .join('\n');
}

describe('export, then import', () => {
  it.each(FORMATS)('IMP5: the demo exported as .%s and imported back gives the same clauses, kinds and text', async (format) => {
    const file = await renderExport(format, readExportInput(docFromSeed(), SAMPLE_DATE), 'clean');
    const draft = await readDraft(`Declaration of Buenos Aires.${format}`, file);
    expect(draft).toEqual(demoDraft(styleRead(buenosAires2023, 'en', format), { formatted: formatted(format) }));
    // The conference line and the subtitle come back as parts (IMP9): nothing is left unplaced.
    expect(seedFromDraft(draft)).toMatchObject(buenosAires2023);
    expect(detectLanguage(draft)).toBe('en');
  });

  const cases = Object.entries(LANGUAGE_SEEDS).flatMap(([language, seed]) => FORMATS.map((format) => [language as DeclarationLanguage, format, seed] as const));
  it.each(cases)('IMP5 IMP8: a declaration in %s exported as .%s and imported back: the same parts, clauses, kinds, words and italics, its language told again', async (language, format, seed) => {
    const draft = await readDraft(`declaration.${format}`, await exported(format, seed, language));
    expect(draft).toEqual(draftOf(seed, styleRead(seed, language, format), formatted(format)));
    expect(seedFromDraft(draft)).toMatchObject(seed);
    expect(detectLanguage(draft)).toBe(language);
    // Exported again from what was imported, in the language told: the same file, markers included.
    if (format !== 'docx') {
      const again = await exported(format, seedFromDraft(draft), detectLanguage(draft));
      expect(new TextDecoder().decode(again)).toBe(new TextDecoder().decode(await exported(format, seed, language)));
    }
  });
  it.each(Object.entries(LANGUAGE_SEEDS).map(([language, seed]) => [language as DeclarationLanguage, seed] as const))(
    'IMP8 IMP5: a .md export in %s hard-wrapped by an editor, emphasis running over the line ends, is read back with the same words, italics and bold',
    async (language, seed) => {
      const markdown = new TextDecoder().decode(await exported('md', seed, language));
      const wrapped = hardWrapped(markdown, 40);
      // The wrapping does break emphasis over lines: "*The Honorable Ministers …,*" and "*Prenant note*" among them.
      expect(wrapped.split('\n').some((line) => /^\s*\*[^*\s]/u.test(line) && !/\*\s*$/u.test(line) && (line.match(/\*/gu) ?? []).length % 2 === 1)).toBe(true);
      const draft = await readDraft('declaration.md', new TextEncoder().encode(wrapped));
      expect(draft).toEqual(draftOf(seed, styleRead(seed, language, 'md'), true));
      expect(seedFromDraft(draft)).toMatchObject(seed);
    },
  );

  it('IMP8 IMP5: the demo\'s .md export hard-wrapped at 72 columns is read back as the unwrapped one is, italics included', async () => {
    const markdown = new TextDecoder().decode(await exported('md', buenosAires2023, 'en'));
    const draft = await readDraft('declaration.md', new TextEncoder().encode(hardWrapped(markdown, 72)));
    expect(draft).toEqual(await readDraft('declaration.md', new TextEncoder().encode(markdown)));
    expect(draft.formatting?.chapeau).toEqual([{ text: toPlainText(buenosAires2023.chapeau), italic: true }]);
  });

  /** A declaration with every part issue 15 added: conference line, subtitle, headings, closing, footnotes, sub-items; italics and bold of its own in the chapeau, clauses, the closing line and a footnote (IMP8). */
  const fullDraft = (markers: [string, string]): ParsedDraft => ({
    formatting: {
      chapeau: [{ text: 'We, the ', italic: true }, { text: 'Heads of State and Government', italic: true, bold: true }, { text: ',', italic: true }],
      closing: [{ text: 'Done at Mar del Plata', bold: true }, { text: ', 5 November 2005.' }],
    },
    conference: 'Fourth Summit of the Americas',
    title: 'Declaration of Mar del Plata',
    subtitle: 'Adopted at Mar del Plata on 5 November 2005',
    chapeau: 'We, the Heads of State and Government,',
    preamble: [{ text: `Recognizing the value of peace,${markers[0]}`, heading: 'Preamble' }, { text: 'Noting the report,' }],
    formula: 'Declare:',
    operative: [
      { text: 'Our commitment to peace;', runs: [{ text: 'Our ' }, { text: 'commitment', bold: true }, { text: ' to peace;' }], subitems: [], heading: 'A. Health' },
      {
        text: 'Our support to:',
        subitems: [
          { text: 'the Network;', subitems: [] },
          { text: `the Agreement.${markers[1]}`, runs: [{ text: 'the ' }, { text: 'Agreement', italic: true }, { text: `.${markers[1]}` }], subitems: [] },
        ],
        heading: 'Security and Stability',
      },
    ],
    closing: 'Done at Mar del Plata, 5 November 2005.',
    note: null,
    footnotes: [
      { marker: markers[0], text: 'Official Records, Supplement No. 53.', runs: [{ text: 'Official Records', italic: true }, { text: ', Supplement No. 53.' }] },
      { marker: markers[1], text: 'Document S/2015/1.' },
    ],
    signatories: [{ name: 'Jorge Taiana', title: 'Ministro de Defensa', state: 'República Argentina' }],
  });
  const styles = (['numbered', 'articles', 'unnumbered'] as const).flatMap((paragraphs) =>
    FORMATS.flatMap((format) => (['enclosed', 'closing'] as const).map((subItemStyle) => [paragraphs, format, subItemStyle] as const)),
  );
  it.each(styles)(
    'IMP5 IMP8 IMP9–IMP14: paragraphs %s, exported as .%s with sub-items %s, read back: conference line, subtitle, headings, article lines, closing, footnotes, sub-item style, and the italics and bold of chapeau, clauses, closing and a footnote',
    async (paragraphs, format, subItemStyle) => {
      // A typed "*" is kept in every format (.docx: a Word custom mark, EXP13).
      const draft = fullDraft(['1', '*']);
      const seed = seedFromDraft(draft);
      const doc = docFromSeed(seed);
      doc.getMap<unknown>(ROOT.settings).set('paragraphs', paragraphs);
      doc.getMap<unknown>(ROOT.settings).set('subItemStyle', subItemStyle);
      const file = await renderExport(format, readExportInput(doc, SAMPLE_DATE), 'clean');
      const back = await readDraft(`declaration.${format}`, typeof file === 'string' ? new TextEncoder().encode(file) : file);
      expect(back).toEqual({
        // .docx and .md: the italics and bold as printed — the source's own and the derived opening phrases (IMP8); .txt has none.
        ...(formatted(format) ? withSeedRuns(plainDraft(draft), seed) : plainDraft(draft)),
        ...(paragraphs === 'numbered' ? {} : { paragraphs }),
        // Word numbers the sub-items itself: no typed marker tells their style.
        ...(format === 'docx' ? {} : { subItemStyle }),
      });
      // The seed's rich text comes back exactly: from .txt, only the italics the seed derives (IMP4).
      expect(seedFromDraft(back)).toEqual(formatted(format) ? seed : seedFromDraft(plainDraft(draft)));
    },
  );
});
