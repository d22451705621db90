/**
 * Who takes part in a negotiation. What each role may do is enforced by the
 * server; this file is the one list of roles both sides share.
 */
export const ROLES = ['chair', 'secretariat', 'delegation', 'observer'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** A participant as the client sees it. */
export interface ParticipantInfo {
  id: string;
  name: string;
  role: Role;
  color: string;
}

// Participants' colours are generated for plenaries of forty and more (LAY4): one home, its own file.
export { colorForIndex } from './participantColors.ts';
