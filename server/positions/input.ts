import { MAX_POSITION_NOTE, isPositionKind, needsNote, type PositionKind } from '../../shared/positions/position.ts';
import { objectBody } from '../comments/input.ts';
import { badRequest } from '../errors.ts';

/**
 * The body of `PUT …/clauses/<clauseId>/position` (docs/SPEC.md POS1),
 * read once here: `{ position: "accept" | "live-with" | "reservation" |
 * "objection" | null, note? }`.
 *
 * A reservation or an objection must say what the delegation needs: a
 * note, trimmed, 1 to MAX_POSITION_NOTE characters. Accept, live-with and a
 * withdrawal (null) carry none: a missing or blank note is fine, anything
 * else is a 400 rather than silently dropped, so that a client never
 * believes a note was kept that was not.
 */
export interface PositionRequest {
  /** null: withdraw the position. */
  position: PositionKind | null;
  /** '' unless a reservation or an objection. */
  note: string;
}

export function positionRequest(body: unknown): PositionRequest {
  const { position, note } = objectBody(body);
  if (position !== null && !isPositionKind(position)) {
    throw badRequest('bad-position', 'position must be "accept", "live-with", "reservation", "objection", or null to withdraw your position.');
  }
  if (note !== undefined && note !== null && typeof note !== 'string') throw badRequest('bad-note', 'note must be a text.');
  const text = typeof note === 'string' ? note.trim() : '';
  if (position === null || !needsNote(position)) {
    if (text !== '') throw badRequest('note-not-allowed', 'Only a reservation or an objection carries a note; leave note out.');
    return { position, note: '' };
  }
  if (text === '') {
    throw badRequest('note-required', `A ${position} needs a note saying what your delegation needs (at most ${MAX_POSITION_NOTE} characters).`, { max: MAX_POSITION_NOTE });
  }
  if (text.length > MAX_POSITION_NOTE) {
    throw badRequest('note-too-long', `A note holds at most ${MAX_POSITION_NOTE} characters; this one has ${text.length}.`, { max: MAX_POSITION_NOTE });
  }
  return { position, note: text };
}
