import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx';
import JSZip from 'jszip';
import type { Signatory } from '../../shared/declaration.ts';
import { toPlainText, type RichText } from '../../shared/richText.ts';
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
  proposalRemarks,
  readingOrder,
  type ExportFootnote,
  type ExportClause,
  type ExportInput,
  type ExportVariant,
  wordsOf,
  adoptionLine,
} from './exportInput.ts';
import type { SubItemStyle } from '../../shared/declarationLanguage.ts';
import type { DocumentWords } from '../../shared/documentWords.ts';
import type { ExportProposal } from './exportProposal.ts';
import { threadsOf, type ThreadLines } from './exportComments.ts';

/**
 * Word (.docx), for Word and LibreOffice. Operative paragraphs and sub-items
 * carry real Word numbering (one multilevel list: "1." / "a)" / "i)"), never
 * typed numbers, so that a paragraph inserted in Word renumbers the rest.
 * Every part of the text has a named paragraph style (Title, Conference,
 * Subtitle, Chapeau, Preamble, Formula, Operative, Note, Signature…), so
 * the secretariat restyles the whole text by changing a style. Page numbers
 * in the footer; the signature page is a table after a page break, one cell
 * per signatory. The negotiation variant adds a shaded status line before
 * each clause and after it the refused changes and the open proposals, each
 * redline as real tracked changes (`w:ins` / `w:del`) in the proposer's
 * name, so Word's review pane lists them by delegation (SPEC PROP14).
 *
 * A clause's heading is a paragraph in Word's built-in "Heading 2" above
 * it; in a declaration in articles the article line ("Article 3") is the
 * Heading 2 and the caption a "Heading 3", and the paragraph is not in the
 * list (its sub-items are, a list of their own per paragraph), as are
 * unnumbered paragraphs. The closing line has the style Closing. Footnotes
 * are real Word footnotes (`w:footnoteReference`, word/footnotes.xml),
 * which Word numbers 1, 2, … itself when the markers are those numbers in
 * the order of the text; other markers ("*", "a", numbers out of order) are
 * Word's custom marks (`w:customMarkFollows`), printed as typed. A footnote
 * nothing references, which Word could not show, is a paragraph "marker
 * text" after the note.
 */
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const STYLE = {
  conference: 'Conference',
  subtitle: 'Subtitle',
  chapeau: 'Chapeau',
  preamble: 'Preamble',
  formula: 'Formula',
  operative: 'Operative',
  note: 'Note',
  closing: 'Closing',
  signature: 'Signature',
  signatureName: 'SignatureName',
  clauseStatus: 'ClauseStatus',
  refused: 'RefusedChange',
  proposal: 'Proposal',
  proposalText: 'ProposalText',
  position: 'Position',
  banner: 'WorkingText',
  comment: 'CommentThread',
} as const;

export const NUMBERING = 'operative';
export const FONT = 'Times New Roman';
const SANS = 'Arial';
/** Twentieths of a point: 720 = half an inch. */
export const STEP = 720;

/** Footnote id → the id of its Word footnote (ExportFootnote.number). */
type Notes = ReadonlyMap<string, number>;
const NO_NOTES: Notes = new Map();

function runs(text: RichText, notes: Notes = NO_NOTES): (TextRun | FootnoteReferenceRun)[] {
  return text.map((run) => {
    const note = run.footnote === undefined ? undefined : notes.get(run.footnote);
    // A footnote reference is Word's own: Word prints its number where the marker stood.
    if (note !== undefined) return new FootnoteReferenceRun(note);
    // Marks only where the text has them: an explicit "not bold" would override the style (a bold Title).
    return new TextRun({ text: run.text, ...(run.italic ? { italics: true } : {}), ...(run.bold ? { bold: true } : {}) });
  });
}

