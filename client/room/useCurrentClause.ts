import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { ROOT } from '../../shared/document/names.ts';
import { readCurrentClause, type CurrentClause } from '../../shared/room/currentClause.ts';
import { useRootMap } from '../collab/useRootMap.ts';

const read = (map: Y.Map<unknown>) => readCurrentClause(map);

/** The clause under discussion as the server wrote it (ROOM1), live; null when none. */
export function useCurrentClause(doc: Y.Doc): CurrentClause | null {
  return useRootMap(doc, ROOT.room, read);
}

/**
 * Whether this clause is the one under discussion, live. A row asks only
 * this, so that moving the discussion re-renders the two rows it leaves and
 * reaches, not the whole text.
 */
export function useIsCurrentClause(doc: Y.Doc, clauseId: string): boolean {
  const subscribe = useCallback(
    (listener: () => void) => {
      const map = doc.getMap<unknown>(ROOT.room);
      map.observe(listener);
      return () => map.unobserve(listener);
    },
    [doc],
  );
  return useSyncExternalStore(subscribe, () => readCurrentClause(doc.getMap<unknown>(ROOT.room))?.clauseId === clauseId);
}
