import { useCallback, useEffect, useRef, useState } from 'react';
import { MAX_POSITION_NOTE, needsNote, POSITION_KINDS, type PositionKind, type StatedPosition } from '../../shared/positions/position.ts';
import { useDismiss } from '../chrome/useDismiss.ts';
import { t } from '../i18n.ts';
import { POSITION_ICON } from './PositionChips.tsx';
import { usePositionsContext } from './positionsContext.ts';

type Choice = PositionKind | 'withdraw';

/**
 * A delegation states its own position on an open clause from its rail
 * (POS1): a small menu (↑/↓, Enter, Escape; Ctrl+Alt+P from the clause's
 * text), and for a reservation or an objection a one-line note of what it
 * needs (Enter sends, Escape cancels). The outcome is said in a toast; the
 * chips follow from the server's mirror.
 */
export function PositionPicker({ clauseId, label, mine }: { clauseId: string; label: string; mine: StatedPosition | undefined }) {
  const view = usePositionsContext();
  const [open, setOpen] = useState(false);
  const [noteFor, setNoteFor] = useState<'reservation' | 'objection' | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  // Where the caret was (the clause's text, after Ctrl+Alt+P): focus goes back there on closing.
  const returnTo = useRef<HTMLElement | null>(null);
  const choices: Choice[] = mine ? [...POSITION_KINDS, 'withdraw'] : [...POSITION_KINDS];

  const close = useCallback((restore: boolean) => {
    setOpen(false);
    setNoteFor(null);
    setError(null);
    if (restore) (returnTo.current?.isConnected ? returnTo.current : trigger.current)?.focus();
  }, []);
  useDismiss(box, open ? () => close(false) : null);
  useEffect(() => {
    if (!open || noteFor !== null) return;
    // The current position is where the menu starts, as in a radio group.
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role=menuitemradio], [role=menuitem]') ?? [])];
    (items.find((item) => item.getAttribute('aria-checked') === 'true') ?? items[0])?.focus();
  }, [open, noteFor]);

  const send = async (position: PositionKind | null, withNote = '') => {
    setBusy(true);
    const done = await view.state(clauseId, label, position, withNote);
    setBusy(false);
    if (done) close(true);
  };
  const choose = (choice: Choice) => {
    if (busy) return;
    if (choice === 'withdraw') void send(null);
    else if (needsNote(choice)) {
      setNoteFor(choice as 'reservation' | 'objection');
      setNote(mine?.position === choice ? mine.note : '');
      setError(null);
    } else void send(choice);
  };
  const onMenuKey = (event: React.KeyboardEvent) => {
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      close(event.key === 'Escape');
    }
  };
  const submitNote = (event: React.FormEvent) => {
    event.preventDefault();
    if (noteFor === null || busy) return;
    if (note.trim() === '') {
      setError(t('positions.noteRequired'));
      return;
    }
    void send(noteFor, note);
  };

  return (
    <div className={`position-picker${mine ? ' has-position' : ''}`} ref={box}>
      <button
        type="button"
        ref={trigger}
        className={`position-button${mine ? ` position-button--${mine.position}` : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        title={t('positions.buttonTitle', { label })}
        aria-label={`${t('positions.menu', { label })}${mine ? `: ${t(`positions.kind.${mine.position}`)}` : ''}`}
        onClick={() => {
          if (open) return close(true);
          returnTo.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
          setOpen(true);
        }}
        data-testid="position-button"
      >
        {mine && (
          <span className="position-button__icon" aria-hidden="true">
            {POSITION_ICON[mine.position]}
          </span>
        )}
        {t('positions.button')}
      </button>
      {open && noteFor === null && (
        <div className="position-menu" role="menu" aria-label={t('positions.menu', { label })} ref={menu} onKeyDown={onMenuKey} data-testid="position-menu">
          {choices.map((choice) =>
            choice === 'withdraw' ? (
              <button key={choice} type="button" role="menuitem" className="position-menu__item position-menu__item--withdraw" onClick={() => choose(choice)} disabled={busy} data-choice={choice}>
                {t('positions.option.withdraw')}
              </button>
            ) : (
              <button
                key={choice}
                type="button"
                role="menuitemradio"
                aria-checked={mine?.position === choice}
                className={`position-menu__item position-menu__item--${choice}`}
                onClick={() => choose(choice)}
                disabled={busy}
                data-choice={choice}
              >
                <span className="position-menu__icon" aria-hidden="true">
                  {POSITION_ICON[choice]}
                </span>
                {t(`positions.option.${choice}`)}
              </button>
            ),
          )}
        </div>
      )}
      {open && noteFor !== null && (
        <form className="position-note" onSubmit={submitNote} data-testid="position-note-form">
          <label className="position-note__label">
            {t(`positions.noteLabel.${noteFor}`, { label })}
            <input
              className="position-note__input"
              value={note}
              maxLength={MAX_POSITION_NOTE}
              autoFocus
              aria-required="true"
              aria-invalid={error !== null}
              onChange={(event) => {
                setNote(event.target.value);
                setError(null);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  close(true);
                }
              }}
              data-testid="position-note"
            />
          </label>
          <p className="position-note__hint">
            {t('positions.noteCount', { count: note.length, max: MAX_POSITION_NOTE })} · {t('positions.noteHint')}
          </p>
          {error && (
            <p className="position-note__error" role="alert">
              {error}
            </p>
          )}
          <div className="position-note__buttons">
            <button type="submit" className="button" disabled={busy} data-testid="position-send">
              {t('positions.send')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => close(true)}>
              {t('positions.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
