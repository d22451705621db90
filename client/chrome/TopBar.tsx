import { useEffect, useRef } from 'react';
import type { StatusCounts } from '../../shared/clauseStatus.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import type { CollabStatus } from '../collab/collaboration.ts';
import type { PresentUser } from '../collab/usePresence.ts';
import { t } from '../i18n.ts';
import { DeclarationProgress } from '../positions/DeclarationProgress.tsx';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { LanguageMenu } from './LanguageMenu.tsx';
import { Presence } from './Presence.tsx';
import { ViewLinks } from '../room/ViewLinks.tsx';

/** The bar over the text: what this is, who you are, the connection, who is here. */
export function TopBar({
  title,
  adoptedOn,
  me,
  status,
  users,
  counts,
  onParticipants,
  comments,
  proposals,
  versions,
  exportMenu,
  pending,
  declarationId,
}: {
  title: string;
  /** "Adopted on …" once the silence procedure ended unbroken (SIL7), as the screen writes the date. */
  adoptedOn?: string | null;
  me: ParticipantInfo;
  status: CollabStatus;
  users: PresentUser[];
  counts: StatusCounts;
  onParticipants?: () => void;
  comments: { unread: number; unreadMentions: number; open: boolean; toggle(): void };
  /** Open proposals in the whole declaration, and the side panel that lists them (PROP13). */
  proposals: { open: number; panelOpen: boolean; toggle(): void };
  /** The side panel of versions (VER4). */
  versions?: { panelOpen: boolean; toggle(): void };
  exportMenu: { open: boolean; toggle(): void; menu: React.ReactNode };
  /** Clauses ad referendum pending this delegation's confirmation (STAT3): how many, and the next one to go to. */
  pending: { count: number; nextLabel: string; goToNext(): void } | null;
  /** For the links to the room view and the reading view (ROOM6, ROOM8). */
  declarationId: string;
}) {
  const bar = useRef<HTMLElement>(null);
  useEffect(() => {
    // Side panels start below the bar, whose height changes as it wraps.
    const element = bar.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => document.documentElement.style.setProperty('--topbar-height', `${element.offsetHeight}px`));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <header className="topbar" ref={bar}>
      <div className="topbar__title">
        <span className="topbar__app">{t('app.name')}</span>
        <span className="topbar__doc" data-testid="topbar-title" title={title}>
          {title}
        </span>
      </div>
      <div className="topbar__me" data-testid="me">
        <span className="presence__dot" style={{ background: me.color }} aria-hidden="true" />
        {me.name} · {t(`role.${me.role}`)}
      </div>
      {adoptedOn ? (
        // Once adopted the counts are history: the bar says when the text became final instead (SIL7).
        <div className="topbar__adopted" data-testid="topbar-adopted">
          {t('silence.adopted', { date: adoptedOn })}
        </div>
      ) : (
        <div className="topbar__counts" data-testid="status-counts">
          {t('status.counts', { open: counts.open, adRef: counts['ad-ref'], agreed: counts.agreed })}
        </div>
      )}
      <DeclarationProgress />
      {pending && (
        <button
          type="button"
          className="button button--quiet topbar__pending"
          onClick={pending.goToNext}
          title={t('pending.goTo', { count: pending.count, label: pending.nextLabel })}
          aria-label={t('pending.goTo', { count: pending.count, label: pending.nextLabel })}
          data-testid="pending-count"
        >
          <span aria-hidden="true">◐</span> {t('pending.count', { count: pending.count })}
        </button>
      )}
      <ConnectionStatus status={status} />
      <Presence users={users} />
      <div className="topbar__tools">
        <button
          type="button"
          className={`button button--quiet topbar__comments${comments.open ? ' is-on' : ''}`}
          onClick={comments.toggle}
          aria-pressed={comments.open}
          aria-label={t('comments.button', { unread: comments.unread, mentions: comments.unreadMentions })}
          data-testid="open-comments"
        >
          {t('comments.title')}
          {comments.unread > 0 && (
            <span className="badge" data-testid="comments-unread">
              {comments.unread}
            </span>
          )}
          {comments.unreadMentions > 0 && (
            <span className="badge badge--mention" data-testid="comments-mentions">
              @{comments.unreadMentions}
            </span>
          )}
        </button>
        <button
          type="button"
          className={`button button--quiet topbar__proposals${proposals.panelOpen ? ' is-on' : ''}`}
          onClick={proposals.toggle}
          aria-pressed={proposals.panelOpen}
          aria-label={t('proposals.button', { count: proposals.open })}
          data-testid="open-proposals"
        >
          {t('proposals.title')}
          {proposals.open > 0 && (
            <span className="badge badge--proposals" data-testid="proposals-open-count">
              {proposals.open}
            </span>
          )}
        </button>
        {versions && (
          <button
            type="button"
            className={`button button--quiet${versions.panelOpen ? ' is-on' : ''}`}
            onClick={versions.toggle}
            aria-pressed={versions.panelOpen}
            data-testid="open-versions"
          >
            {t('versions.title')}
          </button>
        )}
        <ViewLinks declarationId={declarationId} />
        <div className="menu-anchor">
          <button
            type="button"
            className={`button button--quiet${exportMenu.open ? ' is-on' : ''}`}
            onClick={exportMenu.toggle}
            aria-expanded={exportMenu.open}
            aria-haspopup="dialog"
            data-testid="open-export"
          >
            {t('export.open')}
          </button>
          {exportMenu.open && exportMenu.menu}
        </div>
        {onParticipants && (
          <button type="button" className="button button--quiet" onClick={onParticipants} data-testid="open-participants">
            {t('participants.open')}
          </button>
        )}
        <LanguageMenu />
      </div>
    </header>
  );
}
