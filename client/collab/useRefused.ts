import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { ROOT } from '../../shared/document/names.ts';
import { readRefusedChange, type RefusedChange } from '../../shared/refusedChange.ts';

const dismissedKey = (participantId: string) => `consenso.refused.dismissed.${participantId}`;

function loadDismissed(participantId: string): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(dismissedKey(participantId)) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

/**
 * This participant's refused changes that it has not dismissed yet, newest
 * first. The server keeps them in the document; dismissing is remembered in
 * this browser only, so the text stays available elsewhere.
 */
export function useRefused(doc: Y.Doc, participantId: string): { refused: RefusedChange[]; dismiss(id: string): void } {
  const [dismissed, setDismissed] = useState(() => loadDismissed(participantId));
  const [all, setAll] = useState<RefusedChange[]>([]);
  useEffect(() => {
    const map = doc.getMap<unknown>(ROOT.refused);
    const update = () => {
      const mine: RefusedChange[] = [];
      map.forEach((value) => {
        const change = readRefusedChange(value);
        if (change && change.participantId === participantId) mine.push(change);
      });
      setAll(mine.sort((a, b) => b.at - a.at));
    };
    map.observe(update);
    update();
    return () => map.unobserve(update);
  }, [doc, participantId]);
  const dismiss = useCallback(
    (id: string) => {
      setDismissed((previous) => {
        const next = new Set(previous).add(id);
        localStorage.setItem(dismissedKey(participantId), JSON.stringify([...next]));
        return next;
      });
    },
    [participantId],
  );
  return { refused: all.filter((change) => !dismissed.has(change.id)), dismiss };
}
