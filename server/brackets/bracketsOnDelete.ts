import { standingBrackets, type Bracket } from '../../shared/brackets/bracket.ts';
import { resolveBracket } from '../../shared/document/bracketRange.ts';
import { ROOT } from '../../shared/document/names.ts';
import { appendAudit } from '../db/auditLog.ts';
import { findBracket, removeBracket } from '../db/brackets.ts';
import type { Db } from '../db/database.ts';
import type { ParticipantRow } from '../db/participants.ts';
import type { Room } from '../relay/room.ts';

/**
 * Brackets whose whole passage — or clause — the chair or the secretariat
 * deleted are removed with it, recorded as `how: "deleted"` (docs/SPEC.md
 * BRK4, BRK8). A delegation's such change never gets here: the enforce step
 * undoes it.
 */
export function recordDeletedBrackets(db: Db, declarationId: string, brackets: readonly Bracket[], actor: Pick<ParticipantRow, 'id' | 'name'>, mirror: (bracket: Bracket) => void): void {
  const at = Date.now();
  db.transaction(() => {
    for (const bracket of brackets) {
      removeBracket(db, bracket.id, actor.id, at, 'deleted');
      appendAudit(db, declarationId, { actor: actor.name, action: 'bracket-removed', clauseId: bracket.clauseId, detail: { bracketId: bracket.id, quote: bracket.quote, how: 'deleted' }, at });
    }
  })();
  for (const bracket of brackets) {
    const stored = findBracket(db, declarationId, bracket.id);
    if (stored) mirror(stored);
  }
}

/**
 * After a change the server itself made on someone's decision (accepting a
 * proposal that rewords or deletes a clause: server/proposals/acceptProposal.ts),
 * which the enforce step does not see: the brackets it left without a
 * passage are recorded deleted by the one who decided.
 */
export function sweepDeletedBrackets(room: Room, db: Db, actor: Pick<ParticipantRow, 'id' | 'name'>): void {
  const gone = standingBrackets(room.doc.getMap<unknown>(ROOT.brackets)).filter((bracket) => resolveBracket(room.doc, bracket) === null);
  if (gone.length > 0) recordDeletedBrackets(db, room.id, gone, actor, (bracket) => room.mirrorBracket(bracket));
}
