import { locale } from '../i18n.ts';

/**
 * Dates and durations of the silence procedure in the interface language,
 * through Intl (SIL9): the deadline in the reader's local time with its
 * time zone, the time left in narrow units ("2 d 5 h 3 min").
 */
export function deadlineWords(at: number): string {
  return new Date(at).toLocaleString(locale(), { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
}

/** The date alone, for the title bar: "Adopted on 3 Dec 2026". */
export function adoptedDay(at: number): string {
  return new Date(at).toLocaleDateString(locale(), { dateStyle: 'medium' });
}

export function adoptedWords(at: number): string {
  return new Date(at).toLocaleString(locale(), { dateStyle: 'long', timeStyle: 'short' });
}

const UNITS = [
  ['day', 24 * 60 * 60 * 1000],
  ['hour', 60 * 60 * 1000],
  ['minute', 60 * 1000],
  ['second', 1000],
] as const;

export function remainingWords(ms: number): string {
  let left = Math.max(0, ms);
  const parts: { unit: (typeof UNITS)[number][0]; value: number }[] = [];
  for (const [unit, size] of UNITS) {
    const value = Math.floor(left / size);
    left -= value * size;
    if (value > 0 || parts.length > 0 || unit === 'second') parts.push({ unit, value });
  }
  // Seconds only in the last hour: the countdown is for reading, not for watching.
  const shown = ms >= 60 * 60 * 1000 ? parts.filter((p) => p.unit !== 'second').slice(0, 3) : parts.slice(-2);
  return shown.map(({ unit, value }) => new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'narrow' }).format(value)).join(' ');
}

/** The value of a `datetime-local` input for a time, in local time (YYYY-MM-DDTHH:mm). */
export function localInputValue(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
