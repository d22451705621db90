import { useId } from 'react';
import { t } from '../i18n.ts';

/**
 * "3 passages are still in square brackets" before a clean file is
 * downloaded (BRK6). Inside the Export menu, it takes the focus on its
 * first button; Escape is Cancel and stays here (it does not close the
 * menu), and the caller puts the focus back on the format chosen.
 */
export function BracketsConfirm({ count, onDownload, onCancel }: { count: number; onDownload(): void; onCancel(): void }) {
  const title = useId();
  const words = useId();
  return (
    <section
      className="export-menu__confirm"
      role="alertdialog"
      aria-labelledby={title}
      aria-describedby={words}
      data-testid="export-brackets-confirm"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <h3 id={title} className="export-menu__confirm-title">
        {t('brackets.exportTitle')}
      </h3>
      <p id={words}>{t('brackets.exportWarning', { count })}</p>
      <div className="export-menu__confirm-actions">
        <button type="button" className="button" onClick={onDownload} autoFocus data-testid="export-brackets-download">
          {t('brackets.downloadAnyway')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} data-testid="export-brackets-cancel">
          {t('brackets.cancel')}
        </button>
      </div>
    </section>
  );
}
