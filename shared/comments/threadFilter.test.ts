import { describe, expect, it } from 'vitest';
import type { Comment, Thread } from './thread.ts';
import { countUnread, DEFAULT_FILTER, matchesFilter, sortThreads } from './threadFilter.ts';

function comment(id: string, authorId: string, at: number, mentions: string[] = []): Comment {
  return { id, authorId, author: authorId, body: 'text', mentions, at };
}
function thread(id: string, clauseId: string, authorId: string, comments: Comment[], resolved = false): Thread {
  return { id, clauseId, anchor: 'clause', quote: '', authorId, author: authorId, at: comments[0]!.at, resolved: resolved ? { by: 'Chair', at: 9 } : null, comments };
}

const a = thread('a', 'c1', 'chile', [comment('1', 'chile', 1), comment('2', 'peru', 5, ['chile'])]);
const b = thread('b', 'c2', 'peru', [comment('3', 'peru', 2)], true);
const c = thread('c', 'c1', 'peru', [comment('4', 'peru', 3)]);
const context = { me: 'chile', clauseOf: (t: Thread) => t.clauseId };

describe('COM9: the side panel filters threads', () => {
  it('shows open threads by default, resolved or all on request', () => {
    expect([a, b, c].filter((t) => matchesFilter(t, DEFAULT_FILTER, context)).map((t) => t.id)).toEqual(['a', 'c']);
    expect([a, b, c].filter((t) => matchesFilter(t, { ...DEFAULT_FILTER, state: 'resolved' }, context)).map((t) => t.id)).toEqual(['b']);
    expect([a, b, c].filter((t) => matchesFilter(t, { ...DEFAULT_FILTER, state: 'all' }, context))).toHaveLength(3);
  });
  it('narrows to mine, mentions me, a delegation or a clause', () => {
    const all = { ...DEFAULT_FILTER, state: 'all' as const };
    expect([a, b, c].filter((t) => matchesFilter(t, { ...all, mine: true }, context)).map((t) => t.id)).toEqual(['a']);
    expect([a, b, c].filter((t) => matchesFilter(t, { ...all, mentionsMe: true }, context)).map((t) => t.id)).toEqual(['a']);
    expect([a, b, c].filter((t) => matchesFilter(t, { ...all, byParticipant: 'peru' }, context)).map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect([a, b, c].filter((t) => matchesFilter(t, { ...all, clauseId: 'c2' }, context)).map((t) => t.id)).toEqual(['b']);
  });
  it('sorts by the place of the clause in the text, then by age; gone clauses last', () => {
    const position = (id: string) => ({ c2: 0, c1: 1 })[id];
    expect(sortThreads([a, c, b], (t) => t.clauseId, position).map((t) => t.id)).toEqual(['b', 'a', 'c']);
    expect(sortThreads([a, thread('d', 'gone', 'x', [comment('5', 'x', 0)])], (t) => t.clauseId, position).map((t) => t.id)).toEqual(['a', 'd']);
  });
});

describe('COM8: unread per participant', () => {
  it('counts threads with others\' words after the last read, and mentions among them', () => {
    expect(countUnread([a, b, c], 'chile', new Map())).toEqual({ unread: 3, unreadMentions: 1 });
    expect(countUnread([a, b, c], 'chile', new Map([['a', 5], ['b', 2]]))).toEqual({ unread: 1, unreadMentions: 0 });
    // Your own comments never make a thread unread for you.
    expect(countUnread([thread('e', 'c1', 'chile', [comment('6', 'chile', 7)])], 'chile', new Map())).toEqual({ unread: 0, unreadMentions: 0 });
  });
});
