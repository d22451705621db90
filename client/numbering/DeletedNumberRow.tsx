import type { DeletedNumber } from '../../shared/numbering.ts';
import { t } from '../i18n.ts';

/**
 * "OP5 [deleted]" where OP5 was (WN3): the number of a clause deleted since
 * the numbering was frozen stays unused, and the text says so until the
 * chair renumbers. Not a clause: nothing in it can be edited or focused.
 */
export function DeletedNumberRow({ deleted, depth }: { deleted: DeletedNumber; depth: number }) {
  return (
    <p
      className={`deleted-number deleted-number--${deleted.kind} deleted-number--depth-${depth}`}
      title={t('numbering.deletedTitle', { label: deleted.label })}
      data-testid="deleted-number"
      data-label={deleted.label}
    >
      {t('numbering.deleted', { label: deleted.label })}
    </p>
  );
}
