import type { StatusCounts } from '../../shared/clauseStatus.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import type { CollabStatus } from '../collab/collaboration.ts';
import type { PresentUser } from '../collab/usePresence.ts';
import { t } from '../i18n.ts';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { Presence } from './Presence.tsx';

/** The bar over the text: what this is, who you are, the connection, who is here. */
export function TopBar({
  title,
  me,
  status,
  users,
  counts,
  onParticipants,
}: {
  title: string;
  me: ParticipantInfo;
  status: CollabStatus;
  users: PresentUser[];
  counts: StatusCounts;
  onParticipants?: () => void;
}) {
  return (
    <header className="topbar">
      <div className="topbar__title">
        <span className="topbar__app">{t('app.name')}</span>
        <span className="topbar__doc" data-testid="topbar-title">
          {title}
        </span>
      </div>
      <div className="topbar__me" data-testid="me">
        <span className="presence__dot" style={{ background: me.color }} aria-hidden="true" />
        {me.name} · {t(`role.${me.role}`)}
      </div>
      <div className="topbar__counts" data-testid="status-counts">
        {t('status.counts', { open: counts.open, adRef: counts['ad-ref'], agreed: counts.agreed })}
      </div>
      <ConnectionStatus status={status} />
      <Presence users={users} />
      {onParticipants && (
        <button type="button" className="button button--quiet" onClick={onParticipants} data-testid="open-participants">
          {t('participants.open')}
        </button>
      )}
    </header>
  );
}
