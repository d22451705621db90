import { findMentions } from '../../shared/comments/mentions.ts';
import { mayComment } from '../../shared/comments/settings.ts';
import type { Comment, Thread } from '../../shared/comments/thread.ts';
import { findThread } from '../db/comments.ts';
import type { Db } from '../db/database.ts';
import { listParticipants, type ParticipantRow } from '../db/participants.ts';
import { getSettings } from '../db/settings.ts';
import { forbidden, notFound } from '../errors.ts';
import type { Rooms } from '../relay/rooms.ts';

/** What the comment operations need: SQLite (the truth) and the rooms (the mirror). */
export interface CommentDeps {
  db: Db;
  rooms: Rooms;
}

/** COM7: observers write only when the chair allows it; the setting is read now, not cached. */
export function requireMayComment(db: Db, declarationId: string, actor: ParticipantRow): void {
  if (mayComment(actor.role, getSettings(db, declarationId))) return;
  if (actor.role === 'observer') throw forbidden('observers-may-not-comment', 'The chair has not allowed observers to comment.');
  throw forbidden('not-allowed-comment', `A participant with the role "${actor.role}" may not comment.`);
}

export function threadOf(db: Db, declarationId: string, threadId: string): Thread {
  const thread = findThread(db, declarationId, threadId);
  if (!thread) throw notFound('thread-not-found', 'There is no such comment thread in this declaration; it may have been deleted.');
  return thread;
}

export function commentOf(thread: Thread, commentId: string): Comment {
  const comment = thread.comments.find((c) => c.id === commentId);
  if (!comment) throw notFound('comment-not-found', 'There is no such comment in this thread.');
  return comment;
}

/** COM5: who a text mentions is the server's reading, among the declaration's current participants. */
export function mentionsIn(db: Db, declarationId: string, text: string): string[] {
  const people = listParticipants(db, declarationId).filter((p) => !p.revoked);
  return findMentions(
    text,
    people.map((p) => ({ id: p.id, name: p.name })),
  );
}
