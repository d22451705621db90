import { useEffect, useMemo, useRef, useState } from 'react';
import { wordRedline } from '../../shared/proposals/wordDiff.ts';
import { toPlainText } from '../../shared/richText.ts';
import { useDeclarationContext } from '../declaration/declarationContext.ts';
import { t } from '../i18n.ts';
import { useClauseText } from '../proposals/useClauseText.ts';
import { dateAndTime, when } from '../time.ts';
import { authorsOf } from './authors.ts';
import { ComparedRedline, UNKNOWN_COLOR, type Author } from './ComparedRedline.tsx';
import { useFetched } from './useFetched.ts';
import type { VersionsView } from './useVersionsScreen.ts';
import { versionsApi, type HistoryEntry, type TextHistoryEntry } from './versionsApi.ts';

/** How long the timeline waits after the clause last changed before asking for it again. */
const REFRESH_AFTER_MS = 1500;

/** "14:05" or "14:05–14:07": when an entry's changes were made. */
function entryTime(entry: HistoryEntry): string {
  const end = when(entry.at);
  const start = entry.from !== undefined ? when(entry.from) : end;
  return start === end ? end : t('versions.history.timeRange', { from: start, to: end });
}

function EntryHead({ entry, author, what }: { entry: HistoryEntry; author: Author | null; what: string }) {
  return (
    <div className="history-entry__head">
      <span className="presence__dot" style={{ background: author?.color ?? UNKNOWN_COLOR }} aria-hidden="true" />
      <strong className="history-entry__who">{entry.name || author?.name || t('versions.byServer')}</strong>
      <span className="history-entry__what">{what}</span>
      <time className="history-entry__when" dateTime={new Date(entry.at).toISOString()} title={dateAndTime(entry.at)}>
        {entryTime(entry)}
      </time>
    </div>
  );
}

/**
 * A clause's history beside the text (docs/SPEC.md HIST1–HIST3): every
 * recorded change to its text with who and when and its redline, its status
 * changes and the proposals accepted on it, newest first. The chair and the
 * secretariat restore the text as it was after an entry, on an open clause,
 * once confirmed: a new change, so that nothing of the history is lost. The
 * timeline is read again shortly after the clause changes.
 */
