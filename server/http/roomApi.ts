import type { Router } from 'express';
import express from 'express';
import { setCurrentClause, type RoomDeps } from '../room/setCurrentClause.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * The room (docs/API.md "The room", docs/SPEC.md ROOM1–ROOM8):
 * `PUT /api/declarations/:id/current-clause { "clauseId": string | null }`,
 * the chair and the secretariat. Clients read the clause under discussion
 * live from the document's `room` map. Mounted by api.ts, after its JSON
 * body parser.
 */
export function roomRouter(deps: RoomDeps): Router {
  const router = express.Router();
  router.put('/declarations/:id/current-clause', (request, response) => {
    const actor = requireParticipant(deps.db, request);
    response.json({ current: setCurrentClause(deps, request.params.id, actor, request.body) });
  });
  return router;
}
