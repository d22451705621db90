import type { StatedPosition } from './position.ts';
import { textHash } from './textHash.ts';

/**
 * What the chair reads off a clause's positions (POS2, POS3, POS5): who
 * objects, who reserves, who can accept or live with it, and who has not
 * been heard from — every current delegation without a position.
 */
export interface ConsensusSummary {
  objections: StatedPosition[];
  reservations: StatedPosition[];
  accepts: StatedPosition[];
  liveWith: StatedPosition[];
  /** Names of the current delegations that have stated nothing, in the order given. */
  notHeardFrom: string[];
  /** Positions stated on an earlier text of the clause than the one now (POS5). */
  stale: StatedPosition[];
}

/**
 * `delegations`: the declaration's current delegations (id and name). A
 * position of someone no longer among them (revoked) still counts: an
 * objection stands until withdrawn.
 */
export function consensusSummary(positions: StatedPosition[], delegations: { id: string; name: string }[], currentText: string | null): ConsensusSummary {
  const stated = new Set(positions.map((p) => p.participantId));
  const hash = currentText === null ? null : textHash(currentText);
  return {
    objections: positions.filter((p) => p.position === 'objection'),
    reservations: positions.filter((p) => p.position === 'reservation'),
    accepts: positions.filter((p) => p.position === 'accept'),
    liveWith: positions.filter((p) => p.position === 'live-with'),
    notHeardFrom: delegations.filter((d) => !stated.has(d.id)).map((d) => d.name),
    stale: hash === null ? [] : positions.filter((p) => p.textHash !== hash),
  };
}

/** POS4: consensus is the absence of objection — the names of those whose objection stands. */
export function objectionsStanding(positions: StatedPosition[]): string[] {
  return positions.filter((p) => p.position === 'objection').map((p) => p.name);
}
