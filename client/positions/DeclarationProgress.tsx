import { t } from '../i18n.ts';
import { useDeclarationProgress } from './useDeclarationProgress.ts';

/**
 * Beside the status counts in the top bar (POS7, BRK3): the clauses with an
 * objection standing (✕ 3) and the passages in brackets ([ ] 5), each only
 * when there are any. The bar is full on a laptop: the words ("with
 * objection", "in brackets") show only on a very wide screen, are always
 * read out, and the whole progress shows on hover.
 */
export function DeclarationProgress() {
  const progress = useDeclarationProgress();
  const parts = [
    progress.withObjection > 0 && (
      <span key="objections" className="progress__objections" data-testid="progress-objections">
        <span aria-hidden="true">✕ </span>
        {progress.withObjection}
        <span className="progress__words"> {t('positions.progressObjections')}</span>
      </span>
    ),
    progress.brackets > 0 && (
      <span key="brackets" className="progress__brackets" data-testid="progress-brackets">
        <span aria-hidden="true">[ ] </span>
        {progress.brackets}
        <span className="progress__words"> {t('positions.progressBrackets')}</span>
      </span>
    ),
  ].filter(Boolean);
  return (
    <div
      className="topbar__progress"
      title={t('positions.progressTitle', { ...progress })}
      data-testid="progress"
      data-agreed={progress.agreed}
      data-clauses={progress.clauses}
    >
      {parts.flatMap((part, i) => (i === 0 ? [part] : [<span key={`dot-${i}`} aria-hidden="true"> · </span>, part]))}
    </div>
  );
}
