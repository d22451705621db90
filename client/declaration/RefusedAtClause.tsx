import type { RefusedChange } from '../../shared/refusedChange.ts';
import { CopyButton } from '../chrome/CopyButton.tsx';
import { t } from '../i18n.ts';

/**
 * My refused changes to this clause, under its text where I was working
 * (docs/SPEC.md UI10): what happened in words, my text folded away, Copy
 * and Dismiss. The same changes are listed at the top of the page; Dismiss
 * dismisses them there too.
 */
export function RefusedAtClause({
  changes,
  describe,
  dismiss,
  showProposal,
}: {
  changes: RefusedChange[];
  describe(change: RefusedChange): string;
  dismiss(id: string): void;
  /** The change was made into a proposal (PROP10, PROP11): show it under the clause. */
  showProposal?(proposalId: string): void;
}) {
  return (
    <>
      {changes.map((change) => (
        <div key={change.id} className="clause-refused" data-testid="refused-at-clause">
          <p className="clause-refused__words">{describe(change)}</p>
          {change.attempted && (
            <details className="clause-refused__text">
              <summary>{t('refused.yourText')}</summary>
              <blockquote>{change.attempted}</blockquote>
            </details>
          )}
          <div className="clause-refused__buttons">
            {change.proposalId && showProposal && (
              <button type="button" className="link-button" onClick={() => showProposal(change.proposalId!)} data-testid="refused-show-proposal">
                {t('refused.showProposal')}
              </button>
            )}
            {change.attempted && <CopyButton text={change.attempted} label={t('refused.copyYourText')} className="link-button" />}
            <button type="button" className="link-button" onClick={() => dismiss(change.id)}>
              {t('refused.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </>
  );
}
