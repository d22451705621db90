import type * as Y from 'yjs';
import { t } from '../i18n.ts';
import { ProposalCard } from './ProposalCard.tsx';
import { SuggestEditor, type SuggestPlace } from './SuggestEditor.tsx';
import { useClauseText } from './useClauseText.ts';
import type { ProposalsView } from './useProposalsPanel.ts';

/**
 * Under a clause (PROP3, PROP13): the suggestion being written on it, and
 * its open proposals as alternatives — Alt 1 (Chile), Alt 2 (Peru) — each
 * with its redline against the clause as it stands.
 */
export function ClauseProposals({ doc, place, agreed, view }: { doc: Y.Doc; place: SuggestPlace; agreed: boolean; view: ProposalsView }) {
  const current = useClauseText(doc, place.clauseId);
  const list = view.openByClause.get(place.clauseId) ?? [];
  const suggesting = view.suggesting === place.clauseId && !agreed && view.mayPropose;
  const expanded = view.expanded.has(place.clauseId);
  if (!suggesting && !expanded) return null;
  return (
    <section className="clause__proposals" aria-label={t('proposals.onClause', { label: place.label })} data-testid="clause-proposals">
      {suggesting && current !== null && (
        <SuggestEditor place={place} current={current} color={view.me.color} onSend={view.send} onCancel={view.cancelSuggest} />
      )}
      {/* While writing a suggestion, "no open proposals" is not news. */}
      {expanded && (list.length > 0 || !suggesting) && (
        <>
          <header className="clause__proposals-head">
            <span>{list.length === 0 ? t('proposals.noneOnClause', { label: place.label }) : t('proposals.countOn', { count: list.length, label: place.label })}</span>
            <button type="button" className="link-button" onClick={() => view.toggleClause(place.clauseId)} data-testid="hide-proposals">
              {t('proposals.hide')}
            </button>
          </header>
          {list.map((proposal, i) => (
            <ProposalCard
              key={proposal.id}
              proposal={proposal}
              place={{ label: place.label, alt: i + 1, agreed, suggest: place }}
              current={current}
              me={view.me}
              people={view.people}
              settings={view.settings}
              canAct={view.canAct}
              active={view.active === proposal.id}
              inPanel={false}
              actions={view.actions}
            />
          ))}
        </>
      )}
    </section>
  );
}
