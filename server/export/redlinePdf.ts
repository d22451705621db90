import type { DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { documentWords } from '../../shared/documentWords.ts';
import type { MetaField } from '../../shared/declaration.ts';
import type { RedlineOp } from '../../shared/proposals/wordDiff.ts';
import { BODY_SIZE, drawFlow, fontOf, FONTS, INDENT, MARGIN, pageNumbers, pdfDocument, signaturePage, type Doc, type PdfOptions } from './pdf.ts';
import { describeLegendEntry, describeMovedFrom, describeMovedTo, legendTitle, redlineFooter, type RedlineExport, type RedlineParagraph, type RedlinePiece } from './redline.ts';
import { AUTHOR_COLOURS } from './redlineHtml.ts';
import type { FontName } from './pdfFonts.ts';

/**
 * The redline as a PDF (docs/SPEC.md RED1), drawn like the clean PDF
 * (server/export/pdf.ts): insertions underlined and deletions struck, each
 * in its author's colour; the heading line, the summary and a legend of
 * who made which change, in those colours, open the first page. A moved
 * clause's old place is one struck line naming where it went.
 */

interface Box {
  x: number;
  width: number;
  align?: 'left' | 'center';
  size?: number;
  indent?: number;
  gap?: number;
  bold?: boolean;
}

const PARAGRAPH_GAP = 8;

/** Redline pieces as one paragraph at the current y; pdfkit keeps a continued text's options, so every piece says all of them. */
function drawPieces(doc: Doc, pieces: readonly RedlinePiece[], box: Box, colourOf: (author: string) => string): void {
  const drawn = pieces.flatMap((piece) =>
    piece.runs.map((run) => ({
      text: run.text,
      font: fontOf({ ...run, ...(box.bold ? { bold: true } : {}) }),
      op: piece.op as RedlineOp,
      colour: piece.change && piece.op !== 'equal' ? colourOf(piece.change.author) : '#000000',
    })),
  );
  doc.fontSize(box.size ?? BODY_SIZE);
  if (drawn.every((piece) => piece.text === '')) {
    doc.moveDown(0.5);
    return;
  }
  drawFlow(doc, drawn, box.x, doc.y, (piece) => ({
    width: box.width,
    align: box.align ?? 'left',
    indent: box.indent ?? 0,
    lineGap: 1.5,
    underline: piece.op === 'insert',
    strike: piece.op === 'delete',
    colour: piece.colour,
  }));
  doc.fillColor('black');
  doc.y += box.gap ?? PARAGRAPH_GAP;
}

function clause(doc: Doc, language: DeclarationLanguage, left: number, width: number, paragraph: RedlineParagraph, colourOf: (author: string) => string): void {
  const depth = paragraph.kind === 'operative' ? Math.min(paragraph.depth, 2) : 0;
  const x = left + depth * INDENT;
  // Its heading (HEAD1, EXP11): a bold line above it, as changed.
  if (paragraph.heading !== null) drawPieces(doc, paragraph.heading.pieces, { x, width: width - depth * INDENT, bold: true, gap: 6 }, colourOf);
  if (paragraph.change === 'moved-from') {
    const colour = paragraph.mark ? colourOf(paragraph.mark.author) : '#555555';
    drawFlow(doc.fontSize(9).fillColor(colour), [{ text: describeMovedFrom(language, paragraph), font: FONTS.sans }], x, doc.y, () => ({ width: width - depth * INDENT, strike: true }));
    doc.fillColor('black');
    doc.y += PARAGRAPH_GAP;
    return;
  }
  const pieces: RedlinePiece[] = [...paragraph.pieces];
  if (paragraph.change === 'moved-to') pieces.push({ op: 'equal', runs: [{ text: ` ${describeMovedTo(language, paragraph)}`, italic: true }], change: null });
  if (paragraph.kind === 'preamble') {
    drawPieces(doc, pieces, { x, width, indent: INDENT }, colourOf);
    return;
  }
  doc.font(FONTS.roman).fontSize(BODY_SIZE);
  if (doc.y + doc.currentLineHeight(true) + 2 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const y = doc.y;
  const marker = paragraph.marker;
  const whole = paragraph.change === 'added' ? 'insert' : paragraph.change === 'deleted' ? 'delete' : 'equal';
  const colour = whole !== 'equal' && paragraph.mark ? colourOf(paragraph.mark.author) : '#000000';
  // A marker too wide for the column ("(a bis)") keeps a line of its own rather than overprint the text, as in the clean PDF.
  const ownLine = doc.widthOfString(marker.normalize('NFC')) > INDENT - 4;
  drawFlow(doc.fillColor(colour), [{ text: marker, font: FONTS.roman }], x, y, () => ({
    width: ownLine ? width - depth * INDENT : INDENT,
    lineBreak: false,
    underline: whole === 'insert',
    strike: whole === 'delete',
  }));
  doc.fillColor('black');
  doc.y = ownLine ? y + doc.font(FONTS.roman).currentLineHeight(true) : y;
  drawPieces(doc, pieces, { x: x + INDENT, width: width - (depth + 1) * INDENT }, colourOf);
}

function meta(doc: Doc, redline: RedlineExport, field: MetaField, left: number, width: number, colourOf: (author: string) => string): void {
  const item = redline.meta[field];
  if (item.change === 'absent' && field !== 'title') return;
  const centred = { x: left, width, align: 'center' as const };
  switch (field) {
    case 'conference':
      return drawPieces(doc, item.pieces, { ...centred, size: 11, gap: 14 }, colourOf);
    case 'title':
      return drawPieces(doc, item.pieces, { ...centred, size: 16, gap: 12, bold: true }, colourOf);
    case 'subtitle':
      return drawPieces(doc, item.pieces, { ...centred, size: 11, gap: 24 }, colourOf);
    case 'chapeau':
      return drawPieces(doc, item.pieces, { x: left, width, gap: 12 }, colourOf);
    case 'formula':
      return drawPieces(doc, item.pieces, { x: left, width, indent: INDENT, gap: 12 }, colourOf);
    case 'closing':
      return drawPieces(doc, item.pieces, { x: left, width, gap: 12 }, colourOf);
    case 'note': {
      doc.y += 12;
      const op = item.change === 'added' ? 'insert' : item.change === 'deleted' ? 'delete' : 'equal';
      return drawPieces(doc, [{ op, runs: [{ text: documentWords(redline.language).note }], change: op === 'equal' ? null : item.mark }, ...item.pieces], { x: left, width }, colourOf);
    }
  }
}

export function renderRedlinePdf(redline: RedlineExport, options: PdfOptions = {}): Promise<Buffer> {
  const { doc, done } = pdfDocument({ title: `${redline.title || documentWords(redline.language).untitled} (${redline.heading})`, at: redline.generatedAt }, options);
  const colours = new Map(redline.legend.map((entry, i) => [entry.author, AUTHOR_COLOURS[i % AUTHOR_COLOURS.length]!]));
  const colourOf = (author: string) => colours.get(author) ?? AUTHOR_COLOURS[0];
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  doc.y = MARGIN;
  const line = (text: string, font: FontName, colour = 'black') => drawFlow(doc, [{ text, font }], left, doc.y, () => ({ width, colour }));
  doc.fontSize(10);
  line(redline.heading, FONTS.sansBold);
  doc.fontSize(9);
  line(redline.summary, FONTS.sans);
  if (redline.legend.length > 0) {
    line(legendTitle(redline.language), FONTS.sans);
    for (const entry of redline.legend) line(describeLegendEntry(redline.language, entry), FONTS.sans, colourOf(entry.author));
    doc.fillColor('black');
  }
  doc.y += 18;
  for (const field of ['conference', 'title', 'subtitle', 'chapeau'] as const) meta(doc, redline, field, left, width, colourOf);
  for (const paragraph of redline.preamble) clause(doc, redline.language, left, width, paragraph, colourOf);
  meta(doc, redline, 'formula', left, width, colourOf);
  for (const paragraph of redline.operative) clause(doc, redline.language, left, width, paragraph, colourOf);
  meta(doc, redline, 'closing', left, width, colourOf);
  meta(doc, redline, 'note', left, width, colourOf);
  if (redline.footnotes.length > 0) {
    // The notes at the end under a short rule (EXP13), each its marker then its text, as changed.
    doc.y += 12;
    doc.moveTo(left, doc.y).lineTo(left + width * 0.3, doc.y).lineWidth(0.5).stroke();
    doc.y += 6;
    for (const footnote of redline.footnotes) {
      drawPieces(doc, [...footnote.marker, { op: 'equal', runs: [{ text: ' ' }], change: null }, ...footnote.pieces], { x: left, width, size: 9, gap: 4 }, colourOf);
    }
  }
  if (redline.signatories.length > 0) signaturePage(doc, { left, width }, redline.signatories);
  pageNumbers(doc, redlineFooter(redline));
  doc.end();
  return done;
}
