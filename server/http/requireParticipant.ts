import type { Request } from 'express';
import { can, type Action } from '../../shared/permissions.ts';
import { participantFor } from '../auth/session.ts';
import type { Db } from '../db/database.ts';
import { declarationExists } from '../db/declarations.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { forbidden, notFound, unauthorized } from '../errors.ts';

/** The participant a request under /declarations/:id speaks for (AUTH4), allowed to do `action`. */
export function requireParticipant(db: Db, request: Request<{ id: string }>, action: Action = 'read'): ParticipantRow {
  const { id } = request.params;
  if (!declarationExists(db, id)) throw notFound('declaration-not-found', `There is no declaration "${id}". Check the link you were given.`);
  const participant = participantFor(db, request, id);
  if (!participant) throw unauthorized();
  if (!can(participant.role, action)) throw forbidden(`not-allowed-${action}`, `A participant with the role "${participant.role}" may not do this.`);
  return participant;
}
