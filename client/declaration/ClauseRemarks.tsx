import { useEffect, useRef, useState } from 'react';
import type { DraftingCheck, DraftingWarning } from '../../shared/drafting/checks.ts';
import { api } from '../api.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { t } from '../i18n.ts';
import './remarks.css';

/** The words of a remark: its check's message with the marks it names (DRAFT2–DRAFT8). */
export function remarkText(warning: Pick<DraftingWarning, 'check' | 'params'>): string {
  return t(`drafting.${warning.check}` as MessageKey, { ...warning.params });
}

interface Props {
  declarationId: string;
  clauseId: string;
  label: string;
  active: DraftingWarning[];
  dismissed: DraftingWarning[];
  /** Where the caret goes when the last remark is dismissed: back into the clause. */
  backToClause(): void;
  notify(message: string): void;
}

/**
 * The drafting remarks under a clause, for those who may edit it (DRAFT1,
 * DRAFT10): each with a Dismiss button that hides it on this clause for
 * everyone, and the dismissed ones behind a disclosure, each with Restore.
 * The server keeps the dismissals; the list follows the document's
 * `remarks` map, so it changes here when the answer's update arrives.
 */
export function ClauseRemarks({ declarationId, clauseId, label, active, dismissed, backToClause, notify }: Props) {
  const root = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  // The button pressed goes away with its remark once the server's update arrives: then the keyboard moves on to the next one, else into the clause.
  const refocus = useRef<{ check: DraftingCheck; dismiss: boolean; index: number } | null>(null);
  useEffect(() => {
    const want = refocus.current;
    if (!want || (want.dismiss ? active : dismissed).some((w) => w.check === want.check)) return;
    refocus.current = null;
    const buttons = root.current?.querySelectorAll<HTMLButtonElement>(want.dismiss ? '[data-testid=remark-dismiss]' : '[data-testid=remark-restore]') ?? [];
    const next = buttons[Math.min(want.index, buttons.length - 1)];
    if (next) next.focus();
    else backToClause();
  }, [active, dismissed, backToClause]);
  if (active.length === 0 && dismissed.length === 0) return null;

  const send = async (check: DraftingCheck, dismiss: boolean, index: number) => {
    setBusy(true);
    try {
      await api(declarationId, `/clauses/${encodeURIComponent(clauseId)}/remarks`, { check, dismissed: dismiss });
      refocus.current = { check, dismiss, index };
    } catch (error) {
      notify((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    // Escape gives the caret back to the clause (Ctrl+Alt+R brought the keyboard here, useRemarkKeys.ts).
    <div className="clause-remarks" ref={root} onKeyDown={(event) => event.key === 'Escape' && (event.preventDefault(), backToClause())}>
      {active.length > 0 && (
        <ul className="clause-remarks__list" aria-label={t('drafting.title', { label })} data-testid="drafting-remarks">
          {active.map((warning, i) => (
            <li key={warning.check} className="clause-remarks__item" data-check={warning.check}>
              <span data-testid="drafting-remark">{remarkText(warning)}</span>
              <button
                type="button"
                className="clause-remarks__button"
                disabled={busy}
                onClick={() => void send(warning.check, true, i)}
                title={t('drafting.dismissTitle', { label })}
                aria-label={`${t('drafting.dismiss')}: ${remarkText(warning)}`}
                data-testid="remark-dismiss"
              >
                {t('drafting.dismiss')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {dismissed.length > 0 && (
        <details className="clause-remarks__dismissed" data-testid="dismissed-remarks">
          <summary>{t('drafting.showDismissed', { count: dismissed.length })}</summary>
          <ul>
            {dismissed.map((warning, i) => (
              <li key={warning.check} className="clause-remarks__item" data-check={warning.check}>
                <span>{t('drafting.dismissed', { remark: remarkText(warning) })}</span>
                <button
                  type="button"
                  className="clause-remarks__button"
                  disabled={busy}
                  onClick={() => void send(warning.check, false, i)}
                  title={t('drafting.restoreTitle', { label })}
                  aria-label={`${t('drafting.restore')}: ${remarkText(warning)}`}
                  data-testid="remark-restore"
                >
                  {t('drafting.restore')}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
