import { createContext, useContext } from 'react';

/** What a clause row needs to offer "Discuss" (ROOM5): whether this participant may, and how. */
export interface DiscussionControls {
  /** The chair or the secretariat, connection open. */
  mayDiscuss: boolean;
  /** Puts the clause under discussion; null discusses none. */
  discuss(clauseId: string | null): void;
}

export const DiscussionContext = createContext<DiscussionControls>({ mayDiscuss: false, discuss: () => {} });

export function useDiscussionControls(): DiscussionControls {
  return useContext(DiscussionContext);
}