export function paragraphStyles(variant: ExportVariant, withComments = false): IParagraphStyleOptions[] {
  const body = { spacing: { after: 200, line: 276 }, alignment: AlignmentType.JUSTIFIED };
  const styles: IParagraphStyleOptions[] = [
    { id: STYLE.conference, name: 'Conference', basedOn: 'Normal', next: 'Title', quickFormat: true, run: { smallCaps: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
    { id: STYLE.subtitle, name: 'Subtitle', basedOn: 'Normal', next: STYLE.chapeau, quickFormat: true, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 480 } } },
    { id: STYLE.chapeau, name: 'Chapeau', basedOn: 'Normal', next: STYLE.preamble, quickFormat: true, paragraph: { ...body, spacing: { after: 240, line: 276 } } },
    { id: STYLE.preamble, name: 'Preamble', basedOn: 'Normal', next: STYLE.preamble, quickFormat: true, paragraph: { ...body, indent: { firstLine: STEP } } },
    { id: STYLE.formula, name: 'Formula', basedOn: 'Normal', next: STYLE.operative, quickFormat: true, paragraph: { spacing: { before: 120, after: 240 }, indent: { firstLine: STEP } } },
    { id: STYLE.operative, name: 'Operative', basedOn: 'Normal', next: STYLE.operative, quickFormat: true, paragraph: body },
    { id: STYLE.closing, name: 'Closing', basedOn: 'Normal', next: STYLE.note, quickFormat: true, paragraph: { ...body, spacing: { before: 240, after: 200 }, indent: { firstLine: STEP } } },
    { id: STYLE.note, name: 'Note', basedOn: 'Normal', quickFormat: true, paragraph: { ...body, spacing: { before: 360, after: 200 } } },
    { id: STYLE.signature, name: 'Signature', basedOn: 'Normal', quickFormat: true, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } } },
    {
      id: STYLE.signatureName,
      name: 'Signature Name',
      basedOn: STYLE.signature,
      quickFormat: true,
      run: { bold: true },
      // The line to sign on: a rule above the name, with room above it.
      paragraph: { spacing: { before: 960, after: 0 }, border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 } } },
    },
    {
      id: STYLE.clauseStatus,
      name: 'Clause Status',
      basedOn: 'Normal',
      next: STYLE.preamble,
      quickFormat: true,
      run: { font: SANS, size: 16, color: '333333' },
      paragraph: { keepNext: true, spacing: { before: 120, after: 40 }, shading: { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' } },
    },
    {
      id: STYLE.refused,
      name: 'Refused Change',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: SANS, size: 17, color: '7A1F1F' },
      paragraph: {
        indent: { left: STEP },
        spacing: { after: 80 },
        shading: { type: ShadingType.CLEAR, fill: 'FDECEA', color: 'auto' },
        border: { left: { style: BorderStyle.DASHED, size: 8, color: 'C62828', space: 4 } },
      },
    },
    {
      id: STYLE.banner,
      name: 'Working Text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: SANS, size: 18 },
      paragraph: { spacing: { after: 60 }, shading: { type: ShadingType.CLEAR, fill: 'F3F3F3', color: 'auto' } },
    },
  ];
  // Only the negotiation text shows proposals: the clean file stays as it was without them.
  if (variant === 'clean') return styles;
  // Comment threads (EXP16), only in a file made with them.
  const comments: IParagraphStyleOptions[] = withComments
    ? [
        {
          id: STYLE.comment,
          name: 'Comment Thread',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: SANS, size: 17, color: '333333' },
          paragraph: {
            indent: { left: STEP },
            spacing: { after: 20 },
            shading: { type: ShadingType.CLEAR, fill: 'F7F7F7', color: 'auto' },
            border: { left: { style: BorderStyle.SINGLE, size: 8, color: '8A8A8A', space: 4 } },
          },
        },
      ]
    : [];
  return [
    ...styles,
    ...comments,
    {
      id: STYLE.proposal,
      name: 'Proposal',
      basedOn: 'Normal',
      next: STYLE.proposalText,
      quickFormat: true,
      run: { font: SANS, size: 17, color: '1F3B5C' },
      paragraph: {
        indent: { left: STEP },
        spacing: { after: 40 },
        shading: { type: ShadingType.CLEAR, fill: 'EEF3FA', color: 'auto' },
        border: { left: { style: BorderStyle.SINGLE, size: 8, color: '4A6F9C', space: 4 } },
      },
    },
    {
      id: STYLE.position,
      name: 'Position',
      basedOn: 'Normal',
      quickFormat: true,
      run: { font: SANS, size: 17, color: '333333' },
      paragraph: { indent: { left: STEP }, spacing: { after: 40 } },
    },
    {
      id: STYLE.proposalText,
      name: 'Proposal Text',
      basedOn: STYLE.proposal,
      quickFormat: true,
      run: { font: FONT, size: 22, color: '000000' },
    },
  ];
}

