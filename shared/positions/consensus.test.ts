import { describe, expect, it } from 'vitest';
import { consensusSummary, objectionsStanding } from './consensus.ts';
import type { PositionKind, StatedPosition } from './position.ts';
import { textHash } from './textHash.ts';

const TEXT = 'Decides to cooperate closely on trade;';
const stated = (participantId: string, name: string, position: PositionKind, on = TEXT): StatedPosition => ({
  participantId,
  name,
  position,
  note: position === 'objection' || position === 'reservation' ? 'Needs "closely" removed.' : '',
  at: 1,
  textHash: textHash(on),
});
const delegations = [
  { id: 'bo', name: 'Bolivia' },
  { id: 'cu', name: 'Cuba' },
  { id: 'cl', name: 'Chile' },
  { id: 'pe', name: 'Peru' },
  { id: 'uy', name: 'Uruguay' },
];

describe('consensus summary', () => {
  it('POS3: who objects, who reserves, who accepts or lives with it, and which delegations have not been heard from, in their order', () => {
    const positions = [stated('bo', 'Bolivia', 'objection'), stated('cu', 'Cuba', 'reservation'), stated('cl', 'Chile', 'accept'), stated('pe', 'Peru', 'live-with')];
    const summary = consensusSummary(positions, delegations, TEXT);
    expect(summary.objections.map((p) => p.name)).toEqual(['Bolivia']);
    expect(summary.reservations.map((p) => p.name)).toEqual(['Cuba']);
    expect(summary.accepts.map((p) => p.name)).toEqual(['Chile']);
    expect(summary.liveWith.map((p) => p.name)).toEqual(['Peru']);
    expect(summary.notHeardFrom).toEqual(['Uruguay']);
    expect(summary.stale).toEqual([]);
    expect(consensusSummary([], delegations, TEXT).notHeardFrom).toEqual(['Bolivia', 'Cuba', 'Chile', 'Peru', 'Uruguay']);
  });

  it("POS3 POS4: a removed delegation's objection still stands and is listed, though it is no longer waited for", () => {
    const current = delegations.filter((d) => d.id !== 'bo');
    const positions = [stated('bo', 'Bolivia', 'objection'), stated('cu', 'Cuba', 'reservation')];
    const summary = consensusSummary(positions, current, TEXT);
    expect(summary.objections.map((p) => p.name)).toEqual(['Bolivia']);
    expect(summary.notHeardFrom).toEqual(['Chile', 'Peru', 'Uruguay']);
    expect(objectionsStanding(positions)).toEqual(['Bolivia']);
  });

  it('POS4: consensus is the absence of objection — a reservation, an acceptance or living with it never blocks', () => {
    expect(objectionsStanding([stated('cu', 'Cuba', 'reservation'), stated('cl', 'Chile', 'accept'), stated('pe', 'Peru', 'live-with')])).toEqual([]);
    expect(objectionsStanding([stated('bo', 'Bolivia', 'objection'), stated('uy', 'Uruguay', 'objection')])).toEqual(['Bolivia', 'Uruguay']);
  });

  it('POS5: a position stated on an earlier text is kept and marked stale; without the current text nothing is marked', () => {
    const positions = [stated('bo', 'Bolivia', 'objection', 'Decides to cooperate on trade;'), stated('cl', 'Chile', 'accept')];
    const summary = consensusSummary(positions, delegations, TEXT);
    expect(summary.objections.map((p) => p.name)).toEqual(['Bolivia']);
    expect(summary.stale.map((p) => p.name)).toEqual(['Bolivia']);
    expect(consensusSummary(positions, delegations, null).stale).toEqual([]);
  });
});
