import { useCallback, useEffect, useRef, useState } from 'react';
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
  const readsRef = useRef(reads);
  readsRef.current = reads;
  const markRead = useCallback(
    (thread: Thread) => {
      const upTo = lastActivityByOthers(thread, me);
      // Already read up to its last word: nothing to tell the server.
      if (readsRef.current.has(thread.id) && readsRef.current.get(thread.id)! >= upTo) return;
      setReads((known) => ((known.get(thread.id) ?? 0) >= upTo && known.has(thread.id) ? known : new Map(known).set(thread.id, upTo)));
      commentsApi.markRead(declarationId, thread.id).catch(() => undefined);
    },
    [declarationId, me],
  );
  return { reads, markRead };
}
