import type { Router } from 'express';
import express from 'express';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import type { TokenSecret } from '../auth/tokens.ts';
import type { Db } from '../db/database.ts';
import { listParticipants } from '../db/participants.ts';
import { setClauseStatus } from '../declarations/setClauseStatus.ts';
import type { Rooms } from '../relay/rooms.ts';
import { auditRouter } from './auditApi.ts';
import { bracketsRouter } from './bracketsApi.ts';
import { commentsRouter } from './commentsApi.ts';
import { importRouter } from './importApi.ts';
import { languageRouter } from './languageApi.ts';
import { exportRouter } from './exportApi.ts';
import { historyRouter } from './historyApi.ts';
import { numberingRouter } from './numberingApi.ts';
import { participantInfo, participantsRouter } from './participantsApi.ts';
import { positionsRouter } from './positionsApi.ts';
import { remarksRouter } from './remarksApi.ts';
import { proposalsRouter } from './proposalsApi.ts';
import { requireParticipant } from './requireParticipant.ts';
import { roomRouter } from './roomApi.ts';
import { silenceRouter } from './silenceApi.ts';
import type { SilenceScheduler } from '../silence/scheduler.ts';
import { versionsRouter } from './versionsApi.ts';

export { requireParticipant };

/** The REST API. Every route under a declaration needs one of its participants' tokens (Bearer or cookie). */
export interface ApiDeps {
  db: Db;
  rooms: Rooms;
  /** The deadlines of silence procedures (SIL7). */
  silence: SilenceScheduler;
  secret: TokenSecret;
  baseUrl: () => string;
  health: () => Record<string, unknown>;
}

export function apiRouter(deps: ApiDeps): Router {
  const { db } = deps;
  const router = express.Router();
  router.use(importRouter(deps));
  router.use(express.json({ limit: '1mb' }));
  router.use(commentsRouter(deps));
  router.use(proposalsRouter(deps));
  router.use(bracketsRouter(deps));
  router.use(positionsRouter(deps));
  router.use(remarksRouter(deps));
  router.use(exportRouter(deps));
  router.use(numberingRouter(deps));
  router.use(versionsRouter(deps));
  router.use(historyRouter(deps));
  router.use(participantsRouter(deps));
  router.use(roomRouter(deps));
  router.use(silenceRouter(deps));
  router.use(languageRouter(deps));
  router.use(auditRouter(deps));

  router.get('/health', (_request, response) => {
    response.json({ ok: true, ...deps.health() });
  });

  /** Who this browser is signed in as, for the given declaration. */
  router.get('/declarations/:id/session', (request, response) => {
    const participant = requireParticipant(db, request);
    response.json({ declarationId: request.params.id, participant: participantInfo(participant), protocolVersion: PROTOCOL_VERSION });
  });

  /** Everyone taking part, without links: names to mention and to filter threads by (any participant may read it). */
  router.get('/declarations/:id/people', (request, response) => {
    requireParticipant(db, request);
    response.json({ people: listParticipants(db, request.params.id).filter((p) => !p.revoked).map(participantInfo) });
  });

  router.post('/declarations/:id/clauses/:clauseId/status', (request, response) => {
    const actor = requireParticipant(db, request);
    const status = setClauseStatus(deps, request.params.id, actor, request.params.clauseId, request.body);
    response.json({ clauseId: request.params.clauseId, status });
  });

  return router;
}