/** Word's multilevel list: "1.", then "(a)" / "(i)" or "a)" / "i)" by the declaration's language (DL3). */
export function numberingLevels(style: SubItemStyle = 'closing') {
  const level = (lvl: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string) => ({
    level: lvl,
    format,
    text,
    alignment: AlignmentType.LEFT,
    start: 1,
    style: { paragraph: { indent: { left: STEP * (lvl + 1), hanging: STEP } } },
  });
  const sub = (n: number) => (style === 'enclosed' ? `(%${n})` : `%${n})`);
  return [level(0, LevelFormat.DECIMAL, '%1.'), level(1, LevelFormat.LOWER_LETTER, sub(2)), level(2, LevelFormat.LOWER_ROMAN, sub(3))];
}

function statusParagraph(clause: ExportClause, words: DocumentWords): Paragraph {
  return new Paragraph({
    style: STYLE.clauseStatus,
    indent: clause.kind === 'operative' ? { left: STEP * (Math.min(clause.depth, 2) + 1) } : undefined,
    children: [new TextRun({ text: `[${clause.label}] `, bold: true }), new TextRun(describeStatus(words, clause))],
  });
}

/** "OP5 [deleted]" where a deleted clause's number stays unused (WN3). */
function deletedParagraph(clause: ExportClause, words: DocumentWords): Paragraph {
  return new Paragraph({
    style: STYLE.clauseStatus,
    indent: clause.kind === 'operative' ? { left: STEP * (Math.min(clause.depth, 2) + 1) } : undefined,
    children: [new TextRun({ text: describeDeleted(words, clause), italics: true })],
  });
}

/** Reservations and objections under their clause (POS4). */
function positionParagraphs(clause: ExportClause, words: DocumentWords): Paragraph[] {
  const indent = { left: STEP * (clause.kind === 'operative' ? Math.min(clause.depth, 2) + 1 : 1) };
  return clause.positions.map(
    (position) => new Paragraph({ style: STYLE.position, indent, children: [new TextRun({ text: describePosition(words, position), ...(position.position === 'objection' ? { bold: true } : {}) })] }),
  );
}

/** A clause's comment threads (EXP16): each thread's heading in bold, the passage in italics, then each comment "by: text". */
function commentParagraphs(clause: ExportClause, threads: readonly ThreadLines[]): Paragraph[] {
  const indent = { left: STEP * (clause.kind === 'operative' ? Math.min(clause.depth, 2) + 1 : 1) };
  return threads.flatMap((thread) => [
    new Paragraph({ style: STYLE.comment, indent, keepNext: true, spacing: { before: 80 }, children: [new TextRun({ text: thread.heading, bold: true })] }),
    ...(thread.passage === null ? [] : [new Paragraph({ style: STYLE.comment, indent, keepNext: true, children: [new TextRun({ text: thread.passage, italics: true })] })]),
    ...thread.comments.map(
      (comment) =>
        new Paragraph({ style: STYLE.comment, indent, children: [new TextRun({ text: `${comment.by}: `, bold: true }), new TextRun({ text: comment.text, ...(comment.deleted ? { italics: true } : {}) })] }),
    ),
  ]);
}

function refusedParagraphs(clause: ExportClause, words: DocumentWords): Paragraph[] {
  const indent = { left: STEP * (clause.kind === 'operative' ? Math.min(clause.depth, 2) + 1 : 1) };
  return clause.refused.map(
    (note) =>
      new Paragraph({
        style: STYLE.refused,
        indent,
        children:
          note.attempted === ''
            ? [new TextRun({ text: `${describeRefusal(words, note)}.`, bold: true })]
            : [new TextRun({ text: `${describeRefusal(words, note)}: `, bold: true }), new TextRun({ text: note.attempted, italics: true })],
      }),
  );
}

