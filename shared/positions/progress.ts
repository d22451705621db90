import { countStatuses, type ClauseStatus } from '../clauseStatus.ts';
import { objectionsStanding } from './consensus.ts';
import type { StatedPosition } from './position.ts';

/**
 * The declaration's progress as the top bar shows it (docs/SPEC.md POS7):
 * how many clauses are agreed, ad ref and open out of all, how many carry
 * a standing objection, and how many passages stand in square brackets.
 * Pure: the caller reads the document (its clauses, their statuses, the
 * `positions` map and each clause's standing brackets) and passes plain data.
 */
export interface ProgressInput {
  /** The clauses to count, in any order; positions and brackets of clauses not listed (deleted ones) are left out. */
  clauseIds: string[];
  /** A clause's status as the screen shows it (a sub-item agreed with its paragraph: agreed); undefined is open. */
  statusOf: (clauseId: string) => ClauseStatus | undefined;
  positions: Map<string, StatedPosition[]>;
  /** Standing brackets per clause whose passage still has text. */
  bracketCount: Map<string, number>;
}

export interface DeclarationProgress {
  clauses: number;
  agreed: number;
  adRef: number;
  open: number;
  /** Clauses on which at least one objection stands, whatever their status (one agreed over an objection still has it). */
  withObjection: number;
  /** Passages in square brackets, in all the clauses counted. */
  brackets: number;
}

export function declarationProgress({ clauseIds, statusOf, positions, bracketCount }: ProgressInput): DeclarationProgress {
  const counts = countStatuses(clauseIds, statusOf);
  let withObjection = 0;
  let brackets = 0;
  for (const id of clauseIds) {
    if (objectionsStanding(positions.get(id) ?? []).length > 0) withObjection++;
    brackets += bracketCount.get(id) ?? 0;
  }
  return { clauses: clauseIds.length, agreed: counts.agreed, adRef: counts['ad-ref'], open: counts.open, withObjection, brackets };
}
