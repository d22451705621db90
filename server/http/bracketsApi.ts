import type { Router } from 'express';
import express from 'express';
import { listBrackets } from '../db/brackets.ts';
import type { BracketDeps } from '../brackets/access.ts';
import { addBracket } from '../brackets/addBracket.ts';
import { removeBracket } from '../brackets/removeBracket.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * Square brackets (docs/API.md "Square brackets", docs/SPEC.md BRK*).
 * Clients read them live from the document's `brackets` map and write
 * through here: the session says who asks for or removes them. Mounted by
 * api.ts, after its JSON body parser.
 */
export function bracketsRouter(deps: BracketDeps): Router {
  const { db } = deps;
  const router = express.Router();

  router.get('/declarations/:id/brackets', (request, response) => {
    requireParticipant(db, request);
    response.json({ brackets: listBrackets(db, request.params.id) });
  });

  router.post('/declarations/:id/brackets', (request, response) => {
    const actor = requireParticipant(db, request);
    const { bracket, created } = addBracket(deps, request.params.id, actor, request.body);
    response.status(created ? 201 : 200).json({ bracket });
  });

  router.delete('/declarations/:id/brackets/:bracketId', (request, response) => {
    const actor = requireParticipant(db, request);
    response.json({ bracket: removeBracket(deps, request.params.id, actor, request.params.bracketId) });
  });

  return router;
}
