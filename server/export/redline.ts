import { DEFAULT_DECLARATION_LANGUAGE, type DeclarationLanguage, type SubItemStyle } from '../../shared/declarationLanguage.ts';
import { subItemStyleOf } from '../../shared/settings.ts';
import type { ClauseKind } from '../../shared/clauseKind.ts';
import { META_FIELDS, type MetaField, type Signatory } from '../../shared/declaration.ts';
import { translatorFor, type Translate } from '../../shared/i18n/translate.ts';
import { summarySentence } from '../../shared/versions/summarySentence.ts';
import { numberClauses } from '../../shared/numbering.ts';
import { buildOutline, flattenOutline, type OutlineNode } from '../../shared/outline.ts';
import { wordRedline, type RedlineOp } from '../../shared/proposals/wordDiff.ts';
import { plain, toPlainText, type RichText } from '../../shared/richText.ts';
import type { AttributedRedline, ClauseComparison, ComparedSide, Comparison } from '../../shared/versions/compare.ts';
import { formatTime } from './exportInput.ts';
import { cleanRuns, cleanText } from './printableText.ts';

/**
 * A redline export (docs/SPEC.md RED1) as plain data, built once from the
 * clause-aligned comparison of two states of a declaration
 * (shared/versions/compare.ts), attributed (CMP3); the formats only draw it
 * (redlineDocx.ts, redlineHtml.ts, redlinePdf.ts, redlineMarkdown.ts).
 *
 * The comparison lists the target's clauses in reading order. A document
 * with revisions needs more: rejecting every change must give the base back
 * in the base's order. So the paragraphs here merge the two reading orders
 * around the clauses that stay in place (in both, not moved): between two
 * of them come the base's other paragraphs, deleted, then the target's,
 * inserted. A moved clause is therefore a paragraph deleted where it was
 * and one inserted where it goes (Word's own moves need bookmark ranges the
 * docx package does not write); HTML, PDF and Markdown show its old place
 * as one line ("PP3 moved to OP4") and its words' changes at the new one.
 *
 * Brackets are not printed: the redline is of the words (the comparison is
 * of the clauses' text), so accepting all gives exactly the target's words.
 */

/**
 * The redline's own words — heading, summary, legend, moves, footer — are the
 * document's, like every export's (DL5): in the declaration's language, not
 * the reader's, so a Spanish declaration's redline reads Spanish throughout.
 */
const wordsOf = (language: DeclarationLanguage): Translate => translatorFor(language);

/** Who made a change and when, as printed (Word's `w:author` / `w:date`). */
export interface RedlineChange {
  author: string;
  at: number;
}

export interface RedlinePiece {
  op: RedlineOp;
  runs: RichText;
  /** null on equal words. */
  change: RedlineChange | null;
}

/**
 * What happened to a paragraph as a whole: kept (its words may have
 * changed), added, deleted, or moved — `moved-from` is where the base had
 * it, `moved-to` where the target has it.
 */
export type ParagraphChange = 'kept' | 'added' | 'deleted' | 'moved-from' | 'moved-to';

export interface RedlineParagraph {
  id: string;
  kind: ClauseKind;
  /** 0 for a paragraph, 1 for a sub-item a), 2 for i): on the side it stands on. */
  depth: number;
  change: ParagraphChange;
  /** Who added, deleted or moved it (its paragraph mark in Word); null when kept. */
  mark: RedlineChange | null;
  /** The consecutive marker the clean text prints ('3.', 'a)', '' for a preambular paragraph): the target's, or the base's where the target has no such paragraph. */
  marker: string;
  /** Its label on the side it stands on (target; base for deleted and moved-from). */
  label: string;
  /** A moved clause's label on the other side: where it went (moved-from) or where it was (moved-to). */
  otherLabel: string | null;
  /**
   * Its words: the comparison's word redline (kept, moved-to), the whole
   * base text deleted (deleted, moved-from), the whole target text
   * inserted (added).
   */
  pieces: RedlinePiece[];
  /** The heading printed above it (Clause.heading, HEAD1), as it changed; null when neither side has one. */
  heading: RedlinePart | null;
}

