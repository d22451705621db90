import type { MetaField } from '../../shared/declaration.ts';
import { redlineChanges } from '../../shared/proposals/wordDiff.ts';
import type { ClauseComparison, Comparison, ComparisonSummary } from '../../shared/versions/compare.ts';
import { summarySentence as sharedSentence } from '../../shared/versions/summarySentence.ts';
import { t } from '../i18n.ts';

/**
 * What a comparison says in words (docs/SPEC.md CMP2, CMP5): the summary
 * sentence on top of the comparison ("Since Rev.1: 3 paragraphs added
 * (OP7 bis, …), 1 deleted, 12 changed, 4 agreed."), and the list of changes
 * a reader goes through one by one — every heading field, clause (its
 * heading included), the closing line, the footnotes and the signatories
 * where something changed, in the order of the text.
 */

/** At most this many labels are named in the sentence on screen; more are "…". */
const NAMED = 3;

export function metaFieldName(field: MetaField): string {
  return t(`versions.field.${field}`);
}

/** The sentence on top of the comparison (shared/versions/summarySentence.ts, the redline exports' too). */
export function summarySentence(summary: ComparisonSummary, from: string, to: string | null, byName: string | null = null): string {
  return sharedSentence(t, summary, from, { to, byName, named: NAMED });
}

/** One stop when going through the changes. */
export interface ChangeStop {
  /** The element's key in the comparison view: `meta:title`, `clause:<id>`, `footnotes`, `signatories`. */
  key: string;
  /** What the list shows: "OP3", "Title", "Signatories". */
  place: string;
  /** What happened, in words: "changed", "added", "deleted", "moved from OP3", "open → agreed". */
  what: string[];
}

/** Whether a clause that is in both sides had its heading (HEAD1) set, changed or removed. */
export function headingChanged(row: ClauseComparison): boolean {
  return !row.added && !row.deleted && row.heading !== undefined && row.heading.from !== row.heading.to;
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
    if (headingChanged(row)) words.push(t('versions.change.heading'));
  }
  if (row.status) words.push(t('versions.change.status', { from: t(`status.${row.status.from}`), to: t(`status.${row.status.to}`) }));
  return words;
}

/** Whether a clause of the comparison is a change to stop at (a renumbering alone is not: it follows from others). */
export function isChange(row: ClauseComparison): boolean {
  return row.added || row.deleted || row.moved || row.changed || row.status !== null || headingChanged(row);
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
  metaStop('closing');
  metaStop('note');
  if (comparison.footnotes.some((f) => f.changed)) stops.push({ key: 'footnotes', place: t('versions.compare.footnotes'), what: [t('versions.change.changed')] });
  if (comparison.signatories.some((s) => s.added || s.deleted || s.changed || s.moved)) {
    stops.push({ key: 'signatories', place: t('versions.field.signatories'), what: [t('versions.change.changed')] });
  }
  return stops;
}
