import { AUDIT_KINDS, type AuditActionName, type AuditKind } from '../../shared/auditKinds.ts';
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
  /** A drafting remark dismissed on a clause for everyone, or shown again (DRAFT10); detail: { check }. */
  | 'remark-dismissed'
  | 'remark-restored'
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

type AuditRow = { id: number; at: number; actor: string; action: AuditAction; clause_id: string | null; detail: string };
const fromRow = (r: AuditRow): AuditEntry => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, clauseId: r.clause_id, detail: JSON.parse(r.detail) as Record<string, unknown> });

/** The whole log, oldest first: for the server's own readers (clause history) and the unpaged API call. */
export function listAudit(db: Db, declarationId: string): AuditEntry[] {
  const rows = db.prepare('SELECT id, at, actor, action, clause_id, detail FROM audit_log WHERE declaration_id = ? ORDER BY id').all(declarationId) as AuditRow[];
  return rows.map(fromRow);
}

/** What one page of the audit screen asks for (docs/SPEC.md AUD4); every filter given must hold. */
export interface AuditPageQuery {
  /** Only entries older than this id (the `next` of the page before). */
  before: number | null;
  limit: number;
  clauseId: string | null;
  actor: string | null;
  kinds: AuditKind[] | null;
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** The `before` of the next, older page; null when this one holds the oldest matching entry. */
  next: number | null;
}

/**
 * One page of the log, newest first, by the (declaration_id, id) index: a
 * log of 10,000 entries answers a page without reading the rest. One row
 * more than asked tells whether an older page exists.
 */
export function pageAudit(db: Db, declarationId: string, query: AuditPageQuery): AuditPage {
  const where = ['declaration_id = ?'];
  const values: (string | number)[] = [declarationId];
  if (query.before !== null) {
    where.push('id < ?');
    values.push(query.before);
  }
  if (query.clauseId !== null) {
    where.push('clause_id = ?');
    values.push(query.clauseId);
  }
  if (query.actor !== null) {
    where.push('actor = ?');
    values.push(query.actor);
  }
  if (query.kinds !== null) {
    const actions = query.kinds.flatMap((kind) => AUDIT_KINDS[kind]);
    where.push(`action IN (${actions.map(() => '?').join(', ')})`);
    values.push(...actions);
  }
  const rows = db.prepare(`SELECT id, at, actor, action, clause_id, detail FROM audit_log WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`).all(...values, query.limit + 1) as AuditRow[];
  const entries = rows.slice(0, query.limit).map(fromRow);
  return { entries, next: rows.length > query.limit ? entries.at(-1)!.id : null };
}

/** Everyone who appears in the log, as it wrote them (removed participants and "server" included): the screen's participant filter. */
export function auditActors(db: Db, declarationId: string): string[] {
  const rows = db.prepare('SELECT DISTINCT actor FROM audit_log WHERE declaration_id = ?').all(declarationId) as { actor: string }[];
  return rows.map((r) => r.actor).sort((a, b) => a.localeCompare(b));
}

// Every action has a kind on the audit screen, and every kind names only real actions: a new action breaks the build here until it is given one.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const EVERY_ACTION_HAS_A_KIND: Same<AuditAction, AuditActionName> = true;
