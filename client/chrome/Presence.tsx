import { useCallback, useRef, useState } from 'react';
import type { PresentUser } from '../collab/usePresence.ts';
import { t } from '../i18n.ts';
import { useDismiss } from './useDismiss.ts';

/**
 * Who is online. A small meeting shows one named chip per participant, the
 * viewer first. A plenary (sixteen delegations, the secretariat, observers)
 * would fill the top bar with chips: beyond a few others, the bar shows
 * their colours and a count, and the button opens the whole list.
 */
const NAMED_OTHERS = 3;
const DOTS_SHOWN = 6;

export function Presence({ users }: { users: PresentUser[] }) {
  const others = users.filter((user) => !user.isSelf);
  return others.length <= NAMED_OTHERS ? <PresenceList users={users} /> : <PresenceSummary users={users} others={others} />;
}

function PresenceList({ users, withRoles = false }: { users: PresentUser[]; withRoles?: boolean }) {
  return (
    <ul className={`presence${withRoles ? ' presence--list' : ''}`} aria-label={t('presence.label')} data-testid="presence">
      {users.map((user) => (
        <li key={user.id} className={`presence__chip${user.isSelf ? ' is-self' : ''}`} data-testid="presence-chip" data-name={user.name} title={t('presence.chipTitle', { name: user.name, role: t(`role.${user.role}`) })}>
          <span className="presence__dot" style={{ background: user.color }} aria-hidden="true" />
          {/* A long name ("República Bolivariana de Venezuela") is cut in the top bar, whole in the title and the list (I18N3). */}
          <span className="presence__name">{user.isSelf ? t('presence.you', { name: user.name }) : user.name}</span>
          {withRoles && <span className="presence__role">{t(`role.${user.role}`)}</span>}
        </li>
      ))}
    </ul>
  );
}

function PresenceSummary({ users, others }: { users: PresentUser[]; others: PresentUser[] }) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(anchor, open ? close : null);
  return (
    <div
      className="menu-anchor"
      ref={anchor}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        close();
        button.current?.focus();
      }}
    >
      <button
        ref={button}
        type="button"
        className={`button button--quiet presence-summary${open ? ' is-on' : ''}`}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((v) => !v)}
        data-testid="presence-summary"
      >
        <span className="presence-summary__dots" aria-hidden="true">
          {others.slice(0, DOTS_SHOWN).map((user) => (
            <span key={user.id} className="presence__dot" style={{ background: user.color }} />
          ))}
        </span>
        {t('presence.online', { count: users.length })}
      </button>
      {open && (
        <div className="menu presence-menu" role="dialog" aria-label={t('presence.label')}>
          <PresenceList users={users} withRoles />
        </div>
      )}
    </div>
  );
}
