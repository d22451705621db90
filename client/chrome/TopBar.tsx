import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { StatusCounts } from '../../shared/clauseStatus.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import type { CollabStatus } from '../collab/collaboration.ts';
import type { PresentUser } from '../collab/usePresence.ts';
import { t, useLanguage } from '../i18n.ts';
import { DeclarationProgress } from '../positions/DeclarationProgress.tsx';
import { ConnectionStatus } from './ConnectionStatus.tsx';
import { LanguageMenu } from './LanguageMenu.tsx';
import { Presence } from './Presence.tsx';
import { ViewLinks, viewUrl } from '../room/ViewLinks.tsx';
import { MoreMenu, type OverflowTool } from './MoreMenu.tsx';

/** The bar over the text: what this is, who you are, the connection, who is here. */
export function TopBar({
  title,
  adoptedOn,
  me,
  status,
  users,
  counts,
  onParticipants,
  onAudit,
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
  /** The audit log, for the chair and the secretariat (AUD1, AUD5). */
  onAudit?: () => void;
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
  // The tools that may leave the bar for "More" when it has no room (LAY2), the first to leave first.
  const tools: OverflowTool[] = [];
  tools.push({
    key: 'views',
    inBar: <ViewLinks declarationId={declarationId} />,
    inMenu: (close) => (
      <>
        <a role="menuitem" className="more-menu__item" href={viewUrl(declarationId, 'room')} target="_blank" rel="noopener" onClick={close} data-testid="more-room-view">
          {t('room.roomView')}
        </a>
        <a role="menuitem" className="more-menu__item" href={viewUrl(declarationId, 'read')} target="_blank" rel="noopener" onClick={close} data-testid="more-reading-view">
          {t('room.readingView')}
        </a>
      </>
    ),
  });
  if (onParticipants) {
    tools.push({
      key: 'participants',
      inBar: (
        <button type="button" className="button button--quiet" onClick={onParticipants} data-testid="open-participants">
          {t('participants.open')}
        </button>
      ),
      inMenu: (close) => menuButton(t('participants.open'), () => (close(), onParticipants()), 'more-participants'),
    });
  }
  if (onAudit) {
    tools.push({
      key: 'audit',
      inBar: (
        <button type="button" className="button button--quiet" onClick={onAudit} data-testid="open-audit">
          {t('audit.open')}
        </button>
      ),
      inMenu: (close) => menuButton(t('audit.open'), () => (close(), onAudit()), 'more-audit'),
    });
  }
  if (versions) {
    tools.push({
      key: 'versions',
      inBar: (
        <button
          type="button"
          className={`button button--quiet${versions.panelOpen ? ' is-on' : ''}`}
          onClick={versions.toggle}
          aria-pressed={versions.panelOpen}
          data-testid="open-versions"
        >
          {t('versions.title')}
        </button>
      ),
      inMenu: (close) => menuButton(t('versions.title'), () => (close(), versions.toggle()), 'more-versions', versions.panelOpen),
    });
  }
  // Export last: its menu then opens under "More" (anchored there), which is where the eye already is.
  tools.push({
    key: 'export',
    inBar: (
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
    ),
    inMenu: (close) => menuButton(t('export.open'), () => (close(), exportMenu.toggle()), 'more-export', exportMenu.open),
  });
  const fit = useFitOneLine(bar, tools.length, `${users.length} ${useLanguage()} ${me.name} ${pending?.count ?? ''} ${adoptedOn ?? ''} ${comments.unread} ${proposals.open} ${status.state}`);
  const moved = tools.slice(0, fit.moved);
  const inMenu = moved;
  const inBar = (key: string) => (moved.some((tool) => tool.key === key) ? null : (tools.find((tool) => tool.key === key)?.inBar ?? null));
  useEffect(() => {
    // Side panels start below the bar, whose height changes as it wraps.
    const element = bar.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => document.documentElement.style.setProperty('--topbar-height', `${element.offsetHeight}px`));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <header className={`topbar${fit.wraps ? ' topbar--wrap' : ''}`} ref={bar} data-testid="topbar">
      <div className="topbar__title">
        <span className="topbar__app">{t('app.name')}</span>
        <span className="topbar__doc" data-testid="topbar-title" title={title}>
          {title}
        </span>
      </div>
      <div className="topbar__me" data-testid="me">
        <span className="presence__dot" style={{ background: me.color }} aria-hidden="true" />
        {/* A long name ("República Bolivariana de Venezuela") is cut on one line, whole in the title (LAY2). */}
        <span className="topbar__me-name" title={`${me.name} · ${t(`role.${me.role}`)}`}>
          {me.name} · {t(`role.${me.role}`)}
        </span>
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
        {inBar('versions')}
        {inBar('views')}
        {inBar('export')}
        {inBar('participants')}
        {inBar('audit')}
        <div className="menu-anchor">
          <MoreMenu tools={inMenu} />
          {moved.some((tool) => tool.key === 'export') && exportMenu.open && exportMenu.menu}
        </div>
        <LanguageMenu />
      </div>
    </header>
  );
}

function menuButton(label: string, onClick: () => void, testId: string, pressed?: boolean) {
  return (
    <button type="button" role="menuitem" className={`more-menu__item${pressed ? ' is-on' : ''}`} onClick={onClick} data-testid={testId}>
      {label}
    </button>
  );
}

/**
 * The top bar stays one line (LAY2): after every render it measures whether
 * its items reach past its right edge, and if so moves one more tool into
 * "More" (before the browser paints). When the width or what the bar shows
 * changes (`key`), all tools come back and the measuring starts again. Should
 * the bar still not fit with every movable tool in the menu (a phone), it wraps.
 */
function useFitOneLine(bar: React.RefObject<HTMLElement | null>, movable: number, key: string): { moved: number; wraps: boolean } {
  const [moved, setMoved] = useState(0);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = bar.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [bar]);
  useLayoutEffect(() => setMoved(0), [width, key, movable]);
  const overflows = () => {
    const element = bar.current;
    if (!element) return false;
    const right = element.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(element).paddingRight || '0');
    return [...element.children].some((child) => child.getBoundingClientRect().right > right + 1);
  };
  const [wraps, setWraps] = useState(false);
  useLayoutEffect(() => {
    if (wraps) {
      if (moved === 0) setWraps(false);
      return;
    }
    if (!overflows()) return;
    if (moved < movable) setMoved(moved + 1);
    else setWraps(true);
  });
  return { moved, wraps };
}