/** Word's revision time: xsd:dateTime, to the second. */
export function revisionDate(ms: number, fallback: Date): string {
  return (Number.isFinite(ms) ? new Date(ms) : fallback).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Hands out revision ids, which must be unique within the document. */
interface Revisions {
  next(): number;
  fallbackDate: Date;
}

/**
 * The redline as a paragraph of tracked changes: equal words as plain runs,
 * the rest inserted or deleted by the proposer. A proposed paragraph's own
 * paragraph mark is inserted too, so that rejecting it in Word leaves nothing.
 */
function redlineParagraph(proposal: ExportProposal, revisions: Revisions, options: { indent: { left: number }; keepNext: boolean }): Paragraph {
  const change = { author: proposal.author || 'Unknown', date: revisionDate(proposal.at, revisions.fallbackDate) };
  const children: ParagraphChild[] = proposal.redline.flatMap((segment) =>
    segment.runs.map((run) => {
      const text = { text: run.text, ...(run.italic ? { italics: true } : {}), ...(run.bold ? { bold: true } : {}) };
      if (segment.op === 'insert') return new InsertedTextRun({ ...text, ...change, id: revisions.next() });
      if (segment.op === 'delete') return new DeletedTextRun({ ...text, ...change, id: revisions.next() });
      return new TextRun(text);
    }),
  );
  const inserted = proposal.action === 'insert-before' || proposal.action === 'insert-after' || proposal.action === 'insert-subitem';
  return new Paragraph({
    style: STYLE.proposalText,
    indent: options.indent,
    ...(options.keepNext ? { keepNext: true } : {}),
    ...(inserted ? { run: { insertion: { ...change, id: revisions.next() } } } : {}),
    children,
  });
}

function proposalParagraphs(clause: ExportClause, revisions: Revisions, words: DocumentWords): Paragraph[] {
  const indent = { left: STEP * (clause.kind === 'operative' ? Math.min(clause.depth, 2) + 1 : 1) };
  return clause.proposals.flatMap((proposal) => {
    const notes = [describeJustification(words, proposal), describeReactions(words, proposal)].filter((line) => line !== '');
    return [
      new Paragraph({
        style: STYLE.proposal,
        indent,
        keepNext: true,
        children: [
          new TextRun({ text: describeAlternative(words, proposal), bold: true }),
          ...proposalRemarks(words, clause, proposal).map((remark) => new TextRun({ text: ` ${remark}`, italics: true })),
        ],
      }),
      redlineParagraph(proposal, revisions, { indent, keepNext: notes.length > 0 }),
      ...notes.map((line, i) => new Paragraph({ style: STYLE.proposal, indent, ...(i < notes.length - 1 ? { keepNext: true } : {}), children: [new TextRun(line)] })),
    ];
  });
}

/**
 * How operative paragraphs are numbered: by Word's list (EXP3), or — in a
 * negotiation text whose numbers the chair has frozen — with the working
 * number typed before the text ("7 bis."), which no Word list can count
 * (WN7).
 */
type Numbering = 'word' | 'working';

interface Context {
  variant: ExportVariant;
  /** A clause's comment threads; none unless the file is made with them (EXP16). */
  threads(clauseId: string): ThreadLines[];
  revisions: Revisions;
  numbering: Numbering;
  words: DocumentWords;
  notes: Notes;
  paragraphs: ExportInput['paragraphs'];
}

/** The article line (Heading 2) and the heading above a clause (Heading 2; a caption under an article line, Heading 3). */
function headingParagraphs(clause: ExportClause, variant: ExportVariant): Paragraph[] {
  const article = articleLine(clause, variant);
  const out: Paragraph[] = [];
  if (article !== null) out.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(article)] }));
  if (clause.heading !== '') out.push(new Paragraph({ heading: article === null ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3, children: [new TextRun(clause.heading)] }));
  return out;
}

function clauseParagraphs(clause: ExportClause, context: Context): Paragraph[] {
  const { variant, revisions, numbering, words, notes } = context;
  if (clause.deleted) return variant === 'negotiation' ? [deletedParagraph(clause, words)] : [];
  const out: Paragraph[] = headingParagraphs(clause, variant);
  if (variant === 'negotiation') out.push(statusParagraph(clause, words));
  const level = Math.min(clause.depth, 2);
  if (clause.kind === 'preamble') {
    out.push(new Paragraph({ style: STYLE.preamble, children: runs(clause.body, notes) }));
  } else if (clause.depth === 0 && context.paragraphs !== 'numbered') {
    // An article's paragraph or an unnumbered one: outside the list, indented like a preambular paragraph.
    out.push(new Paragraph({ style: STYLE.operative, indent: { firstLine: STEP }, children: runs(clause.body, notes) }));
  } else if (numbering === 'working') {
    out.push(new Paragraph({ style: STYLE.operative, indent: { left: STEP * (level + 1), hanging: STEP }, children: [new TextRun(`${clause.marker}\t`), ...runs(clause.body, notes)] }));
  } else {
    // Sub-items of unnumbered paragraphs: a list of their own under each paragraph (a new instance), so their letters start at a) again.
    const instance = context.paragraphs === 'numbered' ? {} : { instance: clause.path[0] ?? 0 };
    out.push(new Paragraph({ style: STYLE.operative, numbering: { reference: NUMBERING, level, ...instance }, children: runs(clause.body, notes) }));
  }
  if (variant === 'negotiation') out.push(...positionParagraphs(clause, words), ...refusedParagraphs(clause, words), ...proposalParagraphs(clause, revisions, words), ...commentParagraphs(clause, context.threads(clause.id)));
  for (const child of clause.children) out.push(...clauseParagraphs(child, context));
  return out;
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

function signatureCell(signatory: Signatory | undefined): TableCell {
  const children = signatory
    ? [
        new Paragraph({ style: STYLE.signatureName, children: [new TextRun({ text: signatory.name, bold: true })] }),
        new Paragraph({ style: STYLE.signature, children: [new TextRun(signatory.title)] }),
        new Paragraph({ style: STYLE.signature, spacing: { after: 240 }, children: [new TextRun({ text: signatory.state, italics: true })] }),
      ]
    : [new Paragraph({ style: STYLE.signature })];
  return new TableCell({
    width: { size: 50, type: WidthType.PERCENTAGE },
    margins: { left: 240, right: 240 },
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    children,
  });
}

/** Two signature blocks a row; a row never splits across pages. */
export function signatureTable(signatories: Signatory[]): Table {
  const rows: TableRow[] = [];
  for (let i = 0; i < signatories.length; i += 2) {
    rows.push(new TableRow({ cantSplit: true, children: [signatureCell(signatories[i]), signatureCell(signatories[i + 1])] }));
  }
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, layout: TableLayoutType.FIXED, borders: TableBorders.NONE });
}

