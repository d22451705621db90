import { useState } from 'react';
import { deadlineProblem, DEFAULT_SILENCE_MS, MAX_SILENCE_REASON } from '../../shared/silence/silenceRules.ts';
import { FormFooter } from '../chrome/FormFooter.tsx';
import { t } from '../i18n.ts';
import { localInputValue } from './silenceWords.ts';

/**
 * The chair's dialog to start a silence procedure (SIL1, SIL2): the
 * deadline in local time, 72 hours ahead by default; one less than 24 hours
 * ahead only once the warning box is ticked; a reason when some clause is
 * not agreed. The server checks all of it again.
 */
export function StartSilenceDialog({
  notAgreed,
  onSubmit,
  onClose,
}: {
  notAgreed: number;
  /** Answers an error message to show, or null when started. */
  onSubmit(body: { deadline: string; reason?: string; shortDeadline?: boolean }): Promise<string | null>;
  onClose(): void;
}) {
  const [deadline, setDeadline] = useState(() => localInputValue(Date.now() + DEFAULT_SILENCE_MS));
  const [short, setShort] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const at = new Date(deadline).getTime();
  const problem = Number.isNaN(at) ? 'past' : deadlineProblem(at, Date.now(), true);
  const tooSoon = !Number.isNaN(at) && deadlineProblem(at, Date.now(), false) === 'too-soon';
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (problem === 'past') return setError(t('silence.past'));
    if (tooSoon && !short) return setError(t('silence.tooSoon'));
    if (notAgreed > 0 && reason.trim() === '') return setError(t('silence.reasonRequired'));
    setBusy(true);
    const failure = await onSubmit({
      deadline: new Date(at).toISOString(),
      ...(notAgreed > 0 ? { reason: reason.trim() } : {}),
      ...(tooSoon ? { shortDeadline: true } : {}),
    });
    setBusy(false);
    if (failure === null) onClose();
    else setError(failure);
  };
  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label={t('silence.startTitle')} data-testid="silence-start-dialog" onKeyDown={(e) => e.key === 'Escape' && !busy && onClose()}>
      <form className="modal__box silence-dialog" onSubmit={submit}>
        <h2>{t('silence.startTitle')}</h2>
        <p>{t('silence.startIntro')}</p>
        <label className="silence-dialog__field">
          <span>{t('silence.deadline')}</span>
          <input type="datetime-local" step={1} value={deadline} onChange={(e) => {
              setDeadline(e.target.value);
              setError(null);
            }} required data-testid="silence-deadline" />
          <small>{t('silence.deadlineHint')}</small>
        </label>
        {tooSoon && (
          <label className="silence-dialog__warning" data-testid="silence-short-warning">
            <input type="checkbox" checked={short} onChange={(e) => {
                setShort(e.target.checked);
                setError(null);
              }} data-testid="silence-short" />
            <span>{t('silence.shortDeadline')}</span>
          </label>
        )}
        {notAgreed > 0 && (
          <label className="silence-dialog__field">
            <span>{t('silence.notAllAgreed', { count: notAgreed })}</span>
            <textarea value={reason} maxLength={MAX_SILENCE_REASON} rows={3} aria-label={t('silence.startReason')} onChange={(e) => setReason(e.target.value)} data-testid="silence-start-reason" />
          </label>
        )}
        {error && (
          <p className="panel__error" role="alert">
            {error}
          </p>
        )}
        <FormFooter submit={t('silence.startConfirm')} cancel={t('silence.cancelButton')} busy={busy} onCancel={onClose} testId="silence-start-confirm" />
      </form>
    </div>
  );
}
