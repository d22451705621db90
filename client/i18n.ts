import { useSyncExternalStore } from 'react';
import { isInterfaceLanguage, type InterfaceLanguage } from '../shared/i18n/languages.ts';
import { createTranslator, intlLocale, messagesFor, preferredLanguage, supportedLanguage, type Language, type Translate } from '../shared/i18n/translate.ts';

/**
 * The interface language (I18N3): `?lang=` for this page (how a test opens
 * the pseudo-locale, I18N5), else the one chosen in the top bar, kept per
 * browser, else the browser's. Every string comes from shared/i18n through
 * `t`, which always speaks the current language; a switch re-renders the
 * app from its root (main.tsx) without reloading, so no edit is lost.
 */
const STORAGE_KEY = 'consenso.language';

function storedLanguage(): InterfaceLanguage | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isInterfaceLanguage(value) ? value : null;
  } catch {
    // Storage refused (private mode, policy): the browser's language it is.
    return null;
  }
}

function initialLanguage(): Language {
  if (typeof window === 'undefined') return 'en';
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked) return supportedLanguage(asked);
  return storedLanguage() ?? preferredLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
}

let current: Language = initialLanguage();
let translate: Translate = createTranslator(messagesFor(current), current);
const listeners = new Set<() => void>();

function showLanguage(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = current;
}
showLanguage();

export const t: Translate = (key, values) => translate(key, values);

export function currentLanguage(): Language {
  return current;
}

/** The locale Intl formats dates, times and numbers with, for the current language. */
export function locale(): string {
  return intlLocale(current);
}

/** The user's choice from the top bar: kept in this browser, shown at once. */
export function chooseLanguage(language: InterfaceLanguage): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not kept across reloads, but still used on this page.
  }
  if (language === current) return;
  current = language;
  translate = createTranslator(messagesFor(current), current);
  showLanguage();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current language, re-rendering the component when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribe, currentLanguage, currentLanguage);
}
