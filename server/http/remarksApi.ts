import type { Router } from 'express';
import express from 'express';
import { dismissRemark, type RemarkDeps } from '../remarks/dismissRemark.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * Drafting remarks (docs/API.md "Drafting remarks", docs/SPEC.md DRAFT10).
 * Clients compute the remarks themselves (shared/drafting/checks.ts) and
 * read which are dismissed live from the document's `remarks` map; they
 * dismiss and restore through here. Mounted by api.ts, after its JSON body
 * parser.
 */
export function remarksRouter(deps: RemarkDeps): Router {
  const router = express.Router();
  router.post('/declarations/:id/clauses/:clauseId/remarks', (request, response) => {
    const actor = requireParticipant(deps.db, request);
    const { clauseId } = request.params;
    response.json({ clauseId, dismissed: dismissRemark(deps, request.params.id, actor, clauseId, request.body) });
  });
  return router;
}
