import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import type { DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { ROOT } from '../../shared/document/names.ts';
import { drawnLines, drawnPieces } from '../testing/pdfText.ts';
import { renderAkn } from './akn.ts';
import { renderDocx, STYLE } from './docx.ts';
import { readExportInput, type ExportVariant } from './exportInput.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { renderPdf } from './pdf.ts';
import { docFromSeed, partsDeclaration, partsInput, SAMPLE_DATE, workingTextDoc } from './samples.ts';
import type { Declaration } from '../../shared/declaration.ts';
import { renderTxt } from './txt.ts';

/**
 * The parts issue 15 added, in every format: the closing line and clause
 * headings (EXP11), articles and unnumbered paragraphs (EXP12), footnotes
 * (EXP13) and the declaration's sub-item style (EXP14). One declaration
 * holds them all (samples.ts partsDeclaration): a heading above PP1, OP1
 * (its caption in articles) and OP2(b), footnote 1 referenced in PP1 and
 * footnote 2 in OP2, and the closing line "Done at Montevideo, 3 May 2023."
 */
const VARIANTS: ExportVariant[] = ['clean', 'negotiation'];
const ARTICLES: Record<DeclarationLanguage, [string, string]> = {
  en: ['Article 1', 'Article 2'],
  es: ['Artículo 1', 'Artículo 2'],
  pt: ['Artigo 1', 'Artigo 2'],
  fr: ['Article premier', 'Article 2'],
};
const LANGUAGES = Object.keys(ARTICLES) as DeclarationLanguage[];
const CLOSING = 'Done at Montevideo, 3 May 2023.';
/**
 * partsDeclaration with markers Word cannot number itself: "*" and "†",
 * and a third footnote nothing references.
 */
function oddMarkers(): Declaration {
  const declaration = partsDeclaration();
  const [first, second] = declaration.footnotes!;
  const marked = (text: Declaration['clauses'][number]['body']) => text.map((run) => (run.footnote === 'fn-a' ? { ...run, text: '*' } : run.footnote === 'fn-b' ? { ...run, text: '†' } : run));
  return {
    ...declaration,
    clauses: declaration.clauses.map((clause) => ({ ...clause, body: marked(clause.body) })),
    footnotes: [{ ...first!, marker: '*' }, { ...second!, marker: '†' }, { id: 'fn-c', order: 'c', marker: '3', body: [{ text: 'Referenced nowhere.' }] }],
  };
}

const at = (text: string, part: string) => {
  const i = text.indexOf(part);
  expect(i, part).toBeGreaterThanOrEqual(0);
  return i;
};

describe('plain text: closing, headings, articles, footnotes', () => {
  it('EXP11: the closing line follows the operative part, before the footnotes and signatures; each heading is a line alone above its clause', () => {
    for (const variant of VARIANTS) {
      const text = renderTxt(partsInput(), variant);
      expect(text).toContain('\n\nPart I. General\n\n');
      expect(at(text, 'Part I. General')).toBeLessThan(at(text, 'Recalling'));
      expect(text).toContain('\n\nCooperation\n\n');
      expect(at(text, 'Cooperation')).toBeLessThan(at(text, 'The Parties shall cooperate'));
      expect(text).toContain('\n\n    Logistics\n\n');
      expect(at(text, 'enters into force on signature.')).toBeLessThan(at(text, `\n\n${CLOSING}\n\n`));
      expect(at(text, CLOSING)).toBeLessThan(at(text, '__________'));
      expect(at(text, '__________')).toBeLessThan(at(text, 'Ana Pérez'));
    }
    // In the negotiation text the heading is above the clause's label.
    const negotiation = renderTxt(partsInput(), 'negotiation');
    expect(negotiation).toContain('Cooperation\n\n[OP1] open\n1.  The Parties shall cooperate');
  });

  it('EXP12: articles — the article line in the language, the caption, the text without a number; sub-items keep their letters', () => {
    for (const language of LANGUAGES) {
      const text = renderTxt(partsInput({ paragraphs: 'articles' }, language), 'clean');
      const [first, second] = ARTICLES[language];
      expect(text, language).toContain(`\n\n${first}\n\nCooperation\n\nThe Parties shall cooperate in good faith.\n\n${second}\n\nThe Parties shall exchange information2 on:\n\n`);
      expect(text).not.toMatch(/^\d+\.\s/m);
      expect(text).toMatch(/\n {4}\(?b\) {1,2}logistics\./);
    }
    const negotiation = renderTxt(partsInput({ paragraphs: 'articles' }, 'fr'), 'negotiation');
    expect(negotiation).toContain('\n\nArticle premier\n\nCooperation\n\n[OP1] ouvert\nThe Parties shall cooperate in good faith.\n');
  });

  it('EXP12: unnumbered — operative paragraphs without numbers; labels stay in the negotiation text', () => {
    const clean = renderTxt(partsInput({ paragraphs: 'unnumbered' }), 'clean');
    expect(clean).toContain('\n\nThe Parties shall cooperate in good faith.\n\n');
    expect(clean).toContain('\n\nThis Declaration enters into force on signature.\n\n');
    expect(clean).not.toMatch(/^\d+\.\s/m);
    expect(clean).toContain('\n    (a) training;\n');
    expect(renderTxt(partsInput({ paragraphs: 'unnumbered' }), 'negotiation')).toContain('[OP3] open\nThis Declaration enters into force on signature.\n');
  });

  it('EXP13: the marker glued to the text as typed; at the end ten underscores, then one line per note', () => {
    const text = renderTxt(partsInput(), 'clean');
    expect(text).toContain('the Charter of the United Nations1,');
    expect(text).toContain('exchange information2 on:');
    expect(text).toContain(`${CLOSING}\n\n__________\n1 Signed at San Francisco on 26 June 1945.\n2 See annex I.\n\n`);
  });

  it('EXP14: sub-items "(a)" when enclosed, "a)" when closing, whatever the language', () => {
    expect(renderTxt(partsInput({ subItemStyle: 'closing' }, 'en'), 'clean')).toContain('\n    a)  training;\n');
    expect(renderTxt(partsInput({ subItemStyle: 'enclosed' }, 'es'), 'clean')).toContain('\n    (a) training;\n');
    // null: the language's (DL3).
    expect(renderTxt(partsInput({ subItemStyle: null }, 'fr'), 'clean')).toContain('\n    a)  training;\n');
  });
});

describe('Markdown: closing, headings, articles, footnotes', () => {
  it('EXP11: the closing line after the operative part; headings as ### above their clause (a sub-item\'s inside its paragraph\'s item)', () => {
    const md = renderMarkdown(partsInput(), 'clean');
    expect(md).toContain('### Part I. General\n\n*Recalling* the Charter');
    expect(md).toContain('### Cooperation\n\n1. The Parties shall cooperate in good faith.');
    expect(md).toContain('   - (a) training;\n\n   ### Logistics\n\n   - (b) logistics.');
    expect(at(md, '3. This Declaration')).toBeLessThan(at(md, `\n\n${CLOSING}\n\n`));
    expect(at(md, CLOSING)).toBeLessThan(at(md, '[^1]: '));
    expect(at(md, '[^2]: ')).toBeLessThan(at(md, '**Ana Pérez**'));
  });

  it('EXP12: articles as ### Article 1, the caption as ####, the text without a number; unnumbered paragraphs as plain paragraphs', () => {
    for (const language of LANGUAGES) {
      const [first, second] = ARTICLES[language];
      const md = renderMarkdown(partsInput({ paragraphs: 'articles' }, language), 'clean');
      expect(md, language).toContain(`### ${first}\n\n#### Cooperation\n\nThe Parties shall cooperate in good faith.\n\n### ${second}\n\nThe Parties shall exchange information[^2] on:\n\n- `);
      expect(md).not.toMatch(/^\d+\. /m);
    }
    const unnumbered = renderMarkdown(partsInput({ paragraphs: 'unnumbered' }), 'clean');
    expect(unnumbered).toContain('### Cooperation\n\nThe Parties shall cooperate in good faith.\n\nThe Parties shall exchange information[^2] on:\n\n- (a) training;');
    expect(unnumbered).not.toMatch(/^\d+\. /m);
    const negotiation = renderMarkdown(partsInput({ paragraphs: 'articles' }, 'es'), 'negotiation');
    expect(negotiation).toContain('### Artículo 1\n\n#### Cooperation\n\n**\\[OP1\\]** *abierto*\\\nThe Parties shall cooperate in good faith.');
  });

  it('EXP13: any marker kept as typed ("*", "†"), and a note nothing references printed too — Markdown and plain text', () => {
    const md = renderMarkdown(partsInput({}, 'en', oddMarkers()), 'clean');
    expect(md).toContain('the Charter of the United Nations[^*],');
    expect(md).toContain('exchange information[^†] on:');
    expect(md).toContain('[^*]: Signed at San Francisco on 26 June 1945.\n\n[^†]: See *annex* I.\n\n[^3]: Referenced nowhere.\n');
    const text = renderTxt(partsInput({}, 'en', oddMarkers()), 'clean');
    expect(text).toContain('the Charter of the United Nations*,');
    expect(text).toContain('__________\n* Signed at San Francisco on 26 June 1945.\n† See annex I.\n3 Referenced nowhere.\n');
  });

  it('EXP13: [^1] where referenced, [^1]: text at the end', () => {
    const md = renderMarkdown(partsInput(), 'clean');
    expect(md).toContain('the Charter of the United Nations[^1],');
    expect(md).toContain('\n\n[^1]: Signed at San Francisco on 26 June 1945.\n\n[^2]: See *annex* I.\n\n');
  });

  it('EXP14: sub-items in the declaration\'s style', () => {
    expect(renderMarkdown(partsInput({ subItemStyle: 'closing' }), 'clean')).toContain('   - a) training;');
    expect(renderMarkdown(partsInput({ subItemStyle: 'enclosed' }, 'pt'), 'clean')).toContain('   - (a) training;');
  });
});

describe('HTML: closing, headings, articles, footnotes', () => {
  it('EXP11: the closing line after the operative part; headings as <h3> above their clause', () => {
    for (const variant of VARIANTS) {
      const html = renderHtml(partsInput(), variant);
      expect(html).toContain('<h3 class="heading">Part I. General</h3>');
      expect(at(html, '<h3 class="heading">Cooperation</h3>')).toBeLessThan(at(html, 'The Parties shall cooperate'));
      expect(at(html, '</section>\n<p class="closing">Done at Montevideo, 3 May 2023.</p>')).toBeLessThan(at(html, '<section class="footnotes">'));
      expect(at(html, '<section class="footnotes">')).toBeLessThan(at(html, '<section class="signatures">'));
    }
  });

  it('EXP12: articles as <h3> in the language and the caption as <h4>, no number box; unnumbered paragraphs without a number', () => {
    for (const language of LANGUAGES) {
      const [first] = ARTICLES[language];
      const html = renderHtml(partsInput({ paragraphs: 'articles' }, language), 'clean');
      expect(html).toContain(`<h3 class="article">${first}</h3>\n<h4 class="heading">Cooperation</h4>\n<p class="op unnumbered">The Parties shall cooperate in good faith.</p>`);
      expect(html).not.toMatch(/<span class="num">\d/);
      expect(html).toMatch(/<span class="num">\(?b\) <\/span>logistics\./);
    }
    const unnumbered = renderHtml(partsInput({ paragraphs: 'unnumbered' }), 'clean');
    expect(unnumbered).toContain('<p class="op unnumbered">This Declaration enters into force on signature.</p>');
    expect(unnumbered).not.toMatch(/<span class="num">\d/);
  });

  it('EXP13: the marker superscript, linked to its note; the notes at the end under a rule, each "marker text"', () => {
    const html = renderHtml(partsInput(), 'clean');
    expect(html).toContain('the Charter of the United Nations<sup class="fnref"><a href="#fn-1">1</a></sup>,');
    expect(html).toContain('<section class="footnotes">\n<hr>\n<p class="footnote" id="fn-1"><sup>1</sup> Signed at San Francisco on 26 June 1945.</p>\n<p class="footnote" id="fn-2"><sup>2</sup> See <i>annex</i> I.</p>\n</section>');
  });

  it('EXP14: sub-items in the declaration\'s style', () => {
    expect(renderHtml(partsInput({ subItemStyle: 'closing' }), 'clean')).toContain('<span class="num">a) </span>training;');
    expect(renderHtml(partsInput({ subItemStyle: 'enclosed' }, 'fr'), 'clean')).toContain('<span class="num">(a) </span>training;');
  });
});

describe('PDF: closing, headings, articles, footnotes', () => {
  it('EXP11 EXP13: headings above their clause, the closing line after the operative part, the notes at the end before the signature page, the marker smaller', async () => {
    const pdf = await renderPdf(partsInput(), 'clean', { compress: false });
    const lines = drawnLines(pdf);
    const index = (line: string) => {
      const i = lines.findIndex((l) => l.trim() === line);
      expect(i, line).toBeGreaterThanOrEqual(0);
      return i;
    };
    expect(index('Part I. General')).toBeLessThan(lines.findIndex((l) => l.startsWith('Recalling')));
    expect(index('Cooperation')).toBeLessThan(lines.findIndex((l) => l.includes('The Parties shall cooperate')));
    expect(index(CLOSING)).toBeGreaterThan(lines.findIndex((l) => l.includes('enters into force')));
    const note1 = lines.findIndex((l) => l.includes('Signed at San Francisco'));
    expect(note1).toBeGreaterThan(index(CLOSING));
    expect(lines.findIndex((l) => l.includes('Ana Pérez'))).toBeGreaterThan(note1);
    // The reference is its own piece, between the words it stands between, in a smaller size.
    const reference = lines.findIndex((l, i) => l === '1' && lines[i - 1]!.endsWith('United Nations'));
    expect(reference).toBeGreaterThan(0);
    expect(lines[reference + 1]).toBe(',');
    expect(pdf.toString('latin1')).toMatch(/\/F\d+ 7\.2 Tf/);
    // Each note "marker text", in order, at the end.
    expect(lines.slice(note1 - 1, note1 + 5).join('')).toBe('1 Signed at San Francisco on 26 June 1945.2 See annex I.');
  });

  it('EXP12: articles in the language and unnumbered paragraphs print no paragraph number; sub-items keep their letters', async () => {
    for (const language of ['fr', 'es'] as const) {
      const lines = drawnLines(await renderPdf(partsInput({ paragraphs: 'articles' }, language), 'clean', { compress: false })).map((l) => l.trim());
      const [first, second] = ARTICLES[language];
      expect(lines).toContain(first);
      expect(lines).toContain(second);
      expect(lines.indexOf(first)).toBeLessThan(lines.indexOf('Cooperation'));
      expect(lines).not.toContain('1.');
      expect(lines).toContain('b)');
    }
    const unnumbered = drawnLines(await renderPdf(partsInput({ paragraphs: 'unnumbered', subItemStyle: 'enclosed' }, 'es'), 'clean', { compress: false })).map((l) => l.trim());
    expect(unnumbered).not.toContain('1.');
    expect(unnumbered).not.toContain('3.');
    expect(unnumbered).toContain('(a)');
    const numbered = drawnPieces(await renderPdf(partsInput(), 'clean', { compress: false })).map((p) => p.text.trim());
    expect(numbered).toContain('3.');
  });
});

async function unzipDocx(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  const document = await read('word/document.xml');
  const paragraphs = [...document.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/gs)].map(([, inner = '']) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1] ?? null,
    numId: /<w:numId w:val="(\d+)"\/>/.exec(inner)?.[1] ?? null,
    text: [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    xml: inner,
  }));
  return { document, paragraphs, footnotes: await read('word/footnotes.xml'), numbering: await read('word/numbering.xml') };
}

