import { can } from './permissions.ts';
import type { Role } from './roles.ts';

/**
 * What a participant may do to another participant's row (docs/SPEC.md
 * ROLE4, PART1, PART2): the one rule the API enforces and the participants
 * panel reflects. The chair's link belongs to the chair alone — whoever
 * holds it can lock and reopen clauses — so nobody else sees, renews or
 * removes it; a chair who lost it gets it back from the administrator
 * (`npm run admin`). The secretariat's link is the chair's to manage, and
 * the secretariat's own to see and renew. Delegations and observers are
 * managed by the chair and the secretariat alike.
 */
export const PARTICIPANT_ACTIONS = ['seeLink', 'newLink', 'revoke', 'restore'] as const;
export type ParticipantAction = (typeof PARTICIPANT_ACTIONS)[number];

export type ParticipantRefusal = 'not-allowed-manageParticipants' | 'chair-link-chair-only' | 'secretariat-chair-only' | 'chair-not-removable';

interface Someone {
  id: string;
  role: Role;
}

/** Why `actor` may not do `action` to `target`, or null when it may. */
export function participantRefusal(actor: Someone, target: Someone, action: ParticipantAction): ParticipantRefusal | null {
  if (!can(actor.role, 'manageParticipants')) return 'not-allowed-manageParticipants';
  switch (target.role) {
    case 'delegation':
    case 'observer':
      return null;
    case 'chair':
      // A declaration always has its chair (README: "exactly one chair").
      if (action === 'revoke' || action === 'restore') return 'chair-not-removable';
      return actor.id === target.id ? null : 'chair-link-chair-only';
    case 'secretariat':
      if (actor.role === 'chair') return null;
      return actor.id === target.id && (action === 'seeLink' || action === 'newLink') ? null : 'secretariat-chair-only';
  }
}

export function mayActOnParticipant(actor: Someone, target: Someone, action: ParticipantAction): boolean {
  return participantRefusal(actor, target, action) === null;
}
