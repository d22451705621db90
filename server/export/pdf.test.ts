import { describe, expect, it } from 'vitest';
import { readExportInput } from './exportInput.ts';
import { renderPdf } from './pdf.ts';
import { describeMissingGlyphs, FONTS, missingGlyphs } from './pdfFonts.ts';
import { drawnLines, drawnPieces } from '../testing/pdfText.ts';
import type { DeclarationSeed } from '../../shared/declarationSeed.ts';
import type { VersionInfo } from '../../shared/versions/version.ts';
import { declarationUnderTest } from '../testing/declarationUnderTest.ts';
import { demoInput, demoNegotiationDoc, docFromSeed, hostileNegotiationDoc, hostileSeed, SAMPLE_DATE, workingInput } from './samples.ts';

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

describe('PDF export', () => {
  it('EXP4: a PDF of several pages, made without a browser, with the title, numbered paragraphs and page numbers', async () => {
    const pdf = await renderPdf(demoInput(), 'clean', { compress: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(4);
    const lines = drawnLines(pdf);
    expect(lines.join(' ').replace(/\s+/g, ' ')).toContain('Declaration of Buenos Aires "The commitment to make');
    expect(lines).toContain('12.');
    expect(lines).toContain('(a)');
    // The italic opening phrase keeps the space before the next word (pdfkit drops a continued piece's leading spaces).
    expect(lines).toContain('Recognizing ');
    expect(lines).toContain('Bearing in mind ');
    expect(lines).toContain(`1 / ${pages}`);
    expect(lines).toContain(`${pages} / ${pages}`);
    // Embedded, subset fonts (EXP10): DejaVu Serif Condensed in its italic for the opening phrases, and no standard PDF font.
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSerifCondensed-Italic/);
    expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont \/(Times|Helvetica)/);
  });

  it('EXP4: the signature page lists every signatory, after the text, on pages of its own', async () => {
    const pdf = await renderPdf(demoInput(), 'clean', { compress: false });
    const lines = drawnLines(pdf);
    const note = lines.findIndex((l) => l.startsWith('Note:'));
    expect(note).toBeGreaterThan(0);
    // A long name or title may wrap in its column.
    const after = lines.slice(note + 1).join(' ').replace(/\s+/g, ' ');
    for (const s of demoInput().signatories) expect(after, s.name).toContain(s.name);
    expect(lines.slice(0, note).join(' ')).not.toContain('Jorge Taiana');
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

  it('EXP10: characters outside Windows-1252 print as themselves, a decomposed accent composed, and the export goes on', async () => {
    const pdf = await renderPdf(readExportInput(docFromSeed(hostileSeed()), SAMPLE_DATE), 'negotiation', { compress: false });
    const pieces = drawnPieces(pdf);
    const text = pieces.map((p) => p.text).join(' ');
    expect(text).toContain('République');
    expect(text).toContain('Ελληνικά');
    // "✓" is not in DejaVu Serif: drawn from DejaVu Sans, in the same line.
    expect(pieces.find((p) => p.text.includes('✓'))?.font).toBe(FONTS.sans);
    expect(text).not.toContain('?');
    const composed = drawnLines(await renderPdf(readExportInput(docFromSeed({ ...hostileSeed(), title: [{ text: 'Declaración de Mexico\u0301' }] }), SAMPLE_DATE), 'clean', { compress: false }));
    expect(composed.join(' ')).toContain('Declaración de Mexicó');
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
    expect(pieces[brazil + 1]).toEqual({ text: 'That RELACOPAZ will report on its work to the III ALCONU.', line: 'underline', font: FONTS.roman });
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

/** Scripts and symbols of real declarations that Windows-1252 lacks (SPEC EXP10). */
const SCRIPTS = ['Łódź', 'Αθήνα', 'Москва', '≥ 5 %', 'CO₂', 'x⁴⁵⁶⁷⁸⁹', 'non\u2010state', '€ £ ¥ ₹'];

function seedWith(operative: string): DeclarationSeed {
  return {
    conference: [{ text: 'Conferencia de Łódź' }],
    title: [{ text: 'Declaración de Αθήνα y Москва' }],
    subtitle: [],
    chapeau: [{ text: 'Los Estados participantes,' }],
    preamble: [[{ text: 'Recordando', italic: true }, { text: ' que las emisiones de CO₂ bajaron ≥ 5 % desde 2020x⁴⁵⁶⁷⁸⁹,' }]],
    formula: [{ text: 'Declaran:' }],
    operative: [{ body: [{ text: operative }] }],
    note: [],
    signatories: [{ name: 'Ірина Москва', title: 'Υπουργός', state: 'Rzeczpospolita Polska, Łódź' }],
  };
}

const PEOPLE = [
  { name: 'Poland', role: 'chair' as const },
  { name: 'Greece', role: 'delegation' as const },
];

describe('PDF export: every script (HTTP)', () => {
  const under = declarationUnderTest(seedWith('Que los actores non\u2010state informen en € £ ¥ ₹, y que Αθήνα y Москва acojan la reunión;'), PEOPLE);
  const exportOf = (query: string) =>
    fetch(`${under.server.httpUrl}/api/declarations/${under.declaration.id}/export${query}`, { headers: { authorization: `Bearer ${under.declaration.tokens.Greece}` } });

  it('EXP10: a declaration holding Polish, Greek, Cyrillic, ≥, CO₂, superscripts, U+2010 and currency signs prints every one of those characters, in every style', async () => {
    for (const variant of ['clean', 'negotiation']) {
      const response = await exportOf(`?format=pdf&variant=${variant}`);
      expect(response.status, variant).toBe(200);
      expect(response.headers.get('x-consenso-missing-glyphs'), variant).toBeNull();
      // The file as served (compressed), read back through the fonts' ToUnicode maps.
      const pieces = drawnPieces(Buffer.from(await response.arrayBuffer()));
      const text = pieces.map((p) => p.text).join('');
      // Justified lines are drawn word by word: compare without spaces, then character by character.
      for (const sample of SCRIPTS) expect(text.replace(/\s+/g, ''), `${variant}: ${sample}`).toContain(sample.replace(/\s+/g, ''));
      for (const char of SCRIPTS.join('').replace(/\s+/g, '')) expect(text, `${variant}: ${char}`).toContain(char);
      // No "?" in its place, no .notdef (glyph 0, read back as U+0000), no glyph without a character.
      for (const wrong of ['?', '\u0000', '\uFFFD']) expect(text).not.toContain(wrong);
      // The title in bold, the opening phrase in italics, the signatory's name in bold: each an embedded DejaVu Serif.
      const fontOf = (part: string) => pieces.find((p) => p.text.includes(part))?.font;
      expect(fontOf('Αθήνα')).toBe(FONTS.bold);
      expect(fontOf('Recordando')).toBe(FONTS.italic);
      expect(fontOf('Ірина')).toBe(FONTS.bold);
      expect(fontOf('Υπουργός')).toBe(FONTS.roman);
    }
  });
});

describe('PDF export: the missing-glyphs header', () => {
  it('EXP10: names each missing character once, in order, at most 64 of them and "+N" for the rest', () => {
    expect(missingGlyphs('Łódź 中国 😀 🦜 中 ₿ a\u200Db ❤\uFE0F')).toEqual(['U+4E2D', 'U+56FD', 'U+1F99C', 'U+20BF']);
    expect(describeMissingGlyphs([])).toBeNull();
    const cjk = Array.from({ length: 70 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const header = describeMissingGlyphs(missingGlyphs(cjk))!;
    expect(header.split(' ')).toHaveLength(65);
    expect(header).toMatch(/^U\+4E00 U\+4E01 .* U\+4E3F \+6$/);
  });
});

describe('PDF export: characters no font has (HTTP)', () => {
  const under = declarationUnderTest(seedWith('Que la reunión de 中国 celebre 😀 con 🦜 y vuelva a 中国;'), PEOPLE);
  const exportOf = (query: string) =>
    fetch(`${under.server.httpUrl}/api/declarations/${under.declaration.id}/export${query}`, { headers: { authorization: `Bearer ${under.declaration.tokens.Poland}` } });

  it('EXP10: a character no embedded font has is drawn as .notdef and named in X-Consenso-Missing-Glyphs, in every PDF and no other format', async () => {
    const response = await exportOf('?format=pdf');
    expect(response.status).toBe(200);
    // In the order they first appear, each once; 😀 is in DejaVu Sans, so it prints.
    expect(response.headers.get('x-consenso-missing-glyphs')).toBe('U+4E2D U+56FD U+1F99C');
    const pieces = drawnPieces(Buffer.from(await response.arrayBuffer()));
    expect(pieces.find((p) => p.text.trim() === '😀')?.font).toBe(FONTS.sans);
    // Drawn where they stand, as the serif's .notdef (glyph 0, read back as U+0000), not dropped nor replaced by "?".
    expect(pieces.map((p) => p.text).join('').replace(/\s+/g, '')).toContain('reuniónde\u0000\u0000celebre😀con\u0000y');
    expect(pieces.map((p) => p.text).join('')).not.toContain('?');

    expect((await exportOf('?format=pdf&variant=negotiation')).headers.get('x-consenso-missing-glyphs')).toBe('U+4E2D U+56FD U+1F99C');
    const saved = await under.call<{ version: VersionInfo }>('POST', '/versions', 'Poland', { name: 'Borrador 中' });
    expect(saved.status).toBe(201);
    const redline = await exportOf(`?format=pdf&variant=redline&base=${saved.json.version.id}`);
    expect(redline.status).toBe(200);
    expect(redline.headers.get('x-consenso-missing-glyphs')).toMatch(/^U\+4E2D U\+56FD/);
    for (const format of ['html', 'docx', 'md', 'txt', 'akn']) {
      const other = await exportOf(`?format=${format}`);
      expect(other.status, format).toBe(200);
      expect(other.headers.get('x-consenso-missing-glyphs'), format).toBeNull();
    }
  });
});
