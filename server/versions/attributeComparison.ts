import type { Comparison } from '../../shared/versions/compare.ts';
import type { Db } from '../db/database.ts';

/**
 * Attributes a comparison's inserted and deleted runs to the participants
 * whose edits made them (docs/SPEC.md CMP3), from the text history the
 * server recorded between `fromAt` and `toAt` (HIST1).
 *
 * INTERIM: the seam between the comparison (server/versions/compareVersions.ts)
 * and the history (server/versions/recordHistory.ts); it is being written now
 * and returns the comparison unattributed until then.
 */
export function attributeComparison(_db: Db, _declarationId: string, comparison: Comparison, _fromAt: number, _toAt: number): Comparison {
  return comparison;
}
