import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { MAX_POSITION_NOTE, needsNote, POSITION_KINDS, type PositionKind, type StatedPosition } from '../../shared/positions/position.ts';
import { FormFooter } from '../chrome/FormFooter.tsx';
import { useDismiss } from '../chrome/useDismiss.ts';
import { t } from '../i18n.ts';
import { POSITION_ICON } from './PositionChips.tsx';
import { usePositionsContext } from './positionsContext.ts';
import './positionPicker.css';

type Choice = PositionKind | 'withdraw';

/**
 * A delegation states its own position on an open clause from its rail
 * (POS1): a small menu (↑/↓, Enter, Escape; Ctrl+Alt+P from the clause's
 * text), and for a reservation or an objection a one-line note of what it
 * needs (Enter sends, Escape cancels). The outcome is said in a toast; the
 * chips follow from the server's mirror. While a silence procedure freezes
 * the text, and once adopted, the button stays in place but does nothing
 * and says why on hover, focus or a tap (SIL9): the server refuses positions
 * then anyway (SIL4), and a delegation that objects breaks silence instead.
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
  const frozen = view.frozen;
  const whyFrozen = useId();
  const [whyShown, setWhyShown] = useState(false);
  // A procedure that starts while the menu or the note is open closes it: nothing sent from it would be taken.
  useEffect(() => {
    if (frozen) close(false);
  }, [frozen, close]);
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

  const currentLabel = mine ? t('positions.menuCurrent', { label, position: t(`positions.kind.${mine.position}`) }) : t('positions.menu', { label });
  const icon = mine && (
    <span className="position-button__icon" aria-hidden="true">
      {POSITION_ICON[mine.position]}
    </span>
  );

  if (frozen) {
    return (
      <div className={`position-picker is-frozen${mine ? ' has-position' : ''}`} onMouseEnter={() => setWhyShown(true)} onMouseLeave={() => setWhyShown(false)}>
        <button
          type="button"
          ref={trigger}
          className={`position-button position-button--frozen${mine ? ` position-button--${mine.position}` : ''}`}
          // aria-disabled rather than disabled: it stays focusable, so that the keyboard reaches the reason too.
          aria-disabled="true"
          aria-label={currentLabel}
          aria-describedby={whyFrozen}
          onFocus={() => setWhyShown(true)}
          onBlur={() => setWhyShown(false)}
          onClick={() => setWhyShown((shown) => !shown)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && whyShown) {
              event.stopPropagation();
              setWhyShown(false);
            }
          }}
          data-testid="position-button"
        >
          {icon}
          {t('positions.button')}
        </button>
        <span role="tooltip" id={whyFrozen} className="tip__box position-picker__why" hidden={!whyShown} data-testid="position-frozen-why">
          {t(frozen === 'adopted' ? 'positions.frozenAdopted' : 'positions.frozenSilence')}
        </span>
      </div>
    );
  }

  return (
    <div className={`position-picker${mine ? ' has-position' : ''}`} ref={box}>
      <button
        type="button"
        ref={trigger}
        className={`position-button${mine ? ` position-button--${mine.position}` : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        title={t('positions.buttonTitle', { label })}
        aria-label={currentLabel}
        onClick={() => {
          if (open) return close(true);
          returnTo.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
          setOpen(true);
        }}
        data-testid="position-button"
      >
        {icon}
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
          <FormFooter submit={t('positions.send')} cancel={t('positions.cancel')} busy={busy} onCancel={() => close(true)} testId="position-send" className="position-note__buttons" />
        </form>
      )}
    </div>
  );
}
