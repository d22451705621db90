import { useEffect, useRef } from 'react';
import type { RefusedChange } from '../../shared/refusedChange.ts';
import { t } from '../i18n.ts';

/**
 * A toast for each refused change of mine as it arrives (docs/SPEC.md
 * UI10), with Copy. Those already there when the page caught up with the
 * server are listed, not announced again.
 */
export function useRefusalToasts(
  refused: RefusedChange[],
  synced: boolean,
  describe: (change: RefusedChange) => string,
  notify: (message: string, action?: { label: string; run(): void }) => void,
): void {
  const known = useRef<Set<string> | null>(null);
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
      notify(describe(change), copy);
    }
  }, [refused, synced, describe, notify]);
}
