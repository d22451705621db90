import type { Bracket } from '../../shared/brackets/bracket.ts';
import { findBracket, moveBracket } from '../db/brackets.ts';
import type { Db } from '../db/database.ts';
import type { MovedBracket } from '../relay/enforce.ts';

/**
 * Brackets on text the server put back (a refused deletion) take positions
 * naming the text as it now is (docs/SPEC.md BRK7): the text an undo
 * restores is new text on every other replica, and only the server knows
 * it replaces the old (shared/document/bracketRange.ts reanchoredPassage).
 * Not audited: the brackets stand around the same words as before.
 */
export function moveBrackets(db: Db, declarationId: string, moved: readonly MovedBracket[], mirror: (bracket: Bracket) => void): void {
  db.transaction(() => {
    for (const { bracket, start, end } of moved) moveBracket(db, bracket.id, start, end);
  })();
  for (const { bracket } of moved) {
    const stored = findBracket(db, declarationId, bracket.id);
    if (stored) mirror(stored);
  }
}
