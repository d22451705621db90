import JSZip from 'jszip';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { renderDocx, STYLE } from './docx.ts';
import { readExportInput } from './exportInput.ts';
import { demoInput, docFromSeed, hostileSeed, SAMPLE_DATE } from './samples.ts';

async function unzip(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = (name: string) => zip.file(name)!.async('string');
  return { zip, document: await read('word/document.xml'), styles: await read('word/styles.xml'), numbering: await read('word/numbering.xml'), read };
}

/** The paragraphs of document.xml with their style, numbering level and text. */
function paragraphs(documentXml: string) {
  return [...documentXml.matchAll(/<w:p>(.*?)<\/w:p>|<w:p\/>/gs)].map(([, inner = '']) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(inner)?.[1] ?? null,
    level: /<w:numPr><w:ilvl w:val="(\d)"\/>/.exec(inner)?.[1] ?? null,
    text: [...inner.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    xml: inner,
  }));
}

describe('Word export', () => {
  it('EXP3: operative paragraphs and sub-items carry Word numbering (1. / a) / i)), never typed numbers', async () => {
    const { document, numbering } = await unzip(await renderDocx(demoInput(), 'clean'));
    const operative = paragraphs(document).filter((p) => p.style === STYLE.operative);
    expect(operative).toHaveLength(16);
    expect(operative.filter((p) => p.level === '0')).toHaveLength(12);
    expect(operative.filter((p) => p.level === '1')).toHaveLength(4);
    for (const p of operative) {
      expect(p.xml).toMatch(/<w:numPr><w:ilvl w:val="[01]"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
      expect(p.text).not.toMatch(/^\s*(\d+\.|[a-z]\)|\(?[ivx]+\))\s/);
    }
    expect(operative[0]!.text).toMatch(/^Their agreement regarding/);
    expect(numbering).toMatch(/<w:lvl w:ilvl="0"[^>]*><w:start w:val="1"\/><w:numFmt w:val="decimal"\/><w:lvlText w:val="%1\."\/>/);
    expect(numbering).toMatch(/<w:lvl w:ilvl="1"[^>]*><w:start w:val="1"\/><w:numFmt w:val="lowerLetter"\/><w:lvlText w:val="%2\)"\/>/);
    expect(numbering).toMatch(/<w:lvl w:ilvl="2"[^>]*><w:start w:val="1"\/><w:numFmt w:val="lowerRoman"\/><w:lvlText w:val="%3\)"\/>/);
  });

  it('EXP3: each part of the text has a named paragraph style; runs keep their italics', async () => {
    const { document, styles } = await unzip(await renderDocx(demoInput(), 'clean'));
    for (const id of ['Title', STYLE.conference, STYLE.subtitle, STYLE.chapeau, STYLE.preamble, STYLE.formula, STYLE.operative, STYLE.note, STYLE.signature]) {
      expect(styles, id).toContain(`w:styleId="${id}"`);
    }
    const all = paragraphs(document);
    const styleOf = (start: string) => all.find((p) => p.text.startsWith(start))?.style;
    expect(styleOf('Declaration of Buenos Aires')).toBe('Title');
    expect(styleOf('II Conferencia')).toBe(STYLE.conference);
    expect(styleOf('Approved by')).toBe(STYLE.subtitle);
    expect(styleOf('The Honorable Ministers')).toBe(STYLE.chapeau);
    expect(styleOf('Declare:')).toBe(STYLE.formula);
    expect(styleOf('Note: It is specified')).toBe(STYLE.note);
    const preamble = all.filter((p) => p.style === STYLE.preamble);
    expect(preamble).toHaveLength(13);
    expect(preamble[1]!.xml).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Bearing in mind<\/w:t><\/w:r>/);
  });

  it('EXP3: page numbers in the footer (PAGE field); the signature page is a table after a page break, one cell per signatory', async () => {
    const { zip, document, read } = await unzip(await renderDocx(demoInput(), 'clean'));
    const footers = Object.keys(zip.files).filter((name) => /^word\/footer\d*\.xml$/.test(name));
    expect(footers.length).toBeGreaterThan(0);
    expect(await read(footers[0]!)).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(document).toMatch(/<w:footerReference w:type="default"/);
    expect(document.match(/<w:tbl>/g)).toHaveLength(1);
    expect(document).toMatch(/<w:pageBreakBefore\/>.*?<\/w:p><w:tbl>/s);
    const table = document.slice(document.indexOf('<w:tbl>'));
    for (const name of demoInput().signatories.map((s) => s.name)) expect(table).toContain(`<w:t xml:space="preserve">${name}</w:t>`);
    expect(table.match(/<w:tc>/g)).toHaveLength(16);
    expect(table.match(/<w:pStyle w:val="SignatureName"\/><\/w:pPr><w:r><w:rPr><w:b\/>/g)).toHaveLength(16);
    expect(table).toContain('<w:rPr><w:i/><w:iCs/></w:rPr><w:t xml:space="preserve">República Argentina</w:t>');
  });

  it('EXP3: a docx reader opens it and finds the text, the numbered list and the table', async () => {
    const { value: html } = await mammoth.convertToHtml({ buffer: await renderDocx(demoInput(), 'clean') });
    expect(html).toContain('Declaration of Buenos Aires');
    expect(html).toMatch(/<ol><li>Their agreement regarding/);
    expect(html).toContain('<table>');
    expect(html).toContain('Javier García Duchini');
  });

  it('EXP2: negotiation: a status line before each clause and the refused changes after it, numbering kept', async () => {
    const { document, styles } = await unzip(await renderDocx(demoInput(), 'negotiation'));
    expect(styles).toContain(`w:styleId="${STYLE.clauseStatus}"`);
    const all = paragraphs(document);
    const statuses = all.filter((p) => p.style === STYLE.clauseStatus);
    expect(statuses).toHaveLength(29);
    expect(statuses.map((p) => p.text)).toContain('[OP3] ad ref, pending Chile, Peru (Argentina, 2023-09-11 18:00 UTC)');
    const refused = all.filter((p) => p.style === STYLE.refused).map((p) => p.text);
    expect(refused).toEqual([
      'Not applied: change attempted by Chile (2023-09-11 21:00 UTC): Their full agreement regarding the implementation of the Latin American and Caribbean Network for Cooperation in Peacekeeping Operations (RELACOPAZ);',
      'Not applied: Peru attempted to delete this clause (2023-09-11 22:00 UTC).',
    ]);
    expect(all.filter((p) => p.style === STYLE.operative && p.level !== null)).toHaveLength(16);
    expect(all[0]!.text).toBe('Working text for negotiation, 2026-01-15 09:30 UTC. Not the final text.');
  });

  it('EXP6: markup in the text comes out as text; the XML stays well-formed', async () => {
    const { document } = await unzip(await renderDocx(readExportInput(docFromSeed(hostileSeed()), SAMPLE_DATE), 'negotiation'));
    expect(document).not.toMatch(/<(script|img|Co)\b/);
    expect(document).toContain('Declaration &lt;script&gt;alert(1)&lt;/script&gt; &amp;');
    const parsed = await validateXML({ xml: [{ fileName: 'document.xml', contents: document }], normalization: 'format' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.normalized).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
