import { useEffect, useId, useRef } from 'react';
import { t } from '../i18n.ts';
import type { ClosedWords } from './closedWords.ts';
import { CopyButton } from './CopyButton.tsx';

/**
 * The server ended the connection for good — a replaced or removed link, a
 * declaration gone, a refused message (docs/SPEC.md UI11). Said in a dialog
 * that takes the focus, with what to do: the page stays readable behind it
 * ("Keep reading"), and the text on it can be copied before it is reloaded.
 */
export function ClosedDialog({
  words,
  unsentEdits,
  kept,
  copyText,
  onKeepReading,
}: {
  words: ClosedWords;
  /**
   * Edits made on this page that the server never confirmed; null when not
   * known. They are lost on reload unless stored in the browser; the dialog
   * says which.
   */
  unsentEdits: number | null;
  /** Whether this device keeps the unsent edits (SPEC OFF1): if not, a reload loses them. */
  kept: boolean;
  copyText(): string;
  onKeepReading(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    // A modal <dialog>: the browser keeps the focus inside and the page behind it inert.
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="closed-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onKeepReading();
      }}
      data-testid="closed-dialog"
    >
      <h2 id={titleId}>{words.title}</h2>
      <div id={bodyId}>
        <p>{words.body}</p>
        {unsentEdits !== null && unsentEdits > 0 && (
          <p className="closed-dialog__unsent" data-testid="closed-unsent">
            {t(kept ? 'closed.unsentKept' : 'closed.unsentHere', { count: unsentEdits })}
          </p>
        )}
      </div>
      <div className="closed-dialog__buttons">
        <CopyButton text={copyText} label={t('closed.copy')} copiedLabel={t('closed.copied')} className="button" testId="closed-copy" />
        <button type="button" className="button button--quiet" onClick={() => window.location.reload()} data-testid="closed-reload">
          {t('connection.reload')}
        </button>
        <button type="button" className="button button--quiet" onClick={onKeepReading} data-testid="closed-keep-reading">
          {t('closed.keepReading')}
        </button>
      </div>
    </dialog>
  );
}
