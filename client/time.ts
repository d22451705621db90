import { locale, t } from './i18n.ts';

/**
 * How the screen says when something happened, in the interface language
 * through Intl (I18N7): "14:05" today, the date on other days.
 */
export function when(at: number): string {
  const date = new Date(at);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' }) : date.toLocaleDateString(locale());
}

/** The same inside a sentence: "at 14:05" today, "on 12/3/2026" on other days. */
export function whenInSentence(at: number): string {
  const sameDay = new Date(at).toDateString() === new Date().toDateString();
  return sameDay ? t('time.at', { time: when(at) }) : t('time.on', { date: when(at) });
}

/** Date and time in full, e.g. for a tooltip: "3 Dec 2026, 14:05" as the language writes it. */
export function dateAndTime(at: number): string {
  return new Date(at).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
}

/** A number as the interface language writes it (1,234 · 1.234 · 1 234). */
export function number(value: number): string {
  return value.toLocaleString(locale());
}
