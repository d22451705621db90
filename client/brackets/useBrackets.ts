import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { standingBrackets, type Bracket } from '../../shared/brackets/bracket.ts';
import { bracketRanges, type BracketRange } from '../../shared/document/bracketRange.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';
import { useDocCount } from '../collab/useDocCount.ts';

/**
 * The brackets that stand, as the server mirrors them (root map `brackets`,
 * BRK7), read once per change for the whole screen: every clause row asks
 * for its own, and 200 rows each reading the map would be 200 reads.
 */
interface StandingStore {
  snapshot: Bracket[];
  listeners: Set<() => void>;
}

const stores = new WeakMap<Y.Doc, StandingStore>();

function storeOf(doc: Y.Doc): StandingStore {
  const store = stores.get(doc);
  if (store) return store;
  const map = doc.getMap<unknown>(ROOT.brackets);
  const created: StandingStore = { snapshot: standingBrackets(map), listeners: new Set() };
  // Kept for the document's life: the document is the screen's, and goes with it.
  map.observe(() => {
    created.snapshot = standingBrackets(map);
    for (const listener of created.listeners) listener();
  });
  stores.set(doc, created);
  return created;
}

/** The brackets that stand now. */
export function standingSnapshot(doc: Y.Doc): Bracket[] {
  return storeOf(doc).snapshot;
}

/** Calls `listener` after each change of the `brackets` map. */
export function subscribeStanding(doc: Y.Doc, listener: () => void): () => void {
  const store = storeOf(doc);
  store.listeners.add(listener);
  return () => store.listeners.delete(listener);
}

/** The brackets that stand, live. Clients only read them; the API writes. */
export function useStandingBrackets(doc: Y.Doc): Bracket[] {
  const subscribe = useCallback((listener: () => void) => subscribeStanding(doc, listener), [doc]);
  return useSyncExternalStore(subscribe, () => standingSnapshot(doc));
}

export interface ClauseBrackets {
  /** The clause's brackets whose passage is in the text, in text order, each with where it stands now. */
  list: { bracket: Bracket; range: BracketRange }[];
}

const NONE: ClauseBrackets = { list: [] };

function readClause(doc: Y.Doc, clauseId: string, mine: Bracket[]): ClauseBrackets {
  if (mine.length === 0) return NONE;
  const ranges = bracketRanges(doc, mine).get(clauseId) ?? [];
  const byId = new Map(mine.map((b) => [b.id, b]));
  return { list: ranges.map((range) => ({ bracket: byId.get(range.id)!, range })) };
}

function sameClause(a: ClauseBrackets, b: ClauseBrackets): boolean {
  return (
    a.list.length === b.list.length &&
    a.list.every((x, i) => {
      const y = b.list[i]!;
      return x.bracket === y.bracket && x.range.start === y.range.start && x.range.end === y.range.end;
    })
  );
}

/**
 * One clause's brackets where they stand now (BRK3), live: again when the
 * `brackets` map changes and, while the clause has any, when its text does
 * (a passage whose text was all deleted no longer counts).
 */
export function useClauseBrackets(doc: Y.Doc, clauseId: string): ClauseBrackets {
  const standing = useStandingBrackets(doc);
  const [mine, setMine] = useState<Bracket[]>([]);
  useEffect(() => {
    const next = standing.filter((b) => b.clauseId === clauseId);
    // The same brackets as before: keep the array, so that nothing below re-renders for another clause's brackets.
    setMine((current) => (current.length === next.length && current.every((b, i) => b === next[i]) ? current : next));
  }, [standing, clauseId]);
  const [value, setValue] = useState<ClauseBrackets>(NONE);
  useEffect(() => {
    const update = () => {
      const next = readClause(doc, clauseId, mine);
      setValue((current) => (sameClause(current, next) ? current : next));
    };
    update();
    if (mine.length === 0) return;
    const body = clausesMap(doc).get(clauseId)?.get(CLAUSE_FIELD.body);
    if (!(body instanceof Y.XmlFragment)) return;
    body.observeDeep(update);
    return () => body.unobserveDeep(update);
  }, [doc, clauseId, mine]);
  return value;
}

function countAll(doc: Y.Doc): number {
  let count = 0;
  for (const list of bracketRanges(doc, standingBrackets(doc.getMap(ROOT.brackets))).values()) count += list.length;
  return count;
}

/** How many passages of the declaration stand in brackets now (BRK3, BRK6), shortly after each change; 0 without a document. */
export function useBracketCount(doc: Y.Doc | null): number {
  return useDocCount(doc, countAll, 0);
}
