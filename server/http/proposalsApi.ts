import type { Router } from 'express';
import express from 'express';
import { listProposals } from '../db/proposals.ts';
import { acceptProposal } from '../proposals/acceptProposal.ts';
import type { ProposalDeps } from '../proposals/access.ts';
import { editProposal } from '../proposals/editProposal.ts';
import { makeProposal } from '../proposals/makeProposal.ts';
import { reactToProposal } from '../proposals/reactToProposal.ts';
import { rejectProposal } from '../proposals/rejectProposal.ts';
import { undoProposal } from '../proposals/undoProposal.ts';
import { withdrawProposal } from '../proposals/withdrawProposal.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * Proposals (docs/API.md "Proposals", docs/SPEC.md PROP*). Clients read
 * them live from the document's `proposals` map and write through here:
 * the session says who is proposing, reacting or deciding. Mounted by
 * api.ts, after its JSON body parser.
 */
export function proposalsRouter(deps: ProposalDeps): Router {
  const { db } = deps;
  const router = express.Router();

  router.get('/declarations/:id/proposals', (request, response) => {
    requireParticipant(db, request);
    response.json({ proposals: listProposals(db, request.params.id) });
  });

  router.post('/declarations/:id/proposals', (request, response) => {
    const actor = requireParticipant(db, request);
    response.status(201).json({ proposal: makeProposal(deps, request.params.id, actor, request.body) });
  });

  router.patch('/declarations/:id/proposals/:proposalId', (request, response) => {
    const actor = requireParticipant(db, request);
    response.json({ proposal: editProposal(deps, request.params.id, actor, request.params.proposalId, request.body) });
  });

  for (const reaction of ['support', 'object'] as const) {
    router.post(`/declarations/:id/proposals/:proposalId/${reaction}`, (request, response) => {
      const actor = requireParticipant(db, request);
      response.json({ proposal: reactToProposal(deps, request.params.id, actor, request.params.proposalId, reaction, request.body) });
    });
  }

  router.post('/declarations/:id/proposals/:proposalId/withdraw', (request, response) => {
    const actor = requireParticipant(db, request);
    response.json({ proposal: withdrawProposal(deps, request.params.id, actor, request.params.proposalId) });
  });

  router.post('/declarations/:id/proposals/:proposalId/accept', (request, response) => {
    const actor = requireParticipant(db, request);
    response.json({ proposal: acceptProposal(deps, request.params.id, actor, request.params.proposalId, request.body) });
  });

  router.post('/declarations/:id/proposals/:proposalId/reject', (request, response) => {
    const actor = requireParticipant(db, request);
    response.json({ proposal: rejectProposal(deps, request.params.id, actor, request.params.proposalId, request.body) });
  });

  router.post('/declarations/:id/proposals/:proposalId/undo', (request, response) => {
    const actor = requireParticipant(db, request);
    response.json({ proposal: undoProposal(deps, request.params.id, actor, request.params.proposalId) });
  });

  return router;
}
