import type { Role } from '../roles.ts';
import { can } from '../permissions.ts';
import type { DeclarationSettings } from '../settings.ts';

/** May this role start threads and reply (docs/SPEC.md COM7)? */
export function mayComment(role: Role, settings: DeclarationSettings): boolean {
  return can(role, 'comment') || (role === 'observer' && settings.observersMayComment);
}

/** May this participant resolve or reopen a thread: its author, the chair or the secretariat (COM3). */
export function mayResolve(role: Role, participantId: string, threadAuthorId: string): boolean {
  return participantId === threadAuthorId || can(role, 'resolveThreads');
}
