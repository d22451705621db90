import { MAX_CLAUSE_CHARS, MAX_CLAUSES } from '../../shared/document/limits.ts';
import type { RefusedChange } from '../../shared/refusedChange.ts';
import { t } from '../i18n.ts';

/**
 * A refused change in words, by reason and part (docs/SPEC.md UI6, UI10):
 * "OP3 is agreed and locked; your text was not applied." The same words at
 * the top of the page, next to the clause and in the toast.
 */
export interface RefusalPlace {
  /** The clause's label, when the change was to a clause that is still in the text. */
  label: string | null;
  /** When that clause is locked as part of an agreed paragraph: the paragraph's label. */
  agreedPart: string | null;
}

export function refusalWords(change: RefusedChange, { label, agreedPart }: RefusalPlace): string {
  const onClause = change.part === 'clause' && label !== null;
  switch (change.reason) {
    case 'agreed':
      if (!onClause) return t('refused.agreedGone');
      // PROP11: the text was kept as a proposal on the clause.
      if (change.proposalId) return t('refused.agreedProposal', { label });
      return agreedPart ? t('refused.agreedPart', { label, agreed: agreedPart }) : t('refused.agreed', { label });
    case 'role':
      if (onClause) return t('refused.role', { label });
      return change.part === 'meta' || change.part === 'signatories' ? t('refused.roleMeta') : t('refused.roleOther');
    case 'too-long':
      return onClause ? t('refused.tooLong', { label, max: MAX_CLAUSE_CHARS }) : t('refused.tooLongOther');
    case 'too-many-clauses':
      return t('refused.tooManyClauses', { max: MAX_CLAUSES });
    case 'structure':
      return onClause ? t('refused.structure', { label }) : t('refused.structureOther');
    case 'server-only':
      return t('refused.serverOnly');
    case 'proposals-only':
      // PROP10: new wording becomes a proposal; a change of structure is only refused.
      return onClause && change.proposalId ? t('refused.proposalsOnly', { label }) : t('refused.proposalsOnlyOther');
    case 'brackets':
      // BRK4: only the chair and the secretariat remove square brackets, deleting their text included.
      return onClause ? t('refused.brackets', { label }) : t('refused.bracketsOther');
    case 'frozen':
      // SIL4: a silence procedure runs, or the declaration is adopted; the typed text is kept in the notice.
      return t('refused.frozen');
  }
}
