import type { PresentUser } from '../collab/usePresence.ts';
import { t } from '../i18n.ts';

/** Who else is in a clause: small named chips in the clause's colour. */
export function PresenceDots({ users }: { users: PresentUser[] }) {
  if (users.length === 0) return null;
  return (
    <div className="presence-dots">
      {users.map((user) => (
        <span key={user.id} className="presence-dots__chip" style={{ background: user.color }} title={t('presence.editing', { name: user.name })}>
          {user.name}
        </span>
      ))}
    </div>
  );
}
