import { useEffect, useRef } from 'react';
import { AUDIT_KIND_NAMES, type AuditKind } from '../../shared/auditKinds.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { CopyButton } from '../chrome/CopyButton.tsx';
import { useReturnFocus } from '../chrome/useDismiss.ts';
import { t } from '../i18n.ts';
import { dateAndTime } from '../time.ts';
import { auditClauseChoices, choiceValue } from './auditClauseChoices.ts';
import { entryLines, entryWords, partWords } from './auditWords.tsx';
import { hasAuditFilters, NO_AUDIT_FILTERS, useAuditLog, type AuditEntry, type AuditFilters } from './useAuditLog.ts';
import './audit.css';

/**
 * The audit log on screen, for the chair and the secretariat (docs/SPEC.md
 * AUD1–AUD5): newest first, in words, filtered by clause, participant and
 * kind, loaded a page at a time. Clause labels are computed from the outline
 * as it is now (`labelOf`), never stored: a clause deleted since says so.
 * Esc or Close returns the focus to where it was; a clause link moves it to
 * the clause.
 */
export function AuditPanel({
  declarationId,
  clauses,
  labelOf,
  filters,
  setFilters,
  goTo,
  onClose,
}: {
  declarationId: string;
  /** The clauses as they stand, in reading order, sub-items included: the clause filter's choices (auditClauseChoices). */
  clauses: { id: string; label: string }[];
  labelOf(clauseId: string): string | null;
  /** Kept by the screen, so that they survive going to a clause and coming back. */
  filters: AuditFilters;
  setFilters(filters: AuditFilters): void;
  goTo(clauseId: string): void;
  onClose(): void;
}) {
  const choices = auditClauseChoices(clauses, {
    withSubitems: (label) => t('audit.filter.withSubitems', { label }),
    alone: (label) => t('audit.filter.clauseAlone', { label }),
  });
  const chosen = choices.find((c) => c.clauseId === filters.clauseId && c.withSubitems === filters.withSubitems);
  // A clause deleted while chosen still filters by itself.
  const log = useAuditLog(declarationId, filters, filters.clauseId === null ? null : (chosen?.ids ?? [filters.clauseId]));
  // Esc or Close: the focus back to what opened the dialog (KEY4); a clause link has moved it to the clause, where it stays.
  useReturnFocus();
  const close = onClose;
  const more = useRef<HTMLButtonElement>(null);
  const { loadOlder, next, loading } = log;
  // Scrolling to the end loads the next older page, as the button does.
  useEffect(() => {
    const button = more.current;
    if (!button || next === null || loading || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((seen) => seen.some((s) => s.isIntersecting) && loadOlder());
    observer.observe(button);
    return () => observer.disconnect();
  }, [next, loading, loadOlder]);

  const toggleKind = (kind: AuditKind, on: boolean) =>
    setFilters({ ...filters, kinds: on ? AUDIT_KIND_NAMES.filter((k) => k === kind || filters.kinds.includes(k)) : filters.kinds.filter((k) => k !== kind) });

  const clauseOf = (entry: AuditEntry) => {
    if (entry.clauseId === null) return entry.action === 'refused' ? partWords(entry) : t('audit.noClause');
    const label = labelOf(entry.clauseId);
    if (label === null) {
      return (
        <span className="audit__deleted" title={t('audit.clauseDeletedTitle')} data-testid="audit-clause-deleted">
          {t('audit.deletedClause')}
        </span>
      );
    }
    const id = entry.clauseId;
    return (
      <button type="button" className="audit__clause" title={t('audit.goToClause', { label })} onClick={() => goTo(id)} data-testid="audit-clause">
        {label}
      </button>
    );
  };

  const row = (entry: AuditEntry) => {
    const attempted = entry.action === 'refused' && typeof entry.detail.attempted === 'string' ? entry.detail.attempted : null;
    return (
      <li key={entry.id} className="audit__entry" data-testid="audit-entry" data-action={entry.action}>
        <p className="audit__words">{entryWords(entry, clauseOf(entry))}</p>
        <p className="audit__meta">
          <time dateTime={new Date(entry.at).toISOString()}>{dateAndTime(entry.at)}</time>
        </p>
        {entryLines(entry).map((line) => (
          <p key={line} className="audit__line">
            {line}
          </p>
        ))}
        {attempted !== null && (
          <details className="audit__refused" data-testid="audit-refused">
            <summary>{t('audit.refusedText')}</summary>
            <blockquote className="refused__text">{attempted}</blockquote>
            <CopyButton text={attempted} label={t('refused.copy')} testId="audit-copy" />
          </details>
        )}
      </li>
    );
  };

  const filtered = hasAuditFilters(filters);
  return (
    <aside className="panel audit" role="dialog" aria-labelledby="audit-title" data-testid="audit-panel" onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), close())}>
      <header className="panel__header">
        <h2 id="audit-title">{t('audit.title')}</h2>
        <button type="button" className="button button--quiet" onClick={close} autoFocus data-testid="audit-close">
          {t('audit.close')}
        </button>
      </header>
      <section className="audit__filters" aria-label={t('audit.filters')}>
        <label>
          {t('audit.filter.clause')}
          <select
            value={filters.clauseId === null ? '' : choiceValue(filters.clauseId, filters.withSubitems)}
            onChange={(e) => {
              const choice = choices.find((c) => choiceValue(c.clauseId, c.withSubitems) === e.target.value);
              setFilters({ ...filters, clauseId: choice?.clauseId ?? null, withSubitems: choice?.withSubitems ?? false });
            }}
            data-testid="audit-filter-clause"
          >
            <option value="">{t('audit.filter.anyClause')}</option>
            {choices.map((c) => (
              <option key={choiceValue(c.clauseId, c.withSubitems)} value={choiceValue(c.clauseId, c.withSubitems)}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit.filter.actor')}
          <select value={filters.actor ?? ''} onChange={(e) => setFilters({ ...filters, actor: e.target.value || null })} data-testid="audit-filter-actor">
            <option value="">{t('audit.filter.anyActor')}</option>
            {[...new Set([...log.actors, ...(filters.actor ? [filters.actor] : [])])].map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="audit__kinds">
          <legend>{t('audit.filter.kinds')}</legend>
          {AUDIT_KIND_NAMES.map((kind) => (
            <label key={kind} className="audit__kind">
              <input type="checkbox" checked={filters.kinds.includes(kind)} onChange={(e) => toggleKind(kind, e.target.checked)} data-testid={`audit-kind-${kind}`} />
              {t(`audit.kind.${kind}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        {filtered && (
          <button type="button" className="button button--quiet" onClick={() => setFilters(NO_AUDIT_FILTERS)} data-testid="audit-clear">
            {t('audit.clearFilters')}
          </button>
        )}
      </section>
      {log.error && (
        <p className="panel__error" role="alert">
          {log.error}
        </p>
      )}
      {log.entries.length === 0 && !log.loading && !log.error && (
        <div className="audit__empty" data-testid="audit-empty">
          <p>{filtered ? t('audit.empty') : t('audit.emptyLog')}</p>
          {filtered && (
            <button type="button" className="button" onClick={() => setFilters(NO_AUDIT_FILTERS)}>
              {t('audit.clearFilters')}
            </button>
          )}
        </div>
      )}
      <ol className="audit__list" data-testid="audit-list">
        {log.entries.map(row)}
      </ol>
      <p className="audit__progress" role="status" data-testid="audit-progress">
        {log.loading ? t('audit.loading') : log.entries.length > 0 ? `${t('audit.shown', { count: log.entries.length })}${log.next === null ? ` · ${t('audit.allShown')}` : ''}` : ''}
      </p>
      {log.next !== null && (
        <button ref={more} type="button" className="button" onClick={log.loadOlder} disabled={log.loading} data-testid="audit-older">
          {t('audit.loadOlder')}
        </button>
      )}
    </aside>
  );
}
