import { readsOf, saveRead } from '../db/comments.ts';
import type { Db } from '../db/database.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { threadOf } from './access.ts';

/**
 * Unread markers are per participant and kept on the server (COM8), not in
 * the document: every participant reads the same document, and one's
 * reading is nobody else's business. Times are the server's, so that they
 * compare with the comments' times whatever the browser's clock says.
 */
export function markRead(db: Db, declarationId: string, actor: ParticipantRow, threadId: string): { threadId: string; readAt: number } {
  threadOf(db, declarationId, threadId);
  const readAt = Date.now();
  saveRead(db, actor.id, threadId, readAt);
  return { threadId, readAt: readsOf(db, declarationId, actor.id)[threadId] ?? readAt };
}

export function readsFor(db: Db, declarationId: string, actor: ParticipantRow): Record<string, number> {
  return readsOf(db, declarationId, actor.id);
}
