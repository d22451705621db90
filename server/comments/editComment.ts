import type { Thread } from '../../shared/comments/thread.ts';
import { findThread, updateCommentBody } from '../db/comments.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { conflict, forbidden } from '../errors.ts';
import { commentOf, mentionsIn, requireMayComment, threadOf, type CommentDeps } from './access.ts';
import { commentText, objectBody } from './input.ts';

/** Only a comment's author edits it (COM2); the thread shows it was edited, and when. */
export function editComment(deps: CommentDeps, declarationId: string, actor: ParticipantRow, threadId: string, commentId: string, body: unknown): Thread {
  const request = objectBody(body);
  return deps.rooms.withRoom(declarationId, (room) => {
    const before = threadOf(deps.db, declarationId, threadId);
    const comment = commentOf(before, commentId);
    if (comment.authorId !== actor.id) throw forbidden('not-comment-author', 'Only its author can edit this comment.');
    if (comment.deleted) throw conflict('comment-deleted', 'This comment has been deleted; it cannot be edited.');
    // An observer whose permission was withdrawn keeps what it wrote but writes no more.
    requireMayComment(deps.db, declarationId, actor);
    const text = commentText(request.body);
    if (text === comment.body) return before;
    updateCommentBody(deps.db, commentId, text, mentionsIn(deps.db, declarationId, text), Date.now());
    const thread = findThread(deps.db, declarationId, threadId)!;
    room.mirrorThread(threadId, thread);
    return thread;
  });
}
