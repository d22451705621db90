import type { Bracket } from '../../shared/brackets/bracket.ts';
import { readClauseStatus } from '../../shared/clauseStatus.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { ROOT } from '../../shared/document/names.ts';
import { findBracket } from '../db/brackets.ts';
import type { Db } from '../db/database.ts';
import { conflict, notFound } from '../errors.ts';
import type { Room } from '../relay/room.ts';
import type { Rooms } from '../relay/rooms.ts';

/** What the bracket operations need: SQLite (the truth) and the rooms (the document and its mirror). */
export interface BracketDeps {
  db: Db;
  rooms: Rooms;
}

export function bracketOf(db: Db, declarationId: string, bracketId: string): Bracket {
  const bracket = findBracket(db, declarationId, bracketId);
  if (!bracket) throw notFound('bracket-not-found', 'There are no such square brackets in this declaration.');
  return bracket;
}

/**
 * Brackets go into an open clause only (BRK1): ad ref and agreed settle the
 * text, and so does an agreed paragraph above it (LOCK7). 404 when the
 * clause is gone (deleted meanwhile).
 */
export function requireOpenClause(room: Room, clauseId: string): void {
  if (!clausesMap(room.doc).has(clauseId)) throw notFound('clause-not-found', `There is no clause "${clauseId}" in this declaration; it may have been deleted.`);
  const lockedBy = room.lockOf(clauseId);
  if (lockedBy !== null && lockedBy !== clauseId) {
    throw conflict('clause-not-open', 'This sub-item is agreed with its paragraph, so no passage of it can be put in square brackets. The chair can reopen the paragraph first.');
  }
  const status = readClauseStatus(room.doc.getMap<unknown>(ROOT.status).get(clauseId));
  if (status !== undefined && status.state !== 'open') {
    const state = status.state === 'agreed' ? 'agreed' : 'ad referendum';
    throw conflict('clause-not-open', `This clause is ${state}, so no passage of it can be put in square brackets. The chair can reopen it first.`);
  }
}
