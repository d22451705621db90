import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Role } from '../../shared/roles.ts';

/** A participant online, as the server stamped it on their awareness state. */
export interface PresentUser {
  id: string;
  name: string;
  color: string;
  role: Role;
  /** The clause they are in, if any. */
  activeClause: string | null;
  isSelf: boolean;
}

interface AwarenessState {
  user?: { id?: string; name?: string; color?: string; role?: Role };
  activeClause?: string | null;
}

function read(awareness: Awareness): PresentUser[] {
  const byId = new Map<string, PresentUser>();
  awareness.getStates().forEach((raw, clientId) => {
    const state = raw as AwarenessState;
    const user = state.user;
    if (!user?.id || !user.name) return;
    const isSelf = clientId === awareness.clientID;
    const existing = byId.get(user.id);
    // One chip per participant, even with the link open in two tabs.
    if (existing && (existing.activeClause || !state.activeClause)) return;
    byId.set(user.id, {
      id: user.id,
      name: user.name,
      color: user.color ?? '#555555',
      role: user.role ?? 'delegation',
      activeClause: state.activeClause ?? null,
      isSelf: isSelf || existing?.isSelf === true,
    });
  });
  return [...byId.values()].sort((a, b) => (a.isSelf === b.isSelf ? a.name.localeCompare(b.name) : a.isSelf ? -1 : 1));
}

export function usePresence(awareness: Awareness): PresentUser[] {
  const [users, setUsers] = useState(() => read(awareness));
  useEffect(() => {
    const update = () => setUsers(read(awareness));
    awareness.on('change', update);
    update();
    return () => awareness.off('change', update);
  }, [awareness]);
  return users;
}
