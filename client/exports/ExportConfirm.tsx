import { useEffect, useId, useRef } from 'react';
import type { Unsettled } from '../../shared/unsettled.ts';
import { t } from '../i18n.ts';

/** How many labels each line shows before "and 30 more". */
const SHOWN = 5;

/**
 * The one question before a clean file of a text that is not final (EXP15,
 * BRK6): how many clauses are still open, ad referendum, or hold square
 * brackets, each line with the first labels as links to their clauses, and
 * "Export anyway" / "Cancel". Inside the Export menu, it takes the focus on
 * its first button; Escape is Cancel and stays here (it does not close the
 * menu), and the caller puts the focus back on the format chosen.
 */
export function ExportConfirm({
  unsettled,
  passages,
  labelOf,
  goTo,
  onExport,
  onCancel,
}: {
  unsettled: Unsettled;
  /** Passages in square brackets: they print with their brackets (BRK6). */
  passages: number;
  labelOf(clauseId: string): string | null;
  goTo(clauseId: string): void;
  onExport(): void;
  onCancel(): void;
}) {
  const title = useId();
  const words = useId();
  const box = useRef<HTMLElement>(null);
  // The menu scrolls on a small screen: the whole question, with its buttons, comes into view.
  // Braces: a browser's scrollIntoView may return a promise, which React would take for a cleanup.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const lines = [
    { kind: 'open', ids: unsettled.open, text: t('export.unsettled.open', { count: unsettled.open.length }) },
    { kind: 'ad-ref', ids: unsettled.adRef, text: t('export.unsettled.adRef', { count: unsettled.adRef.length }) },
    { kind: 'bracketed', ids: unsettled.bracketed, text: t('export.unsettled.bracketed', { count: unsettled.bracketed.length }) },
  ].filter((line) => line.ids.length > 0);
  return (
    <section
      ref={box}
      className="export-menu__confirm"
      role="alertdialog"
      aria-labelledby={title}
      aria-describedby={words}
      data-testid="export-confirm"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <h3 id={title} className="export-menu__confirm-title">
        {t('export.unsettled.title')}
      </h3>
      <div id={words}>
        <ul className="export-menu__unsettled">
          {lines.map((line) => (
            <li key={line.kind} data-testid={`export-unsettled-${line.kind}`}>
              {line.text}{' '}
              {line.ids.slice(0, SHOWN).map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <button type="button" className="link-button" onClick={() => goTo(id)}>
                    {labelOf(id) ?? '?'}
                  </button>
                </span>
              ))}
              {line.ids.length > SHOWN && ` ${t('export.unsettled.more', { count: line.ids.length - SHOWN })}`}
            </li>
          ))}
        </ul>
        {passages > 0 && <p>{t('brackets.exportWarning', { count: passages })}</p>}
        <p>{t('export.unsettled.question')}</p>
      </div>
      <div className="export-menu__confirm-actions">
        <button type="button" className="button" onClick={onExport} autoFocus data-testid="export-anyway">
          {t('export.unsettled.anyway')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} data-testid="export-cancel">
          {t('export.unsettled.cancel')}
        </button>
      </div>
    </section>
  );
}
