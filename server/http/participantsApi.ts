import type { Router } from 'express';
import express from 'express';
import { CLOSE } from '../../shared/protocol.ts';
import { participantRefusal, type ParticipantAction, type ParticipantRefusal } from '../../shared/participantAccess.ts';
import { sameName } from '../../shared/participantName.ts';
import { colorForIndex, type ParticipantInfo } from '../../shared/roles.ts';
import type { TokenSecret } from '../auth/tokens.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import {
  findParticipant,
  insertParticipant,
  isNameTakenError,
  listParticipants,
  restoreParticipant,
  revokeParticipant,
  type ParticipantRow,
} from '../db/participants.ts';
import { MAX_NAME_LENGTH, participantLink } from '../declarations/createDeclaration.ts';
import { renewLink } from '../declarations/renewLink.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../errors.ts';
import type { Rooms } from '../relay/rooms.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * Participants and their links (docs/API.md; docs/SPEC.md PART1, PART2,
 * ROLE4), for the chair and the secretariat. Who may act on whose row is
 * `participantRefusal` (shared/participantAccess.ts), which the panel calls
 * too: above all, the chair's link reaches nobody but the chair. Mounted by
 * api.ts, after its JSON body parser.
 */
export interface ParticipantsDeps {
  db: Db;
  rooms: Rooms;
  secret: TokenSecret;
  baseUrl: () => string;
}

export function participantInfo(row: ParticipantRow): ParticipantInfo {
  return { id: row.id, name: row.name, role: row.role, color: colorForIndex(row.index) };
}

const REFUSALS: Record<ParticipantRefusal, string> = {
  'not-allowed-manageParticipants': 'Only the chair and the secretariat manage participants.',
  'chair-link-chair-only': "Only the chair can see or renew the chair's link. A chair who has lost it asks the administrator, who recovers it with npm run admin.",
  'secretariat-chair-only': "Only the chair can remove or restore the secretariat, or see and renew another secretariat's link; the secretariat may renew its own.",
  'chair-not-removable': 'The chair cannot be removed: a declaration always has its chair.',
};

function nameTaken(name: string): AppError {
  return conflict('participant-name-taken', `"${name}" already takes part: each participant needs a name of its own.`, { name });
}

function nameTakenSinceRemoved(name: string): AppError {
  return conflict(
    'participant-name-taken',
    `"${name}" has been given to another participant since ${name} was removed: remove that participant first, or add ${name} again under another name.`,
    { name },
  );
}

export function participantsRouter(deps: ParticipantsDeps): Router {
  const { db } = deps;
  const router = express.Router();

  const describe = (actor: ParticipantRow, row: ParticipantRow) => {
    const mayHaveLink = !row.revoked && participantRefusal(actor, row, 'seeLink') === null;
    const url = mayHaveLink ? participantLink(deps.baseUrl(), row.declarationId, deps.secret.tokenFor(row.id, row.generation)) : null;
    return { ...participantInfo(row), revoked: row.revoked, url };
  };
  /** The participant named in the path, once the actor may do `action` to it. */
  const target = (request: express.Request<{ id: string; participantId: string }>, actor: ParticipantRow, action: ParticipantAction) => {
    const row = findParticipant(db, request.params.participantId);
    if (!row || row.declarationId !== request.params.id) throw notFound('participant-not-found', 'There is no such participant in this declaration.');
    const refusal = participantRefusal(actor, row, action);
    if (refusal) throw forbidden(refusal, REFUSALS[refusal]);
    return row;
  };
  const activeNamed = (declarationId: string, name: string) => listParticipants(db, declarationId).some((p) => !p.revoked && sameName(p.name, name));
  /** One transaction; the unique index (migration 5) has the last word on names, should another process have written meanwhile. */
  const inTransaction = <T>(name: string, run: () => T): T => {
    try {
      return db.transaction(run)();
    } catch (error) {
      if (isNameTakenError(error)) throw nameTaken(name);
      throw error;
    }
  };

  router.get('/declarations/:id/participants', (request, response) => {
    const actor = requireParticipant(db, request, 'manageParticipants');
    response.json({ participants: listParticipants(db, request.params.id).map((row) => describe(actor, row)) });
  });

  router.post('/declarations/:id/participants', (request, response) => {
    const actor = requireParticipant(db, request, 'manageParticipants');
    const body = (request.body ?? {}) as { name?: unknown; role?: unknown };
    const name = typeof body.name === 'string' ? body.name.trim() : '';
    if (name === '' || name.length > MAX_NAME_LENGTH) throw badRequest('bad-name', `Give a name of 1 to ${MAX_NAME_LENGTH} characters.`, { max: MAX_NAME_LENGTH });
    if (body.role !== 'delegation' && body.role !== 'observer') throw badRequest('bad-role', 'A new participant is a "delegation" or an "observer".');
    const role = body.role;
    // A removed participant's name is free again (PART2): adding it makes a new participant; restoring brings the old one back.
    const row = inTransaction(name, () => {
      if (activeNamed(request.params.id, name)) throw nameTaken(name);
      const created = insertParticipant(db, deps.secret, request.params.id, name, role);
      appendAudit(db, request.params.id, { actor: actor.name, action: 'participant-added', clauseId: null, detail: { name, role } });
      return created;
    });
    response.status(201).json({ participant: describe(actor, row) });
  });

  router.post('/declarations/:id/participants/:participantId/revoke', (request, response) => {
    const actor = requireParticipant(db, request, 'manageParticipants');
    const removed = target(request, actor, 'revoke');
    if (removed.revoked) {
      response.json({ participant: describe(actor, removed) });
      return;
    }
    db.transaction(() => {
      revokeParticipant(db, removed.id);
      appendAudit(db, request.params.id, { actor: actor.name, action: 'participant-revoked', clauseId: null, detail: { name: removed.name } });
    })();
    deps.rooms.disconnectParticipant(removed.id, CLOSE.invalidToken.code, CLOSE.invalidToken.reason);
    response.json({ participant: describe(actor, findParticipant(db, removed.id)!) });
  });

  router.post('/declarations/:id/participants/:participantId/new-link', (request, response) => {
    const actor = requireParticipant(db, request, 'manageParticipants');
    const renewing = target(request, actor, 'newLink');
    if (renewing.revoked) throw conflict('participant-revoked', `${renewing.name} has been removed: restore them to give them a new link.`, { name: renewing.name });
    const renewed = renewLink(db, deps.secret, renewing, actor.name);
    deps.rooms.disconnectParticipant(renewing.id, CLOSE.invalidToken.code, CLOSE.invalidToken.reason);
    response.json({ participant: describe(actor, renewed) });
  });

  router.post('/declarations/:id/participants/:participantId/restore', (request, response) => {
    const actor = requireParticipant(db, request, 'manageParticipants');
    const removed = target(request, actor, 'restore');
    if (!removed.revoked) throw conflict('participant-not-removed', `${removed.name} has not been removed.`, { name: removed.name });
    const restored = inTransaction(removed.name, () => {
      if (activeNamed(request.params.id, removed.name)) throw nameTakenSinceRemoved(removed.name);
      const row = restoreParticipant(db, deps.secret, removed.id);
      appendAudit(db, request.params.id, { actor: actor.name, action: 'participant-restored', clauseId: null, detail: { name: removed.name } });
      return row;
    });
    response.json({ participant: describe(actor, restored) });
  });

  return router;
}
