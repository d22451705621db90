import { isDraftingCheck, type DraftingCheck } from '../../shared/drafting/checks.ts';
import type { Db } from './database.ts';

/**
 * Drafting remarks dismissed on clauses (docs/SPEC.md DRAFT10): a row while
 * dismissed. The document's `remarks` map mirrors `listDismissals`.
 */

/** clause id → the checks dismissed on it, in the order they were dismissed. */
export function listDismissals(db: Db, declarationId: string): Map<string, DraftingCheck[]> {
  const rows = db.prepare('SELECT clause_id, check_id FROM remark_dismissals WHERE declaration_id = ? ORDER BY at, check_id').all(declarationId) as { clause_id: string; check_id: string }[];
  const out = new Map<string, DraftingCheck[]>();
  for (const row of rows) {
    // A check a later build retired stays in SQLite but is no longer shown.
    if (!isDraftingCheck(row.check_id)) continue;
    out.set(row.clause_id, [...(out.get(row.clause_id) ?? []), row.check_id]);
  }
  return out;
}

/** The checks dismissed on one clause. */
export function clauseDismissals(db: Db, declarationId: string, clauseId: string): DraftingCheck[] {
  return listDismissals(db, declarationId).get(clauseId) ?? [];
}

/** Dismisses (or restores) a check on a clause; returns whether anything changed. */
export function setDismissed(db: Db, declarationId: string, clauseId: string, check: DraftingCheck, dismissed: boolean, participantId: string, at: number): boolean {
  if (dismissed) {
    return db.prepare('INSERT OR IGNORE INTO remark_dismissals (declaration_id, clause_id, check_id, dismissed_by, at) VALUES (?, ?, ?, ?, ?)').run(declarationId, clauseId, check, participantId, at).changes > 0;
  }
  return db.prepare('DELETE FROM remark_dismissals WHERE declaration_id = ? AND clause_id = ? AND check_id = ?').run(declarationId, clauseId, check).changes > 0;
}
