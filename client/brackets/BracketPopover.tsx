import { useEffect, useRef, useState } from 'react';
import type { Bracket } from '../../shared/brackets/bracket.ts';
import type { BracketRange } from '../../shared/document/bracketRange.ts';
import { useDismiss } from '../chrome/useDismiss.ts';
import { t } from '../i18n.ts';
import { when } from '../time.ts';

export interface ShownBracket {
  bracket: Bracket;
  range: BracketRange;
  /** The passage as it reads now. */
  passage: string;
}

/**
 * Who asked for a clause's square brackets, and when (BRK2), with Remove
 * brackets for those who may (BRK4). A small dialog beside the clause: it
 * takes the focus when it opens, Escape or a press outside closes it, and
 * the focus goes back where it was.
 */
export function BracketPopover({
  label,
  shown,
  mayRemove,
  onRemove,
  onClose,
}: {
  label: string;
  shown: ShownBracket[];
  mayRemove: boolean;
  onRemove(bracketId: string): Promise<void>;
  onClose(): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  useDismiss(box, onClose, '[data-testid=bracket-count]');
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <div
      ref={box}
      className="bracket-popover"
      role="dialog"
      aria-label={t('brackets.popoverTitle', { label })}
      tabIndex={-1}
      data-testid="bracket-popover"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onClose();
      }}
    >
      <div className="bracket-popover__head">
        <strong>{t('brackets.popoverTitle', { label })}</strong>
        <button type="button" className="bracket-popover__close" onClick={onClose} aria-label={t('brackets.close')} title={t('brackets.close')}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <ul className="bracket-popover__list">
        {shown.map(({ bracket, passage }) => (
          <li key={bracket.id} className="bracket-popover__item" data-testid="bracket-item" data-bracket-id={bracket.id}>
            <q className="bracket-popover__passage">{passage}</q>
            <p className="bracket-popover__askers" data-testid="bracket-askers">
              {t('brackets.askedBy', { askers: bracket.requestedBy.map((r) => t('brackets.asker', { name: r.name, time: when(r.at) })).join('; ') })}
            </p>
            {mayRemove && (
              <button
                type="button"
                className="button button--quiet bracket-popover__remove"
                disabled={removing !== null}
                aria-busy={removing === bracket.id}
                onClick={() => {
                  setRemoving(bracket.id);
                  void onRemove(bracket.id).finally(() => setRemoving(null));
                }}
                data-testid="bracket-remove"
              >
                {removing === bracket.id ? t('brackets.removing') : t('brackets.remove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
