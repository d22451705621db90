/**
 * The clause under discussion (docs/SPEC.md ROOM1): the one clause the
 * chair or the secretariat has put before the room. The server writes it
 * into the `room` map under `current` (docs/document-model.md); clients
 * read it live and set it only through `PUT …/current-clause`. Absent while
 * no clause is under discussion.
 */
export interface CurrentClause {
  clauseId: string;
  /** Who set it (a name, as the server knew it then). */
  by: string;
  /** When, in ms since the epoch. */
  at: number;
}

/** The key of the `room` map that holds the CurrentClause. */
export const CURRENT_KEY = 'current';

/** The `room` map's `current` entry; null when no clause is under discussion or the entry cannot be read. */
export function readCurrentClause(map: { get(key: string): unknown }): CurrentClause | null {
  const value = map.get(CURRENT_KEY);
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.clauseId !== 'string' || typeof v.by !== 'string' || typeof v.at !== 'number') return null;
  return { clauseId: v.clauseId, by: v.by, at: v.at };
}

/**
 * The clause the chair's ↑/↓ (Alt+Shift) moves the discussion to, in
 * reading order (`order`: every clause id as the text reads): the next or
 * the previous one, staying at either end; from no clause (or one no longer
 * in the text), ↓ starts at the first clause and ↑ at the last.
 */
export function stepClause(order: readonly string[], current: string | null, step: 1 | -1): string | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at === -1) return step === 1 ? order[0]! : order[order.length - 1]!;
  return order[Math.min(order.length - 1, Math.max(0, at + step))]!;
}
