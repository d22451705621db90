import type { Router } from 'express';
import express from 'express';
import { clauseHistory, type HistoryDeps } from '../versions/clauseHistory.ts';
import { restoreClause } from '../versions/restoreClause.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * A clause's history and restoring an earlier text (docs/API.md "Versions
 * and comparison", docs/SPEC.md HIST1, HIST2). Any participant reads the
 * timeline; the chair and the secretariat restore, as the session says
 * (never a name in the body). Mounted by api.ts, after its JSON body parser.
 */
export function historyRouter(deps: HistoryDeps): Router {
  const { db } = deps;
  const router = express.Router();

  router.get('/declarations/:id/clauses/:clauseId/history', (request, response) => {
    requireParticipant(db, request);
    const { id, clauseId } = request.params;
    response.json({ clauseId, entries: clauseHistory(deps, id, clauseId) });
  });

  router.post('/declarations/:id/clauses/:clauseId/restore', (request, response) => {
    const actor = requireParticipant(db, request, 'restoreText');
    const { id, clauseId } = request.params;
    response.json({ clauseId, entry: restoreClause(deps, id, actor, clauseId, request.body) });
  });

  return router;
}
