import type { PositionKind, StatedPosition } from '../../shared/positions/position.ts';
import { api } from '../api.ts';

/**
 * The position route of the API (docs/API.md, SPEC POS1). The screen reads
 * positions from the document's mirror (root map `positions`), so the
 * answer only matters for errors.
 */
export const positionsApi = {
  /** States a delegation's own position on a clause, or withdraws it (`null`). */
  state: (declarationId: string, clauseId: string, position: PositionKind | null, note = '') =>
    api<{ positions: StatedPosition[] }>(
      declarationId,
      `/clauses/${encodeURIComponent(clauseId)}/position`,
      position !== null && note.trim() !== '' ? { position, note: note.trim() } : { position },
      'PUT',
    ),
};
