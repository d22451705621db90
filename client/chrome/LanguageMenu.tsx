import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { INTERFACE_LANGUAGES, LANGUAGE_NAMES } from '../../shared/i18n/languages.ts';
import { chooseLanguage, t, useLanguage } from '../i18n.ts';
import { useDismiss } from './useDismiss.ts';

/**
 * The language switcher of the top bar (I18N3): a short code on the button,
 * so the bar stays one line at 1366 px, and each language in its own name
 * in the menu. Arrow keys move between the languages, Escape closes.
 */
export function LanguageMenu() {
  const language = useLanguage();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(box, open ? close : null);
  const items = () => [...(box.current?.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]') ?? [])];
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
      button.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    if (!open) {
      setOpen(true);
      requestAnimationFrame(() => box.current?.querySelector<HTMLButtonElement>('[aria-checked="true"]')?.focus());
      return;
    }
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const next = (at + (event.key === 'ArrowDown' ? 1 : -1) + list.length) % list.length;
    list[next]?.focus();
  };
  const shown = language === 'qps' ? 'en' : language;
  return (
    <div className="menu-anchor" ref={box} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={button}
        className={`button button--quiet language-menu__button${open ? ' is-on' : ''}`}
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        aria-haspopup="menu"
        aria-label={t('language.chooseCurrent', { language: LANGUAGE_NAMES[shown] })}
        title={t('language.choose')}
        data-testid="open-language"
      >
        <span aria-hidden="true">{shown.toUpperCase()}</span>
      </button>
      {open && (
        <div className="menu language-menu" role="menu" aria-label={t('language.label')} data-testid="language-menu">
          {INTERFACE_LANGUAGES.map((code) => (
            <button
              key={code}
              type="button"
              role="menuitemradio"
              aria-checked={code === shown}
              lang={code}
              className="language-menu__item"
              onClick={() => {
                chooseLanguage(code);
                close();
                button.current?.focus();
              }}
              data-testid={`language-${code}`}
            >
              {LANGUAGE_NAMES[code]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
