/**
 * A discussion thread as the document mirrors it (root map `comments`,
 * thread id → Thread). The server writes it from SQLite, which holds the
 * truth; clients only read it. Who wrote what comes from the server's
 * session, never from the client (docs/SPEC.md COM1).
 */
export const THREAD_ANCHORS = ['clause', 'passage'] as const;
export type ThreadAnchor = (typeof THREAD_ANCHORS)[number];

export interface Comment {
  id: string;
  authorId: string;
  author: string;
  /** Plain text; `@Name` mentions are found in it, never markup. Empty once deleted. */
  body: string;
  /** Ids of the participants mentioned. */
  mentions: string[];
  at: number;
  editedAt?: number;
  /** Deleted comments keep their place in the thread, without their text. */
  deleted?: boolean;
}

export interface Thread {
  id: string;
  /** The clause the thread was started on. A passage carries its own anchor (a `comment` mark) and may move. */
  clauseId: string;
  anchor: ThreadAnchor;
  /** The passage as it read when the thread began ('' for a whole clause). */
  quote: string;
  authorId: string;
  author: string;
  at: number;
  resolved: { by: string; at: number } | null;
  comments: Comment[];
}

/** Limits the server enforces; the form shows them too. */
export const MAX_COMMENT_LENGTH = 2000;
export const MAX_QUOTE_LENGTH = 500;

/** A thread id: what the client may propose (it names the mark before the thread exists). */
export const THREAD_ID = /^[A-Za-z0-9_-]{8,40}$/;

export function isThreadAnchor(value: unknown): value is ThreadAnchor {
  return typeof value === 'string' && (THREAD_ANCHORS as readonly string[]).includes(value);
}

/** A thread read back from the document, or null if it is not one. */
export function readThread(value: unknown): Thread | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || typeof v.clauseId !== 'string' || !isThreadAnchor(v.anchor) || !Array.isArray(v.comments)) return null;
  return v as unknown as Thread;
}

/** The comments still standing (deleted ones keep only their place). */
export function liveComments(thread: Thread): Comment[] {
  return thread.comments.filter((c) => !c.deleted);
}

/** When someone other than `participantId` last wrote in the thread (0 if never). */
export function lastActivityByOthers(thread: Thread, participantId: string): number {
  let last = 0;
  for (const c of thread.comments) {
    if (c.authorId !== participantId && !c.deleted) last = Math.max(last, c.editedAt ?? c.at);
  }
  return last;
}

/** Unread: someone else wrote after the participant last read the thread. */
export function isUnread(thread: Thread, participantId: string, readAt: number | undefined): boolean {
  return lastActivityByOthers(thread, participantId) > (readAt ?? 0);
}

export function mentions(thread: Thread, participantId: string): boolean {
  return thread.comments.some((c) => !c.deleted && c.mentions.includes(participantId));
}
