import { useState } from 'react';
import type { RefusedChange } from '../../shared/refusedChange.ts';
import { t } from '../i18n.ts';

/**
 * "Your change to OP 3 was not applied because the clause is agreed — here
 * is your text": refused text is never lost, it waits here for its author.
 */
export function RefusedNotices({ refused, dismiss, labelOf }: { refused: RefusedChange[]; dismiss(id: string): void; labelOf(clauseId: string): string | null }) {
  const [copied, setCopied] = useState<string | null>(null);
  if (refused.length === 0) return null;
  const message = (change: RefusedChange) => {
    if (change.part === 'clause') {
      const label = change.clauseId ? labelOf(change.clauseId) : null;
      return label ? t('refused.clause', { label }) : t('refused.clauseGone');
    }
    if (change.part === 'meta') return t('refused.meta');
    return t('refused.other');
  };
  return (
    <section className="refused" aria-label={t('refused.title')} data-testid="refused">
      {refused.slice(0, 3).map((change) => (
        <div key={change.id} className="refused__item" role="alert" data-testid="refused-item">
          <p>{message(change)}</p>
          {change.attempted && <blockquote className="refused__text">{change.attempted}</blockquote>}
          <div className="refused__buttons">
            {change.attempted && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  void navigator.clipboard?.writeText(change.attempted).then(() => setCopied(change.id));
                }}
              >
                {copied === change.id ? t('refused.copied') : t('refused.copy')}
              </button>
            )}
            <button type="button" className="button button--quiet" onClick={() => dismiss(change.id)}>
              {t('refused.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