function footer(input: ExportInput, variant: ExportVariant): Footer {
  const prefix = variant === 'negotiation' ? [new TextRun(wordsOf(input).workingTextFooter(formatTime(input.generatedAt.getTime())))] : [];
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [...prefix, new TextRun({ children: [PageNumber.CURRENT] }), new TextRun({ children: [' / ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

export function buildDocx(input: ExportInput, variant: ExportVariant): Document {
  const { meta } = input;
  const words = wordsOf(input);
  const body: (Paragraph | Table)[] = [];
  let revision = 0;
  const revisions: Revisions = { next: () => ++revision, fallbackDate: input.generatedAt };
  const numbering: Numbering = variant === 'negotiation' && input.frozen ? 'working' : 'word';
  const notes = wordFootnotes(input).ids;
  const context: Context = { variant, threads: (id) => threadsOf(input, id), revisions, numbering, words, notes, paragraphs: input.paragraphs };
  if (variant === 'negotiation') {
    body.push(
      new Paragraph({ style: STYLE.banner, children: [new TextRun({ text: negotiationHeading(input), bold: true })] }),
      new Paragraph({ style: STYLE.banner, children: [new TextRun(`${describeCounts(input)} ${words.negotiationNotice}`)] }),
      new Paragraph({ spacing: { after: 240 } }),
    );
  }
  if (meta.conference.length > 0) body.push(new Paragraph({ style: STYLE.conference, children: runs(meta.conference, notes) }));
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: runs(meta.title, notes) }));
  if (meta.subtitle.length > 0) body.push(new Paragraph({ style: STYLE.subtitle, children: runs(meta.subtitle, notes) }));
  const adopted = adoptionLine(input);
  if (adopted !== null) body.push(new Paragraph({ style: STYLE.subtitle, children: [new TextRun({ text: adopted, italics: true })] }));
  if (meta.chapeau.length > 0) body.push(new Paragraph({ style: STYLE.chapeau, children: runs(meta.chapeau, notes) }));
  for (const clause of input.preamble) body.push(...clauseParagraphs(clause, context));
  if (meta.formula.length > 0) body.push(new Paragraph({ style: STYLE.formula, children: runs(meta.formula, notes) }));
  for (const clause of input.operative) body.push(...clauseParagraphs(clause, context));
  if (meta.closing.length > 0) body.push(new Paragraph({ style: STYLE.closing, children: runs(meta.closing, notes) }));
  if (meta.note.length > 0) body.push(new Paragraph({ style: STYLE.note, children: [new TextRun(words.note), ...runs(meta.note, notes)] }));
  for (const footnote of input.footnotes.filter((note) => !notes.has(note.id))) {
    body.push(new Paragraph({ style: 'FootnoteText', children: [new TextRun(footnote.marker === '' ? '' : `${footnote.marker} `), ...runs(footnote.body)] }));
  }
  if (variant === 'negotiation' && input.comments && input.comments.elsewhere.length > 0) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(input.comments.elsewhereHeading)] }));
    body.push(...commentParagraphs({ kind: 'preamble', depth: 0 } as ExportClause, input.comments.elsewhere));
  }
  if (input.signatories.length > 0) {
    body.push(new Paragraph({ pageBreakBefore: true, spacing: { after: 0 } }), signatureTable(input.signatories));
  }
  const title = toPlainText(meta.title).trim() || words.untitled;
  return new Document({
    creator: 'Consenso',
    title: variant === 'negotiation' ? `${title} ${words.workingTextSuffix}` : title,
    description: toPlainText(meta.subtitle),
    styles: {
      default: {
        document: { run: { font: FONT, size: 24 }, paragraph: { spacing: { after: 120 } } },
        title: { run: { font: FONT, size: 32, bold: true, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } } },
        // Word's built-in headings, in the text's face: a clause's heading, an article line, an article's caption.
        heading2: { run: { font: FONT, size: 24, bold: true, color: '000000' }, paragraph: { keepNext: true, spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: FONT, size: 24, italics: true, color: '000000' }, paragraph: { keepNext: true, spacing: { before: 0, after: 120 } } },
      },
      paragraphStyles: paragraphStyles(variant, input.comments !== undefined),
    },
    numbering: { config: [{ reference: NUMBERING, levels: numberingLevels(input.subItemStyle) }] },
    // Word's own footnotes, numbered by Word in the order the text references them.
    // The space after Word's own marker (w:footnoteRef) is the footnote text's first character, as Word itself writes it.
    footnotes: Object.fromEntries(
      input.footnotes.filter((footnote) => notes.has(footnote.id)).map((footnote) => [notes.get(footnote.id)!, { children: [new Paragraph({ style: 'FootnoteText', children: [new TextRun(' '), ...runs(footnote.body)] })] }]),
    ),
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        footers: { default: footer(input, variant) },
        children: body,
      },
    ],
  });
}

