import type { ParticipantInfo } from '../../shared/roles.ts';
import { t } from '../i18n.ts';
import type { DiscussionView } from './useDiscussion.ts';

/**
 * The strip under the top bar (ROOM3, ROOM4): "Now discussing: OP7" with Go
 * there, and Follow the chair. The chair and the secretariat, who set it,
 * are told how when no clause is under discussion; others see the strip
 * only while one is — until the declaration is adopted. The chair leads
 * rather than follows: no toggle there.
 */
export function NowDiscussing({ view, me, goTo }: { view: DiscussionView; me: ParticipantInfo; goTo(clauseId: string): void }) {
  const { current, label, controls, follow, setFollow, adopted } = view;
  const discussing = current !== null && label !== null;
  // Once adopted the text is final: the chair is no longer asked to pick a clause (SIL7).
  if (!discussing && (!controls.mayDiscuss || adopted)) return null;
  return (
    <div className={`now-discussing${discussing ? ' is-on' : ''}`} role="region" aria-label={t('room.follow')} data-testid="now-discussing">
      {discussing ? (
        <>
          <span className="now-discussing__label" role="status" data-testid="now-discussing-label">
            {t('room.nowDiscussing', { label })}
          </span>
          <button
            type="button"
            className="button button--quiet now-discussing__go"
            onClick={() => goTo(current.clauseId)}
            title={t('room.goThereTitle', { label })}
            data-testid="now-discussing-go"
          >
            {t('room.goThere')}
          </button>
        </>
      ) : (
        <span className="now-discussing__none" role="status">
          {t('room.nothingDiscussed')}
        </span>
      )}
      {controls.mayDiscuss && discussing && <span className="now-discussing__keys">{t('room.keys')}</span>}
      {me.role !== 'chair' && (
        <label className="now-discussing__follow" title={t('room.followTitle')}>
          <input type="checkbox" checked={follow} onChange={(event) => setFollow(event.target.checked)} data-testid="follow-chair" />
          {t('room.follow')}
        </label>
      )}
    </div>
  );
}
