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

/**
 * Delegation colours, chosen to stay apart from each other and to read as
 * caret and chip colours on white (WCAG AA for white text on them).
 */
export const PARTICIPANT_COLORS = [
  '#1f5fbf', '#b3261e', '#0b7a3e', '#8e3cb8', '#b35900', '#00707a', '#a3246b', '#5b6b00',
  '#3d4db7', '#8a4b08', '#00695c', '#ad1457', '#37474f', '#6a1b9a', '#2e7d32', '#c62828',
] as const;

export function colorForIndex(index: number): string {
  return PARTICIPANT_COLORS[((index % PARTICIPANT_COLORS.length) + PARTICIPANT_COLORS.length) % PARTICIPANT_COLORS.length]!;
}
