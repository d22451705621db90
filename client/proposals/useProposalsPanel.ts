import { useCallback, useMemo, useState } from 'react';
import { alternatives, type Proposal } from '../../shared/proposals/proposal.ts';
import { can } from '../../shared/permissions.ts';
import { mayDecide, mayPropose } from '../../shared/proposals/proposalRules.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import { editsClausesDirectly, type DeclarationSettings } from '../../shared/settings.ts';
import { ApiError } from '../api.ts';
import { t } from '../i18n.ts';
import type { ProposalActions } from './ProposalCard.tsx';
import { DEFAULT_PROPOSAL_FILTER, sortProposals, type ProposalFilter } from './proposalFilter.ts';
import { proposalsApi, type NewProposal } from './proposalsApi.ts';

/** Everything the screen needs about proposals: beside each clause, under it, in the side panel and in the top bar. */
export interface ProposalsView {
  proposals: Map<string, Proposal>;
  /** The open proposals of each clause, as its alternatives Alt 1, Alt 2 … (PROP3). */
  openByClause: Map<string, Proposal[]>;
  /** Every open proposal in the order of the text: the chair goes through them one by one. */
  openInOrder: Proposal[];
  settings: DeclarationSettings;
  people: ParticipantInfo[];
  me: ParticipantInfo;
  /** May propose now (a role that proposes, connection not closed). */
  mayPropose: boolean;
  /** May accept and reject (the chair; the secretariat if the chair allows it). */
  mayDecide: boolean;
  /** A delegation in "proposals only" mode: the text is read-only to it, Suggest is the way (PROP9). */
  proposalsOnly: boolean;
  canAct: boolean;
  /** Clauses whose proposals are open under them. */
  expanded: ReadonlySet<string>;
  toggleClause(clauseId: string): void;
  /** The clause with a suggestion being written under it. */
  suggesting: string | null;
  startSuggest(clauseId: string): void;
  cancelSuggest(): void;
  send(proposal: NewProposal): Promise<void>;
  /** The proposal last chosen (by navigation, from the panel, from a refused-change notice). */
  active: string | null;
  show(proposalId: string): void;
  step(direction: 1 | -1): void;
  actions: ProposalActions;
  panel: { open: boolean; toggle(): void; close(): void; filter: ProposalFilter; setFilter(filter: ProposalFilter): void };
  setSettings(change: Partial<DeclarationSettings>): Promise<void>;
}

/** Scrolls a proposal's card under its clause into view and gives it the focus, once it is on screen. */
function reveal(proposalId: string, tries = 20): void {
  const card =
    document.querySelector<HTMLElement>(`.clause__proposals [data-proposal-id="${CSS.escape(proposalId)}"]`) ??
    document.querySelector<HTMLElement>(`[data-proposal-id="${CSS.escape(proposalId)}"]`);
  if (!card) {
    if (tries > 0) setTimeout(() => reveal(proposalId, tries - 1), 50);
    return;
  }
  card.scrollIntoView({ block: 'center' });
  card.focus({ preventScroll: true });
}

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

