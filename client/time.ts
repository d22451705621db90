import { t } from './i18n.ts';

/** "14:05" today, the date on other days: how the screen says when something happened. */
export function when(at: number): string {
  const date = new Date(at);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : date.toLocaleDateString();
}

/** The same inside a sentence: "at 14:05" today, "on 12/3/2026" on other days. */
export function whenInSentence(at: number): string {
  const sameDay = new Date(at).toDateString() === new Date().toDateString();
  return sameDay ? t('time.at', { time: when(at) }) : t('time.on', { date: when(at) });
}
