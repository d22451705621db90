import { isUnread, mentions, type Thread } from './thread.ts';

/**
 * The side panel's filters, as plain data so that they can be tested and
 * kept in the address of the page. Each narrows the list; together they
 * combine with "and".
 */
export interface ThreadFilter {
  state: 'open' | 'resolved' | 'all';
  /** Threads this participant started or wrote in. */
  mine: boolean;
  mentionsMe: boolean;
  /** Threads in which this participant wrote. */
  byParticipant: string | null;
  /** Threads on this clause (where its passage is now, or where it was started). */
  clauseId: string | null;
}

export const DEFAULT_FILTER: ThreadFilter = { state: 'open', mine: false, mentionsMe: false, byParticipant: null, clauseId: null };

export interface FilterContext {
  me: string;
  /** The clause each thread sits on now. */
  clauseOf(thread: Thread): string;
}

export function matchesFilter(thread: Thread, filter: ThreadFilter, context: FilterContext): boolean {
  if (filter.state === 'open' && thread.resolved) return false;
  if (filter.state === 'resolved' && !thread.resolved) return false;
  const wroteIn = (participantId: string) => thread.authorId === participantId || thread.comments.some((c) => c.authorId === participantId && !c.deleted);
  if (filter.mine && !wroteIn(context.me)) return false;
  if (filter.mentionsMe && !mentions(thread, context.me)) return false;
  if (filter.byParticipant !== null && !wroteIn(filter.byParticipant)) return false;
  if (filter.clauseId !== null && context.clauseOf(thread) !== filter.clauseId) return false;
  return true;
}

/**
 * Threads in reading order: by the position of their clause in the text,
 * then oldest first. Threads whose clause is gone come last.
 */
export function sortThreads(threads: Thread[], clauseOf: (thread: Thread) => string, position: (clauseId: string) => number | undefined): Thread[] {
  return [...threads].sort((a, b) => {
    const pa = position(clauseOf(a)) ?? Number.MAX_SAFE_INTEGER;
    const pb = position(clauseOf(b)) ?? Number.MAX_SAFE_INTEGER;
    return pa - pb || a.at - b.at;
  });
}

export interface CommentCounts {
  unread: number;
  unreadMentions: number;
}

export function countUnread(threads: Iterable<Thread>, me: string, reads: ReadonlyMap<string, number>): CommentCounts {
  let unread = 0;
  let unreadMentions = 0;
  for (const thread of threads) {
    if (!isUnread(thread, me, reads.get(thread.id))) continue;
    unread++;
    if (mentions(thread, me)) unreadMentions++;
  }
  return { unread, unreadMentions };
}
