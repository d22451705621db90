import { documentWords } from '../../shared/documentWords.ts';
import { AlignmentType, DeletedTextRun, Document, Footer, HeadingLevel, InsertedTextRun, Packer, PageNumber, Paragraph, TextRun, type IParagraphOptions, type ParagraphChild, type Table } from 'docx';
import type { MetaField } from '../../shared/declaration.ts';
import type { RichText } from '../../shared/richText.ts';
import { FONT, NUMBERING, numberingLevels, paragraphStyles, revisionDate, signatureTable, STYLE } from './docx.ts';
import { describeLegendEntry, redlineFooter, type RedlineChange, type RedlineExport, type RedlineFootnote, type RedlineParagraph, type RedlinePiece } from './redline.ts';

/**
 * The redline in Word (docs/SPEC.md RED1): the target's clean text, in the
 * clean export's styles and Word numbering (server/export/docx.ts), with
 * every change since the base as a real revision — `w:ins` and `w:del`
 * (`w:delText`) with `w:author` the participant who made it and `w:date`
 * when — so that Word's "Accept all" gives exactly the target's text and
 * "Reject all" exactly the base's. A paragraph added is inserted with its
 * paragraph mark, a paragraph deleted is deleted with its mark (Word then
 * joins what is left, nothing, to the next paragraph): rejecting or
 * accepting leaves no empty paragraph behind. Numbers stay Word's own list,
 * so accepting a deletion renumbers what follows. Track changes is on in the
 * file, so edits made in Word on top are tracked too.
 *
 * The heading line, the summary and who changed what open the document in
 * the "Working Text" style, outside the revisions.
 */

interface Revisions {
  next(): number;
  fallback: Date;
}

const dateOf = (change: RedlineChange, revisions: Revisions) => revisionDate(change.at, revisions.fallback);

function pieceRuns(pieces: readonly RedlinePiece[], revisions: Revisions): ParagraphChild[] {
  return pieces.flatMap(({ op, change, runs }) =>
    runs.map((run) => {
      const text = { text: run.text, ...(run.italic ? { italics: true } : {}), ...(run.bold ? { bold: true } : {}) };
      if (op === 'equal' || change === null) return new TextRun(text);
      const revision = { author: change.author, date: dateOf(change, revisions), id: revisions.next() };
      return op === 'insert' ? new InsertedTextRun({ ...text, ...revision }) : new DeletedTextRun({ ...text, ...revision });
    }),
  );
}

/** The paragraph mark's own revision: inserted with an added paragraph, deleted with a deleted one. */
function markRevision(op: 'insert' | 'delete' | null, change: RedlineChange | null, revisions: Revisions): Pick<IParagraphOptions, 'run'> {
  if (op === null || change === null) return {};
  const revision = { author: change.author, date: dateOf(change, revisions), id: revisions.next() };
  return { run: op === 'insert' ? { insertion: revision } : { deletion: revision } };
}

/**
 * One clause. A moved clause's old place is a deletion of its base text and
 * its new place an insertion of its target text: a word deleted inside an
 * inserted paragraph would come back on "Reject all".
 */
/** A clause's heading (HEAD1, EXP11) in Word's "Heading 2", as changed: whole with its paragraph mark when only one side has it. */
function headingParagraph(paragraph: RedlineParagraph, revisions: Revisions): Paragraph[] {
  const heading = paragraph.heading;
  if (heading === null) return [];
  const whole = heading.change === 'added' ? 'insert' : heading.change === 'deleted' ? 'delete' : null;
  return [new Paragraph({ heading: HeadingLevel.HEADING_2, ...markRevision(whole, heading.mark, revisions), children: pieceRuns(heading.pieces, revisions) })];
}

/** A footnote (EXP13) as a paragraph after the note, "marker text", as changed. */
function footnoteParagraph(footnote: RedlineFootnote, revisions: Revisions): Paragraph {
  const whole = footnote.change === 'added' ? 'insert' : footnote.change === 'deleted' ? 'delete' : null;
  const space: RedlinePiece = { op: whole ?? 'equal', runs: [{ text: ' ' }], change: whole === null ? null : footnote.mark };
  return new Paragraph({ style: STYLE.note, ...markRevision(whole, footnote.mark, revisions), children: pieceRuns([...footnote.marker, space, ...footnote.pieces], revisions) });
}

