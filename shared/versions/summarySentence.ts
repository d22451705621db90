import type { ClauseState } from '../clauseStatus.ts';
import type { Translate } from '../i18n/translate.ts';
import type { ComparisonSummary } from './compare.ts';

/**
 * The summary sentence of a comparison (docs/SPEC.md CMP2), the one wording
 * for the screen and the redline exports: "Since Rev.1: 3 paragraphs added
 * (OP7 bis, …), 1 deleted (OP5), 12 changed, 4 agreed." against the text
 * now, "From Rev.1 to Rev.2: …." between two versions, "No changes since
 * Rev.1." when nothing changed, and "(Changes by Chile only.)" when filtered.
 * The translator comes in, so the client and the server each pass theirs.
 */
const STATUS_PART: Record<ClauseState, 'versions.summary.agreed' | 'versions.summary.adRef' | 'versions.summary.reopened'> = {
  agreed: 'versions.summary.agreed',
  'ad-ref': 'versions.summary.adRef',
  open: 'versions.summary.reopened',
};

export interface SummaryOptions {
  /** The version (or "the text now") compared to; null: the text now. */
  to: string | null;
  /** The participant the comparison is filtered to, by name. */
  byName?: string | null;
  /** How many labels are named before "…" (a screen has less room than a file). */
  named?: number;
}

/** The parts after "Since Rev.1:", in the order a chair reads them out. */
export function summaryParts(t: Translate, summary: ComparisonSummary, named = Infinity): string[] {
  const labels = (list: string[]) => (list.length > named ? `${list.slice(0, named).join(', ')}, …` : list.join(', '));
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
  // Summaries stored or sent before headings and footnotes were compared have neither.
  const headings = summary.headings ?? [];
  if (headings.length > 0) parts.push(t('versions.summary.headings', { count: headings.length, labels: labels(headings) }));
  if ((summary.footnotes ?? 0) > 0) parts.push(t('versions.summary.footnotes', { count: summary.footnotes }));
  return parts;
}

export function summarySentence(t: Translate, summary: ComparisonSummary, from: string, { to, byName = null, named }: SummaryOptions): string {
  const parts = summaryParts(t, summary, named);
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
