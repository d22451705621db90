import { useCallback, useEffect, useState } from 'react';
import { lastActivityByOthers, type Thread } from '../../shared/comments/thread.ts';
import { commentsApi } from './commentsApi.ts';

/**
 * When this participant last read each thread. The server keeps it, so
 * unread marks survive a reload and follow the participant to another
 * browser; here it is also updated at once, without waiting for the server.
 */
export function useReads(declarationId: string, me: string): { reads: ReadonlyMap<string, number>; markRead(thread: Thread): void } {
  const [reads, setReads] = useState<ReadonlyMap<string, number>>(new Map());
  useEffect(() => {
    let live = true;
    commentsApi.reads(declarationId).then(
      (answer) => {
        if (live) setReads((known) => new Map([...Object.entries(answer.reads), ...known]));
      },
      // Without the marks every thread looks unread; that is the safe side.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [declarationId]);
  const markRead = useCallback(
    (thread: Thread) => {
      const upTo = lastActivityByOthers(thread, me);
      setReads((known) => ((known.get(thread.id) ?? 0) >= upTo ? known : new Map(known).set(thread.id, upTo)));
      commentsApi.markRead(declarationId, thread.id).catch(() => undefined);
    },
    [declarationId, me],
  );
  return { reads, markRead };
}
