/**
 * The kinds the audit screen filters by (docs/SPEC.md AUD3): every audit
 * action belongs to exactly one. The server filters by them (`kinds=` on
 * `GET …/audit`) and the screen offers them, so both read this one list;
 * server/db/auditLog.ts checks at compile time that it names every action.
 */
export const AUDIT_KINDS = {
  status: ['status', 'lock', 'reopen', 'status-override'],
  refusals: ['refused', 'update-refused'],
  proposals: ['proposal-made', 'proposal-edited', 'proposal-withdrawn', 'proposal-supported', 'proposal-objected', 'proposal-accepted', 'proposal-rejected', 'proposal-undone'],
  positions: ['position'],
  brackets: ['bracket-added', 'bracket-requested', 'bracket-removed'],
  comments: ['thread-started', 'thread-resolved', 'thread-reopened', 'comment-deleted'],
  versions: ['version-saved', 'clause-restored', 'created-from-draft', 'new-declaration-from-draft'],
  silence: ['silence-started', 'silence-broken', 'silence-cancelled', 'silence-adopted'],
  settings: ['settings', 'editing-mode', 'numbering-frozen', 'numbering-renumbered', 'language-changed'],
  participants: ['participant-added', 'participant-revoked', 'participant-new-link', 'participant-restored'],
  remarks: ['remark-dismissed', 'remark-restored'],
} as const;

export type AuditKind = keyof typeof AUDIT_KINDS;
/** Every action the server writes to the audit log. */
export type AuditActionName = (typeof AUDIT_KINDS)[AuditKind][number];

export const AUDIT_KIND_NAMES = Object.keys(AUDIT_KINDS) as AuditKind[];

export function isAuditKind(value: string): value is AuditKind {
  return Object.hasOwn(AUDIT_KINDS, value);
}

/** The kind an action belongs to; null for one this build does not know (an older client reading a newer log). */
export function kindOfAction(action: string): AuditKind | null {
  return AUDIT_KIND_NAMES.find((kind) => (AUDIT_KINDS[kind] as readonly string[]).includes(action)) ?? null;
}

/** The most entries one page of the audit log holds, and how many when the caller does not say (AUD4). */
export const AUDIT_PAGE_MAX = 200;
export const AUDIT_PAGE_DEFAULT = 100;
