import type { ClauseKind } from './clauseKind.ts';

/**
 * Frozen numbering (docs/SPEC.md WN1–WN7). Until the chair freezes it,
 * clause numbers follow order (shared/numbering.ts). Once frozen, each
 * clause keeps the number it had; a clause added later is numbered after
 * the frozen clause before it — OP7 bis, OP7 ter … — and a deleted clause
 * leaves its number unused ("OP5 [deleted]") until the chair renumbers.
 *
 * What is kept is each clause's own number in its group (the preamble, the
 * operative part, or one clause's sub-items) as the pair (n, m): n the
 * number, m the multiplier (1: plain, 2: bis, 3: ter …). It is the record of
 * a decision, not a derived value: everything else — labels, markers,
 * placeholders — is still computed from it and from the order of the
 * clauses. The server writes it into the `numbering` map under `frozen`.
 */
export interface OwnNumber {
  /** 1-based number in its group; 0 for clauses added before the first (OP0 bis). */
  n: number;
  /** 1: the number itself; 2: bis; 3: ter … (latinMultiplier). */
  m: number;
}

export interface FrozenNumber extends OwnNumber {
  kind: ClauseKind;
  /** The parent (for a sub-item) when frozen; null for a paragraph. */
  parent: string | null;
}

export interface FrozenNumbering {
  at: number;
  /** Who froze or last renumbered (a name). */
  by: string;
  /** clause id → its number when frozen; clauses deleted since stay (their numbers stay unused). */
  numbers: Record<string, FrozenNumber>;
}

const UNITS = ['', 'semel', 'bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies'];
const TEENS = ['decies', 'undecies', 'duodecies', 'terdecies', 'quaterdecies', 'quindecies', 'sexdecies', 'septdecies', 'octodecies', 'novodecies'];
const TENS = ['', '', 'vicies', 'tricies', 'quadragies', 'quinquagies', 'sexagies', 'septuagies', 'octogies', 'nonagies'];

/**
 * The Latin multiplicative adverb for m ≥ 2, as drafters write it: bis,
 * ter, quater, quinquies, sexies, septies, octies, novies, decies,
 * undecies … novodecies, vicies, vicies semel, vicies bis … nonagies
 * novies; from 100 on, the number itself ("100"), which no negotiation
 * has needed.
 */
export function latinMultiplier(m: number): string {
  if (!Number.isInteger(m) || m < 2) return '';
  if (m < 10) return UNITS[m]!;
  if (m < 20) return TEENS[m - 10]!;
  if (m < 100) {
    const unit = m % 10;
    return unit === 0 ? TENS[Math.floor(m / 10)]! : `${TENS[Math.floor(m / 10)]!} ${UNITS[unit]!}`;
  }
  return String(m);
}

function readNumber(value: unknown): FrozenNumber | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (v.kind !== 'preamble' && v.kind !== 'operative') return null;
  if (typeof v.n !== 'number' || !Number.isInteger(v.n) || v.n < 0 || typeof v.m !== 'number' || !Number.isInteger(v.m) || v.m < 1) return null;
  const parent = typeof v.parent === 'string' ? v.parent : null;
  return { kind: v.kind, parent, n: v.n, m: v.m };
}

/** The `numbering` map's `frozen` entry; null when the numbering is not frozen or the entry cannot be read. */
export function readFrozenNumbering(map: { get(key: string): unknown }): FrozenNumbering | null {
  const value = map.get('frozen');
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.at !== 'number' || typeof v.by !== 'string' || typeof v.numbers !== 'object' || v.numbers === null) return null;
  const numbers: Record<string, FrozenNumber> = {};
  for (const [id, raw] of Object.entries(v.numbers as Record<string, unknown>)) {
    const number = readNumber(raw);
    if (number !== null) numbers[id] = number;
  }
  return { at: v.at, by: v.by, numbers };
}
