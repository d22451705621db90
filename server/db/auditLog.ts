import type { Db } from './database.ts';

/**
 * The append-only record of what happened to a declaration (triggers in the
 * schema refuse updates and deletes). `detail` is JSON. Comments themselves
 * are not audited (they are their own record); starting, resolving,
 * reopening and deleting are, and so are settings.
 */
export type AuditAction =
  | 'status'
  | 'lock'
  | 'reopen'
  | 'refused'
  | 'participant-added'
  | 'participant-revoked'
  | 'participant-new-link'
  /** A removed participant brought back, with a new link (docs/SPEC.md PART2). */
  | 'participant-restored'
  | 'thread-started'
  | 'thread-resolved'
  | 'thread-reopened'
  | 'comment-deleted'
  | 'settings'
  /** The chair switched between direct editing and proposals only (docs/SPEC.md PROP9). */
  | 'editing-mode'
  /** Proposals (PROP12): detail carries the proposal id, and for a reaction its kind and whether it was given or taken back. */
  | 'proposal-made'
  | 'proposal-edited'
  | 'proposal-withdrawn'
  | 'proposal-supported'
  | 'proposal-objected'
  | 'proposal-accepted'
  | 'proposal-rejected'
  | 'proposal-undone'
  /** A delegation stated, changed or withdrew its position on a clause (POS1); detail: { position, note?, previous? }. */
  | 'position'
  /** The chair set a clause agreed over an objection (POS4); detail: { reason, objections: [names] }. */
  | 'status-override'
  /** Square brackets put around a passage, asked for again by another delegation, or removed (BRK1, BRK4); detail: { bracketId, quote, how? }. */
  | 'bracket-added'
  | 'bracket-requested'
  | 'bracket-removed'
  /** The chair froze the numbering or renumbered (WN1, WN5); detail: { clauses }. */
  | 'numbering-frozen'
  | 'numbering-renumbered'
  /** A named version saved, by a participant or at a milestone (VER1); detail: { versionId, name, origin }. */
  | 'version-saved'
  /** An earlier text of a clause restored from its history (HIST2); detail: { entryId }. */
  | 'clause-restored'
  /** In a declaration made from an imported draft: where from (docs/SPEC.md IMP4). */
  | 'created-from-draft'
  /** In the declaration whose chair or secretariat made a new one from a draft: its id. */
  | 'new-declaration-from-draft'
  /** Silence procedure (SIL1, SIL5, SIL6, SIL7); detail: { procedureId, deadline?, reason?, versionId? }. Adoption's actor is "server". */
  | 'silence-started'
  | 'silence-broken'
  | 'silence-cancelled'
  | 'silence-adopted'
  /** The declaration's language changed after it was made (DL9); detail: { from, to, formula?: { from, to } } when the default formula was replaced too. */
  | 'language-changed'
  /** A client's update refused before it was applied, and its connection closed (docs/SPEC.md WIRE4). */
  | 'update-refused';

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: AuditAction;
  clauseId: string | null;
  detail: Record<string, unknown>;
}

export function appendAudit(db: Db, declarationId: string, entry: Omit<AuditEntry, 'id' | 'at'> & { at?: number }): void {
  db.prepare('INSERT INTO audit_log (declaration_id, at, actor, action, clause_id, detail) VALUES (?, ?, ?, ?, ?, ?)').run(
    declarationId,
    entry.at ?? Date.now(),
    entry.actor,
    entry.action,
    entry.clauseId,
    JSON.stringify(entry.detail),
  );
}

export function listAudit(db: Db, declarationId: string): AuditEntry[] {
  const rows = db.prepare('SELECT id, at, actor, action, clause_id, detail FROM audit_log WHERE declaration_id = ? ORDER BY id').all(declarationId) as {
    id: number;
    at: number;
    actor: string;
    action: AuditAction;
    clause_id: string | null;
    detail: string;
  }[];
  return rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, clauseId: r.clause_id, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