/**
 * A part that one side may lack: a clause's heading, a footnote's marker
 * or text. `kept` when both sides have it (its words may have changed),
 * else `added` or `deleted` whole, by `mark`.
 */
export interface RedlinePart {
  change: 'kept' | 'added' | 'deleted';
  mark: RedlineChange | null;
  pieces: RedlinePiece[];
}

/** A footnote (EXP13) of either side, in the target's order, then the deleted ones: its marker and its text as they changed. */
export interface RedlineFootnote {
  id: string;
  change: 'kept' | 'added' | 'deleted';
  mark: RedlineChange | null;
  marker: RedlinePiece[];
  pieces: RedlinePiece[];
}

/** A heading field: in both (kept), only in the target (added), only in the base (deleted), or in neither. */
export interface RedlineMeta {
  field: MetaField;
  change: 'kept' | 'added' | 'deleted' | 'absent';
  mark: RedlineChange | null;
  pieces: RedlinePiece[];
}

/** Who made which change: an author and the parts (labels, heading fields) they changed. */
export interface RedlineLegendEntry {
  author: string;
  parts: string[];
}

export interface RedlineExport {
  /** "Changes from Zero draft to the text now". */
  heading: string;
  /** "Since Zero draft: 1 paragraph added (OP13), 2 changed." */
  summary: string;
  /** The base version's name, for the footer. */
  baseName: string;
  /** The target's title as plain text (the file's own title). */
  title: string;
  meta: Record<MetaField, RedlineMeta>;
  preamble: RedlineParagraph[];
  /** Operative paragraphs and sub-items in reading order, each with its depth. */
  operative: RedlineParagraph[];
  /** Every footnote of both sides (after the note, before the signatures, as every export prints them). */
  footnotes: RedlineFootnote[];
  /** As the target has them. */
  signatories: Signatory[];
  /** In order of first change. */
  legend: RedlineLegendEntry[];
  generatedAt: Date;
  /** The declaration's language: sub-item markers and the words around the text (DL5). */
  language: DeclarationLanguage;
  /** How sub-item letters print (subItemStyleOf): the declaration's setting, else its language's. */
  subItemStyle: SubItemStyle;
}

/** One side of the redline: a saved version, or the text now (`name` null). */
export interface RedlineSideInput {
  name: string | null;
  side: ComparedSide;
  /** When it was saved; for the text now, the time of the export. */
  at: number;
}

export interface RedlineSource {
  base: RedlineSideInput & { name: string };
  target: RedlineSideInput;
  /** compareDeclarations(base, target), attributed (server/versions/attributeComparison.ts). */
  comparison: Comparison;
  /** A participant's name from an attributed segment's `by`; unknown (null, absent, or a removed participant) → "Consenso". */
  nameOf(by: string | null | undefined): string;
  /** When the history says that participant last changed that part (a clause id or `meta:<field>`) before the target; null when it does not know. */
  timeOf(part: string, by: string | null | undefined): number | null;
  generatedAt: Date;
  language?: DeclarationLanguage;
  /** The declaration's sub-item style setting; null or absent: its language's. */
  subItemStyle?: SubItemStyle | null;
}

/** The name printed for a change nobody can be named for (CMP3). */
export const UNKNOWN_AUTHOR = wordsOf(DEFAULT_DECLARATION_LANGUAGE)('export.redline.unknownAuthor');

export function describeHeading(language: DeclarationLanguage, baseName: string, targetName: string | null): string {
  const t = wordsOf(language);
  // Two sentences, not one with "the text now" put in: Spanish says "al texto actual", not "a el".
  return targetName === null ? t('export.redline.headingNow', { base: baseName }) : t('export.redline.heading', { base: baseName, target: targetName });
}