export function useProposalsPanel({
  declarationId,
  proposals,
  settings,
  people,
  me,
  connectionClosed,
  frozen,
  positionOf,
  notify,
}: {
  declarationId: string;
  proposals: Map<string, Proposal>;
  settings: DeclarationSettings;
  people: ParticipantInfo[];
  me: ParticipantInfo;
  connectionClosed: boolean;
  /** The text is frozen by a silence procedure, or adopted (SIL4). */
  frozen: boolean;
  positionOf(clauseId: string): number | undefined;
  notify(message: string): void;
}): ProposalsView {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState<ProposalFilter>(DEFAULT_PROPOSAL_FILTER);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [suggesting, setSuggesting] = useState<string | null>(null);
  const [active, setActive] = useState<string | null>(null);

  const openByClause = useMemo(() => {
    const map = new Map<string, Proposal[]>();
    for (const id of new Set([...proposals.values()].filter((p) => p.state === 'open').map((p) => p.clauseId))) map.set(id, alternatives(proposals.values(), id));
    return map;
  }, [proposals]);
  const openInOrder = useMemo(() => sortProposals([...proposals.values()].filter((p) => p.state === 'open'), positionOf), [proposals, positionOf]);

  const expand = useCallback((clauseId: string) => setExpanded((current) => (current.has(clauseId) ? current : new Set([...current, clauseId]))), []);
  const show = useCallback(
    (proposalId: string) => {
      const proposal = proposals.get(proposalId);
      if (!proposal) return;
      setActive(proposalId);
      if (positionOf(proposal.clauseId) !== undefined) expand(proposal.clauseId);
      else setOpen(true);
      // A decided one is not under its clause: the panel shows it.
      if (proposal.state !== 'open') {
        setOpen(true);
        setFilter((current) => (current.state === 'open' ? { ...current, state: 'all' } : current));
      }
      reveal(proposalId);
    },
    [proposals, positionOf, expand],
  );

  const step = useCallback(
    (direction: 1 | -1) => {
      if (openInOrder.length === 0) {
        notify(t('proposals.noneOpen'));
        return;
      }
      const at = openInOrder.findIndex((p) => p.id === active);
      const next = at === -1 ? (direction === 1 ? 0 : openInOrder.length - 1) : (at + direction + openInOrder.length) % openInOrder.length;
      show(openInOrder[next]!.id);
    },
    [openInOrder, active, show, notify],
  );

  const send = useCallback(
    async (proposal: NewProposal) => {
      const answer = await proposalsApi.propose(declarationId, proposal);
      setSuggesting(null);
      expand(proposal.clauseId);
      setActive(answer.proposal.id);
      notify(t('proposals.sent'));
    },
    [declarationId, expand, notify],
  );

  const actions: ProposalActions = useMemo(
    () => ({
      react: async (proposal, reaction, on) => {
        await proposalsApi.react(declarationId, proposal.id, reaction, on);
      },
      withdraw: async (proposal) => {
        await proposalsApi.withdraw(declarationId, proposal.id);
      },
      accept: async (proposal, shownText) => {
        await proposalsApi.accept(declarationId, proposal.id, shownText);
        notify(t('proposals.acceptedToast', { name: proposal.author }));
      },
      reject: async (proposal, reason) => {
        await proposalsApi.reject(declarationId, proposal.id, reason);
      },
      undo: async (proposal) => {
        await proposalsApi.undo(declarationId, proposal.id);
      },
      edit: async (proposal, change) => {
        await proposalsApi.edit(declarationId, proposal.id, change);
      },
      choose: (proposal) => show(proposal.id),
    }),
    [declarationId, notify, show],
  );

  const setSettings = useCallback(
    async (change: Partial<DeclarationSettings>) => {
      try {
        await proposalsApi.setSettings(declarationId, change);
      } catch (failure) {
        notify(t('proposals.failed', { message: message(failure) }));
        throw failure instanceof ApiError ? failure : new Error(message(failure));
      }
    },
    [declarationId, notify],
  );

  const cancelSuggest = useCallback(() => setSuggesting(null), []);
  const canAct = !connectionClosed;
  // SIL4: under silence nobody proposes or decides; a delegation that wants other words breaks silence.
  const unfrozen = canAct && !frozen;
  return useMemo(
    () => ({
      proposals,
      openByClause,
      openInOrder,
      settings,
      people,
      me,
      mayPropose: unfrozen && mayPropose(me.role),
      mayDecide: unfrozen && mayDecide(me.role, settings),
      proposalsOnly: can(me.role, 'editClauses') && !editsClausesDirectly(me.role, settings),
      canAct,
      expanded,
      toggleClause: (clauseId: string) =>
        setExpanded((current) => {
          const next = new Set(current);
          if (!next.delete(clauseId)) next.add(clauseId);
          return next;
        }),
      suggesting,
      startSuggest: (clauseId: string) => {
        setSuggesting(clauseId);
        expand(clauseId);
      },
      cancelSuggest,
      send,
      active,
      show,
      step,
      actions,
      panel: {
        open,
        toggle: () => setOpen((value) => !value),
        close: () => setOpen(false),
        filter,
        setFilter,
      },
      setSettings,
    }),
    [proposals, openByClause, openInOrder, settings, people, me, canAct, unfrozen, expanded, suggesting, expand, cancelSuggest, send, active, show, step, actions, open, filter, setSettings],
  );
}
