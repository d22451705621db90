import { useState } from 'react';
import { t } from '../i18n.ts';

/**
 * Copies a text to the clipboard and says that it did. Some browsers refuse
 * (no permission, not a secure page): then it says how to copy by hand.
 */
export function CopyButton({
  text,
  label,
  copiedLabel = t('refused.copied'),
  className = 'button button--quiet',
  testId,
}: {
  /** The text, or how to make it when the button is pressed. */
  text: string | (() => string);
  label: string;
  copiedLabel?: string;
  className?: string;
  testId?: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    const value = typeof text === 'string' ? text : text();
    if (!navigator.clipboard) {
      setState('failed');
      return;
    }
    navigator.clipboard.writeText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <>
      <button type="button" className={className} onClick={copy} data-testid={testId}>
        {state === 'copied' ? copiedLabel : label}
      </button>
      {state === 'failed' && (
        <span className="copy-failed" role="status">
          {t('copy.failed')}
        </span>
      )}
    </>
  );
}