/** "Chile, 2026-01-15 09:30 UTC": what a change says of itself (HTML's title attribute). */
export function describeChange(change: RedlineChange): string {
  const when = formatTime(change.at);
  return when === '' ? change.author : `${change.author}, ${when}`;
}

/** "Chile: OP3, title" */
export function describeLegendEntry(language: DeclarationLanguage, entry: RedlineLegendEntry): string {
  return wordsOf(language)('export.redline.legend', { name: entry.author, parts: entry.parts.join(', ') });
}

/** "PP3 moved to OP4": what the old place of a moved clause shows. */
export function describeMovedFrom(language: DeclarationLanguage, paragraph: RedlineParagraph): string {
  return wordsOf(language)('export.redline.movedTo', { label: paragraph.label, to: paragraph.otherLabel ?? '' });
}

/** "(moved from PP3)": what follows a moved clause at its new place. */
export function describeMovedTo(language: DeclarationLanguage, paragraph: RedlineParagraph): string {
  return wordsOf(language)('export.redline.movedFrom', { from: paragraph.otherLabel ?? '' });
}

/** "Who made which change:", its colon as the language writes it. */
export function legendTitle(language: DeclarationLanguage): string {
  return wordsOf(language)('export.redline.legendTitle');
}

/** "Changes since Zero draft · page " (the page number follows). */
export function redlineFooter(redline: RedlineExport): string {
  return `${wordsOf(redline.language)('export.redline.footer', { base: redline.baseName })} `;
}

/** The words of a paragraph as the base had them (`from`) or as the target has them (`to`). */
export function piecesSide(pieces: readonly RedlinePiece[], side: 'from' | 'to'): RichText {
  const skip: RedlineOp = side === 'from' ? 'insert' : 'delete';
  return cleanRuns(pieces.filter((piece) => piece.op !== skip).flatMap((piece) => piece.runs));
}

/** Merges base and target reading orders around the clauses that stay in place (see above). */
export function mergeOrders(base: readonly string[], target: readonly string[], inPlace: (id: string) => boolean): { id: string; side: 'base' | 'target' | 'both' }[] {
  const out: { id: string; side: 'base' | 'target' | 'both' }[] = [];
  let i = 0;
  let j = 0;
  while (i < base.length || j < target.length) {
    while (i < base.length && !inPlace(base[i]!)) out.push({ id: base[i++]!, side: 'base' });
    while (j < target.length && !inPlace(target[j]!)) out.push({ id: target[j++]!, side: 'target' });
    if (i < base.length && j < target.length) {
      // The clauses in place keep their order on both sides (compare.ts keeps them only from a common subsequence).
      if (base[i] !== target[j]) throw new Error(`clauses in place out of order: ${base[i]} / ${target[j]}`);
      out.push({ id: base[i++]!, side: 'both' });
      j++;
    } else if (i < base.length || j < target.length) {
      throw new Error('a clause in place is on one side only');
    }
  }
  return out;
}

