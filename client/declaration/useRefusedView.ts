import { useCallback, useMemo } from 'react';
import type { ClauseLock } from '../../shared/clauseLock.ts';
import type { RefusedChange } from '../../shared/refusedChange.ts';
import { refusalWords } from '../chrome/refusalWords.ts';
import type { ToastAction } from '../chrome/Toasts.tsx';
import { useRefusalToasts } from '../chrome/useRefusalToasts.ts';

export interface RefusedView {
  /** By the clause they were made to, for clauses still in the text (UI10); the others are only at the top. */
  byClause: Map<string, RefusedChange[]>;
  describe(change: RefusedChange): string;
  dismiss(id: string): void;
}

/**
 * My refused changes as the screen shows them: in words (with the clause's
 * label as it reads now, and the paragraph it is locked with), by clause,
 * and announced by a toast as each arrives (docs/SPEC.md UI6, UI10).
 */
export function useRefusedView({
  refused,
  dismiss,
  labelOf,
  locks,
  synced,
  notify,
  showProposal,
}: {
  refused: RefusedChange[];
  dismiss(id: string): void;
  labelOf(id: string): string | null;
  locks: Map<string, ClauseLock>;
  synced: boolean;
  notify(message: string, action?: ToastAction | ToastAction[]): void;
  /** Shows the proposal a refused change was made into (PROP10, PROP11). */
  showProposal?(proposalId: string): void;
}): RefusedView {
  const describe = useCallback(
    (change: RefusedChange) => {
      const label = change.clauseId === null ? null : labelOf(change.clauseId);
      const lock = change.clauseId === null ? undefined : locks.get(change.clauseId);
      return refusalWords(change, { label, agreedPart: lock?.inherited ? labelOf(lock.agreedClause) : null });
    },
    [labelOf, locks],
  );
  const byClause = useMemo(() => {
    const map = new Map<string, RefusedChange[]>();
    for (const change of refused) {
      if (change.part !== 'clause' || change.clauseId === null || labelOf(change.clauseId) === null) continue;
      map.set(change.clauseId, [...(map.get(change.clauseId) ?? []), change]);
    }
    return map;
  }, [refused, labelOf]);
  useRefusalToasts(refused, synced, describe, notify, showProposal);
  return useMemo(() => ({ byClause, describe, dismiss }), [byClause, describe, dismiss]);
}
