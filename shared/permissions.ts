import type { Role } from './roles.ts';

/**
 * What each role may do: the one table both sides read. The server enforces
 * it (server/relay/enforce.ts, server/http/*); the screen only reflects it.
 */
export const ACTIONS = [
  'read',
  'editClauses',
  'comment',
  'setStatus',
  'editMeta',
  'manageParticipants',
  'export',
] as const;
export type Action = (typeof ACTIONS)[number];

const TABLE: Record<Role, Record<Action, boolean>> = {
  chair: { read: true, editClauses: true, comment: true, setStatus: true, editMeta: true, manageParticipants: true, export: true },
  secretariat: { read: true, editClauses: true, comment: true, setStatus: false, editMeta: true, manageParticipants: true, export: true },
  delegation: { read: true, editClauses: true, comment: true, setStatus: false, editMeta: false, manageParticipants: false, export: true },
  observer: { read: true, editClauses: false, comment: false, setStatus: false, editMeta: false, manageParticipants: false, export: true },
};

export function can(role: Role, action: Action): boolean {
  return TABLE[role][action];
}
