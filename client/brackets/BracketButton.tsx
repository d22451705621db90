import { mayBracket } from '../../shared/brackets/bracketRules.ts';
import { useDeclarationContext } from '../declaration/declarationContext.ts';
import { t } from '../i18n.ts';
import { emitBracketEvent } from './bracketEvents.ts';
import { usePassageSelectedIn } from './selectedClause.ts';

/**
 * The Brackets button in a clause's rail (BRK1): there while a passage of
 * the open clause is selected, and puts it in square brackets (the clause's
 * ClauseBrackets asks the server). Shown only then: the rail is narrow and
 * holds the comment, Suggest and Position buttons already. Pressed with the
 * mouse, it keeps the editor's selection, as the comment button does.
 */
export function BracketButton({ clauseId, label, open }: { clauseId: string; label: string; open: boolean }) {
  const { me, focus } = useDeclarationContext();
  const selected = usePassageSelectedIn(clauseId);
  if (!mayBracket(me.role) || !open || !selected) return null;
  return (
    <button
      type="button"
      className="bracket-button"
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => emitBracketEvent(clauseId, { type: 'bracket', passage: focus.passage(clauseId) })}
      title={`${t('brackets.buttonTitle', { label })} (Ctrl+Alt+B)`}
      aria-label={t('brackets.buttonTitle', { label })}
      data-testid="bracket-button"
    >
      <span aria-hidden="true">[ ]</span>
    </button>
  );
}
