import { describe, expect, it } from 'vitest';
import { readExportInput } from './exportInput.ts';
import { renderPdf, toWinAnsi } from './pdf.ts';
import { demoInput, demoNegotiationDoc, docFromSeed, hostileNegotiationDoc, hostileSeed, SAMPLE_DATE, workingInput } from './samples.ts';

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

/**
 * Each piece of text drawn, with the line pdfkit drew for it just before
 * (its `underline` / `strike` options): a line below the baseline is an
 * underline, one above it a strike-through. Page space is top-down, text
 * space bottom-up (A4: 841.89 points high).
 */
function drawnPieces(pdf: Buffer): { text: string; line: 'underline' | 'strike' | null }[] {
  const source = pdf.toString('latin1');
  const pieces: { text: string; line: 'underline' | 'strike' | null }[] = [];
  let from = 0;
  for (const match of source.matchAll(/\[([^\]]*)\] TJ/g)) {
    const before = source.slice(from, match.index);
    from = match.index + match[0].length;
    const text = [...match[1]!.matchAll(/<([0-9a-f]*)>/g)].map(([, hex]) => Buffer.from(hex!, 'hex').toString('latin1')).join('');
    const baseline = [...before.matchAll(/1 0 0 1 [\d.]+ ([\d.]+) Tm/g)].pop()?.[1];
    const stroke = /[\d.]+ ([\d.]+) m\n[\d.]+ [\d.]+ l\nS/.exec(before)?.[1];
    pieces.push({ text, line: stroke === undefined || baseline === undefined ? null : Number(stroke) > 841.89 - Number(baseline) ? 'underline' : 'strike' });
  }
  return pieces;
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
    expect(lines).toContain('(a)');
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

  it('PROP14: open proposals under their clause: numbered alternatives, insertions underlined, deletions struck through, justification, supporters and objectors', async () => {
    const pdf = await renderPdf(demoInput(), 'negotiation', { compress: false });
    const pieces = drawnPieces(pdf);
    const texts = pieces.map((p) => p.text);
    const at = (start: string) => texts.findIndex((t) => t.startsWith(start));
    const chile = at('Alt 1 (Chile): New wording for OP6 (2023-09-11 23:00 UTC)');
    const peru = at('Alt 2 (Peru): Deletion of OP6 (2023-09-12 00:00 UTC)');
    expect(chile).toBeGreaterThan(at('[OP6] '));
    expect(chile).toBeLessThan(at('[OP7] '));
    expect(peru).toBeGreaterThan(chile);
    // "shall" → "should": one word struck, one underlined, the rest plain.
    const redline = pieces.slice(chile + 1, at('Justification: Softer wording, as in the Lima Declaration.'));
    expect(redline.filter((p) => p.line !== null).map((p) => [p.text.trim(), p.line])).toEqual([
      ['shall', 'strike'],
      ['should', 'underline'],
    ]);
    expect(redline.map((p) => p.text).join('')).toContain('this Statement shallshould be in accordance');
    expect(texts).toContain('Supported by Peru, Brazil. Objected to by Mexico.');
    // The deletion strikes every line of the clause.
    const deleted = pieces.slice(peru + 1, at('Justification: OP7 already covers national law.'));
    expect(deleted.length).toBeGreaterThanOrEqual(3);
    expect(deleted.every((p) => p.line === 'strike')).toBe(true);
    // A proposed paragraph is all underlined.
    const brazil = at('Alt 1 (Brazil): New operative paragraph after OP3');
    expect(pieces[brazil + 1]).toEqual({ text: 'That RELACOPAZ will report on its work to the III ALCONU.', line: 'underline' });
    const all = texts.join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('Alt 1 (Peru): New wording for PP1 (2023-09-12 03:00 UTC) Made while the clause was agreed. Not decided: the clause is agreed.');
  });

  it('PROP14: decided and withdrawn proposals are not drawn; the clean PDF has no proposals', async () => {
    const negotiation = drawnLines(await renderPdf(readExportInput(demoNegotiationDoc(), SAMPLE_DATE), 'negotiation', { compress: false })).join(' ');
    expect(negotiation).toContain('Alt 2 (Peru)');
    expect(negotiation).not.toMatch(/ought to|Alt 3|Deletion of OP2|Rejected justification/);
    const clean = drawnPieces(await renderPdf(demoInput(), 'clean', { compress: false }));
    expect(clean.map((p) => p.text).join(' ')).not.toMatch(/Alt 1|Justification/);
    expect(clean.every((p) => p.line === null)).toBe(true);
  });

  it('EXP6 PROP14: markup in proposal text, justification and names is drawn as text', async () => {
    const text = drawnLines(await renderPdf(readExportInput(hostileNegotiationDoc(), SAMPLE_DATE), 'negotiation', { compress: false })).join(' ');
    // pdfkit may break a line after the "/".
    expect(text.replace(/\s+/g, '')).toContain('<script>alert(2)</script>');
    expect(text).toContain('Alt 1 (Chile <b>bold</b>): New wording for OP1');
    expect(text).toContain('Justification: <img src=x onerror=alert(3)>');
    expect(text).toContain('Supported by <i>Peru</i> & Co.');
  });

  it('WN7 WN3 BRK3 POS4: a frozen declaration\'s negotiation PDF: working numbers, "OP5 [deleted]" in its place, brackets, reservations and objections', async () => {
    const lines = drawnLines(await renderPdf(workingInput(), 'negotiation', { compress: false }));
    expect(lines).toContain('7 bis.');
    expect(lines).toContain('(a bis)');
    const at = (line: string) => lines.indexOf(line);
    expect(at('OP5 [deleted]')).toBeGreaterThan(at('4.'));
    expect(at('OP5 [deleted]')).toBeLessThan(at('6.'));
    expect(lines).toContain('PP3 [deleted]');
    expect(lines).toContain('OP12(c) [deleted]');
    const text = lines.join(' ');
    expect(text).toMatch(/\[ ?in 2025 ?\]/);
    expect(text).toContain('Bolivia: objection');
    expect(text).toContain('Cuba: reservation');
    expect(text).toMatch(/2 +passages in square brackets/);
  });

  it('WN7 BRK6: a frozen declaration\'s clean PDF numbers 1…n and keeps its brackets', async () => {
    const lines = drawnLines(await renderPdf(workingInput(), 'clean', { compress: false }));
    expect(lines.filter((l) => /^\d+\.$/.test(l))).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}.`));
    expect(lines.join(' ')).toMatch(/\[ ?in 2025 ?\]/);
    expect(lines.join(' ')).not.toMatch(/bis|deleted|reservation|objection/);
  });
});
