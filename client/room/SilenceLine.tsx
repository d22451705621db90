import type * as Y from 'yjs';
import { adoptedAt, isRunning } from '../../shared/silence/silenceRules.ts';
import { messageParts } from '../chrome/messageParts.tsx';
import { t } from '../i18n.ts';
import { adoptedWords, deadlineWords, remainingWords } from '../silence/silenceWords.ts';
import { useClock, useSilence } from '../silence/useSilence.ts';

/**
 * The silence procedure as the room and reading views show it (ROOM6,
 * ROOM8, SIL9): while one runs, that the text is frozen until the deadline
 * and the time left; once adopted, when. The room reads the projector, so a
 * delegation sees there too that silence is running — and when it ends.
 * Nothing after a break or a cancellation: the text is open again.
 */
export function SilenceLine({ doc }: { doc: Y.Doc }) {
  const procedure = useSilence(doc);
  const running = isRunning(procedure);
  const now = useClock(running);
  const adopted = adoptedAt(procedure);
  if (adopted !== null) {
    return (
      <p className="tv-silence tv-silence--adopted" role="status" data-testid="text-view-silence">
        {t('silence.adopted', { date: adoptedWords(adopted) })}
      </p>
    );
  }
  if (!running) return null;
  return (
    <p className="tv-silence" role="status" data-testid="text-view-silence">
      {/* The deadline kept on one line: "11:35" and its zone never part on a tablet. */}
      <span>{messageParts('room.silenceUntil', { deadline: <span className="tv-silence__deadline">{deadlineWords(procedure.deadline)}</span> })}</span>{' '}
      <span className="tv-silence__left">{t('silence.remaining', { time: remainingWords(procedure.deadline - now) })}</span>
    </p>
  );
}
