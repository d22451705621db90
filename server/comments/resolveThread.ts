import { mayResolve } from '../../shared/comments/settings.ts';
import type { Thread } from '../../shared/comments/thread.ts';
import { threadClause } from '../../shared/comments/threadClause.ts';
import { commentAnchors } from '../../shared/document/commentMark.ts';
import { appendAudit } from '../db/auditLog.ts';
import { findThread, setThreadResolved } from '../db/comments.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { badRequest, forbidden } from '../errors.ts';
import { threadOf, type CommentDeps } from './access.ts';
import { objectBody } from './input.ts';

/** Resolves (`resolved: true`) or reopens (`false`) a thread: its author, the chair or the secretariat (COM3). */
export function resolveThread(deps: CommentDeps, declarationId: string, actor: ParticipantRow, threadId: string, body: unknown): Thread {
  const request = objectBody(body);
  if (typeof request.resolved !== 'boolean') throw badRequest('bad-resolved', 'resolved must be true (resolve) or false (reopen).');
  const resolved = request.resolved;
  return deps.rooms.withRoom(declarationId, (room) => {
    const before = threadOf(deps.db, declarationId, threadId);
    if (!mayResolve(actor.role, actor.id, before.authorId)) {
      throw forbidden('not-allowed-resolve', `Only the thread's author (${before.author}), the chair or the secretariat can ${resolved ? 'resolve' : 'reopen'} this thread.`, { name: before.author });
    }
    // Already so: nothing to record (the first resolution keeps its who and when).
    if ((before.resolved !== null) === resolved) return before;
    const at = Date.now();
    deps.db.transaction(() => {
      setThreadResolved(deps.db, threadId, resolved ? { by: actor.id, at } : null);
      appendAudit(deps.db, declarationId, { actor: actor.name, action: resolved ? 'thread-resolved' : 'thread-reopened', clauseId: threadClause(before, commentAnchors(room.doc)), detail: { threadId }, at });
    })();
    const thread = findThread(deps.db, declarationId, threadId)!;
    room.mirrorThread(threadId, thread);
    return thread;
  });
}
