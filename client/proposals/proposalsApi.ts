import type { ClauseKind } from '../../shared/clauseKind.ts';
import type { Proposal, ProposalAction } from '../../shared/proposals/proposal.ts';
import type { RichText } from '../../shared/richText.ts';
import type { DeclarationSettings } from '../../shared/settings.ts';
import { api } from '../api.ts';

/** A new proposal as the API takes it (docs/API.md): the server adds the author, the time and the text it was made against. */
export interface NewProposal {
  clauseId: string;
  action: ProposalAction;
  text?: RichText;
  /** New wording: the clause as its author saw it when writing it (PROP4). */
  baseText?: RichText;
  kind?: ClauseKind;
  justification?: string;
}

const path = (proposalId: string, rest = '') => `/proposals/${encodeURIComponent(proposalId)}${rest}`;

/**
 * The proposal routes of the API. The server answers with the proposal as
 * it now stands; the screen reads proposals from the document's mirror
 * (root map `proposals`), so the answers are only for errors and waiting.
 */
export const proposalsApi = {
  propose: (declarationId: string, proposal: NewProposal) => api<{ proposal: Proposal }>(declarationId, '/proposals', proposal),
  edit: (declarationId: string, proposalId: string, change: { text?: RichText; baseText?: RichText; justification?: string }) =>
    api<{ proposal: Proposal }>(declarationId, path(proposalId), change, 'PATCH'),
  react: (declarationId: string, proposalId: string, reaction: 'support' | 'object', on: boolean) =>
    api<{ proposal: Proposal }>(declarationId, path(proposalId, `/${reaction}`), { on }),
  withdraw: (declarationId: string, proposalId: string) => api<{ proposal: Proposal }>(declarationId, path(proposalId, '/withdraw'), {}),
  accept: (declarationId: string, proposalId: string, shownText: string) =>
    api<{ proposal: Proposal }>(declarationId, path(proposalId, '/accept'), { shownText }),
  reject: (declarationId: string, proposalId: string, reason: string) =>
    api<{ proposal: Proposal }>(declarationId, path(proposalId, '/reject'), reason === '' ? {} : { reason }),
  undo: (declarationId: string, proposalId: string) => api<{ proposal: Proposal }>(declarationId, path(proposalId, '/undo'), {}),
  setSettings: (declarationId: string, settings: Partial<DeclarationSettings>) => api<{ settings: DeclarationSettings }>(declarationId, '/settings', settings, 'PUT'),
};
