import { createContext, useContext } from 'react';
import type { PositionKind } from '../../shared/positions/position.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';

/**
 * What the clause rows need to show and state positions (POS1–POS3), the
 * same for every row: made once by the declaration view (usePositionsView).
 */
export interface PositionsView {
  /** The declaration's delegations (names and colours): chips' colours and "not heard from". */
  delegations: ParticipantInfo[];
  colorOf(participantId: string): string;
  /** This participant may state a position (a delegation, connection open; POS1). */
  mayState: boolean;
  /** The text is frozen by a silence procedure, running or ended in adoption (SIL4): the position button stays, disabled, saying why (SIL9). */
  frozen: 'silence' | 'adopted' | null;
  /** This participant steers by the consensus line (chair, secretariat; POS3). */
  seesConsensus: boolean;
  /** Sends this delegation's position (null: withdraws it); says the outcome in a toast. Resolves true when the server took it. */
  state(clauseId: string, label: string, position: PositionKind | null, note?: string): Promise<boolean>;
}

export const PositionsContext = createContext<PositionsView | null>(null);

export function usePositionsContext(): PositionsView {
  const value = useContext(PositionsContext);
  if (!value) throw new Error('usePositionsContext outside a PositionsContext provider');
  return value;
}
