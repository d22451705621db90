import type * as Y from 'yjs';
import { standingBrackets } from '../../shared/brackets/bracket.ts';
import { withBrackets } from '../../shared/brackets/withBrackets.ts';
import { countStatuses, isLocked, readClauseStatus, type ClauseStatus, type StatusCounts } from '../../shared/clauseStatus.ts';
import type { ClauseKind } from '../../shared/clauseKind.ts';
import { clauseLocks } from '../../shared/clauseLock.ts';
import { META_FIELDS, type Declaration, type Meta, type Signatory } from '../../shared/declaration.ts';
import { bracketRanges } from '../../shared/document/bracketRange.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { readDeclarationLanguage, type DeclarationLanguage, type SubItemStyle } from '../../shared/declarationLanguage.ts';
import { documentDate, documentWords, type DocumentWords } from '../../shared/documentWords.ts';
import { readSilenceProcedure, SILENCE_KEY } from '../../shared/silence/silenceProcedure.ts';
import { adoptedAt } from '../../shared/silence/silenceRules.ts';
import { deletedNumbers, markerOf, numberClauses, ownText } from '../../shared/numbering.ts';
import { buildOutline, inReadingOrder, type OutlineNode } from '../../shared/outline.ts';
import { readPositions, type StatedPosition } from '../../shared/positions/position.ts';
import { textHash } from '../../shared/positions/textHash.ts';
import { readProposal, type Proposal } from '../../shared/proposals/proposal.ts';
import { readRefusedChange, type RefusedChange } from '../../shared/refusedChange.ts';
import { toPlainText, type RichText } from '../../shared/richText.ts';
import { readFrozenNumbering, type FrozenNumbering } from '../../shared/workingNumbers.ts';
import { DEFAULT_PARAGRAPH_STYLE, type ParagraphStyle } from '../../shared/paragraphStyle.ts';
import { readSettings, subItemStyleOf } from '../../shared/settings.ts';
import { alternativesByClause, toExportProposal, type ExportProposal } from './exportProposal.ts';
import type { ExportComments } from './exportComments.ts';
import { cleanRuns, cleanText } from './printableText.ts';

/**
 * Everything an exporter needs, as plain data, built once from the document
 * at the edge: the text in reading order with its numbers (derived here from
 * shared/numbering.ts, never stored), each clause's status, the changes
 * refused on it and its open proposals with their redlines. Exporters (one
 * file per format) are pure functions of this.
 *
 * Text is cleaned here for every format alike (printableText.ts).
 *
 * Two numberings travel together: the working one (`label`, `marker`: OP7
 * bis once the chair has frozen the numbers, WN2) for the negotiation
 * text, and the consecutive one (`cleanMarker`: 1…n) for the clean text
 * (WN7). The numbers a deleted clause left unused stand in the lists as
 * placeholders (`deleted`), which only the negotiation text prints (WN3).
 * Square brackets are printed into the body as bold `[` `]` for both
 * variants (BRK3, BRK6).
 *
 * The paragraph style (shared/paragraphStyle.ts) is applied here too: in
 * a declaration in articles or with unnumbered paragraphs an operative
 * paragraph has no marker in either variant (its label, OP3, stays), and in
 * articles it carries the article line each variant prints ("Article 3";
 * "Article 7 bis" in a frozen negotiation text). Sub-items keep their
 * letters, in the declaration's sub-item style (subItemStyleOf).
 */
export type ExportVariant = 'clean' | 'negotiation';
export const EXPORT_VARIANTS: readonly ExportVariant[] = ['clean', 'negotiation'];

/** A change the server did not apply to an agreed clause, as the negotiation text lists it. */
export interface RefusedNote {
  author: string;
  /** The text as its author tried to make it ('' when they tried to delete the clause). */
  attempted: string;
  at: number;
}

/** A reservation or an objection stated on a clause, as the negotiation text lists it (POS4). */
export interface PositionNote {
  name: string;
  position: 'reservation' | 'objection';
  note: string;
  /** Stated on an earlier text of the clause (POS5). */
  earlier: boolean;
}