function clauseParagraph(paragraph: RedlineParagraph, revisions: Revisions): Paragraph {
  const placement: IParagraphOptions =
    paragraph.kind === 'preamble' ? { style: STYLE.preamble } : { style: STYLE.operative, numbering: { reference: NUMBERING, level: Math.min(paragraph.depth, 2) } };
  const whole =
    paragraph.change === 'added' || paragraph.change === 'moved-to' ? 'insert' : paragraph.change === 'deleted' || paragraph.change === 'moved-from' ? 'delete' : null;
  let pieces: readonly RedlinePiece[] = paragraph.pieces;
  if (paragraph.change === 'moved-to') {
    const to = pieces.filter((piece) => piece.op !== 'delete').flatMap((piece) => piece.runs);
    pieces = to.length > 0 ? [{ op: 'insert', runs: to, change: paragraph.mark }] : [];
  }
  return new Paragraph({ ...placement, ...markRevision(whole, paragraph.mark, revisions), children: pieceRuns(pieces, revisions) });
}

const META_STYLE: Record<Exclude<MetaField, 'title'>, string> = {
  conference: STYLE.conference,
  subtitle: STYLE.subtitle,
  chapeau: STYLE.chapeau,
  formula: STYLE.formula,
  note: STYLE.note,
  closing: STYLE.closing,
};

/** A heading field: its words' changes; when only one side has it, the whole paragraph with its mark. */
function metaParagraph(redline: RedlineExport, field: MetaField, revisions: Revisions): Paragraph | null {
  const meta = redline.meta[field];
  if (meta.change === 'absent' && field !== 'title') return null;
  const whole = meta.change === 'added' ? 'insert' : meta.change === 'deleted' ? 'delete' : null;
  const placement: IParagraphOptions = field === 'title' ? { heading: HeadingLevel.TITLE } : { style: META_STYLE[field] };
  let pieces: RedlinePiece[] = meta.pieces;
  if (field === 'note') {
    const label: RichText = [{ text: documentWords(redline.language).note }];
    // The label comes and goes with the note.
    pieces = [{ op: whole ?? 'equal', runs: label, change: whole === null ? null : meta.mark }, ...pieces];
  }
  return new Paragraph({ ...placement, ...markRevision(whole, meta.mark, revisions), children: pieceRuns(pieces, revisions) });
}

function footer(redline: RedlineExport): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun(redlineFooter(redline)), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun({ children: [' / ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

export function buildRedlineDocx(redline: RedlineExport): Document {
  let revision = 0;
  const revisions: Revisions = { next: () => ++revision, fallback: redline.generatedAt };
  const body: (Paragraph | Table)[] = [
    new Paragraph({ style: STYLE.banner, children: [new TextRun({ text: redline.heading, bold: true })] }),
    new Paragraph({ style: STYLE.banner, children: [new TextRun(redline.summary)] }),
    ...redline.legend.map((entry) => new Paragraph({ style: STYLE.banner, children: [new TextRun(describeLegendEntry(redline.language, entry))] })),
    new Paragraph({ spacing: { after: 240 } }),
  ];
  const push = (paragraph: Paragraph | null) => {
    if (paragraph) body.push(paragraph);
  };
  for (const field of ['conference', 'title', 'subtitle', 'chapeau'] as const) push(metaParagraph(redline, field, revisions));
  for (const paragraph of redline.preamble) body.push(...headingParagraph(paragraph, revisions), clauseParagraph(paragraph, revisions));
  push(metaParagraph(redline, 'formula', revisions));
  for (const paragraph of redline.operative) body.push(...headingParagraph(paragraph, revisions), clauseParagraph(paragraph, revisions));
  push(metaParagraph(redline, 'closing', revisions));
  push(metaParagraph(redline, 'note', revisions));
  for (const footnote of redline.footnotes) body.push(footnoteParagraph(footnote, revisions));
  if (redline.signatories.length > 0) {
    body.push(new Paragraph({ pageBreakBefore: true, spacing: { after: 0 } }), signatureTable(redline.signatories));
  } else {
    // A deleted paragraph mark joins its paragraph to the next; the document's last mark cannot be deleted, so one always follows.
    body.push(new Paragraph({}));
  }
  return new Document({
    creator: 'Consenso',
    title: `${redline.title || documentWords(redline.language).untitled} (${redline.heading})`,
    description: redline.summary,
    features: { trackRevisions: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: 24 }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 32, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
      },
      paragraphStyles: paragraphStyles('clean'),
    },
    numbering: { config: [{ reference: NUMBERING, levels: numberingLevels(redline.subItemStyle) }] },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        footers: { default: footer(redline) },
        children: body,
      },
    ],
  });
}

export function renderRedlineDocx(redline: RedlineExport): Promise<Buffer> {
  return Packer.toBuffer(buildRedlineDocx(redline));
}
