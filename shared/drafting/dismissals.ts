import { isDraftingCheck, type DraftingCheck } from './checks.ts';

/**
 * Drafting remarks dismissed on a clause (docs/SPEC.md DRAFT10). A remark
 * is advice: where the drafters mean it ("… ; and" kept on purpose, a
 * quotation that opens here and closes three paragraphs on), those who may
 * edit the clause dismiss it for everyone. SQLite holds the dismissals;
 * the server mirrors them into the document's `remarks` map (clause id →
 * DraftingCheck[]), which clients read live and may not write (LOCK4).
 */
export type DismissedRemarks = ReadonlyMap<string, ReadonlySet<DraftingCheck>>;

/** One clause's entry as mirrored; anything unreadable reads as nothing dismissed. */
export function readDismissed(value: unknown): DraftingCheck[] {
  return Array.isArray(value) ? value.filter(isDraftingCheck) : [];
}

/** The whole `remarks` map. */
export function readDismissals(map: { forEach(f: (value: unknown, key: string) => void): void }): DismissedRemarks {
  const out = new Map<string, Set<DraftingCheck>>();
  map.forEach((value, clauseId) => {
    const checks = readDismissed(value);
    if (checks.length > 0) out.set(clauseId, new Set(checks));
  });
  return out;
}
