import type * as Y from 'yjs';
import { countStatuses, isLocked, readClauseStatus, type ClauseStatus, type StatusCounts } from '../../shared/clauseStatus.ts';
import type { ClauseKind } from '../../shared/clauseKind.ts';
import { clauseLocks } from '../../shared/clauseLock.ts';
import { META_FIELDS, type Declaration, type Meta, type Signatory } from '../../shared/declaration.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { numberClauses } from '../../shared/numbering.ts';
import { buildOutline, inReadingOrder, type OutlineNode } from '../../shared/outline.ts';
import { readProposal, type Proposal } from '../../shared/proposals/proposal.ts';
import { readRefusedChange, type RefusedChange } from '../../shared/refusedChange.ts';
import type { RichText } from '../../shared/richText.ts';
import { alternativesByClause, toExportProposal, type ExportProposal } from './exportProposal.ts';
import { cleanRuns, cleanText } from './printableText.ts';

/**
 * Everything an exporter needs, as plain data, built once from the document
 * at the edge: the text in reading order with its numbers (derived here from
 * shared/numbering.ts, never stored), each clause's status, the changes
 * refused on it and its open proposals with their redlines. Exporters (one
 * file per format) are pure functions of this.
 *
 * Text is cleaned here for every format alike (printableText.ts).
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

export interface ExportClause {
  id: string;
  kind: ClauseKind;
  /** 0 for a paragraph, 1 for a sub-item a), 2 for i). */
  depth: number;
  /** The working name: PP1, OP3, OP12(a), OP12(a)(ii). */
  label: string;
  /** What the final text prints: '' for a preambular paragraph, "3.", "a)", "ii)". */
  marker: string;
  /** Position among its siblings at each level, from 1: [12, 1] for OP12(a). Stable ids (AKN eIds) come from it. */
  path: number[];
  body: RichText;
  /** null: no status was ever set (open). A sub-item of an agreed paragraph has its paragraph's (LOCK7). */
  status: ClauseStatus | null;
  /** The label of the agreed paragraph this clause is agreed with (LOCK7), null when agreed or open on its own. */
  agreedWith: string | null;
  refused: RefusedNote[];
  /** Its open proposals, as alternatives in order (PROP3, PROP14). Only the negotiation variant shows them. */
  proposals: ExportProposal[];
  children: ExportClause[];
}

export interface ExportInput {
  meta: Meta;
  preamble: ExportClause[];
  /** Operative paragraphs, each with its sub-items in `children`. */
  operative: ExportClause[];
  signatories: Signatory[];
  /** When the export was made: passed in so that the same input gives the same file. */
  generatedAt: Date;
  /** BCP 47 language of the text. */
  language: string;
}

/** The parts of an export that are not in the declaration itself. */
export interface NegotiationState {
  statuses: ReadonlyMap<string, ClauseStatus>;
  refused: readonly RefusedChange[];
  /** Every proposal in the document, whatever its state: only open ones are shown. */
  proposals: readonly Proposal[];
}

/** Builds the export input from plain data: the pure core of `readExportInput`. */
export function buildExportInput(declaration: Declaration, state: NegotiationState, generatedAt: Date, language = 'en'): ExportInput {
  const outline = buildOutline(declaration.clauses);
  const numbers = numberClauses(outline);
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
    const lock = locks.get(node.clause.id);
    const inherited = lock?.inherited ? lock.agreedClause : null;
    const status = state.statuses.get(inherited ?? node.clause.id);
    const body = cleanRuns(node.clause.body);
    const target = { label: number.label, kind: node.clause.kind, depth: node.depth, body };
    return {
      id: node.clause.id,
      kind: node.clause.kind,
      depth: node.depth,
      label: number.label,
      marker: number.marker,
      path,
      body,
      status: status ? { ...status, by: cleanText(status.by), ...(status.pending ? { pending: status.pending.map(cleanText) } : {}), ...(status.reason !== undefined ? { reason: cleanText(status.reason) } : {}) } : null,
      agreedWith: inherited === null ? null : (numbers.get(inherited)?.label ?? ''),
      refused: refusedBy.get(node.clause.id) ?? [],
      proposals: (proposalsOf.get(node.clause.id) ?? []).map((proposal, i) => toExportProposal(proposal, i + 1, target)),
      children: node.children.map((child, i) => convert(child, [...path, i + 1])),
    };
  };
  const meta = Object.fromEntries(META_FIELDS.map((field) => [field, cleanRuns(declaration.meta[field])])) as Meta;
  return {
    meta,
    preamble: outline.preamble.map((node, i) => convert(node, [i + 1])),
    operative: outline.operative.map((node, i) => convert(node, [i + 1])),
    signatories: declaration.signatories.map((s) => ({ ...s, name: cleanText(s.name), title: cleanText(s.title), state: cleanText(s.state) })),
    generatedAt,
    language,
  };
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
  return buildExportInput(readDeclaration(doc), { statuses, refused, proposals }, generatedAt);
}

