import type { Comment, Thread, ThreadAnchor } from '../../shared/comments/thread.ts';
import type { Db } from './database.ts';

/**
 * Comment threads, their comments and who has read what (docs/SPEC.md COM*).
 * SQLite holds the truth; the document's `comments` map mirrors
 * `listThreads`. Names are joined from `participants` so that a thread
 * always shows the name its author has now.
 */

interface ThreadRow {
  id: string;
  clause_id: string;
  anchor: ThreadAnchor;
  quote: string;
  author_id: string;
  author: string;
  created_at: number;
  resolved_at: number | null;
  resolver: string | null;
}

interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string;
  author: string;
  body: string;
  mentions: string;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
}

const THREADS = `
  SELECT t.id, t.clause_id, t.anchor, t.quote, t.author_id, a.name AS author, t.created_at, t.resolved_at, r.name AS resolver
  FROM comment_threads t
  JOIN participants a ON a.id = t.author_id
  LEFT JOIN participants r ON r.id = t.resolved_by`;

const COMMENTS = `
  SELECT c.id, c.thread_id, c.author_id, a.name AS author, c.body, c.mentions, c.created_at, c.edited_at, c.deleted_at
  FROM comments c
  JOIN participants a ON a.id = c.author_id`;

/** Exactly the plain shape of `Comment`: no keys with undefined values, so the mirror compares by JSON. */
function toComment(row: CommentRow): Comment {
  const comment: Comment = {
    id: row.id,
    authorId: row.author_id,
    author: row.author,
    body: row.deleted_at === null ? row.body : '',
    mentions: row.deleted_at === null ? (JSON.parse(row.mentions) as string[]) : [],
    at: row.created_at,
  };
  if (row.edited_at !== null && row.deleted_at === null) comment.editedAt = row.edited_at;
  if (row.deleted_at !== null) comment.deleted = true;
  return comment;
}

function toThread(row: ThreadRow, comments: Comment[]): Thread {
  return {
    id: row.id,
    clauseId: row.clause_id,
    anchor: row.anchor,
    quote: row.quote,
    authorId: row.author_id,
    author: row.author,
    at: row.created_at,
    resolved: row.resolved_at === null ? null : { by: row.resolver ?? '', at: row.resolved_at },
    comments,
  };
}

/** Every thread of a declaration, oldest first, each with its comments in the order they were written. */
export function listThreads(db: Db, declarationId: string): Thread[] {
  const threads = db.prepare(`${THREADS} WHERE t.declaration_id = ? ORDER BY t.created_at, t.rowid`).all(declarationId) as ThreadRow[];
  const comments = db.prepare(`${COMMENTS} WHERE c.declaration_id = ? ORDER BY c.rowid`).all(declarationId) as CommentRow[];
  const byThread = new Map<string, Comment[]>(threads.map((t) => [t.id, []]));
  for (const row of comments) byThread.get(row.thread_id)?.push(toComment(row));
  return threads.map((t) => toThread(t, byThread.get(t.id)!));
}

/** One thread of this declaration, or null (also for another declaration's thread). */
export function findThread(db: Db, declarationId: string, threadId: string): Thread | null {
  const row = db.prepare(`${THREADS} WHERE t.declaration_id = ? AND t.id = ?`).get(declarationId, threadId) as ThreadRow | undefined;
  if (!row) return null;
  const comments = db.prepare(`${COMMENTS} WHERE c.thread_id = ? ORDER BY c.rowid`).all(threadId) as CommentRow[];
  return toThread(row, comments.map(toComment));
}

/** Whether any declaration has a thread with this id (ids are global keys). */
export function threadIdTaken(db: Db, threadId: string): boolean {
  return db.prepare('SELECT 1 FROM comment_threads WHERE id = ?').get(threadId) !== undefined;
}

export interface NewComment {
  id: string;
  authorId: string;
  body: string;
  mentions: string[];
  at: number;
}

export interface NewThread {
  id: string;
  clauseId: string;
  anchor: ThreadAnchor;
  quote: string;
  authorId: string;
  at: number;
}

/** A thread with its first comment; call it inside a transaction. */
export function insertThread(db: Db, declarationId: string, thread: NewThread, first: NewComment): void {
  db.prepare('INSERT INTO comment_threads (id, declaration_id, clause_id, anchor, quote, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    thread.id,
    declarationId,
    thread.clauseId,
    thread.anchor,
    thread.quote,
    thread.authorId,
    thread.at,
  );
  insertComment(db, declarationId, thread.id, first);
}

export function insertComment(db: Db, declarationId: string, threadId: string, comment: NewComment): void {
  db.prepare('INSERT INTO comments (id, thread_id, declaration_id, author_id, body, mentions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    comment.id,
    threadId,
    declarationId,
    comment.authorId,
    comment.body,
    JSON.stringify(comment.mentions),
    comment.at,
  );
}

export function updateCommentBody(db: Db, commentId: string, body: string, mentions: string[], at: number): void {
  db.prepare('UPDATE comments SET body = ?, mentions = ?, edited_at = ? WHERE id = ?').run(body, JSON.stringify(mentions), at, commentId);
}

/** Keeps the comment's place; its text and mentions are gone for good. */
export function markCommentDeleted(db: Db, commentId: string, at: number): void {
  db.prepare("UPDATE comments SET body = '', mentions = '[]', deleted_at = ? WHERE id = ?").run(at, commentId);
}

/** Removes a thread, its comments and its read markers; call it inside a transaction. */
export function removeThread(db: Db, threadId: string): void {
  db.prepare('DELETE FROM comment_reads WHERE thread_id = ?').run(threadId);
  db.prepare('DELETE FROM comments WHERE thread_id = ?').run(threadId);
  db.prepare('DELETE FROM comment_threads WHERE id = ?').run(threadId);
}

/** Resolves (by a participant id, at a time) or reopens (null) a thread. */
export function setThreadResolved(db: Db, threadId: string, resolved: { by: string; at: number } | null): void {
  db.prepare('UPDATE comment_threads SET resolved_by = ?, resolved_at = ? WHERE id = ?').run(resolved?.by ?? null, resolved?.at ?? null, threadId);
}

/** When a participant last read each thread of a declaration (ms since the epoch). */
export function readsOf(db: Db, declarationId: string, participantId: string): Record<string, number> {
  const rows = db
    .prepare('SELECT r.thread_id, r.read_at FROM comment_reads r JOIN comment_threads t ON t.id = r.thread_id WHERE r.participant_id = ? AND t.declaration_id = ?')
    .all(participantId, declarationId) as { thread_id: string; read_at: number }[];
  return Object.fromEntries(rows.map((r) => [r.thread_id, r.read_at]));
}

export function saveRead(db: Db, participantId: string, threadId: string, at: number): void {
  db.prepare(
    `INSERT INTO comment_reads (participant_id, thread_id, read_at) VALUES (?, ?, ?)
     ON CONFLICT (participant_id, thread_id) DO UPDATE SET read_at = MAX(read_at, excluded.read_at)`,
  ).run(participantId, threadId, at);
}
