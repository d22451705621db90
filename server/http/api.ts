import type { Request, Router } from 'express';
import express from 'express';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { colorForIndex, type ParticipantInfo } from '../../shared/roles.ts';
import { participantFor } from '../auth/session.ts';
import type { Db } from '../db/database.ts';
import { declarationExists } from '../db/declarations.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { notFound, unauthorized } from '../errors.ts';

/** The REST API. Every route under a declaration needs one of its participants' tokens. */
export function participantInfo(row: ParticipantRow): ParticipantInfo {
  return { id: row.id, name: row.name, role: row.role, color: colorForIndex(row.index) };
}

export function requireParticipant(db: Db, request: Request<{ id: string }>): ParticipantRow {
  const { id } = request.params;
  if (!declarationExists(db, id)) throw notFound('declaration-not-found', `There is no declaration "${id}". Check the link you were given.`);
  const participant = participantFor(db, request, id);
  if (!participant) throw unauthorized();
  return participant;
}

export function apiRouter(db: Db, health: () => Record<string, unknown>): Router {
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/health', (_request, response) => {
    response.json({ ok: true, ...health() });
  });

  /** Who this browser is signed in as, for the given declaration. */
  router.get('/declarations/:id/session', (request, response) => {
    const participant = requireParticipant(db, request);
    response.json({ declarationId: request.params.id, participant: participantInfo(participant), protocolVersion: PROTOCOL_VERSION });
  });

  return router;
}
