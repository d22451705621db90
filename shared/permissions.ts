import type { Role } from './roles.ts';

/**
 * What each role may do: the one table both sides read. The server enforces
 * it (server/relay/enforce.ts, server/http/*); the screen only reflects it.
 */
export const ACTIONS = [
  'read',
  'editClauses',
  'comment',
  /** Resolve or reopen anyone's thread (a thread's author may always). */
  'resolveThreads',
  'setStatus',
  'changeSettings',
  'editMeta',
  'manageParticipants',
  'export',
  /** Propose wording, a new paragraph or a deletion (PROP1). */
  'propose',
  /** Accept or reject proposals (PROP6; the secretariat when the chair allows it, shared/proposals/proposalRules.ts). */
  'decideProposals',
  /** State a position on a clause: can accept, can live with it, reservation, objection (POS1). */
  'statePosition',
  /** Put a passage in square brackets (BRK1). */
  'bracket',
  /** Freeze the numbering and renumber (WN1, WN5). */
  'number',
  /** Save a named version of the declaration (VER1). */
  'saveVersion',
  /** Restore an earlier text of an open clause from its history (HIST2). */
  'restoreText',
  /** Set the clause under discussion (ROOM1). */
  'setCurrentClause',
  /** Start or cancel a silence procedure (SIL1, SIL6). */
  'silence',
  /** Break silence, with a reason (SIL5). */
  'breakSilence',
  /** Change the declaration's language after it was made (DL9). */
  'changeLanguage',
] as const;
export type Action = (typeof ACTIONS)[number];

const TABLE: Record<Role, Record<Action, boolean>> = {
  chair: { read: true, editClauses: true, comment: true, resolveThreads: true, setStatus: true, changeSettings: true, editMeta: true, manageParticipants: true, export: true, propose: true, decideProposals: true, statePosition: false, bracket: true, number: true, saveVersion: true, restoreText: true, setCurrentClause: true, silence: true, breakSilence: false, changeLanguage: true },
  secretariat: { read: true, editClauses: true, comment: true, resolveThreads: true, setStatus: false, changeSettings: false, editMeta: true, manageParticipants: true, export: true, propose: true, decideProposals: false, statePosition: false, bracket: true, number: false, saveVersion: true, restoreText: true, setCurrentClause: true, silence: false, breakSilence: false, changeLanguage: true },
  delegation: { read: true, editClauses: true, comment: true, resolveThreads: false, setStatus: false, changeSettings: false, editMeta: false, manageParticipants: false, export: true, propose: true, decideProposals: false, statePosition: true, bracket: true, number: false, saveVersion: false, restoreText: false, setCurrentClause: false, silence: false, breakSilence: true, changeLanguage: false },
  observer: { read: true, editClauses: false, comment: false, resolveThreads: false, setStatus: false, changeSettings: false, editMeta: false, manageParticipants: false, export: true, propose: false, decideProposals: false, statePosition: false, bracket: false, number: false, saveVersion: false, restoreText: false, setCurrentClause: false, silence: false, breakSilence: false, changeLanguage: false },
};

export function can(role: Role, action: Action): boolean {
  return TABLE[role][action];
}
