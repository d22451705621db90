import { isThreadAnchor, THREAD_ID, type Thread } from '../../shared/comments/thread.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { newId } from '../../shared/ids.ts';
import { appendAudit } from '../db/auditLog.ts';
import { findThread, insertThread, threadIdTaken } from '../db/comments.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { badRequest, conflict, notFound } from '../errors.ts';
import { mentionsIn, requireMayComment, type CommentDeps } from './access.ts';
import { commentText, objectBody, quoteText } from './input.ts';

/**
 * A participant starts a thread on a whole clause or on a passage. For a
 * passage the client has already put the `comment` mark, named with the
 * thread id it proposes, into the text; the server never touches the text
 * (docs/SPEC.md COM6). The author is the session's participant, whatever
 * the body says (COM1).
 */
export function startThread(deps: CommentDeps, declarationId: string, actor: ParticipantRow, body: unknown): Thread {
  const request = objectBody(body);
  requireMayComment(deps.db, declarationId, actor);
  const id = request.id === undefined ? newId() : request.id;
  if (typeof id !== 'string' || !THREAD_ID.test(id)) throw badRequest('bad-thread-id', 'id must be 8 to 40 letters, digits, "-" or "_".');
  const { clauseId, anchor } = request;
  if (typeof clauseId !== 'string' || clauseId === '') throw badRequest('bad-clause-id', 'clauseId must be the id of a clause.');
  if (!isThreadAnchor(anchor)) throw badRequest('bad-anchor', 'anchor must be "clause" or "passage".');
  const quote = anchor === 'passage' ? quoteText(request.quote) : '';
  const text = commentText(request.body);
  const mentions = mentionsIn(deps.db, declarationId, text);

  return deps.rooms.withRoom(declarationId, (room) => {
    if (!clausesMap(room.doc).has(clauseId)) throw notFound('clause-not-found', `There is no clause "${clauseId}" in this declaration; it may have been deleted.`);
    // The mark of a passage is a change to the text, which an agreed clause refuses.
    if (anchor === 'passage' && room.lockOf(clauseId) !== null) {
      throw conflict('passage-in-agreed-clause', 'This clause is agreed, so a passage in it cannot be marked. Comment on the whole clause instead.');
    }
    const at = Date.now();
    deps.db.transaction(() => {
      if (threadIdTaken(deps.db, id)) throw conflict('thread-exists', `A thread "${id}" already exists. Start the thread again to get a new id.`);
      insertThread(deps.db, declarationId, { id, clauseId, anchor, quote, authorId: actor.id, at }, { id: newId(), authorId: actor.id, body: text, mentions, at });
      appendAudit(deps.db, declarationId, { actor: actor.name, action: 'thread-started', clauseId, detail: { threadId: id, anchor, ...(quote ? { quote } : {}) }, at });
    })();
    const thread = findThread(deps.db, declarationId, id)!;
    room.mirrorThread(id, thread);
    return thread;
  });
}