describe('Word: closing, headings, articles, footnotes', () => {
  it('EXP11: headings in Word\'s "Heading 2" above their clause; the closing line in the style Closing after the operative part', async () => {
    for (const variant of VARIANTS) {
      const { paragraphs } = await unzipDocx(await renderDocx(partsInput(), variant));
      const i = (text: string) => paragraphs.findIndex((p) => p.text.startsWith(text));
      expect(paragraphs[i('Part I. General')]!.style).toBe('Heading2');
      expect(paragraphs[i('Cooperation')]!.style).toBe('Heading2');
      expect(paragraphs[i('Logistics')]!.style).toBe('Heading2');
      expect(i('Cooperation')).toBeLessThan(i('The Parties shall cooperate'));
      const closing = i(CLOSING);
      expect(paragraphs[closing]!.style).toBe(STYLE.closing);
      expect(closing).toBeGreaterThan(i('This Declaration enters'));
    }
  });

  it('EXP12: articles — the article line "Heading 2" in the language, the caption "Heading 3", the paragraph outside the list; sub-items a list of their own', async () => {
    for (const language of LANGUAGES) {
      const { paragraphs } = await unzipDocx(await renderDocx(partsInput({ paragraphs: 'articles' }, language), 'clean'));
      const [first, second] = ARTICLES[language];
      const i = (text: string) => paragraphs.findIndex((p) => p.text === text || p.text.startsWith(text));
      expect(paragraphs[i(first)]).toMatchObject({ style: 'Heading2' });
      expect(paragraphs[i(first) + 1]).toMatchObject({ style: 'Heading3', text: 'Cooperation' });
      expect(paragraphs[i(first) + 2]).toMatchObject({ style: STYLE.operative, numId: null, text: 'The Parties shall cooperate in good faith.' });
      expect(paragraphs[i(second)]).toMatchObject({ style: 'Heading2' });
      expect(paragraphs[i('training;')]!.numId).not.toBeNull();
    }
    const unnumbered = (await unzipDocx(await renderDocx(partsInput({ paragraphs: 'unnumbered' }), 'clean'))).paragraphs.filter((p) => p.style === STYLE.operative);
    expect(unnumbered.filter((p) => p.numId === null).map((p) => p.text)).toEqual([
      'The Parties shall cooperate in good faith.',
      'The Parties shall exchange information on:',
      'This Declaration enters into force on signature.',
    ]);
    expect(unnumbered.filter((p) => p.numId !== null).map((p) => p.text)).toEqual(['training;', 'logistics.']);
  });

  it('EXP13: real Word footnotes — w:footnoteReference where referenced, the text in word/footnotes.xml', async () => {
    const { paragraphs, footnotes } = await unzipDocx(await renderDocx(partsInput(), 'clean'));
    const pp1 = paragraphs.find((p) => p.text.startsWith('Recalling'))!;
    expect(pp1.xml).toMatch(/the Charter of the United Nations<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/><\/w:r><w:r><w:t xml:space="preserve">,<\/w:t>/);
    expect(pp1.text).toBe('Recalling the Charter of the United Nations,');
    expect(paragraphs.find((p) => p.text.startsWith('The Parties shall exchange'))!.xml).toContain('<w:footnoteReference w:id="2"/>');
    expect(footnotes).toMatch(/<w:footnote w:id="1">.*<w:footnoteRef\/>.*Signed at San Francisco on 26 June 1945\.<\/w:t>.*<\/w:footnote>/s);
    expect(footnotes).toMatch(/<w:footnote w:id="2">.*See <\/w:t>.*<w:i\/>.*annex<\/w:t>.* I\.<\/w:t>/s);
  });

  it('EXP13: markers Word cannot number itself ("*", "†") are custom marks, printed as typed; a footnote nothing references is a paragraph after the text', async () => {
    const { document, paragraphs, footnotes } = await unzipDocx(await renderDocx(partsInput({}, 'en', oddMarkers()), 'clean'));
    expect(document).toContain('<w:footnoteReference w:customMarkFollows="1" w:id="1"/><w:t xml:space="preserve">*</w:t>');
    expect(document).toContain('<w:footnoteReference w:customMarkFollows="1" w:id="2"/><w:t xml:space="preserve">†</w:t>');
    expect(footnotes).toMatch(/<w:footnote w:id="1"><w:p>.*?<w:t xml:space="preserve">\*<\/w:t><\/w:r><w:r><w:t xml:space="preserve"> <\/w:t><\/w:r><w:r><w:t xml:space="preserve">Signed at San Francisco/s);
    expect(footnotes).not.toContain('<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r><w:r><w:t xml:space="preserve">Signed');
    expect(footnotes).not.toContain('Referenced nowhere');
    const unreferenced = paragraphs.findIndex((p) => p.text === '3 Referenced nowhere.');
    expect(unreferenced).toBeGreaterThan(paragraphs.findIndex((p) => p.text === CLOSING));
    // Markers Word numbers itself need no custom marks (the other tests' declaration).
    expect((await unzipDocx(await renderDocx(partsInput(), 'clean'))).document).not.toContain('customMarkFollows');
  });

  it('EXP14: Word\'s list levels in the declaration\'s sub-item style', async () => {
    expect((await unzipDocx(await renderDocx(partsInput({ subItemStyle: 'closing' }, 'en'), 'clean'))).numbering).toMatch(/<w:lvl w:ilvl="1"[^>]*><w:start w:val="1"\/><w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="%2\)"\/>/);
    expect((await unzipDocx(await renderDocx(partsInput({ subItemStyle: 'enclosed' }, 'es'), 'clean'))).numbering).toMatch(/<w:lvl w:ilvl="1"[^>]*><w:start w:val="1"\/><w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="\(%2\)"\/>/);
  });
});

