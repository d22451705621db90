/**
 * Square brackets: a passage of a clause that is not agreed (docs/SPEC.md
 * BRK1–BRK8). The passage lies between two Yjs relative positions in the
 * clause's text, so it follows the text through concurrent edits; the text
 * itself carries nothing, and a client cannot forge, move or drop brackets
 * by writing to it (docs/document-model.md "Square brackets"). SQLite holds
 * them; the server mirrors each into the document's `brackets` map, one
 * plain value rewritten whole on every change. Removed brackets stay in the
 * map, with `removed`, as proposals do.
 */
export interface BracketRequest {
  participantId: string;
  /** The participant's name now. */
  name: string;
  at: number;
}

export interface Bracket {
  id: string;
  clauseId: string;
  /** base64 of `Y.encodeRelativePosition`: before the passage's first character (shared/document/bracketRange.ts). */
  start: string;
  /** base64 of `Y.encodeRelativePosition`: after its last character. */
  end: string;
  /** The passage as it read when bracketed. */
  quote: string;
  at: number;
  /** Who asked for the brackets, first asker first (BRK2: several delegations may ask for the same brackets). */
  requestedBy: BracketRequest[];
  /** `removed`: brackets taken away, text kept; `deleted`: the bracketed text was deleted (BRK4). */
  removed?: { by: string; at: number; how: 'removed' | 'deleted' };
}

/** At most this many brackets stand in one declaration: each is checked on every edit of its clause. */
export const MAX_BRACKETS = 2000;

function readRequest(value: unknown): BracketRequest | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  return typeof v.participantId === 'string' && typeof v.name === 'string' && typeof v.at === 'number' ? { participantId: v.participantId, name: v.name, at: v.at } : null;
}

/** One entry of the `brackets` map; anything malformed reads as null. */
export function readBracket(value: unknown): Bracket | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || typeof v.clauseId !== 'string' || typeof v.start !== 'string' || typeof v.end !== 'string') return null;
  if (typeof v.quote !== 'string' || typeof v.at !== 'number' || !Array.isArray(v.requestedBy)) return null;
  const bracket: Bracket = {
    id: v.id,
    clauseId: v.clauseId,
    start: v.start,
    end: v.end,
    quote: v.quote,
    at: v.at,
    requestedBy: v.requestedBy.map(readRequest).filter((r): r is BracketRequest => r !== null),
  };
  const removed = v.removed as Record<string, unknown> | undefined;
  if (typeof removed === 'object' && removed !== null && typeof removed.by === 'string' && typeof removed.at === 'number') {
    bracket.removed = { by: removed.by, at: removed.at, how: removed.how === 'deleted' ? 'deleted' : 'removed' };
  }
  return bracket;
}

/** The brackets that stand (not removed), in the order they were made. */
export function standingBrackets(map: { forEach(f: (value: unknown, key: string) => void): void }): Bracket[] {
  const out: Bracket[] = [];
  map.forEach((value) => {
    const bracket = readBracket(value);
    if (bracket !== null && bracket.removed === undefined) out.push(bracket);
  });
  return out.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
}
