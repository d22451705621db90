import type { Router } from 'express';
import express from 'express';
import { listThreads } from '../db/comments.ts';
import { getSettings } from '../db/settings.ts';
import type { CommentDeps } from '../comments/access.ts';
import { deleteComment } from '../comments/deleteComment.ts';
import { editComment } from '../comments/editComment.ts';
import { markRead, readsFor } from '../comments/markRead.ts';
import { reply } from '../comments/reply.ts';
import { resolveThread } from '../comments/resolveThread.ts';
import { setSettings } from '../comments/setSettings.ts';
import { startThread } from '../comments/startThread.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * Comment threads and the settings that govern them (docs/API.md,
 * docs/SPEC.md COM*). Writes go through here, never through the document:
 * the session says who is writing (COM1). Mounted by api.ts, after its
 * JSON body parser.
 */
export function commentsRouter(deps: CommentDeps): Router {
  const { db } = deps;
  const router = express.Router();

  router.get('/declarations/:id/threads', (request, response) => {
    requireParticipant(db, request);
    response.json({ threads: listThreads(db, request.params.id) });
  });

  router.post('/declarations/:id/threads', (request, response) => {
    const actor = requireParticipant(db, request);
    response.status(201).json({ thread: startThread(deps, request.params.id, actor, request.body) });
  });

  router.post('/declarations/:id/threads/:threadId/comments', (request, response) => {
    const actor = requireParticipant(db, request);
    response.status(201).json({ thread: reply(deps, request.params.id, actor, request.params.threadId, request.body) });
  });

  router.patch('/declarations/:id/threads/:threadId/comments/:commentId', (request, response) => {
    const actor = requireParticipant(db, request);
    const { id, threadId, commentId } = request.params;
    response.json({ thread: editComment(deps, id, actor, threadId, commentId, request.body) });
  });

  router.delete('/declarations/:id/threads/:threadId/comments/:commentId', (request, response) => {
    const actor = requireParticipant(db, request);
    const { id, threadId, commentId } = request.params;
    response.json({ thread: deleteComment(deps, id, actor, threadId, commentId) });
  });

  router.post('/declarations/:id/threads/:threadId/resolve', (request, response) => {
    const actor = requireParticipant(db, request);
    response.json({ thread: resolveThread(deps, request.params.id, actor, request.params.threadId, request.body) });
  });

  router.get('/declarations/:id/comments/reads', (request, response) => {
    const actor = requireParticipant(db, request);
    response.json({ reads: readsFor(db, request.params.id, actor) });
  });

  router.post('/declarations/:id/threads/:threadId/read', (request, response) => {
    const actor = requireParticipant(db, request);
    response.json(markRead(db, request.params.id, actor, request.params.threadId));
  });

  router.get('/declarations/:id/settings', (request, response) => {
    requireParticipant(db, request);
    response.json({ settings: getSettings(db, request.params.id) });
  });

  // PUT is the documented verb; POST does the same for clients that only post.
  for (const method of ['put', 'post'] as const) {
    router[method]('/declarations/:id/settings', (request, response) => {
      const actor = requireParticipant(db, request);
      response.json({ settings: setSettings(deps, request.params.id, actor, request.body) });
    });
  }

  return router;
}
