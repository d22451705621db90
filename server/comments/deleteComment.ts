import { liveComments, type Thread } from '../../shared/comments/thread.ts';
import { threadClause } from '../../shared/comments/threadClause.ts';
import { commentAnchors } from '../../shared/document/commentMark.ts';
import { appendAudit } from '../db/auditLog.ts';
import { findThread, markCommentDeleted, removeThread } from '../db/comments.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { forbidden } from '../errors.ts';
import { commentOf, threadOf, type CommentDeps } from './access.ts';

/**
 * Only a comment's author deletes it (COM2), also when no longer allowed to
 * comment: one may always withdraw what one wrote. The comment keeps its
 * place in the thread without its text; when no comment of the thread is
 * left standing, the thread goes (null). The `comment` mark stays in the
 * text: the server never touches the text, and a mark naming no thread is
 * ignored by readers.
 */
export function deleteComment(deps: CommentDeps, declarationId: string, actor: ParticipantRow, threadId: string, commentId: string): Thread | null {
  return deps.rooms.withRoom(declarationId, (room) => {
    const before = threadOf(deps.db, declarationId, threadId);
    const comment = commentOf(before, commentId);
    if (comment.authorId !== actor.id) throw forbidden('not-comment-author', 'Only its author can delete this comment.');
    // Deleting twice is deleting once.
    if (comment.deleted) return before;
    const removesThread = liveComments(before).length === 1;
    const at = Date.now();
    deps.db.transaction(() => {
      markCommentDeleted(deps.db, commentId, at);
      if (removesThread) removeThread(deps.db, threadId);
      appendAudit(deps.db, declarationId, { actor: actor.name, action: 'comment-deleted', clauseId: threadClause(before, commentAnchors(room.doc)), detail: { threadId, commentId, threadRemoved: removesThread }, at });
    })();
    const thread = removesThread ? null : findThread(deps.db, declarationId, threadId)!;
    room.mirrorThread(threadId, thread);
    return thread;
  });
}
