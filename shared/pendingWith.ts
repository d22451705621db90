import type { ClauseStatus } from './clauseStatus.ts';
import { sameName } from './participantName.ts';
import type { Role } from './roles.ts';

/**
 * "Ad referendum, pending …" (docs/SPEC.md STAT3). A status names the
 * delegations whose confirmation it waits for; the chair chooses them among
 * the declaration's current delegations. Names, not participant ids, are
 * stored: a delegation is a state, it keeps its name (participants cannot
 * be renamed, and a name belongs to one current participant: PART2), and a
 * delegation removed and restored, or added again under its name, is still
 * the one the room is waiting for.
 */
export interface PendingChoice {
  /** The delegations' names as the declaration spells them, each once, in the order given. */
  names: string[];
  /** What was asked for that is not a current delegation of the declaration. */
  unknown: string[];
}

export function choosePending(requested: readonly string[], delegations: readonly string[]): PendingChoice {
  const names: string[] = [];
  const unknown: string[] = [];
  for (const name of requested) {
    const match = delegations.find((d) => sameName(d, name));
    if (match === undefined) {
      if (!unknown.some((u) => sameName(u, name))) unknown.push(name.trim());
    } else if (!names.includes(match)) {
      names.push(match);
    }
  }
  return { names, unknown };
}

/** Whether a clause waits for this participant's confirmation: a delegation named among the pending of an ad ref. */
export function isPendingWith(status: ClauseStatus | undefined, participant: { name: string; role: Role }): boolean {
  return participant.role === 'delegation' && status?.state === 'ad-ref' && (status.pending ?? []).some((p) => sameName(p, participant.name));
}
