import { adoptedAt, isFrozen } from '../../shared/silence/silenceRules.ts';
import { conflict } from '../errors.ts';
import type { Room } from '../relay/room.ts';

/**
 * SIL4 for the REST routes that change text or status (statuses, accepting
 * or undoing proposals, brackets, numbering, restoring a clause's text,
 * positions): 409 `frozen` while a silence procedure runs and once the
 * declaration is adopted. The relay's enforce step is the other half, for
 * typing.
 */
export function refuseIfFrozen(room: Room): void {
  const procedure = room.silence();
  if (!isFrozen(procedure)) return;
  const adopted = adoptedAt(procedure);
  if (adopted !== null) {
    throw conflict('frozen', `The declaration was adopted on ${new Date(adopted).toISOString()}: its text is final and no longer changes.`);
  }
  throw conflict(
    'frozen',
    `A silence procedure runs until ${new Date(procedure!.deadline).toISOString()}: the text is frozen. A delegation may break silence, or the chair cancel the procedure, to change it.`,
  );
}
