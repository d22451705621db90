import type { Router } from 'express';
import express from 'express';
import { setNumbering, type NumberingDeps } from '../numbering/setNumbering.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * Working numbers (docs/API.md "Numbering", docs/SPEC.md WN1–WN7):
 * `POST /api/declarations/:id/numbering { "action": "freeze" | "renumber" }`,
 * the chair only. Clients read the frozen numbers live from the document's
 * `numbering` map. Mounted by api.ts, after its JSON body parser.
 */
export function numberingRouter(deps: NumberingDeps): Router {
  const router = express.Router();
  router.post('/declarations/:id/numbering', (request, response) => {
    const actor = requireParticipant(deps.db, request);
    response.json({ numbering: setNumbering(deps, request.params.id, actor, request.body) });
  });
  return router;
}
