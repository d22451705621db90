import { useCallback, useRef, useState } from 'react';
import { useDismiss } from '../chrome/useDismiss.ts';
import { t } from '../i18n.ts';
import './room.css';

/** The addresses of the two views without editing (ROOM6, ROOM8): the same link signs in to both. */
export function viewUrl(declarationId: string, view: 'room' | 'read'): string {
  return `/d/${encodeURIComponent(declarationId)}/${view}`;
}

/**
 * "Views" in the top bar: the room view for the projector and the reading
 * view, each in a new tab, so that the declaration screen stays where it
 * was. One button, not two: the bar has no room left on a laptop.
 */
export function ViewLinks({ declarationId }: { declarationId: string }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open ? close : null);
  return (
    <div className="menu-anchor" ref={box} onKeyDown={(event) => event.key === 'Escape' && close()}>
      <button
        type="button"
        className={`button button--quiet${open ? ' is-on' : ''}`}
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        aria-haspopup="true"
        data-testid="open-views"
      >
        {t('room.views')}
      </button>
      {open && (
        <div className="menu views-menu" data-testid="views-menu">
          <a className="views-menu__link" href={viewUrl(declarationId, 'room')} target="_blank" rel="noopener" onClick={close} data-testid="room-view-link">
            {t('room.roomView')}
          </a>
          <a className="views-menu__link" href={viewUrl(declarationId, 'read')} target="_blank" rel="noopener" onClick={close} data-testid="reading-view-link">
            {t('room.readingView')}
          </a>
          <p className="views-menu__hint">{t('room.viewsHint')}</p>
        </div>
      )}
    </div>
  );
}
