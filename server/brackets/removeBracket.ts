import type { Bracket } from '../../shared/brackets/bracket.ts';
import { mayRemoveBrackets } from '../../shared/brackets/bracketRules.ts';
import { appendAudit } from '../db/auditLog.ts';
import { findBracket, removeBracket as storeRemoval } from '../db/brackets.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { getSettings } from '../db/settings.ts';
import { conflict, forbidden } from '../errors.ts';
import { bracketOf, type BracketDeps } from './access.ts';
import { refuseIfFrozen } from '../silence/refuseIfFrozen.ts';

/**
 * The chair — and the secretariat when the chair allows it — removes square
 * brackets, keeping the text (docs/SPEC.md BRK4, BRK8). The setting is read
 * now, not cached: the chair may have just changed it. The bracket stays in
 * the `brackets` map, marked removed, like a decided proposal.
 */
export function removeBracket(deps: BracketDeps, declarationId: string, actor: ParticipantRow, bracketId: string): Bracket {
  return deps.rooms.withRoom(declarationId, (room) => {
    if (!mayRemoveBrackets(actor.role, getSettings(deps.db, declarationId))) {
      const who = actor.role === 'secretariat' ? 'The chair has not allowed the secretariat to remove square brackets (the setting "secretariat removes brackets").' : 'Only the chair removes square brackets.';
      throw forbidden('chair-only', `${who} Ask the chair to remove them.`);
    }
    refuseIfFrozen(room);
    const bracket = bracketOf(deps.db, declarationId, bracketId);
    if (bracket.removed) throw conflict('bracket-removed', `These square brackets were already removed by ${bracket.removed.by}.`, { name: bracket.removed.by });
    const at = Date.now();
    deps.db.transaction(() => {
      storeRemoval(deps.db, bracketId, actor.id, at, 'removed');
      appendAudit(deps.db, declarationId, { actor: actor.name, action: 'bracket-removed', clauseId: bracket.clauseId, detail: { bracketId, quote: bracket.quote, how: 'removed' }, at });
    })();
    const removed = findBracket(deps.db, declarationId, bracketId)!;
    room.mirrorBracket(removed);
    return removed;
  });
}
