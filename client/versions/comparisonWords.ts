import type { ClauseState } from '../../shared/clauseStatus.ts';
import type { MetaField } from '../../shared/declaration.ts';
import { redlineChanges } from '../../shared/proposals/wordDiff.ts';
import type { ClauseComparison, Comparison, ComparisonSummary } from '../../shared/versions/compare.ts';
import { t } from '../i18n.ts';

/**
 * What a comparison says in words (docs/SPEC.md CMP2, CMP5): the summary
 * sentence on top of the comparison ("Since Rev.1: 3 paragraphs added
 * (OP7 bis, …), 1 deleted, 12 changed, 4 agreed."), and the list of changes
 * a reader goes through one by one — every heading field, clause and the
 * signatories where something changed, in the order of the text.
 */

/** At most this many labels are named in the sentence; more are "…". */
const NAMED = 3;

function labels(list: string[]): string {
  return list.length > NAMED ? `${list.slice(0, NAMED).join(', ')}, …` : list.join(', ');
}

const STATUS_PART: Record<ClauseState, 'versions.summary.agreed' | 'versions.summary.adRef' | 'versions.summary.reopened'> = {
  agreed: 'versions.summary.agreed',
  'ad-ref': 'versions.summary.adRef',
  open: 'versions.summary.reopened',
};

export function metaFieldName(field: MetaField): string {
  return t(`versions.field.${field}`);
}

/** The parts of the sentence after "Since Rev.1:", in the order a chair reads them out. */
export function summaryParts(summary: ComparisonSummary): string[] {
  const parts: string[] = [];
  if (summary.added.length > 0) parts.push(t('versions.summary.added', { count: summary.added.length, labels: labels(summary.added) }));
  if (summary.deleted.length > 0) parts.push(t('versions.summary.deleted', { count: summary.deleted.length, labels: labels(summary.deleted) }));
  if (summary.moved.length > 0) parts.push(t('versions.summary.moved', { count: summary.moved.length, labels: labels(summary.moved) }));
  if (summary.changed > 0) parts.push(t('versions.summary.changed', { count: summary.changed }));
  for (const state of ['agreed', 'ad-ref', 'open'] as const) {
    if (summary.statuses[state] > 0) parts.push(t(STATUS_PART[state], { count: summary.statuses[state] }));
  }
  if (summary.meta.length > 0) parts.push(t('versions.summary.meta', { fields: summary.meta.map((field) => t(`versions.inSentence.${field}`)).join(', ') }));
  if (summary.signatories > 0) parts.push(t('versions.summary.signatories', { count: summary.signatories }));
  return parts;
}

/**
 * The sentence: "Since Rev.1: …." against the text now, "From Rev.1 to
 * Rev.2: …." between two versions, with "(changes by Chile)" when filtered.
 */
export function summarySentence(summary: ComparisonSummary, from: string, to: string | null, byName: string | null = null): string {
  const parts = summaryParts(summary);
  const sentence =
    parts.length === 0
      ? to === null
        ? t('versions.summary.nothingSince', { from })
        : t('versions.summary.nothingBetween', { from, to })
      : to === null
        ? t('versions.summary.since', { from, changes: parts.join(', ') })
        : t('versions.summary.between', { from, to, changes: parts.join(', ') });
  return byName === null ? sentence : `${sentence} ${t('versions.summary.byOnly', { name: byName })}`;
}

/** One stop when going through the changes. */
export interface ChangeStop {
  /** The element's key in the comparison view: `meta:title`, `clause:<id>`, `signatories`. */
  key: string;
  /** What the list shows: "OP3", "Title", "Signatories". */
  place: string;
  /** What happened, in words: "changed", "added", "deleted", "moved from OP3", "open → agreed". */
  what: string[];
}

/** What happened to a clause, in words (for the list and for the line under its label). */
export function clauseChangeWords(row: ClauseComparison): string[] {
  const words: string[] = [];
  if (row.added) words.push(t('versions.change.added'));
  else if (row.deleted) words.push(t('versions.change.deleted'));
  else {
    if (row.moved) words.push(t('versions.change.movedFrom', { label: row.fromLabel ?? '?' }));
    else if (row.fromLabel !== null && row.toLabel !== null && row.fromLabel !== row.toLabel) words.push(t('versions.change.renumbered', { label: row.fromLabel }));
    if (row.changed) words.push(t('versions.change.changed'));
  }
  if (row.status) words.push(t('versions.change.status', { from: t(`status.${row.status.from}`), to: t(`status.${row.status.to}`) }));
  return words;
}

/** Whether a clause of the comparison is a change to stop at (a renumbering alone is not: it follows from others). */
export function isChange(row: ClauseComparison): boolean {
  return row.added || row.deleted || row.moved || row.changed || row.status !== null;
}

export function changeStops(comparison: Comparison): ChangeStop[] {
  const stops: ChangeStop[] = [];
  // The heading is printed first: title, conference, subtitle and chapeau; the formula sits between the parts and the note after them.
  const meta = new Map(comparison.meta.map((m) => [m.field, m]));
  const metaStop = (field: MetaField) => {
    const row = meta.get(field);
    if (row && redlineChanges(row.redline)) stops.push({ key: `meta:${field}`, place: metaFieldName(field), what: [t('versions.change.changed')] });
  };
  for (const field of ['conference', 'title', 'subtitle', 'chapeau'] as const) metaStop(field);
  let formulaDone = false;
  for (const row of comparison.clauses) {
    if (!formulaDone && row.kind === 'operative') {
      metaStop('formula');
      formulaDone = true;
    }
    if (isChange(row)) stops.push({ key: `clause:${row.id}`, place: row.toLabel ?? row.fromLabel ?? '?', what: clauseChangeWords(row) });
  }
  if (!formulaDone) metaStop('formula');
  metaStop('note');
  if (comparison.signatories.some((s) => s.added || s.deleted || s.changed || s.moved)) {
    stops.push({ key: 'signatories', place: t('versions.field.signatories'), what: [t('versions.change.changed')] });
  }
  return stops;
}
