import './formFooter.css';

/**
 * The foot of a small form — a dialog's, or the note of a position: the
 * submit button first, then Cancel, both held while the request is out so
 * that neither is pressed twice. One component, so every form of the
 * screen reads and behaves alike.
 */
export function FormFooter({
  submit,
  cancel,
  busy,
  onCancel,
  testId,
  className,
}: {
  /** The submit button's words, saying what it does ("Break silence", "State it"). */
  submit: string;
  cancel: string;
  busy: boolean;
  onCancel(): void;
  /** The submit button's test id. */
  testId: string;
  className?: string;
}) {
  return (
    <div className={`form-footer${className ? ` ${className}` : ''}`}>
      <button type="submit" className="button" disabled={busy} data-testid={testId}>
        {submit}
      </button>
      <button type="button" className="button button--quiet" onClick={onCancel} disabled={busy}>
        {cancel}
      </button>
    </div>
  );
}
