import { useMemo } from 'react';
import type * as Y from 'yjs';
import { mayComment } from '../../shared/comments/settings.ts';
import type { DeclarationSettings } from '../../shared/settings.ts';
import type { Thread } from '../../shared/comments/thread.ts';
import { threadClause } from '../../shared/comments/threadClause.ts';
import { countUnread, type CommentCounts } from '../../shared/comments/threadFilter.ts';
import type { CommentAnchor } from '../../shared/document/commentMark.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import { usePeople } from './usePeople.ts';
import { useReads } from './useReads.ts';
import { useAnchors, useSettings, useThreads } from './useThreads.ts';

/** Everything the screen shows about comments, derived live from the document and the server's read marks. */
export interface CommentsModel {
  threads: Map<string, Thread>;
  anchors: Map<string, CommentAnchor>;
  reads: ReadonlyMap<string, number>;
  markRead(thread: Thread): void;
  people: ParticipantInfo[];
  settings: DeclarationSettings;
  /** The clause a thread sits on now (threadClause). */
  clauseOf(thread: Thread): string;
  passageRemoved(thread: Thread): boolean;
  /** Open threads per clause, for the count beside each clause. */
  openCountByClause: Map<string, number>;
  counts: CommentCounts;
  mayComment: boolean;
}

export function useComments(doc: Y.Doc, declarationId: string, me: ParticipantInfo, connectionClosed: boolean): CommentsModel {
  const threads = useThreads(doc);
  const anchors = useAnchors(doc);
  const settings = useSettings(doc);
  const people = usePeople(declarationId);
  const { reads, markRead } = useReads(declarationId, me.id);
  return useMemo(() => {
    const clauseOf = (thread: Thread) => threadClause(thread, anchors);
    const openCountByClause = new Map<string, number>();
    for (const thread of threads.values()) {
      if (thread.resolved) continue;
      const clause = clauseOf(thread);
      openCountByClause.set(clause, (openCountByClause.get(clause) ?? 0) + 1);
    }
    return {
      threads,
      anchors,
      reads,
      markRead,
      people,
      settings,
      clauseOf,
      passageRemoved: (thread: Thread) => thread.anchor === 'passage' && !anchors.has(thread.id),
      openCountByClause,
      counts: countUnread(threads.values(), me.id, reads),
      mayComment: mayComment(me.role, settings) && !connectionClosed,
    };
  }, [threads, anchors, reads, markRead, people, settings, me, connectionClosed]);
}
