import type { Router } from 'express';
import express from 'express';
import { adoptedAt } from '../../shared/silence/silenceRules.ts';
import { lastProcedure } from '../db/silence.ts';
import { breakSilence } from '../silence/breakSilence.ts';
import { cancelSilence } from '../silence/cancelSilence.ts';
import type { SilenceDeps } from '../silence/deps.ts';
import { startSilence } from '../silence/startSilence.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * The silence procedure (docs/API.md "Silence procedure", docs/SPEC.md
 * SIL1–SIL10): the chair starts and cancels, delegations break, anyone
 * reads. Clients also read the procedure live from the document's
 * `silence` map. Mounted by api.ts, after its JSON body parser.
 */
export function silenceRouter(deps: SilenceDeps): Router {
  const router = express.Router();
  router.get('/declarations/:id/silence', (request, response) => {
    requireParticipant(deps.db, request);
    const procedure = lastProcedure(deps.db, request.params.id);
    response.json({ procedure, adoptedAt: adoptedAt(procedure) });
  });
  router.post('/declarations/:id/silence', (request, response) => {
    const actor = requireParticipant(deps.db, request);
    const procedure = startSilence(deps, request.params.id, actor, request.body);
    response.json({ procedure, adoptedAt: null });
  });
  router.post('/declarations/:id/silence/break', (request, response) => {
    const actor = requireParticipant(deps.db, request);
    response.json({ procedure: breakSilence(deps, request.params.id, actor, request.body), adoptedAt: null });
  });
  router.post('/declarations/:id/silence/cancel', (request, response) => {
    const actor = requireParticipant(deps.db, request);
    response.json({ procedure: cancelSilence(deps, request.params.id, actor, request.body), adoptedAt: null });
  });
  return router;
}
