import { t } from '../i18n.ts';

/**
 * Under a clause that waits for this delegation's confirmation (docs/SPEC.md
 * STAT3): said once, calmly, in words, until the chair changes the status.
 */
export function PendingNotice({ clauseId, label, kind, depth }: { clauseId: string; label: string; kind: string; depth: number }) {
  return (
    <p className={`pending-notice pending-notice--${kind} pending-notice--depth-${depth}`} id={`pending-${clauseId}`} data-testid="pending-notice" data-clause-id={clauseId}>
      <span className="pending-notice__icon" aria-hidden="true">
        ◐
      </span>
      {t('pending.notice', { label })}
    </p>
  );
}
