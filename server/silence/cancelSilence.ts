import { can } from '../../shared/permissions.ts';
import type { SilenceProcedure } from '../../shared/silence/silenceProcedure.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { endProcedure, lastProcedure } from '../db/silence.ts';
import { conflict, forbidden } from '../errors.ts';
import { runningProcedure } from './breakSilence.ts';
import type { SilenceDeps } from './deps.ts';
import { endRequest } from './input.ts';

/** The chair cancels a running procedure, with a reason (SIL6): the text unfreezes, as after a break. */
export function cancelSilence(deps: SilenceDeps, declarationId: string, actor: ParticipantRow, body: unknown, now = Date.now()): SilenceProcedure {
  if (!can(actor.role, 'silence')) throw forbidden('chair-only', 'Only the chair cancels a silence procedure.');
  const reason = endRequest(body, 'Say why the procedure is cancelled: reason is required and shown to every participant.');
  return deps.rooms.withRoom(declarationId, (room) => {
    const procedure = runningProcedure(deps, room, declarationId, now);
    deps.db.transaction(() => {
      if (!endProcedure(deps.db, procedure.id, { at: now, outcome: 'cancelled', by: actor.id, reason })) throw conflict('no-silence', 'No silence procedure is running.');
      appendAudit(deps.db, declarationId, { actor: actor.name, action: 'silence-cancelled', clauseId: null, detail: { procedureId: procedure.id, reason }, at: now });
    })();
    deps.silence.disarm(declarationId);
    const ended = lastProcedure(deps.db, declarationId)!;
    room.mirrorSilence(ended);
    return ended;
  });
}
