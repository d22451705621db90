import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { ROOT } from '../../shared/document/names.ts';
import { readClausePositions, readPositions, type StatedPosition } from '../../shared/positions/position.ts';
import { useRootMap } from '../collab/useRootMap.ts';

const NONE: StatedPosition[] = [];

function readOf(map: Y.Map<unknown>, clauseId: string): StatedPosition[] {
  const list = readClausePositions(map.get(clauseId));
  return list.length === 0 ? NONE : list;
}

/**
 * One clause's positions as the server mirrors them (POS2), live. A row
 * listens to its own entry only: a position stated on OP3 re-renders OP3,
 * not the 200 rows around it.
 */
export function useClausePositions(doc: Y.Doc, clauseId: string): StatedPosition[] {
  const [positions, setPositions] = useState(() => readOf(doc.getMap<unknown>(ROOT.positions), clauseId));
  useEffect(() => {
    const map = doc.getMap<unknown>(ROOT.positions);
    const update = (event?: Y.YMapEvent<unknown>) => {
      if (event && !event.keysChanged.has(clauseId)) return;
      setPositions(readOf(map, clauseId));
    };
    map.observe(update);
    update();
    return () => map.unobserve(update);
  }, [doc, clauseId]);
  return positions;
}

const readAll = (map: Y.Map<unknown>) => readPositions(map);

/** Every clause's positions, live: for the declaration's progress (POS7). */
export function usePositions(doc: Y.Doc): Map<string, StatedPosition[]> {
  return useRootMap(doc, ROOT.positions, readAll);
}
