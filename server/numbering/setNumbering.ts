import { readClauses } from '../../shared/document/clauseOps.ts';
import { numbersToFreeze } from '../../shared/numbering.ts';
import { buildOutline } from '../../shared/outline.ts';
import { can } from '../../shared/permissions.ts';
import type { FrozenNumbering } from '../../shared/workingNumbers.ts';
import { objectBody } from '../comments/input.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import { getNumbering, saveNumbering } from '../db/numbering.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { badRequest, conflict, forbidden } from '../errors.ts';
import type { Rooms } from '../relay/rooms.ts';
import { saveMilestoneVersion } from '../versions/saveVersion.ts';
import { readVersionContent } from '../versions/versionContent.ts';
import { refuseIfFrozen } from '../silence/refuseIfFrozen.ts';

/** What the chair does with the numbering (docs/SPEC.md WN1, WN5). */
export const NUMBERING_ACTIONS = ['freeze', 'renumber'] as const;
export type NumberingAction = (typeof NUMBERING_ACTIONS)[number];

export interface NumberingDeps {
  db: Db;
  rooms: Rooms;
}

/** The schema of `POST …/numbering`: `{ "action": "freeze" | "renumber" }`, nothing else. */
function numberingAction(body: unknown): NumberingAction {
  const request = objectBody(body);
  const extra = Object.keys(request).filter((key) => key !== 'action');
  if (extra.length > 0) throw badRequest('bad-body', `Only "action" is expected; remove ${extra.map((key) => `"${key}"`).join(', ')}.`);
  const { action } = request;
  if (!(NUMBERING_ACTIONS as readonly unknown[]).includes(action)) {
    throw badRequest('bad-action', 'action must be "freeze" (every clause keeps its number from now on) or "renumber" (numbers made consecutive again).');
  }
  return action as NumberingAction;
}

/**
 * The chair freezes the numbering or renumbers (WN1, WN5). The numbers
 * are worked out from the room's document as it stands — by the one rule,
 * `numbersToFreeze` — stored in SQLite with its audit entry in one
 * transaction, then mirrored into the `numbering` map, so every screen
 * switches to the working numbers at once (WN6).
 *
 * Freezing again keeps the working numbers (OP7 bis stays OP7 bis) and the
 * numbers of deleted clauses unused; renumbering (only once frozen) makes
 * them consecutive, and stays frozen. Each time, the text with its new
 * numbers is saved as a version, "Numbering frozen" (VER1), in the same
 * transaction.
 */
export function setNumbering(deps: NumberingDeps, declarationId: string, actor: ParticipantRow, body: unknown): FrozenNumbering {
  if (!can(actor.role, 'number')) throw forbidden('chair-only', 'Only the chair freezes the numbering or renumbers the text.');
  const action = numberingAction(body);
  return deps.rooms.withRoom(declarationId, (room) => {
    refuseIfFrozen(room);
    const current = getNumbering(deps.db, declarationId);
    if (action === 'renumber' && current === null) {
      throw conflict('not-frozen', 'The numbering is not frozen: numbers already follow the order of the text. Freeze it first.');
    }
    const outline = buildOutline(readClauses(room.doc));
    const numbers = numbersToFreeze(outline, action === 'freeze' ? current : null);
    const at = Date.now();
    deps.db.transaction(() => {
      saveNumbering(deps.db, declarationId, at, actor.id, numbers);
      appendAudit(deps.db, declarationId, {
        actor: actor.name,
        action: action === 'freeze' ? 'numbering-frozen' : 'numbering-renumbered',
        clauseId: null,
        detail: { clauses: Object.keys(numbers).length },
        at,
      });
      // The "Numbering frozen" version (VER1): the text as it stands, with the numbers just frozen.
      const content = { ...readVersionContent(room.doc), frozen: getNumbering(deps.db, declarationId) };
      saveMilestoneVersion(deps.db, declarationId, content, 'numbering-frozen', actor, at);
    })();
    const numbering = getNumbering(deps.db, declarationId)!;
    room.mirrorNumbering(numbering);
    return numbering;
  });
}
