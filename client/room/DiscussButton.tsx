import { t } from '../i18n.ts';
import { useDiscussionControls } from './discussionContext.ts';

/**
 * The chair's and the secretariat's "Discuss" beside a clause's label
 * (ROOM5): puts the clause under discussion on every screen; on the clause
 * already under discussion it is pressed, and a click discusses none.
 */
export function DiscussButton({ clauseId, label, current }: { clauseId: string; label: string; current: boolean }) {
  const { mayDiscuss, discuss } = useDiscussionControls();
  if (!mayDiscuss) return null;
  return (
    <button
      type="button"
      className={`discuss-button${current ? ' is-on' : ''}`}
      // The caret stays where it is: the chair may be typing in another clause.
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => discuss(current ? null : clauseId)}
      aria-pressed={current}
      title={current ? t('room.stopTitle', { label }) : t('room.discussTitle', { label })}
      aria-label={current ? t('room.stopTitle', { label }) : t('room.discussTitle', { label })}
      data-testid="discuss-button"
    >
      <span aria-hidden="true">▶</span> {t('room.discuss')}
    </button>
  );
}
