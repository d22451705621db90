import { t } from '../i18n.ts';
import { agreedWith, type LockedClause } from './lockWords.ts';
import { LockIcon } from './LockIcon.tsx';

/**
 * The status of a sub-item locked because its paragraph was agreed
 * (docs/SPEC.md UI13): "Agreed with OP12", with the padlock. It is never a
 * control, the chair's included: the sub-item's status follows its
 * paragraph, and changing it means reopening the paragraph.
 */
export function AgreedWithChip({ locked, mayReopen }: { locked: LockedClause; mayReopen: boolean }) {
  const { text, title } = agreedWith(locked, mayReopen);
  return (
    <div className="status">
      <span className="status-chip status-chip--agreed status-chip--inherited" title={title} data-testid="status-chip" data-state="agreed" data-inherited="true">
        <LockIcon /> {text}
        {mayReopen && <span className="sr-only"> {t('status.reopenParent', { agreed: locked.agreedLabel })}</span>}
      </span>
    </div>
  );
}
