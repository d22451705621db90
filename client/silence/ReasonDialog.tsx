import { useState } from 'react';
import { MAX_SILENCE_REASON } from '../../shared/silence/silenceRules.ts';
import { FormFooter } from '../chrome/FormFooter.tsx';
import { t } from '../i18n.ts';

/** A modal that asks for a required reason (breaking silence, SIL5; cancelling, SIL6) and sends it. */
export function ReasonDialog({
  title,
  intro,
  label,
  confirm,
  testId,
  onSubmit,
  onClose,
}: {
  title: string;
  intro: string;
  label: string;
  confirm: string;
  testId: string;
  /** Answers an error message to show, or null when done. */
  onSubmit(reason: string): Promise<string | null>;
  onClose(): void;
}) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError(t('silence.reasonRequired'));
      return;
    }
    setBusy(true);
    const failure = await onSubmit(reason.trim());
    setBusy(false);
    if (failure === null) onClose();
    else setError(failure);
  };
  return (
    <div className="modal" role="dialog" aria-modal="true" aria-label={title} data-testid={testId} onKeyDown={(e) => e.key === 'Escape' && !busy && onClose()}>
      <form className="modal__box silence-dialog" onSubmit={submit}>
        <h2>{title}</h2>
        <p>{intro}</p>
        <label className="silence-dialog__field">
          <span>{label}</span>
          <textarea value={reason} maxLength={MAX_SILENCE_REASON} rows={4} autoFocus onChange={(e) => setReason(e.target.value)} data-testid={`${testId}-reason`} />
        </label>
        {error && (
          <p className="panel__error" role="alert">
            {error}
          </p>
        )}
        <FormFooter submit={confirm} cancel={t('silence.cancelButton')} busy={busy} onCancel={onClose} testId={`${testId}-confirm`} />
      </form>
    </div>
  );
}
