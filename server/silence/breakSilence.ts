import { can } from '../../shared/permissions.ts';
import type { SilenceProcedure } from '../../shared/silence/silenceProcedure.ts';
import { isRunning } from '../../shared/silence/silenceRules.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { endProcedure, lastProcedure } from '../db/silence.ts';
import { conflict, forbidden } from '../errors.ts';
import type { Room } from '../relay/room.ts';
import { adoptSilence } from './adoptSilence.ts';
import type { SilenceDeps } from './deps.ts';
import { endRequest } from './input.ts';

/**
 * The running procedure, or 409. One whose deadline has passed but whose
 * timer has not fired yet is adopted here and then (SIL7): nobody breaks or
 * cancels silence after its deadline.
 */
export function runningProcedure(deps: SilenceDeps, room: Room, declarationId: string, now: number): SilenceProcedure {
  const procedure = room.silence();
  if (!isRunning(procedure)) throw conflict('no-silence', 'No silence procedure is running.');
  if (now >= procedure.deadline) {
    deps.silence.disarm(declarationId);
    adoptSilence(deps, declarationId, procedure.id, procedure.deadline);
    throw conflict('silence-over', `The deadline passed at ${new Date(procedure.deadline).toISOString()} unbroken: the declaration is adopted.`);
  }
  return procedure;
}

/**
 * A delegation breaks silence, with its reason (SIL5): the procedure ends at
 * once and the text unfreezes; every screen shows who broke it and why (the
 * mirror carries both). Stored with its audit entry in one transaction.
 */
export function breakSilence(deps: SilenceDeps, declarationId: string, actor: ParticipantRow, body: unknown, now = Date.now()): SilenceProcedure {
  if (!can(actor.role, 'breakSilence')) throw forbidden('delegations-only', 'Only a delegation breaks silence.');
  const reason = endRequest(body, 'Say why your delegation breaks silence: reason is required and shown to every participant.');
  return deps.rooms.withRoom(declarationId, (room) => {
    const procedure = runningProcedure(deps, room, declarationId, now);
    deps.db.transaction(() => {
      if (!endProcedure(deps.db, procedure.id, { at: now, outcome: 'broken', by: actor.id, reason })) throw conflict('no-silence', 'No silence procedure is running.');
      appendAudit(deps.db, declarationId, { actor: actor.name, action: 'silence-broken', clauseId: null, detail: { procedureId: procedure.id, reason }, at: now });
    })();
    deps.silence.disarm(declarationId);
    const ended = lastProcedure(deps.db, declarationId)!;
    room.mirrorSilence(ended);
    return ended;
  });
}
