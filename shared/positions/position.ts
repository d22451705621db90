/**
 * A delegation's position on a clause (docs/SPEC.md POS1–POS6). Consensus
 * is the absence of objection, not a vote: positions say who can accept,
 * who can live with the text, who reserves and who objects — and so whom
 * the chair still has to hear from. SQLite holds them (with their history);
 * the server mirrors the current ones into the document's `positions` map,
 * clause id → StatedPosition[], rewritten whole on every change.
 */
export const POSITION_KINDS = ['accept', 'live-with', 'reservation', 'objection'] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];

/** A note is what a reservation or an objection says (what the delegation needs): short, and required for those two. */
export const MAX_POSITION_NOTE = 500;

export function isPositionKind(value: unknown): value is PositionKind {
  return typeof value === 'string' && (POSITION_KINDS as readonly string[]).includes(value);
}

/** Whether a position must say why (POS1): a reservation and an objection do. */
export function needsNote(kind: PositionKind): boolean {
  return kind === 'reservation' || kind === 'objection';
}

export interface StatedPosition {
  participantId: string;
  /** The delegation's name now. */
  name: string;
  position: PositionKind;
  /** '' for accept and live-with. */
  note: string;
  at: number;
  /** textHash (shared/positions/textHash.ts) of the clause's printed text when stated (POS5). */
  textHash: string;
}

function readOne(value: unknown): StatedPosition | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.participantId !== 'string' || typeof v.name !== 'string' || !isPositionKind(v.position)) return null;
  if (typeof v.at !== 'number' || typeof v.textHash !== 'string') return null;
  return { participantId: v.participantId, name: v.name, position: v.position, note: typeof v.note === 'string' ? v.note : '', at: v.at, textHash: v.textHash };
}

/** One entry of the `positions` map; anything malformed is skipped. */
export function readClausePositions(value: unknown): StatedPosition[] {
  if (!Array.isArray(value)) return [];
  return value.map(readOne).filter((p): p is StatedPosition => p !== null);
}

/** The whole `positions` map: clause id → its positions. */
export function readPositions(map: { forEach(f: (value: unknown, key: string) => void): void }): Map<string, StatedPosition[]> {
  const out = new Map<string, StatedPosition[]>();
  map.forEach((value, key) => {
    const positions = readClausePositions(value);
    if (positions.length > 0) out.set(key, positions);
  });
  return out;
}
