import type { PresentUser } from '../collab/usePresence.ts';
import { t } from '../i18n.ts';

/** One chip per participant online, in their colour, the viewer first. */
export function Presence({ users }: { users: PresentUser[] }) {
  return (
    <ul className="presence" aria-label={t('presence.label')} data-testid="presence">
      {users.map((user) => (
        <li key={user.id} className="presence__chip" data-testid="presence-chip" data-name={user.name} title={t(`role.${user.role}`)}>
          <span className="presence__dot" style={{ background: user.color }} aria-hidden="true" />
          {user.isSelf ? t('presence.you', { name: user.name }) : user.name}
        </li>
      ))}
    </ul>
  );
}