export interface ExportClause {
  id: string;
  kind: ClauseKind;
  /** 0 for a paragraph, 1 for a sub-item a), 2 for i). */
  depth: number;
  /** The working name: PP1, OP3, OP12(a), OP12(a)(ii). */
  label: string;
  /** The working marker: '' for a preambular paragraph, "3.", "a)", "ii)", "7 bis.", "a bis)" once numbers are frozen (WN2). */
  marker: string;
  /** What the clean text prints, always consecutive (WN7): '' for a preambular paragraph, "3.", "a)", "ii)". */
  cleanMarker: string;
  /**
   * A placeholder for a number left unused by a deleted clause ("OP5
   * [deleted]", WN3): no text, no status, no children. Only the
   * negotiation text prints it; readingOrder leaves it out.
   */
  deleted: boolean;
  /** Position among its siblings at each level, from 1: [12, 1] for OP12(a). Stable ids (AKN eIds) come from it. */
  path: number[];
  body: RichText;
  /** null: no status was ever set (open). A sub-item of an agreed paragraph has its paragraph's (LOCK7). */
  status: ClauseStatus | null;
  /** The label of the agreed paragraph this clause is agreed with (LOCK7), null when agreed or open on its own. */
  agreedWith: string | null;
  refused: RefusedNote[];
  /** The heading printed above it (Clause.heading: "A. Health", an article's caption), cleaned; '' when none. */
  heading: string;
  /**
   * In a declaration in articles, the article line of an operative
   * paragraph in each variant's numbering: "Article 3" (clean, always
   * consecutive), "Article 7 bis" (negotiation, frozen numbers). null for
   * every other clause and style.
   */
  article: { clean: string; working: string } | null;
  /** Its open proposals, as alternatives in order (PROP3, PROP14). Only the negotiation variant shows them. */
  proposals: ExportProposal[];
  /** Reservations and objections on it (POS4), objections first. Only the negotiation variant shows them. */
  positions: PositionNote[];
  children: ExportClause[];
}

/** A footnote as printed: its marker and text; the text references it with runs whose `footnote` is its id. */
export interface ExportFootnote {
  id: string;
  /** 1…n in the order the notes print: AKN's `fnote_N` and the HTML anchors come from it (Word numbers by first reference: docx.ts). */
  number: number;
  marker: string;
  body: RichText;
}

export interface ExportInput {
  /** `closing` is the line printed right after the operative part ("Done at Buenos Aires, 3 May 2023."). */
  meta: Meta;
  preamble: ExportClause[];
  /** Operative paragraphs, each with its sub-items in `children`. */
  operative: ExportClause[];
  signatories: Signatory[];
  /** When the export was made: passed in so that the same input gives the same file. */
  generatedAt: Date;
  /** The declaration's language (DL5): its sub-item markers, and the words printed around the text (`wordsOf`). */
  language: DeclarationLanguage;
  /** Square-bracketed passages standing in the text (BRK3, BRK6): printed in both variants. */
  brackets: number;
  /** Whether the chair has frozen the numbering: the negotiation text then prints working numbers (WN7). */
  frozen: boolean;
  /** When the declaration was adopted under a silence procedure (SIL7, SIL10), printed under the heading; absent or null before. */
  adoptedAt?: number | null;
  /** How operative paragraphs print their numbers (the declaration setting `paragraphs`). */
  paragraphs: ParagraphStyle;
  /** How sub-item letters print: "(a)" or "a)" (subItemStyleOf: the source's style, else the language's). */
  subItemStyle: SubItemStyle;
  /** The footnotes in print order: at the foot of the page in Word, at the end of the text (before the signatures) elsewhere. */
  footnotes: ExportFootnote[];
  /** The comment threads, when the negotiation text is asked for with them (EXP16, `comments=1`); absent otherwise. */
  comments?: ExportComments;
}

/** How a declaration prints its numbers: the settings `paragraphs` and `subItemStyle` (shared/settings.ts). */
export interface PrintStyle {
  paragraphs?: ParagraphStyle;
  /** null or absent: the declaration language's. */
  subItemStyle?: SubItemStyle | null;
}

/** The parts of an export that are not in the declaration itself. */
export interface NegotiationState {
  statuses: ReadonlyMap<string, ClauseStatus>;
  refused: readonly RefusedChange[];
  /** Every proposal in the document, whatever its state: only open ones are shown. */
  proposals: readonly Proposal[];
  /** clause id → its stated positions (POS4). */
  positions?: ReadonlyMap<string, readonly StatedPosition[]>;
  /** clause id → its standing brackets' passages, character offsets into its text (BRK3). */
  brackets?: ReadonlyMap<string, readonly { start: number; end: number }[]>;
  /** The numbering the chair froze, or null while numbers follow order (WN1). */
  frozen?: FrozenNumbering | null;
}

