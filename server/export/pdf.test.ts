import { describe, expect, it } from 'vitest';
import { readExportInput } from './exportInput.ts';
import { renderPdf, toWinAnsi } from './pdf.ts';
import { demoInput, docFromSeed, hostileSeed, SAMPLE_DATE } from './samples.ts';

/**
 * The text drawn on an uncompressed PDF, line by line: pdfkit writes each
 * line as a TJ array of hex strings in Windows-1252 (justified lines word
 * by word, so their spaces are gaps, not characters).
 */
function drawnLines(pdf: Buffer): string[] {
  const source = pdf.toString('latin1');
  return [...source.matchAll(/\[([^\]]*)\] TJ/g)].map(([, array]) =>
    [...array!.matchAll(/<([0-9a-f]*)>/g)].map(([, hex]) => Buffer.from(hex!, 'hex').toString('latin1')).join(''),
  );
}

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('PDF export', () => {
  it('EXP4: a PDF of several pages, made without a browser, with the title, numbered paragraphs and page numbers', async () => {
    const pdf = await renderPdf(demoInput(), 'clean', { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    const lines = drawnLines(pdf);
    expect(lines.join(' ')).toContain('Declaration of Buenos Aires "The commitment to make');
    expect(lines).toContain('12.');
    expect(lines).toContain('a)');
    // The italic opening phrase keeps the space before the next word (pdfkit drops a continued piece's leading spaces).
    expect(lines).toContain('Recognizing ');
    expect(lines).toContain('Bearing in mind ');
    expect(lines).toContain(`1 / ${pages}`);
    expect(lines).toContain(`${pages} / ${pages}`);
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/Times-Italic/);
  });

  it('EXP4: the signature page lists every signatory, after the text, on pages of its own', async () => {
    const pdf = await renderPdf(demoInput(), 'clean', { compress: false });
    const lines = drawnLines(pdf);
    const note = lines.findIndex((l) => l.startsWith('Note:'));
    for (const s of demoInput().signatories) {
      const at = lines.indexOf(s.name);
      expect(at, s.name).toBeGreaterThan(note);
    }
    expect(lines).toContain('República Argentina');
  });

  it('EXP4: compressed by default, and smaller so', async () => {
    const compressed = await renderPdf(demoInput(), 'clean');
    const plain = await renderPdf(demoInput(), 'clean', { compress: false });
    expect(compressed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(compressed.toString('latin1')).toContain('/FlateDecode');
    expect(compressed.length).toBeLessThan(plain.length);
  });

  it('EXP2: negotiation: status lines before the clauses and refused changes after them', async () => {
    const lines = drawnLines(await renderPdf(demoInput(), 'negotiation', { compress: false }));
    expect(lines).toContain('[OP3] ');
    expect(lines).toContain('ad ref, pending Chile, Peru (Argentina, 2023-09-11 18:00 UTC)');
    expect(lines.join(' ')).toContain('Not applied: change attempted by Chile');
    expect(lines.some((l) => l.startsWith('Working text, 2026-01-15 09:30 UTC · page 1 / '))).toBe(true);
  });

  it('EXP4: characters the standard fonts cannot encode are printed as "?" and the export goes on', async () => {
    expect(toWinAnsi('Ελληνικά ✓ 🎉 “quoted” – € Œ é')).toBe('???????? ? ? “quoted” – € Œ é');
    // A decomposed accent is composed first, so it prints.
    expect(toWinAnsi('Mexico\u0301')).toBe('Mexicó');
    const pdf = await renderPdf(readExportInput(docFromSeed(hostileSeed()), SAMPLE_DATE), 'negotiation', { compress: false });
    const text = drawnLines(pdf).join(' ');
    expect(text).toContain('République');
    expect(text).toMatch(/Haïti \?/);
  });

  it('EXP6: markup in the text is drawn as text', async () => {
    const text = drawnLines(await renderPdf(readExportInput(docFromSeed(hostileSeed()), SAMPLE_DATE), 'clean', { compress: false })).join(' ');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('<img src=x onerror=alert(1)>');
  });
});