/**
 * Word's footnotes: each footnote the text references gets a Word id, 1, 2, …
 * in the order of its first reference (the order Word numbers them in);
 * `custom` holds the markers Word must print as typed — null when Word's own
 * numbers are the markers.
 */
export function wordFootnotes(input: ExportInput): { ids: Map<string, number>; custom: Map<number, string> | null } {
  const ids = new Map<string, number>();
  let references = 0;
  const { meta } = input;
  const clauses = readingOrder(input);
  const bodies = (kind: ExportClause['kind']) => clauses.filter((clause) => clause.kind === kind).map((clause) => clause.body);
  // In the order the file prints them.
  const texts = [meta.conference, meta.title, meta.subtitle, meta.chapeau, ...bodies('preamble'), meta.formula, ...bodies('operative'), meta.closing, meta.note];
  const byId = new Map<string, ExportFootnote>(input.footnotes.map((footnote) => [footnote.id, footnote]));
  for (const text of texts) {
    for (const run of text) {
      if (run.footnote === undefined || !byId.has(run.footnote)) continue;
      references++;
      if (!ids.has(run.footnote)) ids.set(run.footnote, ids.size + 1);
    }
  }
  const asNumbered = references === ids.size && [...ids].every(([id, number]) => byId.get(id)!.marker === String(number));
  return { ids, custom: asNumbered ? null : new Map([...ids].map(([id, number]) => [number, byId.get(id)!.marker])) };
}

/**
 * Word's custom footnote marks, which the docx package does not write: the
 * reference says `w:customMarkFollows` and its run holds the marker; the
 * note begins with the marker instead of Word's number.
 */
async function withCustomMarks(file: Buffer, marks: Map<number, string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(file);
  const escape = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
  const mark = (id: number) => `<w:t xml:space="preserve">${escape(marks.get(id) ?? '')}</w:t>`;
  const document = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', document.replace(/<w:footnoteReference w:id="(\d+)"\/>/g, (_, id: string) => `<w:footnoteReference w:customMarkFollows="1" w:id="${id}"/>${mark(Number(id))}`));
  const footnotes = await zip.file('word/footnotes.xml')!.async('string');
  zip.file('word/footnotes.xml', footnotes.replace(/(<w:footnote w:id="(\d+)">.*?)<w:footnoteRef\/>/gs, (_, before: string, id: string) => `${before}${mark(Number(id))}`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function renderDocx(input: ExportInput, variant: ExportVariant): Promise<Buffer> {
  const file = await Packer.toBuffer(buildDocx(input, variant));
  const { custom } = wordFootnotes(input);
  return custom === null ? file : withCustomMarks(file, custom);
}
