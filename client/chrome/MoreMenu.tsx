import { useCallback, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { t } from '../i18n.ts';
import { useDismiss } from './useDismiss.ts';

/** A tool of the top bar that can leave the bar for the "More" menu when the bar has no room (LAY2). */
export interface OverflowTool {
  key: string;
  /** The tool as it sits in the bar. */
  inBar: ReactNode;
  /** The tool as entries of the menu: a button or links, each `role="menuitem"`. */
  inMenu: (close: () => void) => ReactNode;
}

/**
 * "More": the tools the top bar has no room for, in a menu (LAY2). Enter or
 * Space opens it on its first entry, ↑/↓ (and Home/End) move, Escape closes
 * it and gives the focus back to the button; choosing an entry closes it.
 */
export function MoreMenu({ tools }: { tools: OverflowTool[] }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open ? close : null);
  const entries = () => [...(box.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusEntry = (which: 'first' | 'last') =>
    requestAnimationFrame(() => {
      const list = entries();
      list[which === 'first' ? 0 : list.length - 1]?.focus();
    });
  const choose = () => {
    close();
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      choose();
      return;
    }
    if (event.key === 'Tab' && open) {
      close();
      return;
    }
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
    event.preventDefault();
    if (!open) {
      setOpen(true);
      focusEntry(event.key === 'ArrowUp' || event.key === 'End' ? 'last' : 'first');
      return;
    }
    const list = entries();
    if (event.key === 'Home' || event.key === 'End') {
      list[event.key === 'Home' ? 0 : list.length - 1]?.focus();
      return;
    }
    const at = list.indexOf(document.activeElement as HTMLElement);
    list[(at + (event.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length]?.focus();
  };
  if (tools.length === 0) return null;
  return (
    <div className="menu-anchor" ref={box} onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        className={`button button--quiet topbar__more${open ? ' is-on' : ''}`}
        onClick={() => {
          // A click or Enter/Space: open on the first entry, so that the arrows go on from there.
          if (!open) focusEntry('first');
          setOpen((v) => !v);
        }}
        aria-expanded={open}
        aria-haspopup="menu"
        data-testid="open-more"
      >
        {t('topbar.more')}
      </button>
      {open && (
        <div className="menu more-menu" role="menu" aria-label={t('topbar.moreLabel')} data-testid="more-menu">
          {tools.map((tool) => (
            <div key={tool.key} role="none" className="more-menu__group">
              {tool.inMenu(choose)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
