import { t } from '../i18n.ts';
import type { ClauseCommands } from './clauseActions.ts';

/** The clause's tools, shown when the clause is active or hovered. Real buttons, each with its shortcut in its title. */
export function ClauseTools({
  label,
  commands,
  canAddSubitem,
  canMoveUp,
  canMoveDown,
  onAddHeading,
}: {
  label: string;
  commands: ClauseCommands;
  canAddSubitem: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Present for the chair and the secretariat on a paragraph without a heading. */
  onAddHeading?: () => void;
}) {
  const keepFocus = (event: React.MouseEvent) => event.preventDefault();
  return (
    <div className="clause-tools" role="toolbar" aria-label={t('clause.tools', { label })}>
      <button type="button" onMouseDown={keepFocus} onClick={commands.addBefore} title={t('clause.addBefore')} aria-label={`${t('clause.addBefore')} ${label}`} data-testid="add-before">
        <span aria-hidden="true">↥+</span>
      </button>
      <button type="button" onMouseDown={keepFocus} onClick={commands.addAfter} title={`${t('clause.addAfter')} (Enter)`} aria-label={`${t('clause.addAfter')} ${label}`} data-testid="add-after">
        <span aria-hidden="true">↧+</span>
      </button>
      {canAddSubitem && (
        <button type="button" onMouseDown={keepFocus} onClick={commands.addSubitem} title={t('clause.addSubitem')} aria-label={`${t('clause.addSubitem')} ${label}`} data-testid="add-subitem">
          <span aria-hidden="true">↳+</span>
        </button>
      )}
      {onAddHeading && (
        <button type="button" onClick={onAddHeading} title={t('clauseHeading.add')} aria-label={`${t('clauseHeading.add')} ${label}`} data-testid="add-heading">
          <span aria-hidden="true">§+</span>
        </button>
      )}
      <button type="button" onMouseDown={keepFocus} onClick={() => commands.move('up', 1)} disabled={!canMoveUp} title={`${t('clause.moveUp')} (Alt+↑)`} aria-label={`${t('clause.moveUp')} ${label}`} data-testid="move-up">
        <span aria-hidden="true">↑</span>
      </button>
      <button type="button" onMouseDown={keepFocus} onClick={() => commands.move('down', 1)} disabled={!canMoveDown} title={`${t('clause.moveDown')} (Alt+↓)`} aria-label={`${t('clause.moveDown')} ${label}`} data-testid="move-down">
        <span aria-hidden="true">↓</span>
      </button>
      <button type="button" onMouseDown={keepFocus} onClick={commands.remove} title={t('clause.delete')} aria-label={`${t('clause.delete')} ${label}`} className="clause-tools__delete" data-testid="delete">
        <span aria-hidden="true">✕</span>
      </button>
    </div>
  );
}