const SCHEMA_DIR = path.join(import.meta.dirname, 'schema');

async function validateAkn(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'declaration.xml', contents: xml }],
    schema: [{ fileName: 'akomantoso30.xsd', contents: fs.readFileSync(path.join(SCHEMA_DIR, 'akomantoso30.xsd'), 'utf8') }],
    preload: [{ fileName: 'xml.xsd', contents: fs.readFileSync(path.join(SCHEMA_DIR, 'xml.xsd'), 'utf8') }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

describe('Akoma Ntoso: closing, headings, articles, footnotes', () => {
  it('EXP5 EXP11 EXP12 EXP13: every paragraph style, both variants, schema-valid', async () => {
    for (const paragraphs of ['numbered', 'articles', 'unnumbered'] as const) {
      for (const variant of VARIANTS) expect(await validateAkn(renderAkn(partsInput({ paragraphs }, 'fr'), variant)), `${paragraphs} ${variant}`).toEqual([]);
    }
  });

  it('EXP11: headings as the clause\'s heading; the closing line first in the conclusions', () => {
    const xml = renderAkn(partsInput(), 'clean');
    expect(xml).toMatch(/<recital eId="recs__rec_1">\s*<heading>Part I\. General<\/heading>\s*<p><i>Recalling<\/i>/);
    expect(xml).toMatch(/<paragraph eId="para_1">\s*<num>1\.<\/num>\s*<heading>Cooperation<\/heading>\s*<content>/);
    expect(xml).toMatch(/<num>\(b\)<\/num>\s*<heading>Logistics<\/heading>/);
    expect(xml).toMatch(/<conclusions>\s*<p class="closing">Done at Montevideo, 3 May 2023\.<\/p>/);
  });

  it('EXP12: articles as article > num, heading, paragraph without num; unnumbered paragraphs without num', () => {
    for (const language of LANGUAGES) {
      const [first, second] = ARTICLES[language];
      const xml = renderAkn(partsInput({ paragraphs: 'articles' }, language), 'clean');
      expect(xml).toMatch(new RegExp(`<article eId="art_1">\\s*<num>${first}</num>\\s*<heading>Cooperation</heading>\\s*<paragraph eId="para_1">\\s*<content>`));
      expect(xml).toMatch(new RegExp(`<article eId="art_2">\\s*<num>${second}</num>\\s*<paragraph eId="para_2">\\s*<list`));
    }
    const unnumbered = renderAkn(partsInput({ paragraphs: 'unnumbered' }), 'clean');
    expect(unnumbered).toMatch(/<paragraph eId="para_3">\s*<content>/);
    expect(unnumbered).not.toMatch(/<num>\d/);
    expect(unnumbered).toContain('<num>(a)</num>');
  });

  it('EXP13: a footnote nothing references stands in the conclusions, still valid', async () => {
    const xml = renderAkn(partsInput({}, 'en', oddMarkers()), 'clean');
    expect(xml).toContain('<authorialNote marker="†" eId="fnote_2" placement="bottom">');
    expect(xml).toMatch(/<blockContainer eId="footnotes" class="footnotes">\s*<p class="footnote"><authorialNote marker="3" eId="fnote_3" placement="bottom"><p>Referenced nowhere\.<\/p><\/authorialNote><\/p>/);
    expect(await validateAkn(xml)).toEqual([]);
  });

  it('EXP13: each footnote an authorialNote with its marker where it is referenced', () => {
    const xml = renderAkn(partsInput(), 'clean');
    expect(xml).toContain('the Charter of the United Nations<authorialNote marker="1" eId="fnote_1" placement="bottom"><p>Signed at San Francisco on 26 June 1945.</p></authorialNote>,');
    expect(xml).toContain('exchange information<authorialNote marker="2" eId="fnote_2" placement="bottom"><p>See <i>annex</i> I.</p></authorialNote> on:');
  });
});

describe('export input: the print style from the document', () => {
  it('EXP12 EXP14: readExportInput reads the settings the server mirrors (paragraphs, subItemStyle); absent, numbered and the language\'s', () => {
    const doc = docFromSeed();
    expect(readExportInput(doc, SAMPLE_DATE)).toMatchObject({ paragraphs: 'numbered', subItemStyle: 'enclosed' });
    doc.getMap<unknown>(ROOT.settings).set('paragraphs', 'articles');
    doc.getMap<unknown>(ROOT.settings).set('subItemStyle', 'closing');
    const input = readExportInput(doc, SAMPLE_DATE);
    expect(input).toMatchObject({ paragraphs: 'articles', subItemStyle: 'closing' });
    expect(input.operative[0]).toMatchObject({ label: 'OP1', marker: '', cleanMarker: '', article: { clean: 'Article 1', working: 'Article 1' } });
    expect(input.operative[11]!.children[0]).toMatchObject({ label: 'OP12(a)', marker: 'a)', cleanMarker: 'a)' });
  });

  it('EXP12: in articles with frozen numbers the negotiation text\'s article carries the working number, the clean text\'s counts 1…n', () => {
    const doc = workingTextDoc();
    doc.getMap<unknown>(ROOT.settings).set('paragraphs', 'articles');
    const input = readExportInput(doc, SAMPLE_DATE);
    const op7bis = input.operative.find((clause) => clause.label === 'OP7 bis')!;
    expect(op7bis).toMatchObject({ marker: '', cleanMarker: '', article: { working: 'Article 7 bis', clean: 'Article 7' } });
    const negotiation = renderTxt(input, 'negotiation');
    expect(negotiation).toContain('\n\nArticle 7 bis\n\n[OP7 bis] open\nThat the Participants will meet again [in 2025].\n');
    expect(negotiation).toContain('\nArticle 5 [deleted]\n');
    expect(renderTxt(input, 'clean')).toContain('\n\nArticle 7\n\nThat the Participants will meet again [in 2025].\n');
  });

  it('EXP12 WN3: in articles a deleted paragraph\'s placeholder is its article\'s — "Article 5 [deleted]", "Article 5 [supprimé]" — in every format; unnumbered it has no number', async () => {
    const doc = workingTextDoc();
    doc.getMap<unknown>(ROOT.settings).set('paragraphs', 'articles');
    const input = readExportInput(doc, SAMPLE_DATE);
    const placeholder = input.operative.find((clause) => clause.deleted)!;
    expect(placeholder).toMatchObject({ label: 'OP5', marker: '', article: { working: 'Article 5' } });
    expect(renderTxt(input, 'negotiation')).toContain('\nArticle 5 [deleted]\n\nArticle 6\n');
    const md = renderMarkdown(input, 'negotiation');
    expect(md).toContain('\n\n*Article 5 \\[deleted\\]*\n\n');
    expect(md).not.toContain('- *Article 5');
    expect(renderHtml(input, 'negotiation')).toContain('<div class="clause deleted"><p class="label">Article 5 [deleted]</p></div>');
    expect(drawnLines(await renderPdf(input, 'negotiation', { compress: false })).map((l) => l.trim())).toContain('Article 5 [deleted]');
    expect((await unzipDocx(await renderDocx(input, 'negotiation'))).paragraphs.map((p) => p.text)).toContain('Article 5 [deleted]');
    const akn = renderAkn(input, 'negotiation');
    expect(akn).toMatch(/<article eId="deleted_OP5" status="removed">\s*<num>Article 5<\/num>\s*<content>\s*<p>Article 5 \[deleted\]<\/p>/);
    expect(await validateAkn(akn)).toEqual([]);
    for (const text of [renderTxt(input, 'negotiation'), md, akn]) expect(text).not.toMatch(/OP5 \\?\[deleted|5\. \[deleted/);
    // In the declaration's language.
    doc.getMap<unknown>(ROOT.settings).set('language', 'fr');
    expect(renderTxt(readExportInput(doc, SAMPLE_DATE), 'negotiation')).toContain('\nArticle 5 [supprimé]\n');
    doc.getMap<unknown>(ROOT.settings).set('language', 'en');
    // Unnumbered: the placeholder keeps its working label and prints no number.
    doc.getMap<unknown>(ROOT.settings).set('paragraphs', 'unnumbered');
    const unnumbered = readExportInput(doc, SAMPLE_DATE);
    expect(unnumbered.operative.find((clause) => clause.deleted)).toMatchObject({ label: 'OP5', marker: '', article: null });
    expect(renderAkn(unnumbered, 'negotiation')).toMatch(/<paragraph eId="deleted_OP5" status="removed">\s*<content>/);
    expect(renderMarkdown(unnumbered, 'negotiation')).toContain('\n\n*OP5 \\[deleted\\]*\n\n');
  });
});
