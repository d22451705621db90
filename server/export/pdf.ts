import PDFDocument from 'pdfkit';
import type { Signatory } from '../../shared/declaration.ts';
import { toPlainText, type RichText, type Run } from '../../shared/richText.ts';
import type { RedlineOp } from '../../shared/proposals/wordDiff.ts';
import {
  describeAlternative,
  describeCounts,
  describeDeleted,
  describeJustification,
  describePosition,
  describeReactions,
  describeRefusal,
  describeStatus,
  formatTime,
  negotiationHeading,
  articleLine,
  printedMarker,
  proposalRemarks,
  type ExportClause,
  type ExportInput,
  type ExportVariant,
  wordsOf,
  adoptionLine,
} from './exportInput.ts';
import type { DocumentWords } from '../../shared/documentWords.ts';
import type { ExportProposal } from './exportProposal.ts';
import { threadsOf, type ThreadLines } from './exportComments.ts';
import { FONTS, inFonts, recordMissingGlyphs, registerFonts, type FontName } from './pdfFonts.ts';

export { FONTS } from './pdfFonts.ts';

/**
 * PDF, drawn with pdfkit (no browser): the layout of the clean Word file
 * on A4 — heading centred, chapeau, preambular paragraphs with their
 * italic opening phrases, numbered operative paragraphs with a hanging
 * indent, the note, page numbers, and a signature page with a grid of
 * blocks (a line to sign on, name, title, state). The fonts are embedded
 * (server/export/pdfFonts.ts: DejaVu Serif Condensed, and Sans for the
 * negotiation notes), so every character they have prints as itself and
 * any other is reported (SPEC EXP10). The
 * negotiation variant notes each clause's status, refused changes and open
 * proposals, whose redlines underline insertions and strike deletions.
 *
 * A clause's heading stands above it (bold); in a declaration in articles
 * the article line is centred above the paragraph, its caption under it,
 * and the paragraph has no number. The closing line follows the operative
 * part; a footnote's marker is drawn smaller and raised where it is
 * referenced, and the notes follow at the end under a short rule, before
 * the signature page, each "marker text".
 */
export type Doc = PDFKit.PDFDocument;

export const MARGIN = 72;
export const INDENT = 36;
export const BODY_SIZE = 12;
const PARAGRAPH_GAP = 8;

export function fontOf(run: Run): FontName {
  if (run.bold && run.italic) return FONTS.boldItalic;
  if (run.bold) return FONTS.bold;
  if (run.italic) return FONTS.italic;
  return FONTS.roman;
}

export interface TextBox {
  x: number;
  width: number;
  align?: 'left' | 'center' | 'justify';
  size?: number;
  indent?: number;
  gap?: number;
}

/**
 * pdfkit drops the spaces that open a continued piece of text, which glued
 * "Recognizing" to "that": each run's leading spaces go to the end of the
 * run before it instead.
 */
export function spacesAtRunEnds<T extends Run>(runs: T[]): T[] {
  const out = runs.map((run) => ({ ...run }));
  for (let i = 1; i < out.length; i++) {
    const leading = /^\s+/.exec(out[i]!.text)?.[0] ?? '';
    if (leading === '') continue;
    out[i - 1]!.text += leading;
    out[i]!.text = out[i]!.text.slice(leading.length);
  }
  return out.filter((run) => run.text !== '');
}

/** A piece of text and the font it is drawn in. */
export interface Piece {
  text: string;
  font: FontName;
  /** Its font size, when not the flow's: a footnote marker's smaller one. */
  size?: number;
}

type TextOptions = PDFKit.Mixins.TextOptions;

/**
 * Pieces of text drawn as one flow from (x, y), each in its font and with
 * the options it asks for (pdfkit keeps a continued text's options, so every
 * piece says all of them). A character its font lacks is drawn from a
 * fallback font (server/export/pdfFonts.ts), which splits the piece.
 */
