import type * as Y from 'yjs';
import type { Proposal } from '../../shared/proposals/proposal.ts';
import { can } from '../../shared/permissions.ts';
import { t } from '../i18n.ts';
import { EditingSettings } from './EditingSettings.tsx';
import { NEXT_KEY, PREVIOUS_KEY } from './proposalKeys.ts';
import { ProposalCard, type ProposalPlace } from './ProposalCard.tsx';
import { matchesProposalFilter, sortProposals } from './proposalFilter.ts';
import { useClauseText } from './useClauseText.ts';
import type { ProposalsView } from './useProposalsPanel.ts';
import './proposals.css';

function PanelCard({ doc, proposal, place, view }: { doc: Y.Doc; proposal: Proposal; place: ProposalPlace; view: ProposalsView }) {
  const current = useClauseText(doc, proposal.clauseId);
  return (
    <ProposalCard
      proposal={proposal}
      place={place}
      current={current}
      me={view.me}
      people={view.people}
      settings={view.settings}
      canAct={view.canAct}
      active={view.active === proposal.id}
      inPanel
      actions={view.actions}
    />
  );
}

/**
 * The side panel of proposals (PROP13), beside the text like the comments
 * panel: going through the open ones one by one, filters (open / decided,
 * by delegation, by clause), every proposal in the order of the text, and
 * for the chair the editing mode.
 */
export function ProposalsPanel({
  doc,
  view,
  placeOf,
  positionOf,
}: {
  doc: Y.Doc;
  view: ProposalsView;
  placeOf(proposal: Proposal): ProposalPlace;
  positionOf(clauseId: string): number | undefined;
}) {
  const { panel } = view;
  const { filter } = panel;
  const all = sortProposals(view.proposals.values(), positionOf);
  // The chosen proposal stays in view once decided, so that its outcome shows.
  const shown = all.filter((p) => p.id === view.active || matchesProposalFilter(p, filter));
  const authors = [...new Map(all.map((p) => [p.authorId, p.author])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const clauses = [...new Set(all.map((p) => p.clauseId))];
  const set = (change: Partial<typeof filter>) => panel.setFilter({ ...filter, ...change });
  const at = view.openInOrder.findIndex((p) => p.id === view.active);

  return (
    <aside className="comments-panel proposals-panel" aria-label={t('proposals.title')} data-testid="proposals-panel" onKeyDown={(e) => e.key === 'Escape' && e.target === e.currentTarget && panel.close()}>
      <header className="comments-panel__header">
        <h2>{t('proposals.title')}</h2>
        <button type="button" className="button button--quiet" onClick={panel.close} data-testid="close-proposals">
          {t('proposals.close')}
        </button>
      </header>

      <nav className="proposals-nav" aria-label={t('proposals.nav.label')}>
        <span className="proposals-nav__where" data-testid="proposals-nav-where">
          {view.openInOrder.length === 0
            ? t('proposals.nav.none')
            : at === -1
              ? t('proposals.nav.count', { count: view.openInOrder.length })
              : t('proposals.nav.at', { n: at + 1, count: view.openInOrder.length })}
        </span>
        <button type="button" className="button button--quiet" disabled={view.openInOrder.length === 0} onClick={() => view.step(-1)} title={`${t('proposals.nav.previous')} (${PREVIOUS_KEY})`} data-testid="proposals-previous">
          ‹ {t('proposals.nav.previous')}
        </button>
        <button type="button" className="button button--quiet" disabled={view.openInOrder.length === 0} onClick={() => view.step(1)} title={`${t('proposals.nav.next')} (${NEXT_KEY})`} data-testid="proposals-next">
          {t('proposals.nav.next')} ›
        </button>
        <span className="proposals-nav__keys">{t('proposals.nav.keys', { previous: PREVIOUS_KEY, next: NEXT_KEY })}</span>
      </nav>

      <fieldset className="comments-filters" aria-label={t('proposals.filters')}>
        <div className="segmented" role="radiogroup" aria-label={t('proposals.filterState')}>
          {(['open', 'decided', 'all'] as const).map((state) => (
            <label key={state} className={filter.state === state ? 'is-on' : undefined}>
              <input type="radio" name="proposal-state" checked={filter.state === state} onChange={() => set({ state })} data-testid={`proposals-filter-${state}`} />
              {t(`proposals.filter.${state}`)}
            </label>
          ))}
        </div>
        <select aria-label={t('proposals.filter.byLabel')} value={filter.authorId ?? ''} onChange={(e) => set({ authorId: e.target.value || null })} data-testid="proposals-filter-by">
          <option value="">{t('proposals.filter.anyone')}</option>
          {authors.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label={t('proposals.filter.clauseLabel')} value={filter.clauseId ?? ''} onChange={(e) => set({ clauseId: e.target.value || null })} data-testid="proposals-filter-clause">
          <option value="">{t('proposals.filter.anyClause')}</option>
          {clauses.map((id) => (
            <option key={id} value={id}>
              {placeOf(all.find((p) => p.clauseId === id)!).label ?? t('proposals.clauseGone')}
            </option>
          ))}
        </select>
      </fieldset>

      {view.proposalsOnly && <p className="comments-panel__note">{t('proposals.proposalsOnlyHint')}</p>}
      <div className="comments-panel__list">
        {shown.length === 0 ? (
          <p className="empty" data-testid="proposals-empty">
            {all.length === 0 ? (view.mayPropose ? t('proposals.emptyAll') : t('proposals.emptyAllReader')) : t('proposals.emptyFiltered')}
          </p>
        ) : (
          shown.map((proposal) => <PanelCard key={proposal.id} doc={doc} proposal={proposal} place={placeOf(proposal)} view={view} />)
        )}
      </div>

      {can(view.me.role, 'changeSettings') && view.canAct && (
        <div className="comments-panel__setting">
          <EditingSettings settings={view.settings} onChange={view.setSettings} />
        </div>
      )}
    </aside>
  );
}
