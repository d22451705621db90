import type * as Y from 'yjs';

/**
 * What a clause's editor asks of the clause's bracket controls in its rail
 * (client/brackets/ClauseBrackets.tsx): the editor knows the keys and the
 * clicks, the rail knows the declaration, the participant and the API. A
 * plain hub keyed by clause id keeps the editor free of both.
 */
export type BracketEvent =
  /** Ctrl+Alt+B: bracket this passage (BRK1); null when nothing is selected. */
  | { type: 'bracket'; passage: { from: Y.RelativePosition; to: Y.RelativePosition } | null }
  /** A bracket was clicked: say who asked for it. */
  | { type: 'show'; bracketId: string };

const listeners = new Map<string, Set<(event: BracketEvent) => void>>();

export function onBracketEvent(clauseId: string, listener: (event: BracketEvent) => void): () => void {
  const set = listeners.get(clauseId) ?? new Set();
  set.add(listener);
  listeners.set(clauseId, set);
  return () => {
    set.delete(listener);
    if (set.size === 0 && listeners.get(clauseId) === set) listeners.delete(clauseId);
  };
}

/** False when nothing listens (a clause shown without its rail). */
export function emitBracketEvent(clauseId: string, event: BracketEvent): boolean {
  const set = listeners.get(clauseId);
  if (!set || set.size === 0) return false;
  for (const listener of set) listener(event);
  return true;
}
