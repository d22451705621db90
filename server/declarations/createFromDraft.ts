import { conventionsOf, type DeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { detectLanguage } from '../../shared/import/detectLanguage.ts';
import type { ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { seedFromDraft } from '../../shared/import/seedFromDraft.ts';
import { validateDraft } from '../../shared/import/validateDraft.ts';
import type { TokenSecret } from '../auth/tokens.ts';
import { appendAudit } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import type { ParticipantRow } from '../db/participants.ts';
import type { UpdateLog } from '../db/updateLog.ts';
import { badRequest } from '../errors.ts';
import { createDeclaration, type ParticipantSpec } from './createDeclaration.ts';

/**
 * A new declaration from a zero draft (docs/SPEC.md IMP4): the draft is
 * checked strictly (it may come back from a browser, corrected), turned into
 * a seed, and the declaration, its participants, its first document state
 * and — when it was made from another declaration — an entry in the audit
 * log of both are written in one SQLite transaction: a failure leaves
 * nothing behind.
 */
export interface ImportSource {
  declarationId: string;
  /** Who asked for it, by name. */
  actor: string;
}

/** The draft as a checked `ParsedDraft`, or a 400 saying what is wrong with it. */
export function checkedDraft(value: unknown): ParsedDraft {
  const check = validateDraft(value);
  if (!check.ok) throw badRequest('bad-draft', check.problem);
  if ((check.draft.title ?? '').trim() === '') throw badRequest('draft-no-title', 'The draft has no title: give the new declaration one.');
  return check.draft;
}

function clauseCount(items: ParsedDraft['operative']): number {
  return items.reduce((n, item) => n + 1 + clauseCount(item.subitems), 0);
}

export function createFromDraft(
  deps: { db: Db; secret: TokenSecret; log: UpdateLog },
  value: unknown,
  participants: ParticipantSpec[],
  source?: ImportSource,
  language?: DeclarationLanguage,
): { id: string; participants: ParticipantRow[] } {
  const draft = checkedDraft(value);
  const seed = seedFromDraft(draft);
  // Not chosen: the language the draft is written in (DL6).
  const chosen = language ?? detectLanguage(draft);
  const { db } = deps;
  return db.transaction(() => {
    // The source's paragraph and sub-item styles become the declaration's settings (SET1); absent, the defaults.
    // A sub-item style that is the language's own is not kept: it would stop following a later change of language (DL9).
    const ownStyle = draft.subItemStyle !== undefined && draft.subItemStyle !== conventionsOf(chosen).subItemStyle;
    const printing = { ...(draft.paragraphs ? { paragraphs: draft.paragraphs } : {}), ...(ownStyle ? { subItemStyle: draft.subItemStyle } : {}) };
    const created = createDeclaration(db, deps.secret, deps.log, seed, participants, source?.actor, chosen, printing);
    if (source) {
      const counts = { preamble: draft.preamble.length, operative: clauseCount(draft.operative), signatories: draft.signatories.length };
      appendAudit(db, created.id, { actor: source.actor, action: 'created-from-draft', clauseId: null, detail: { from: source.declarationId, ...counts } });
      appendAudit(db, source.declarationId, { actor: source.actor, action: 'new-declaration-from-draft', clauseId: null, detail: { id: created.id, title: draft.title } });
    }
    return created;
  })();
}
