import { useEffect } from 'react';
import { t } from '../i18n.ts';
import type { ProposalsView } from './useProposalsPanel.ts';

/**
 * The keys of proposals (PROP13), anywhere on the declaration screen, the
 * caret in a clause or not: Ctrl+Alt+S suggests new wording for the clause
 * with the caret (as Ctrl+Alt+M comments on it); Alt+PageDown and
 * Alt+PageUp go to the next and the previous open proposal in the order of
 * the text — keys no browser or editor takes, and that read as "page
 * through" to anyone who chairs from a keyboard.
 */
export const SUGGEST_KEY = 'Ctrl+Alt+S';
export const NEXT_KEY = 'Alt+PageDown';
export const PREVIOUS_KEY = 'Alt+PageUp';

export function useProposalKeys(view: ProposalsView, notify: (message: string) => void): void {
  const { mayPropose, startSuggest, step } = view;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'PageDown' || event.key === 'PageUp')) {
        event.preventDefault();
        step(event.key === 'PageDown' ? 1 : -1);
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyS' || !mayPropose) return;
      event.preventDefault();
      const clause = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-clause-id]');
      if (!clause?.dataset.clauseId) notify(t('proposals.suggest.whereFirst'));
      else if (clause.dataset.locked !== undefined) notify(t('proposals.suggest.agreed', { label: clause.dataset.label ?? '' }));
      else startSuggest(clause.dataset.clauseId);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mayPropose, startSuggest, step, notify]);
}