export function ClauseHistory({ view, clauseId }: { view: VersionsView; clauseId: string }) {
  const context = useDeclarationContext();
  const label = context.labelOf(clauseId);
  const current = useClauseText(context.collab.doc, clauseId);
  const currentPlain = current === null ? null : toPlainText(current);
  const state = context.locks.has(clauseId) ? 'agreed' : (context.statuses.get(clauseId)?.state ?? 'open');
  const fetched = useFetched(clauseId, () => versionsApi.history(view.declarationId, clauseId));
  const authorOf = useMemo(() => authorsOf(view.people), [view.people]);
  const [confirming, setConfirming] = useState<HistoryEntry['id'] | null>(null);
  const [busy, setBusy] = useState<HistoryEntry['id'] | null>(null);
  const [failed, setFailed] = useState<{ id: HistoryEntry['id']; message: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { reload } = fetched;

  useEffect(() => heading.current?.focus({ preventScroll: true }), [clauseId]);
  // The clause changed (typed, restored, agreed): ask again once it has settled.
  const seen = useRef({ clauseId, currentPlain, state });
  useEffect(() => {
    const before = seen.current;
    seen.current = { clauseId, currentPlain, state };
    if (before.clauseId !== clauseId || (before.currentPlain === currentPlain && before.state === state)) return;
    const timer = setTimeout(reload, REFRESH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [clauseId, currentPlain, state, reload]);

  const close = () => {
    view.closeSide();
    setTimeout(() => document.querySelector<HTMLElement>(`[data-clause-id="${CSS.escape(clauseId)}"] [data-testid=history-button]`)?.focus(), 0);
  };
  const restore = async (entry: TextHistoryEntry) => {
    setBusy(entry.id);
    setFailed(null);
    try {
      await versionsApi.restore(view.declarationId, clauseId, entry.id);
      setConfirming(null);
      context.notify(t('versions.history.restored', { label: label ?? '', time: entryTime(entry) }));
      reload();
    } catch (failure) {
      setFailed({ id: entry.id, message: failure instanceof Error ? failure.message : String(failure) });
    } finally {
      setBusy(null);
    }
  };

  const entries = fetched.value ? [...fetched.value.entries].reverse() : null;
  const proposals = context.proposals.proposals;
  const open = state === 'open' && current !== null;

  const body = (entry: HistoryEntry) => {
    const author = authorOf(entry.by) ?? (entry.name ? { name: entry.name, color: UNKNOWN_COLOR } : null);
    if (entry.kind === 'status') {
      return (
        <>
          <EntryHead entry={entry} author={author} what={t('versions.history.status')} />
          <p className="history-entry__status">
            <span className={`status-chip status-chip--${entry.status.state}`}>{t(`status.${entry.status.state}`)}</span>
            {entry.status.reason && <span className="history-entry__reason">{entry.status.reason}</span>}
          </p>
        </>
      );
    }
    if (entry.kind === 'move') {
      const what =
        entry.madeKind === 'preamble' ? t('versions.history.madePreamble') : entry.madeKind === 'operative' ? t('versions.history.madeOperative') : entry.madeKind === 'subitem' ? t('versions.history.madeSubitem') : t('versions.history.move');
      return <EntryHead entry={entry} author={author} what={what} />;
    }
    // A change is drawn in the colour of whoever made it, whatever the segments say.
    const ownColour = () => author;
    if (entry.kind === 'proposal') {
      const proposal = proposals.get(entry.proposalId);
      const redline = entry.redline ?? (entry.before && entry.after ? wordRedline(entry.before, entry.after) : null);
      return (
        <>
          <EntryHead entry={entry} author={author} what={proposal ? t('versions.history.proposalOf', { name: proposal.author }) : t('versions.history.proposal')} />
          {redline && (
            <p className="redline redline--panel">
              <ComparedRedline redline={redline} authorOf={ownColour} />
            </p>
          )}
        </>
      );
    }
    const redline = entry.redline ?? wordRedline(entry.before, entry.after);
    const isNow = currentPlain !== null && toPlainText(entry.after) === currentPlain;
    return (
      <>
        <EntryHead entry={entry} author={author} what={entry.kind === 'restore' ? t('versions.history.restore') : t('versions.history.text')} />
        <p className="redline redline--panel" data-testid="history-redline">
          <ComparedRedline redline={redline} authorOf={ownColour} />
        </p>
        {isNow && <p className="history-entry__now">{t('versions.history.isNow')}</p>}
        {view.mayRestore && open && !isNow && confirming !== entry.id && (
          <button type="button" className="button button--quiet history-entry__restore" onClick={() => setConfirming(entry.id)} data-testid="history-restore">
            {t('versions.history.restoreButton')}
          </button>
        )}
        {confirming === entry.id && (
          <div className="history-entry__confirm" role="group" aria-label={t('versions.history.restoreButton')} data-testid="history-restore-confirm">
            <p>{t('versions.history.restoreConfirm', { label: label ?? '', time: entryTime(entry) })}</p>
            <button type="button" className="button" disabled={busy !== null} onClick={() => void restore(entry)} autoFocus data-testid="history-restore-yes">
              {busy === entry.id ? t('versions.history.restoring') : t('versions.history.restoreYes')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(null)}>
              {t('versions.cancel')}
            </button>
          </div>
        )}
        {failed?.id === entry.id && (
          <p className="versions-form__error" role="alert" data-testid="history-restore-error">
            {t('versions.history.restoreFailed', { message: failed.message })}
          </p>
        )}
      </>
    );
  };

  return (
    <aside
      className="comments-panel history-panel"
      aria-labelledby="history-panel-title"
      data-testid="history-panel"
      data-clause-id={clauseId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        if (confirming !== null) setConfirming(null);
        else close();
      }}
    >
      <header className="comments-panel__header">
        <h2 id="history-panel-title" tabIndex={-1} ref={heading}>
          {label ? t('versions.history.title', { label }) : t('versions.history.titleDeleted')}
        </h2>
        <button type="button" className="button button--quiet" onClick={close} data-testid="close-history">
          {t('versions.close')}
        </button>
      </header>
      {view.mayRestore && !open && current !== null && <p className="comments-panel__note">{t('versions.history.notOpen', { label: label ?? '', state: t(`status.${state}`) })}</p>}
      <div className="comments-panel__list" aria-busy={fetched.loading}>
        {fetched.error && (
          <div className="versions-panel__error" role="alert" data-testid="history-error">
            <p>{t('versions.history.failed', { message: fetched.error })}</p>
            <button type="button" className="button button--quiet" onClick={reload}>
              {t('versions.retry')}
            </button>
          </div>
        )}
        {entries === null ? (
          !fetched.error && <p className="versions-panel__loading">{t('versions.history.loading')}</p>
        ) : entries.length === 0 ? (
          <p className="empty" data-testid="history-empty">
            {t('versions.history.empty', { label: label ?? '' })}
          </p>
        ) : (
          <ol className="history-list" aria-label={t('versions.history.listLabel')}>
            {entries.map((entry) => (
              <li key={`${entry.kind}-${entry.id}`} className={`history-entry history-entry--${entry.kind}`} data-testid="history-entry" data-kind={entry.kind}>
                {body(entry)}
              </li>
            ))}
          </ol>
        )}
      </div>
    </aside>
  );
}
