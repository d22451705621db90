import { t } from '../i18n.ts';
import { when } from '../time.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** "just now", "10 min ago", "3 h ago", then the time or the date: how long ago a position was stated (POS2). */
export function ago(at: number, now: number): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE) return t('positions.ago.now');
  if (elapsed < HOUR) return t('positions.ago.minutes', { count: Math.floor(elapsed / MINUTE) });
  if (elapsed < 12 * HOUR) return t('positions.ago.hours', { count: Math.floor(elapsed / HOUR) });
  return when(at);
}
