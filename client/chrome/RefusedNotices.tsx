import type { RefusedChange } from '../../shared/refusedChange.ts';
import { t } from '../i18n.ts';
import { CopyButton } from './CopyButton.tsx';

/**
 * "OP3 is agreed and locked; your text was not applied": refused text is
 * never lost, it waits here for its author (docs/SPEC.md UI6), and next to
 * its clause (UI10).
 */
export function RefusedNotices({
  refused,
  dismiss,
  describe,
  showProposal,
}: {
  refused: RefusedChange[];
  dismiss(id: string): void;
  describe(change: RefusedChange): string;
  /** The change was made into a proposal (PROP10, PROP11): show it under its clause. */
  showProposal?(proposalId: string): void;
}) {
  if (refused.length === 0) return null;
  return (
    <section className="refused" aria-label={t('refused.title')} data-testid="refused">
      {refused.slice(0, 3).map((change) => (
        <div key={change.id} className="refused__item" role="alert" data-testid="refused-item">
          <p>{describe(change)}</p>
          {change.attempted && <blockquote className="refused__text">{change.attempted}</blockquote>}
          <div className="refused__buttons">
            {change.proposalId && showProposal && (
              <button type="button" className="button" onClick={() => showProposal(change.proposalId!)} data-testid="refused-show-proposal">
                {t('refused.showProposal')}
              </button>
            )}
            {change.attempted && <CopyButton text={change.attempted} label={t('refused.copy')} />}
            <button type="button" className="button button--quiet" onClick={() => dismiss(change.id)}>
              {t('refused.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
