import type { Role } from '../roles.ts';
import { can } from '../permissions.ts';

/**
 * Settings of a declaration that change what roles may do. The chair sets
 * them through the API; SQLite holds them and the server mirrors them into
 * the document's `settings` map, read-only for clients.
 */
export interface DeclarationSettings {
  /** Observers read threads; they write only when the chair allows it. */
  observersMayComment: boolean;
}

export const DEFAULT_SETTINGS: DeclarationSettings = { observersMayComment: false };

export function readSettings(map: { get(key: string): unknown }): DeclarationSettings {
  return { observersMayComment: map.get('observersMayComment') === true };
}

/** May this role start threads and reply (docs/SPEC.md COM7)? */
export function mayComment(role: Role, settings: DeclarationSettings): boolean {
  return can(role, 'comment') || (role === 'observer' && settings.observersMayComment);
}

/** May this participant resolve or reopen a thread: its author, the chair or the secretariat (COM3). */
export function mayResolve(role: Role, participantId: string, threadAuthorId: string): boolean {
  return participantId === threadAuthorId || can(role, 'resolveThreads');
}