/** Every clause in reading order: preambular paragraphs, then each operative paragraph followed by its sub-items. */
export function readingOrder(input: ExportInput): ExportClause[] {
  return inReadingOrder(input);
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

const STATE_WORDS = { open: 'open', 'ad-ref': 'ad ref', agreed: 'agreed' } as const;

/**
 * A clause's status in words, for the negotiation text: "open",
 * "ad ref, pending Chile, Peru (Argentina, 2023-09-11 14:05 UTC)",
 * "agreed (Argentina, 2023-09-11 14:05 UTC)",
 * "agreed with OP12 (Argentina, …)" for a sub-item of an agreed paragraph,
 * "open (Argentina, …); reopened: <reason>".
 */
export function describeStatus({ status, agreedWith }: Pick<ExportClause, 'status' | 'agreedWith'>): string {
  if (!status) return STATE_WORDS.open;
  let words: string = agreedWith === null ? STATE_WORDS[status.state] : `${STATE_WORDS.agreed} with ${agreedWith}`;
  if (status.state === 'ad-ref' && status.pending && status.pending.length > 0) words += `, pending ${status.pending.join(', ')}`;
  const who = [status.by, formatTime(status.at)].filter((part) => part !== '').join(', ');
  if (who !== '') words += ` (${who})`;
  if (status.state !== 'agreed' && status.reason) words += `; reopened: ${status.reason}`;
  return words;
}

/**
 * The line that introduces a refused change: "Not applied: change attempted
 * by Chile (2023-09-11 14:05 UTC)" (the attempted text follows), or "Not
 * applied: Peru attempted to delete this clause (…)" (nothing follows).
 */
export function describeRefusal(note: RefusedNote): string {
  const when = formatTime(note.at);
  const what = note.attempted === '' ? `${note.author} attempted to delete this clause` : `change attempted by ${note.author}`;
  return `Not applied: ${what}${when ? ` (${when})` : ''}`;
}

/**
 * The line that opens an alternative (PROP3, PROP14): "Alt 1 (Chile): New
 * wording for OP6 (2023-09-11 14:05 UTC)", "Alt 2 (Peru): Deletion of OP6
 * (…)", "Alt 3 (Brazil): New operative paragraph after OP3 (…)". Its
 * redline follows.
 */
export function describeAlternative(proposal: ExportProposal): string {
  const when = formatTime(proposal.at);
  return `Alt ${proposal.alt} (${proposal.author}): ${proposal.what}${when ? ` (${when})` : ''}`;
}

/**
 * What else a reader must know of an alternative: it was typed into the
 * clause after it was agreed (PROP11), and it cannot be decided while the
 * clause is agreed (PROP8).
 */
export function proposalRemarks(clause: Pick<ExportClause, 'status'>, proposal: ExportProposal): string[] {
  const remarks: string[] = [];
  if (proposal.origin === 'typed-while-agreed') remarks.push('Made while the clause was agreed.');
  if (isLocked(clause.status ?? undefined)) remarks.push('Not decided: the clause is agreed.');
  return remarks;
}

/** "Justification: …", or '' when none was given. */
export function describeJustification(proposal: ExportProposal): string {
  return proposal.justification === '' ? '' : `Justification: ${proposal.justification}`;
}

/** "Supported by Peru, Brazil. Objected to by Mexico." — either part left out when nobody; '' when nobody has reacted. */
export function describeReactions(proposal: ExportProposal): string {
  const parts: string[] = [];
  if (proposal.supporters.length > 0) parts.push(`Supported by ${proposal.supporters.join(', ')}.`);
  if (proposal.objectors.length > 0) parts.push(`Objected to by ${proposal.objectors.join(', ')}.`);
  return parts.join(' ');
}

/** What the top of a negotiation text says it is. */
export function negotiationHeading(input: ExportInput): string {
  return `Working text for negotiation, ${formatTime(input.generatedAt.getTime())}. Not the final text.`;
}

export const NEGOTIATION_NOTICE =
  'Each clause is preceded by its label and status; changes refused on agreed clauses follow the clause, marked "Not applied"; ' +
  'its open proposals follow as alternatives (Alt 1, Alt 2…), each shown as changes to the current text.';

/** The status counts as one line: "3 open · 2 ad ref · 20 agreed". */
export function describeCounts(input: ExportInput): string {
  const counts = countClauseStatuses(input);
  return `${counts.open} open · ${counts['ad-ref']} ad ref · ${counts.agreed} agreed`;
}
