import type { Thread } from '../../shared/comments/thread.ts';
import { findThread, insertComment } from '../db/comments.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { newId } from '../../shared/ids.ts';
import { commentText, objectBody } from './input.ts';
import { mentionsIn, requireMayComment, threadOf, type CommentDeps } from './access.ts';

/**
 * A reply joins the end of a thread. Replying to a resolved thread leaves
 * it resolved: reopening is its own act, for those allowed to (COM3).
 */
export function reply(deps: CommentDeps, declarationId: string, actor: ParticipantRow, threadId: string, body: unknown): Thread {
  const request = objectBody(body);
  requireMayComment(deps.db, declarationId, actor);
  const text = commentText(request.body);
  return deps.rooms.withRoom(declarationId, (room) => {
    threadOf(deps.db, declarationId, threadId);
    insertComment(deps.db, declarationId, threadId, { id: newId(), authorId: actor.id, body: text, mentions: mentionsIn(deps.db, declarationId, text), at: Date.now() });
    const thread = findThread(deps.db, declarationId, threadId)!;
    room.mirrorThread(threadId, thread);
    return thread;
  });
}