export function drawFlow<T extends Piece>(doc: Doc, pieces: readonly T[], x: number, y: number, style: (piece: T) => TextOptions & { colour?: string }): void {
  const drawn = spacesAtRunEnds(pieces.flatMap((piece) => inFonts(doc, piece.text, piece.font).map((part) => ({ ...piece, ...part }))));
  drawn.forEach((piece, i) => {
    const { colour, ...options } = style(piece);
    doc.font(piece.font);
    if (piece.size !== undefined) doc.fontSize(piece.size);
    if (colour !== undefined) doc.fillColor(colour);
    if (i === 0) doc.text(piece.text, x, y, { ...options, continued: i < drawn.length - 1 });
    else doc.text(piece.text, { ...options, continued: i < drawn.length - 1 });
  });
}

/** A footnote marker's size against its text's: drawn at the top of the line, it stands raised, as a superscript. */
const MARKER_SCALE = 0.6;

/** Rich text as one paragraph at the current y: runs in their fonts, continued on one flow; a footnote reference smaller and raised. */
export function paragraph(doc: Doc, text: RichText, box: TextBox): void {
  const runs = spacesAtRunEnds(text.filter((run) => run.text !== ''));
  const options = { width: box.width, align: box.align ?? 'justify', indent: box.indent ?? 0, lineGap: 1.5 };
  const size = box.size ?? BODY_SIZE;
  doc.fontSize(size);
  if (runs.length === 0) {
    doc.moveDown(0.5);
    return;
  }
  drawFlow(
    doc,
    runs.map((run) => ({ text: run.text, font: fontOf(run), size: run.footnote === undefined ? size : Math.round(size * MARKER_SCALE * 10) / 10 })),
    box.x,
    doc.y,
    () => options,
  );
  doc.fontSize(size);
  doc.y += box.gap ?? PARAGRAPH_GAP;
}

interface Layout {
  left: number;
  width: number;
}

function note(doc: Doc, layout: Layout, x: number, lines: Piece[], color: string): void {
  doc.fillColor(color).fontSize(8.5);
  const width = layout.left + layout.width - x;
  drawFlow(doc, lines, x, doc.y, () => ({ width }));
  doc.fillColor('black');
  doc.y += 3;
}

/** How a redline draws each kind of word: pdfkit keeps a continued text's options, so every piece says both. */
const REDLINE_LOOK: Record<RedlineOp, { underline: boolean; strike: boolean; color: string }> = {
  equal: { underline: false, strike: false, color: '#000000' },
  insert: { underline: true, strike: false, color: '#1A4F8B' },
  delete: { underline: false, strike: true, color: '#8B1A1A' },
};

