import { describe, expect, it } from 'vitest';
import type { ClauseStatus } from '../clauseStatus.ts';
import type { PositionKind, StatedPosition } from './position.ts';
import { declarationProgress } from './progress.ts';

const stated = (name: string, position: PositionKind): StatedPosition => ({ participantId: `p-${name}`, name, position, note: position === 'objection' || position === 'reservation' ? 'We need more.' : '', at: 1, textHash: 'h' });
const status = (state: ClauseStatus['state']): ClauseStatus => ({ state, by: 'Argentina', at: 1 });

describe('declaration progress', () => {
  it('POS7: clauses agreed, ad ref and open out of all, clauses with an objection, passages in brackets', () => {
    const statuses = new Map([
      ['op1', status('agreed')],
      ['op2', status('ad-ref')],
      ['op3', status('open')],
    ]);
    const progress = declarationProgress({
      clauseIds: ['pp1', 'op1', 'op2', 'op3'],
      statusOf: (id) => statuses.get(id),
      positions: new Map([
        ['op1', [stated('Bolivia', 'objection')]],
        ['op2', [stated('Cuba', 'reservation'), stated('Chile', 'accept')]],
        ['op3', [stated('Chile', 'live-with'), stated('Bolivia', 'objection'), stated('Cuba', 'objection')]],
        // A deleted clause's positions and brackets are not counted.
        ['gone', [stated('Bolivia', 'objection')]],
      ]),
      bracketCount: new Map([
        ['op3', 2],
        ['pp1', 1],
        ['gone', 4],
      ]),
    });
    expect(progress).toEqual({ clauses: 4, agreed: 1, adRef: 1, open: 2, withObjection: 2, brackets: 3 });
  });

  it('POS7: an empty declaration, and one nobody has spoken on', () => {
    expect(declarationProgress({ clauseIds: [], statusOf: () => undefined, positions: new Map(), bracketCount: new Map() })).toEqual({
      clauses: 0,
      agreed: 0,
      adRef: 0,
      open: 0,
      withObjection: 0,
      brackets: 0,
    });
    expect(declarationProgress({ clauseIds: ['a', 'b'], statusOf: () => undefined, positions: new Map([['a', [stated('Cuba', 'reservation')]]]), bracketCount: new Map() })).toEqual({
      clauses: 2,
      agreed: 0,
      adRef: 0,
      open: 2,
      withObjection: 0,
      brackets: 0,
    });
  });
});