/** The words an exporter prints around the text, in the declaration's language (shared/documentWords.ts). */
export function wordsOf(input: Pick<ExportInput, 'language'>): DocumentWords {
  return documentWords(input.language);
}

/** Reservations and objections in the order the chair reads them: objections first, then by name. */
function positionNotes(positions: readonly StatedPosition[] | undefined, body: RichText): PositionNote[] {
  if (!positions || positions.length === 0) return [];
  const hash = textHash(toPlainText(body));
  return positions
    .filter((p): p is StatedPosition & { position: PositionNote['position'] } => p.position === 'reservation' || p.position === 'objection')
    .map((p) => ({ name: cleanText(p.name), position: p.position, note: cleanText(p.note), earlier: p.textHash !== hash }))
    .sort((a, b) => (a.position === b.position ? a.name.localeCompare(b.name) : a.position === 'objection' ? -1 : 1));
}

/** Builds the export input from plain data: the pure core of `readExportInput`. */
export function buildExportInput(declaration: Declaration, state: NegotiationState, generatedAt: Date, language: DeclarationLanguage = 'en', print: PrintStyle = {}): ExportInput {
  const outline = buildOutline(declaration.clauses);
  const frozen = state.frozen ?? null;
  const style = subItemStyleOf({ subItemStyle: print.subItemStyle ?? null }, language);
  const paragraphs = print.paragraphs ?? DEFAULT_PARAGRAPH_STYLE;
  const words = documentWords(language);
  // In `order` (plain string comparison, as order keys compare; ties by id), whoever built the declaration.
  const footnotes: ExportFootnote[] = [...(declaration.footnotes ?? [])]
    .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((footnote, i) => ({ id: footnote.id, number: i + 1, marker: cleanText(footnote.marker).trim(), body: cleanRuns(footnote.body) }));
  const footnoteIds = new Set(footnotes.map((footnote) => footnote.id));
  const numbers = numberClauses(outline, frozen, style);
  const consecutive = frozen === null ? numbers : numberClauses(outline, null, style);
  const locks = clauseLocks(outline, (id) => state.statuses.get(id));
  const refusedBy = new Map<string, RefusedNote[]>();
  const seen = new Set<string>();
  for (const change of [...state.refused].sort((a, b) => a.at - b.at)) {
    if (change.part !== 'clause' || change.reason !== 'agreed' || change.clauseId === null) continue;
    // A delegation typing into an agreed clause is refused keystroke by keystroke: one line per distinct attempt.
    const key = `${change.clauseId}\u0000${change.author}\u0000${change.attempted}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const notes = refusedBy.get(change.clauseId) ?? [];
    notes.push({ author: cleanText(String(change.author ?? '')), attempted: cleanText(change.attempted), at: typeof change.at === 'number' ? change.at : Number.NaN });
    refusedBy.set(change.clauseId, notes);
  }
  const proposalsOf = alternativesByClause(state.proposals);
  const convert = (node: OutlineNode, path: number[]): ExportClause => {
    const number = numbers.get(node.clause.id) ?? { label: '', marker: '' };
    const cleanMarker = consecutive.get(node.clause.id)?.marker ?? '';
    const lock = locks.get(node.clause.id);
    const inherited = lock?.inherited ? lock.agreedClause : null;
    const status = state.statuses.get(inherited ?? node.clause.id);
    // Proposals are redlined against the text itself; the printed body shows its brackets (BRK3).
    const text = cleanRuns(node.clause.body);
    const ranges = state.brackets?.get(node.clause.id);
    const body = cleanRuns(ranges && ranges.length > 0 ? withBrackets(node.clause.body, ranges) : node.clause.body, footnoteIds);
    // An operative paragraph in articles or unnumbered prints no number of its own (its label stays); in articles its number goes to the article line.
    const paragraph = node.clause.kind === 'operative' && node.depth === 0;
    const unmarked = paragraph && paragraphs !== 'numbered';
    const article = paragraph && paragraphs === 'articles' ? { clean: words.article(numberOf(cleanMarker)), working: words.article(numberOf(number.marker)) } : null;
    const target = { label: number.label, kind: node.clause.kind, depth: node.depth, body: text };
    return {
      id: node.clause.id,
      kind: node.clause.kind,
      depth: node.depth,
      label: number.label,
      marker: unmarked ? '' : number.marker,
      cleanMarker: unmarked ? '' : cleanMarker,
      deleted: false,
      path,
      body,
      heading: cleanText(node.clause.heading ?? '').trim(),
      article,
      status: status ? { ...status, by: cleanText(status.by), ...(status.pending ? { pending: status.pending.map(cleanText) } : {}), ...(status.reason !== undefined ? { reason: cleanText(status.reason) } : {}) } : null,
      agreedWith: inherited === null ? null : (numbers.get(inherited)?.label ?? ''),
      refused: refusedBy.get(node.clause.id) ?? [],
      proposals: (proposalsOf.get(node.clause.id) ?? []).map((proposal, i) => toExportProposal(proposal, i + 1, target)),
      positions: positionNotes(state.positions?.get(node.clause.id), node.clause.body),
      children: node.children.map((child, i) => convert(child, [...path, i + 1])),
    };
  };
  const preamble = outline.preamble.map((node, i) => convert(node, [i + 1]));
  const operative = outline.operative.map((node, i) => convert(node, [i + 1]));
  placeDeleted(outline, frozen, preamble, operative, style, paragraphs, words);
  const meta = Object.fromEntries(META_FIELDS.map((field) => [field, cleanRuns(declaration.meta[field] ?? [], footnoteIds)])) as Meta;
  return {
    meta,
    preamble,
    operative,
    signatories: declaration.signatories.map((s) => ({ ...s, name: cleanText(s.name), title: cleanText(s.title), state: cleanText(s.state) })),
    generatedAt,
    language,
    brackets: [...(state.brackets?.values() ?? [])].reduce((sum, ranges) => sum + ranges.length, 0),
    frozen: frozen !== null,
    paragraphs,
    subItemStyle: style,
    footnotes,
  };
}

/** A paragraph's marker as an article's number: "3." → "3", "7 bis." → "7 bis". */
function numberOf(marker: string): string {
  return marker.replace(/\.$/, '');
}

/**
 * Puts a placeholder for each number left unused by a deleted clause into
 * its group, after the clause it follows (or first), in number order
 * (shared/numbering.ts `deletedNumbers`, WN3).
 */
function placeDeleted(outline: ReturnType<typeof buildOutline>, frozen: FrozenNumbering | null, preamble: ExportClause[], operative: ExportClause[], style: SubItemStyle, paragraphs: ParagraphStyle, words: DocumentWords): void {
  const gaps = deletedNumbers(outline, frozen);
  if (gaps.length === 0) return;
  const byId = new Map(inReadingOrder({ preamble, operative }).map((clause) => [clause.id, clause]));
  for (const gap of gaps) {
    const parent = gap.parent === null ? null : byId.get(gap.parent);
    if (parent === undefined) continue;
    const group = parent === null ? (gap.kind === 'preamble' ? preamble : operative) : parent.children;
    const depth = parent === null ? 0 : parent.depth + 1;
    const own = frozen!.numbers[gap.id]!;
    const text = ownText(own, depth);
    // An operative paragraph's number prints as its paragraphs do (EXP12): "Article 5 [deleted]" in articles, no "5." when unnumbered.
    const paragraph = gap.kind === 'operative' && depth === 0;
    const article = paragraph && paragraphs === 'articles' ? { clean: '', working: words.article(text) } : null;
    let at = gap.after === null ? 0 : group.findIndex((clause) => clause.id === gap.after) + 1;
    // Several gaps after the same clause keep their number order.
    while (at < group.length && group[at]!.deleted) at++;
    group.splice(at, 0, {
      id: gap.id,
      kind: gap.kind,
      depth,
      label: gap.label,
      marker: gap.kind === 'preamble' || (paragraph && paragraphs !== 'numbered') ? '' : markerOf(text, depth, style),
      cleanMarker: '',
      deleted: true,
      path: [],
      body: [],
      heading: '',
      article,
      status: null,
      agreedWith: null,
      refused: [],
      proposals: [],
      positions: [],
      children: [],
    });
  }
}

/** Reads the export input from a declaration's document (the room's authoritative Y.Doc). */
export function readExportInput(doc: Y.Doc, generatedAt: Date): ExportInput {
  const statuses = new Map<string, ClauseStatus>();
  doc.getMap<unknown>(ROOT.status).forEach((value, clauseId) => {
    const status = readClauseStatus(value);
    if (status) statuses.set(clauseId, status);
  });
  const refused: RefusedChange[] = [];
  doc.getMap<unknown>(ROOT.refused).forEach((value) => {
    const change = readRefusedChange(value);
    if (change) refused.push(change);
  });
  const proposals: Proposal[] = [];
  doc.getMap<unknown>(ROOT.proposals).forEach((value) => {
    const proposal = readProposal(value);
    if (proposal) proposals.push(proposal);
  });
  const frozen = readFrozenNumbering(doc.getMap<unknown>(ROOT.numbering));
  const positions = readPositions(doc.getMap<unknown>(ROOT.positions));
  const brackets = bracketRanges(doc, standingBrackets(doc.getMap<unknown>(ROOT.brackets)));
  const settingsMap = doc.getMap<unknown>(ROOT.settings);
  const language = readDeclarationLanguage(settingsMap);
  const settings = readSettings(settingsMap);
  const adopted = adoptedAt(readSilenceProcedure(doc.getMap<unknown>(ROOT.silence).get(SILENCE_KEY)));
  const print = { paragraphs: settings.paragraphs, subItemStyle: settings.subItemStyle };
  return { ...buildExportInput(readDeclaration(doc), { statuses, refused, proposals, positions, brackets, frozen }, generatedAt, language, print), ...(adopted === null ? {} : { adoptedAt: adopted }) };
}

/** SIL10: "Adopted on 12 September 2023" in the declaration's language, under the heading of every format; null before adoption. */
export function adoptionLine(input: Pick<ExportInput, 'language' | 'adoptedAt'>): string | null {
  return input.adoptedAt == null ? null : wordsOf(input).adoptedOn(documentDate(input.language, input.adoptedAt));
}

/** Every clause in reading order: preambular paragraphs, then each operative paragraph followed by its sub-items; placeholders of deleted numbers left out. */
export function readingOrder(input: ExportInput): ExportClause[] {
  return inReadingOrder(input).filter((clause) => !clause.deleted);
}

/** The marker a variant prints before a clause: the working one in the negotiation text, the consecutive one in the clean text (WN7). */
export function printedMarker(clause: ExportClause, variant: ExportVariant): string {
  return variant === 'negotiation' ? clause.marker : clause.cleanMarker;
}

/** The article line a variant prints above an operative paragraph of a declaration in articles; null otherwise. */
export function articleLine(clause: Pick<ExportClause, 'article'>, variant: ExportVariant): string | null {
  return clause.article === null ? null : variant === 'negotiation' ? clause.article.working : clause.article.clean;
}

/** "OP5 [deleted]": a number left unused by a deleted clause (WN3); in articles the article's, "Article 5 [deleted]" (EXP12). */
export function describeDeleted(words: DocumentWords, clause: Pick<ExportClause, 'label' | 'article'>): string {
  return words.deleted(clause.article?.working ?? clause.label);
}

/** "Cuba: reservation — <note>", "Bolivia: objection — <note> (stated on an earlier text)" (POS4, POS5). */
export function describePosition(words: DocumentWords, note: PositionNote): string {
  const line = note.position === 'objection' ? words.objection(note.name, note.note) : words.reservation(note.name, note.note);
  return note.earlier ? `${line} ${words.earlierText}` : line;
}

export function countClauseStatuses(input: ExportInput): StatusCounts {
  const statuses = new Map(readingOrder(input).map((clause) => [clause.id, clause.status ?? undefined]));
  return countStatuses([...statuses.keys()], (id) => statuses.get(id));
}

/** "2023-09-11 14:05 UTC": the same on every server, whatever its time zone. */
export function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '';
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * A clause's status in words, for the negotiation text: "open",
 * "ad ref, pending Chile, Peru (Argentina, 2023-09-11 14:05 UTC)",
 * "agreed (Argentina, 2023-09-11 14:05 UTC)",
 * "agreed with OP12 (Argentina, …)" for a sub-item of an agreed paragraph,
 * "open (Argentina, …); reopened: <reason>" — in the declaration's language.
 */
export function describeStatus(words: DocumentWords, { status, agreedWith }: Pick<ExportClause, 'status' | 'agreedWith'>): string {
  const state = { open: words.state.open, 'ad-ref': words.state.adRef, agreed: words.state.agreed } as const;
  if (!status) return state.open;
  let text: string = agreedWith === null ? state[status.state] : words.agreedWith(agreedWith);
  if (status.state === 'ad-ref' && status.pending && status.pending.length > 0) text += `, ${words.pending(status.pending.join(', '))}`;
  const who = [status.by, formatTime(status.at)].filter((part) => part !== '').join(', ');
  if (who !== '') text += ` (${who})`;
  if (status.state !== 'agreed' && status.reason) text += `; ${words.reopened(status.reason)}`;
  return text;
}

/**
 * The line that introduces a refused change: "Not applied: change attempted
 * by Chile (2023-09-11 14:05 UTC)" (the attempted text follows), or "Not
 * applied: Peru attempted to delete this clause (…)" (nothing follows).
 */
export function describeRefusal(words: DocumentWords, note: RefusedNote): string {
  const when = formatTime(note.at);
  return `${words.notApplied(note.author, note.attempted === '')}${when ? ` (${when})` : ''}`;
}

/**
 * The line that opens an alternative (PROP3, PROP14): "Alt 1 (Chile): New
 * wording for OP6 (2023-09-11 14:05 UTC)", "Alt 2 (Peru): Deletion of OP6
 * (…)", "Alt 3 (Brazil): New operative paragraph after OP3 (…)". Its
 * redline follows.
 */
export function describeAlternative(words: DocumentWords, proposal: ExportProposal): string {
  const when = formatTime(proposal.at);
  return `${words.alternative(proposal.alt, proposal.author, describeProposal(words, proposal.what))}${when ? ` (${when})` : ''}`;
}

/** What a proposal does, in words: "New wording for OP6", "Deletion of OP6", "New operative paragraph after OP3". */
export function describeProposal(words: DocumentWords, what: ExportProposal['what']): string {
  switch (what.action) {
    case 'replace':
      return words.newWording(what.label);
    case 'delete':
      return words.deletion(what.label);
    case 'insert-subitem':
      return words.newSubitemUnder(what.label);
    case 'insert-before':
    case 'insert-after':
      return words.newParagraph(what.paragraph, what.action === 'insert-before' ? 'before' : 'after', what.label);
  }
}

/**
 * What else a reader must know of an alternative: it was typed into the
 * clause after it was agreed (PROP11), and it cannot be decided while the
 * clause is agreed (PROP8).
 */
export function proposalRemarks(words: DocumentWords, clause: Pick<ExportClause, 'status'>, proposal: ExportProposal): string[] {
  const remarks: string[] = [];
  if (proposal.origin === 'typed-while-agreed') remarks.push(words.madeWhileAgreed);
  if (isLocked(clause.status ?? undefined)) remarks.push(words.notDecidedAgreed);
  return remarks;
}

/** "Justification: …", or '' when none was given. */
export function describeJustification(words: DocumentWords, proposal: ExportProposal): string {
  return proposal.justification === '' ? '' : words.justification(proposal.justification);
}

/** "Supported by Peru, Brazil. Objected to by Mexico." — either part left out when nobody; '' when nobody has reacted. */
export function describeReactions(words: DocumentWords, proposal: ExportProposal): string {
  const parts: string[] = [];
  if (proposal.supporters.length > 0) parts.push(words.supportedBy(proposal.supporters.join(', ')));
  if (proposal.objectors.length > 0) parts.push(words.objectedBy(proposal.objectors.join(', ')));
  return parts.join(' ');
}

/** What the top of a negotiation text says it is. */
export function negotiationHeading(input: ExportInput): string {
  return wordsOf(input).negotiationHeading(formatTime(input.generatedAt.getTime()));
}

/** The status counts as one line: "Clauses: 3 open · 2 ad ref · 20 agreed · 4 passages in square brackets." */
export function describeCounts(input: ExportInput): string {
  const counts = countClauseStatuses(input);
  return wordsOf(input).countsLine({ open: counts.open, adRef: counts['ad-ref'], agreed: counts.agreed }, input.brackets);
}