/** A proposal under its clause: what and who, remarks, the redline, justification, supporters and objectors. */
function proposalNote(doc: Doc, layout: Layout, x: number, item: ExportClause, proposal: ExportProposal, words: DocumentWords): void {
  const width = layout.left + layout.width - x;
  doc.y += 2;
  // Keep the heading with the start of its redline.
  if (doc.y + 48 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  note(
    doc,
    layout,
    x,
    [{ text: describeAlternative(words, proposal), font: FONTS.sansBold }, ...proposalRemarks(words, item, proposal).map((remark) => ({ text: ` ${remark}`, font: FONTS.sansItalic }))],
    '#1F3B5C',
  );
  const pieces = proposal.redline.flatMap((segment) => segment.runs.map((run) => ({ text: run.text, font: fontOf(run), op: segment.op })));
  doc.fontSize(BODY_SIZE - 1);
  drawFlow(doc, pieces, x, doc.y, (piece) => {
    const look = REDLINE_LOOK[piece.op];
    return { width, align: 'left', lineGap: 1.5, underline: look.underline, strike: look.strike, colour: look.color };
  });
  doc.fillColor('black');
  doc.y += 3;
  for (const line of [describeJustification(words, proposal), describeReactions(words, proposal)]) {
    if (line !== '') note(doc, layout, x, [{ text: line, font: FONTS.sans }], '#1F3B5C');
  }
}

/** The article line (centred) and the heading (bold; centred under an article line) above a clause, kept with its first lines. */
function headings(doc: Doc, layout: Layout, x: number, item: ExportClause, variant: ExportVariant): void {
  const article = articleLine(item, variant);
  if (article === null && item.heading === '') return;
  if (doc.y + 72 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const width = layout.left + layout.width - x;
  doc.y += 4;
  if (article !== null) paragraph(doc, [{ text: article, bold: true }], { x, width, align: 'center', gap: 4 });
  if (item.heading !== '') paragraph(doc, [article === null ? { text: item.heading, bold: true } : { text: item.heading, italic: true }], { x, width, align: article === null ? 'left' : 'center', gap: 6 });
}

/** A comment thread (EXP16) under its clause: its heading in bold, the passage in italics, then each comment "by: text". */
function threadNote(doc: Doc, layout: Layout, x: number, thread: ThreadLines): void {
  // A little air between threads, as between alternatives.
  doc.y += 5;
  // Keep the heading with its first comment.
  if (doc.y + 36 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const colour = thread.resolved ? '#555555' : '#333333';
  note(doc, layout, x, [{ text: thread.heading, font: FONTS.sansBold }], colour);
  if (thread.passage !== null) note(doc, layout, x, [{ text: thread.passage, font: FONTS.sansItalic }], colour);
  for (const comment of thread.comments) {
    note(doc, layout, x, [{ text: `${comment.by}: `, font: FONTS.sansBold }, { text: comment.text, font: comment.deleted ? FONTS.sansItalic : FONTS.sans }], colour);
  }
}

function clause(doc: Doc, layout: Layout, item: ExportClause, variant: ExportVariant, words: DocumentWords, threads: (clauseId: string) => ThreadLines[]): void {
  const depth = item.kind === 'operative' ? Math.min(item.depth, 2) : 0;
  const x = item.kind === 'operative' ? layout.left + depth * INDENT : layout.left;
  if (item.deleted) {
    if (variant === 'negotiation') note(doc, layout, x, [{ text: describeDeleted(words, item), font: FONTS.sansBold }], '#666666');
    return;
  }
  headings(doc, layout, x, item, variant);
  if (variant === 'negotiation') {
    // Keep the status line with the start of its clause.
    if (doc.y + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    note(doc, layout, x, [{ text: `[${item.label}] `, font: FONTS.sansBold }, { text: describeStatus(words, item), font: FONTS.sans }], '#444444');
  }
  const marker = printedMarker(item, variant);
  if (item.kind === 'preamble') {
    paragraph(doc, item.body, { x, width: layout.width, indent: INDENT });
  } else if (marker === '') {
    // An article's paragraph, or an unnumbered one: no number column, the first line indented like a preambular paragraph.
    paragraph(doc, item.body, { x, width: layout.width - depth * INDENT, indent: INDENT });
  } else {
    // Hanging indent: the number in the margin column, the text in a column of its own.
    // Number and first line on the same page: if the first line would not fit, both go to the next.
    doc.font(FONTS.roman).fontSize(BODY_SIZE);
    if (doc.y + doc.currentLineHeight(true) + 2 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    // A working number too wide for the column ("(a bis)", "7 quinquies.") keeps a line of its own rather than overprint the text.
    const ownLine = doc.font(FONTS.roman).widthOfString(marker.normalize('NFC')) > INDENT - 4;
    drawFlow(doc, [{ text: marker, font: FONTS.roman }], x, y, () => ({ width: ownLine ? layout.width - depth * INDENT : INDENT, lineBreak: false }));
    doc.y = ownLine ? y + doc.currentLineHeight(true) : y;
    paragraph(doc, item.body, { x: x + INDENT, width: layout.width - (depth + 1) * INDENT });
  }
  if (variant === 'negotiation') {
    for (const position of item.positions) {
      note(doc, layout, x + INDENT, [{ text: describePosition(words, position), font: FONTS.sans }], position.position === 'objection' ? '#8B1A1A' : '#444444');
    }
    for (const refused of item.refused) {
      const lines: Piece[] = [{ text: `${describeRefusal(words, refused)}${refused.attempted === '' ? '.' : ': '}`, font: FONTS.sansBold }];
      if (refused.attempted !== '') lines.push({ text: refused.attempted, font: FONTS.sansItalic });
      note(doc, layout, x + INDENT, lines, '#8B1A1A');
    }
    for (const proposal of item.proposals) proposalNote(doc, layout, x + INDENT, item, proposal, words);
    for (const thread of threads(item.id)) threadNote(doc, layout, x + INDENT, thread);
    doc.y += 4;
  }
  for (const child of item.children) clause(doc, layout, child, variant, words, threads);
}

/** The notes at the end of the text: a short rule, then each note "marker text", smaller. */
function footnotes(doc: Doc, layout: Layout, input: ExportInput): void {
  const size = BODY_SIZE - 2;
  doc.y += 18;
  if (doc.y + 48 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.moveTo(layout.left, doc.y).lineTo(layout.left + layout.width / 3, doc.y).lineWidth(0.5).stroke();
  doc.y += 6;
  for (const footnote of input.footnotes) {
    paragraph(doc, [...(footnote.marker === '' ? [] : [{ text: `${footnote.marker} ` }]), ...footnote.body], { x: layout.left, width: layout.width, align: 'left', size, gap: 3 });
  }
}

/** The signature page: blocks in a grid of two columns, a row never split across pages. */
export function signaturePage(doc: Doc, layout: Layout, signatories: Signatory[]): void {
  doc.addPage();
  const columns = 2;
  const gutter = 36;
  const columnWidth = (layout.width - gutter * (columns - 1)) / columns;
  const signingSpace = 48;
  const blockHeight = (s: Signatory) => {
    doc.fontSize(BODY_SIZE);
    // Measured in the asked font: a character drawn from a fallback font may make the block a little taller or shorter.
    const h = (font: FontName, text: string) => (text === '' ? 0 : doc.font(font).heightOfString(text.normalize('NFC'), { width: columnWidth, align: 'center' }));
    return signingSpace + 6 + h(FONTS.bold, s.name) + h(FONTS.roman, s.title) + h(FONTS.italic, s.state);
  };
  let y = doc.page.margins.top;
  for (let i = 0; i < signatories.length; i += columns) {
    const row = signatories.slice(i, i + columns);
    const rowHeight = Math.max(...row.map(blockHeight)) + 18;
    if (y + rowHeight > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    row.forEach((s, column) => {
      const x = layout.left + column * (columnWidth + gutter);
      const lineY = y + signingSpace;
      doc.moveTo(x + 18, lineY).lineTo(x + columnWidth - 18, lineY).lineWidth(0.7).stroke();
      doc.y = lineY + 6;
      for (const [font, text] of [[FONTS.bold, s.name], [FONTS.roman, s.title], [FONTS.italic, s.state]] as const) {
        if (text !== '') drawFlow(doc.fontSize(BODY_SIZE), [{ text, font }], x, doc.y, () => ({ width: columnWidth, align: 'center' }));
      }
    });
    y += rowHeight;
  }
}

/** "3 / 12" at the foot of every page (written once all pages exist). */
export function pageNumbers(doc: Doc, prefix: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    drawFlow(doc.fontSize(9).fillColor('black'), [{ text: `${prefix}${i + 1 - range.start} / ${range.count}`, font: FONTS.roman }], MARGIN, doc.page.height - MARGIN / 2 - 4, () => ({
      width: doc.page.width - 2 * MARGIN,
      align: 'center',
      lineBreak: false,
    }));
    doc.page.margins.bottom = bottom;
  }
}

export interface PdfOptions {
  /** Compress page contents (default). Tests turn it off to read the text. */
  compress?: boolean;
}

/** An A4 document with the export's margins and metadata, and the file it will be once ended. */
export function pdfDocument(info: { title: string; author?: string; at: Date }, options: PdfOptions = {}): { doc: Doc; done: Promise<Buffer> } {
  const doc = new PDFDocument({
    // Not pdfkit's default Helvetica: only embedded fonts are used (registerFonts, below).
    font: '',
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: options.compress ?? true,
    info: {
      Title: info.title,
      ...(info.author ? { Author: info.author } : {}),
      Creator: 'Consenso',
      Producer: 'Consenso',
      CreationDate: info.at,
      ModDate: info.at,
    },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      const file = Buffer.concat(chunks);
      recordMissingGlyphs(doc, file);
      resolve(file);
    });
    doc.on('error', reject);
  });
  return { doc, done };
}

export function renderPdf(input: ExportInput, variant: ExportVariant, options: PdfOptions = {}): Promise<Buffer> {
  const { meta } = input;
  const words = wordsOf(input);
  const title = toPlainText(meta.title).trim() || words.untitled;
  const { doc, done } = pdfDocument(
    { title: variant === 'negotiation' ? `${title} ${words.workingTextSuffix}` : title, author: toPlainText(meta.conference) || 'Consenso', at: input.generatedAt },
    options,
  );

  const layout: Layout = { left: MARGIN, width: doc.page.width - 2 * MARGIN };
  const centred = { x: layout.left, width: layout.width, align: 'center' as const };
  doc.y = MARGIN;
  if (variant === 'negotiation') {
    note(doc, layout, layout.left, [{ text: `${negotiationHeading(input)} `, font: FONTS.sansBold }, { text: `${describeCounts(input)} ${words.negotiationNotice}`, font: FONTS.sans }], '#000000');
    doc.y += 12;
  }
  if (meta.conference.length > 0) paragraph(doc, meta.conference, { ...centred, size: 11, gap: 14 });
  paragraph(doc, meta.title.map((run) => ({ ...run, bold: true })), { ...centred, size: 16, gap: 12 });
  if (meta.subtitle.length > 0) paragraph(doc, meta.subtitle, { ...centred, size: 11, gap: 24 });
  const adopted = adoptionLine(input);
  if (adopted !== null) paragraph(doc, [{ text: adopted, italic: true }], { ...centred, size: 11, gap: 24 });
  if (meta.chapeau.length > 0) paragraph(doc, meta.chapeau, { x: layout.left, width: layout.width, gap: 12 });
  const threads = (id: string) => threadsOf(input, id);
  for (const item of input.preamble) clause(doc, layout, item, variant, words, threads);
  if (meta.formula.length > 0) paragraph(doc, meta.formula, { x: layout.left, width: layout.width, indent: INDENT, gap: 12 });
  for (const item of input.operative) clause(doc, layout, item, variant, words, threads);
  if (meta.closing.length > 0) {
    doc.y += 12;
    paragraph(doc, meta.closing, { x: layout.left, width: layout.width, indent: INDENT });
  }
  if (meta.note.length > 0) {
    doc.y += 12;
    paragraph(doc, [{ text: words.note }, ...meta.note], { x: layout.left, width: layout.width });
  }
  if (input.footnotes.length > 0) footnotes(doc, layout, input);
  if (variant === 'negotiation' && input.comments && input.comments.elsewhere.length > 0) {
    doc.y += 18;
    paragraph(doc, [{ text: input.comments.elsewhereHeading, bold: true }], { x: layout.left, width: layout.width, align: 'left', gap: 6 });
    for (const thread of input.comments.elsewhere) threadNote(doc, layout, layout.left, thread);
  }
  if (input.signatories.length > 0) signaturePage(doc, layout, input.signatories);
  pageNumbers(doc, variant === 'negotiation' ? words.workingTextFooter(formatTime(input.generatedAt.getTime())) : '');
  doc.end();
  return done;
}
