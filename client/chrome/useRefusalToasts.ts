import { useEffect, useRef } from 'react';
import type { RefusedChange } from '../../shared/refusedChange.ts';
import { t } from '../i18n.ts';
import type { ToastAction } from './Toasts.tsx';

/**
 * A toast for each refused change of mine as it arrives (docs/SPEC.md
 * UI10), with Copy, and Show the proposal when it was made into one
 * (PROP10, PROP11) as the notices offer. Those already there when the page
 * caught up with the server are listed, not announced again.
 */
export function useRefusalToasts(
  refused: RefusedChange[],
  synced: boolean,
  describe: (change: RefusedChange) => string,
  notify: (message: string, action?: ToastAction | ToastAction[]) => void,
  showProposal?: (proposalId: string) => void,
): void {
  const known = useRef<Set<string> | null>(null);
  // The proposal may reach the page after the refusal: the button asks the latest view when pressed.
  const show = useRef(showProposal);
  show.current = showProposal;
  useEffect(() => {
    if (!synced && known.current === null) return;
    if (known.current === null) {
      known.current = new Set(refused.map((change) => change.id));
      return;
    }
    for (const change of refused) {
      if (known.current.has(change.id)) continue;
      known.current.add(change.id);
      const copy = change.attempted
        ? {
            label: t('refused.copyYourText'),
            run: () => {
              const failed = () => notify(t('copy.failed'));
              if (navigator.clipboard) navigator.clipboard.writeText(change.attempted).catch(failed);
              else failed();
            },
          }
        : undefined;
      const proposalId = change.proposalId;
      const open = proposalId && show.current ? { label: t('refused.showProposal'), run: () => show.current?.(proposalId) } : undefined;
      notify(describe(change), [open ?? [], copy ?? []].flat());
    }
  }, [refused, synced, describe, notify]);
}
