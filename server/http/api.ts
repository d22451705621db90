import type { Router } from 'express';
import express from 'express';
import { PROTOCOL_VERSION } from '../../shared/protocol.ts';
import { CLOSE } from '../../shared/protocol.ts';
import { colorForIndex, type ParticipantInfo } from '../../shared/roles.ts';
import type { TokenSecret } from '../auth/tokens.ts';
import { appendAudit, listAudit } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import { findParticipant, insertParticipant, listParticipants, renewParticipantLink, revokeParticipant, type ParticipantRow } from '../db/participants.ts';
import { MAX_NAME_LENGTH, participantLink } from '../declarations/createDeclaration.ts';
import { setClauseStatus } from '../declarations/setClauseStatus.ts';
import { AppError, badRequest, notFound } from '../errors.ts';
import type { Rooms } from '../relay/rooms.ts';
import { commentsRouter } from './commentsApi.ts';
import { importRouter } from './importApi.ts';
import { exportRouter } from './exportApi.ts';
import { requireParticipant } from './requireParticipant.ts';

export { requireParticipant };

/** The REST API. Every route under a declaration needs one of its participants' tokens (Bearer or cookie). */
export interface ApiDeps {
  db: Db;
  rooms: Rooms;
  secret: TokenSecret;
  baseUrl: () => string;
  health: () => Record<string, unknown>;
}

export function participantInfo(row: ParticipantRow): ParticipantInfo {
  return { id: row.id, name: row.name, role: row.role, color: colorForIndex(row.index) };
}

export function apiRouter(deps: ApiDeps): Router {
  const { db } = deps;
  const router = express.Router();
  router.use(importRouter(deps));
  router.use(express.json({ limit: '1mb' }));
  router.use(commentsRouter(deps));
  router.use(exportRouter(deps));

  const describe = (declarationId: string, row: ParticipantRow) => {
    const token = deps.secret.tokenFor(row.id, row.generation);
    return { ...participantInfo(row), revoked: row.revoked, url: row.revoked ? null : participantLink(deps.baseUrl(), declarationId, token) };
  };
  const participantOf = (declarationId: string, participantId: string) => {
    const row = findParticipant(db, participantId);
    if (!row || row.declarationId !== declarationId) throw notFound('participant-not-found', 'There is no such participant in this declaration.');
    return row;
  };

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

  router.get('/declarations/:id/audit', (request, response) => {
    requireParticipant(db, request, 'manageParticipants');
    response.json({ entries: listAudit(db, request.params.id) });
  });

  router.get('/declarations/:id/participants', (request, response) => {
    requireParticipant(db, request, 'manageParticipants');
    response.json({ participants: listParticipants(db, request.params.id).map((row) => describe(request.params.id, row)) });
  });

  router.post('/declarations/:id/participants', (request, response) => {
    const actor = requireParticipant(db, request, 'manageParticipants');
    const body = (request.body ?? {}) as { name?: unknown; role?: unknown };
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (name === '' || name.length > MAX_NAME_LENGTH) throw badRequest('bad-name', `Give a name of 1 to ${MAX_NAME_LENGTH} characters.`);
    if (body.role !== 'delegation' && body.role !== 'observer') throw badRequest('bad-role', 'A new participant is a "delegation" or an "observer".');
    if (listParticipants(db, request.params.id).some((p) => p.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
      throw new AppError(409, 'participant-name-taken', `"${name}" already takes part: each participant needs a name of its own.`);
    }
    const row = db.transaction(() => {
      const created = insertParticipant(db, deps.secret, request.params.id, name, body.role as 'delegation' | 'observer');
      appendAudit(db, request.params.id, { actor: actor.name, action: 'participant-added', clauseId: null, detail: { name, role: body.role } });
      return created;
    })();
    response.status(201).json({ participant: describe(request.params.id, row) });
  });

  router.post('/declarations/:id/participants/:participantId/revoke', (request, response) => {
    const actor = requireParticipant(db, request, 'manageParticipants');
    const target = participantOf(request.params.id, request.params.participantId);
    if (target.role === 'chair') throw badRequest('chair-not-revocable', 'The chair cannot be removed; give the chair a new link instead.');
    db.transaction(() => {
      revokeParticipant(db, target.id);
      appendAudit(db, request.params.id, { actor: actor.name, action: 'participant-revoked', clauseId: null, detail: { name: target.name } });
    })();
    deps.rooms.disconnectParticipant(target.id, CLOSE.invalidToken.code, CLOSE.invalidToken.reason);
    response.json({ participant: describe(request.params.id, findParticipant(db, target.id)!) });
  });

  router.post('/declarations/:id/participants/:participantId/new-link', (request, response) => {
    const actor = requireParticipant(db, request, 'manageParticipants');
    const target = participantOf(request.params.id, request.params.participantId);
    if (target.revoked) throw badRequest('participant-revoked', 'This participant has been removed.');
    const renewed = db.transaction(() => {
      const row = renewParticipantLink(db, deps.secret, target.id);
      appendAudit(db, request.params.id, { actor: actor.name, action: 'participant-new-link', clauseId: null, detail: { name: target.name } });
      return row;
    })();
    deps.rooms.disconnectParticipant(target.id, CLOSE.invalidToken.code, CLOSE.invalidToken.reason);
    response.json({ participant: describe(request.params.id, renewed) });
  });

  return router;
}
