import { t } from '../i18n.ts';
import type { ClosedWords } from './closedWords.ts';

/** What stays at the top once the dialog about a final close is put aside: the reason, and the way back to what to do. */
export function ClosedBanner({ words, onDetails }: { words: ClosedWords; onDetails(): void }) {
  return (
    <div className="banner banner--error" data-testid="closed-banner">
      <span>{words.title}</span>
      <button type="button" className="button button--quiet" onClick={onDetails} data-testid="closed-details">
        {t('closed.details')}
      </button>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('connection.reload')}
      </button>
    </div>
  );
}
