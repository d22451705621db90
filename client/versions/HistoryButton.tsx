import { useEffect } from 'react';
import { t } from '../i18n.ts';
import { useVersionsContext, type VersionsView } from './useVersionsScreen.ts';

/** Ctrl+Alt+H with the caret in a clause opens its history (HIST3), as Ctrl+Alt+M comments on it. */
export const HISTORY_KEY = 'Ctrl+Alt+H';

/** A clock face, drawn rather than an emoji: projectors' machines often lack an emoji font. */
function ClockIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className="history-icon">
      <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
    </svg>
  );
}

/** "History" in a clause's rail (HIST3): opens the clause's timeline beside the text, or closes it. */
export function HistoryButton({ clauseId, label }: { clauseId: string; label: string }) {
  const view = useVersionsContext();
  if (!view) return null;
  const showing = view.side?.kind === 'history' && view.side.clauseId === clauseId;
  return (
    <button
      type="button"
      className={`history-button${showing ? ' is-on' : ''}`}
      onClick={() => (showing ? view.closeSide() : view.showHistory(clauseId))}
      aria-expanded={showing}
      title={`${t('versions.history.button', { label })} (${HISTORY_KEY})`}
      aria-label={t('versions.history.button', { label })}
      data-testid="history-button"
    >
      <ClockIcon />
    </button>
  );
}

export function useHistoryKey(view: VersionsView): void {
  const { showHistory } = view;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyH') return;
      const clause = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-testid=clause][data-clause-id]');
      if (!clause?.dataset.clauseId) return;
      event.preventDefault();
      showHistory(clause.dataset.clauseId);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [showHistory]);
}
