import { useSyncExternalStore } from 'react';
import type { Collaboration, CollabStatus } from './collaboration.ts';

export function useCollabStatus(collab: Collaboration): CollabStatus {
  return useSyncExternalStore(
    (listener) => collab.subscribe(listener),
    () => collab.getStatus(),
  );
}