/** Builds the redline export from an attributed comparison and its two sides. */
export function buildRedline(source: RedlineSource): RedlineExport {
  const { comparison, base, target } = source;
  const language = source.language ?? DEFAULT_DECLARATION_LANGUAGE;
  const t = wordsOf(language);
  const changeOf = (part: string, by: string | null | undefined): RedlineChange => ({
    author: cleanText(source.nameOf(by)),
    at: source.timeOf(part, by) ?? target.at,
  });
  const piecesOf = (part: string, redline: AttributedRedline): RedlinePiece[] =>
    redline
      .map((segment) => ({ op: segment.op, runs: cleanRuns(segment.runs), change: segment.op === 'equal' ? null : changeOf(part, segment.by) }))
      .filter((piece) => piece.runs.length > 0);
  /** The paragraph as a whole is changed by whoever changed its first words, or by nobody known. */
  const markOf = (part: string, pieces: RedlinePiece[]): RedlineChange => pieces.find((piece) => piece.change !== null)?.change ?? changeOf(part, null);
  /**
   * Plain text on both sides (a heading, a marker) as a part: the word
   * redline when both have it, else whole. Who changed it the history does
   * not say (it attributes a clause's words): the paragraph's author when the
   * part comes and goes with its paragraph, else nobody known.
   */
  const plainPart = (part: string, from: string, to: string, by: RedlineChange | null): RedlinePart | null => {
    if (from === '' && to === '') return null;
    const change = from === '' ? 'added' : to === '' ? 'deleted' : 'kept';
    const author = by ?? changeOf(part, null);
    const pieces = piecesOf(part, wordRedline(plain(from), plain(to))).map((piece) => (piece.change === null ? piece : { ...piece, change: author }));
    return { change, mark: change === 'kept' ? null : author, pieces };
  };

  const legend = new Map<string, string[]>();
  const note = (change: RedlineChange | null, part: string) => {
    if (change === null) return;
    const parts = legend.get(change.author) ?? [];
    if (!parts.includes(part)) parts.push(part);
    legend.set(change.author, parts);
  };

  const meta = {} as Record<MetaField, RedlineMeta>;
  for (const field of META_FIELDS) {
    const row = comparison.meta.find((m) => m.field === field);
    const pieces = row ? piecesOf(`meta:${field}`, row.redline) : [];
    const from = base.side.declaration.meta[field].length > 0;
    const to = target.side.declaration.meta[field].length > 0;
    // Every export prints a title paragraph, with words or not: only its words come and go.
    const change = (from && to) || (field === 'title' && (from || to)) ? 'kept' : to ? 'added' : from ? 'deleted' : 'absent';
    const mark = change === 'added' || change === 'deleted' ? markOf(`meta:${field}`, pieces) : null;
    meta[field] = { field, change, mark, pieces };
  }

  const baseOutline = buildOutline(base.side.declaration.clauses);
  const targetOutline = buildOutline(target.side.declaration.clauses);
  const baseNodes = new Map(flattenOutline(baseOutline).map((node) => [node.clause.id, node]));
  const targetNodes = new Map(flattenOutline(targetOutline).map((node) => [node.clause.id, node]));
  const style = subItemStyleOf({ subItemStyle: source.subItemStyle ?? null }, language);
  const baseMarkers = numberClauses(baseOutline, null, style);
  const targetMarkers = numberClauses(targetOutline, null, style);
  const rows = new Map(comparison.clauses.map((row) => [row.id, row]));
  const inPlace = (id: string) => {
    const row = rows.get(id);
    return row !== undefined && !row.added && !row.deleted && !row.moved;
  };
  const idsOf = (nodes: Map<string, OutlineNode>, kind: ClauseKind) => [...nodes.values()].filter((node) => node.clause.kind === kind).map((node) => node.clause.id);

  const paragraphOf = (id: string, side: 'base' | 'target' | 'both'): RedlineParagraph => {
    const row = rows.get(id) as ClauseComparison;
    const node = (side === 'base' ? baseNodes : targetNodes).get(id)!;
    const marker = (side === 'base' ? baseMarkers : targetMarkers).get(id)?.marker ?? '';
    const heading = { from: row.heading?.from ?? '', to: row.heading?.to ?? '' };
    // The heading's side is the paragraph's: a moved or deleted clause's old place had the base's, its new place has the target's.
    const headingOf = (by: RedlineChange | null) =>
      side === 'base' ? plainPart(`heading:${id}`, heading.from, '', by) : side === 'target' && (row.added || row.moved) ? plainPart(`heading:${id}`, '', heading.to, by) : plainPart(`heading:${id}`, heading.from, heading.to, by);
    const common = { id, kind: node.clause.kind, depth: node.depth, marker: node.clause.kind === 'preamble' ? '' : marker };
    if (side === 'both') {
      return { ...common, change: 'kept', mark: null, label: row.toLabel ?? '', otherLabel: null, pieces: piecesOf(id, row.redline), heading: headingOf(null) };
    }
    if (row.moved) {
      // Both places are marked in the name of whoever moved it (CMP3); a move the history does not hold, by whoever changed its words.
      const pieces = piecesOf(id, row.redline);
      const mark = row.movedBy ? changeOf(id, row.movedBy) : markOf(id, pieces);
      if (side === 'base') {
        const body = cleanRuns(baseNodes.get(id)!.clause.body);
        return { ...common, change: 'moved-from', mark, label: row.fromLabel ?? '', otherLabel: row.toLabel, pieces: body.length > 0 ? [{ op: 'delete', runs: body, change: mark }] : [], heading: headingOf(mark) };
      }
      return { ...common, change: 'moved-to', mark, label: row.toLabel ?? '', otherLabel: row.fromLabel, pieces, heading: headingOf(mark) };
    }
    const pieces = piecesOf(id, row.redline);
    const mark = markOf(id, pieces);
    return { ...common, change: row.added ? 'added' : 'deleted', mark, label: (row.added ? row.toLabel : row.fromLabel) ?? '', otherLabel: null, pieces, heading: headingOf(mark) };
  };

  const group = (kind: ClauseKind) => mergeOrders(idsOf(baseNodes, kind), idsOf(targetNodes, kind), inPlace).map(({ id, side }) => paragraphOf(id, side));
  const preamble = group('preamble');
  const operative = group('operative');
  const footnotes: RedlineFootnote[] = comparison.footnotes.map((row) => {
    const pieces = piecesOf(`footnote:${row.id}`, row.redline);
    const change = row.added ? 'added' : row.deleted ? 'deleted' : 'kept';
    const mark = change === 'kept' ? null : markOf(`footnote:${row.id}`, pieces);
    const marker = plainPart(`footnote:${row.id}`, cleanText(row.marker.from), cleanText(row.marker.to), mark);
    return { id: row.id, change, mark, marker: marker?.pieces ?? [], pieces };
  });

  // The legend in reading order: heading, then the clauses.
  for (const field of ['conference', 'title', 'subtitle', 'chapeau'] as const) for (const piece of meta[field].pieces) note(piece.change, t(`export.redline.field.${field}`));
  const noteParagraph = (p: RedlineParagraph) => {
    for (const piece of p.heading?.pieces ?? []) note(piece.change, t('export.redline.field.heading', { label: p.label }));
    note(p.mark, p.label);
    for (const piece of p.pieces) note(piece.change, p.label);
  };
  preamble.forEach(noteParagraph);
  for (const piece of meta.formula.pieces) note(piece.change, t('export.redline.field.formula'));
  operative.forEach(noteParagraph);
  for (const piece of meta.closing.pieces) note(piece.change, t('export.redline.field.closing'));
  for (const piece of meta.note.pieces) note(piece.change, t('export.redline.field.note'));
  for (const footnote of footnotes) {
    const label = t('export.redline.field.footnote', { marker: toPlainText(piecesSide(footnote.marker, footnote.change === 'deleted' ? 'from' : 'to')) });
    for (const piece of [...footnote.marker, ...footnote.pieces]) note(piece.change, label);
  }
  if (comparison.summary.signatories > 0) note(changeOf('signatories', null), t('export.redline.field.signatories'));

  return {
    heading: describeHeading(language, cleanText(base.name), target.name === null ? null : cleanText(target.name)),
    summary: summarySentence(t, comparison.summary, cleanText(base.name), { to: target.name === null ? null : cleanText(target.name) }),
    baseName: cleanText(base.name),
    title: cleanText(toPlainText(target.side.declaration.meta.title)).trim(),
    meta,
    preamble,
    operative,
    footnotes,
    signatories: target.side.declaration.signatories.map((s) => ({ ...s, name: cleanText(s.name), title: cleanText(s.title), state: cleanText(s.state) })),
    legend: [...legend].map(([author, parts]) => ({ author, parts })),
    generatedAt: source.generatedAt,
    language,
    subItemStyle: style,
  };
}
