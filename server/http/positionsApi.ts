import type { Router } from 'express';
import express from 'express';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { clausePositions, positionHistory } from '../db/positions.ts';
import { notFound } from '../errors.ts';
import { statePosition, type PositionDeps } from '../positions/statePosition.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * Positions (docs/API.md "Positions", docs/SPEC.md POS1). Clients read the
 * current positions live from the document's `positions` map and state
 * theirs through here: the session says which delegation speaks; not while
 * the text is frozen (SIL4: 409 `frozen`). Mounted by api.ts, after its
 * JSON body parser.
 */
export function positionsRouter(deps: PositionDeps): Router {
  const { db } = deps;
  const router = express.Router();

  router.put('/declarations/:id/clauses/:clauseId/position', (request, response) => {
    const actor = requireParticipant(db, request);
    const { clauseId } = request.params;
    response.json({ clauseId, positions: statePosition(deps, request.params.id, actor, clauseId, request.body) });
  });

  /** Any participant reads a clause's positions and their history — also of a clause deleted since, as long as it had some. */
  router.get('/declarations/:id/clauses/:clauseId/positions', (request, response) => {
    requireParticipant(db, request);
    const { id, clauseId } = request.params;
    const history = positionHistory(db, id, clauseId);
    const exists = history.length > 0 || deps.rooms.withRoom(id, (room) => clausesMap(room.doc).has(clauseId));
    if (!exists) throw notFound('clause-not-found', `There is no clause "${clauseId}" in this declaration.`);
    response.json({ clauseId, positions: clausePositions(db, id, clauseId), history });
  });

  return router;
}
