import { useCallback, useRef, useState } from 'react';
import type { FrozenNumbering } from '../../shared/workingNumbers.ts';
import { useDismiss } from '../chrome/useDismiss.ts';
import { t } from '../i18n.ts';
import { when } from '../time.ts';
import { numberingApi } from './numberingApi.ts';

/**
 * The working numbers, at the head of the text (WN1, WN5): everyone reads
 * that the numbering is frozen, since when and by whom; the chair freezes it
 * or renumbers, each after a confirmation that says what will change. Not
 * in the top bar, which has no room left on a laptop.
 */
export function NumberingControl({
  declarationId,
  frozen,
  mayNumber,
  notify,
}: {
  declarationId: string;
  frozen: FrozenNumbering | null;
  /** The chair, connection open. */
  mayNumber: boolean;
  notify(message: string): void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    trigger.current?.focus();
  }, []);
  useDismiss(box, open ? () => setOpen(false) : null);
  if (!frozen && !mayNumber) return null;

  const action = frozen ? 'renumber' : 'freeze';
  const run = async () => {
    setBusy(true);
    try {
      await numberingApi.act(declarationId, action);
      notify(t(action === 'freeze' ? 'numbering.frozenDone' : 'numbering.renumbered'));
      close();
    } catch (failure) {
      notify(t('numbering.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="numbering" ref={box} onKeyDown={(event) => event.key === 'Escape' && open && close()} data-testid="numbering" data-frozen={frozen ? 'true' : 'false'}>
      {frozen && (
        <span className="numbering__since" title={t('numbering.frozenExplained')} data-testid="numbering-since">
          <span aria-hidden="true">❄ </span>
          {t('numbering.frozenSince', { when: when(frozen.at), name: frozen.by })}
        </span>
      )}
      {mayNumber && (
        <span className="menu-anchor">
          <button
            type="button"
            ref={trigger}
            className={`link-button numbering__button${open ? ' is-on' : ''}`}
            aria-expanded={open}
            aria-haspopup="dialog"
            onClick={() => setOpen((v) => !v)}
            data-testid="numbering-button"
          >
            {t(frozen ? 'numbering.renumber' : 'numbering.freeze')}…
          </button>
          {open && (
            <div className="menu numbering__menu" role="dialog" aria-label={t(frozen ? 'numbering.renumber' : 'numbering.freeze')} data-testid="numbering-menu">
              <p className="numbering__confirm">{t(frozen ? 'numbering.confirmRenumber' : 'numbering.confirmFreeze')}</p>
              <div className="numbering__buttons">
                <button type="button" className="button" onClick={run} disabled={busy} autoFocus data-testid="numbering-confirm">
                  {t(frozen ? 'numbering.renumber' : 'numbering.freeze')}
                </button>
                <button type="button" className="button button--quiet" onClick={close}>
                  {t('numbering.cancel')}
                </button>
              </div>
            </div>
          )}
        </span>
      )}
    </div>
  );
}
