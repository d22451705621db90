import { createContext, useContext } from 'react';
import type { ClauseLock } from '../../shared/clauseLock.ts';
import type { ClauseStatus } from '../../shared/clauseStatus.ts';
import type { DraftingRemarks } from '../exports/useDraftingWarnings.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import type { Collaboration } from '../collab/collaboration.ts';
import type { PresentUser } from '../collab/usePresence.ts';
import type { FocusRegistry } from '../editor/focusRegistry.ts';
import type { ProposalsView } from '../proposals/useProposalsPanel.ts';
import type { RefusedView } from './useRefusedView.ts';

/** What every part of the declaration screen needs: the document, who is looking, and where the caret goes. */
export interface DeclarationContextValue {
  declarationId: string;
  collab: Collaboration;
  me: ParticipantInfo;
  /** May edit clause text and structure (not an observer, connection not refused, not a delegation in "proposals only" mode). */
  canEdit: boolean;
  /** May edit the heading, formula, note and signatories. */
  canEditMeta: boolean;
  canSetStatus: boolean;
  statuses: Map<string, ClauseStatus>;
  /** Every locked clause: agreed itself or part of an agreed paragraph (clauseLocks of shared/clauseLock.ts, LOCK7). */
  locks: Map<string, ClauseLock>;
  /** A clause's working label (OP12(a)), null when it is not in the text. */
  labelOf(id: string): string | null;
  /** My refused changes, by the clause they were made to, and their words. */
  refused: RefusedView;
  focus: FocusRegistry;
  /** Others in each clause, by clause id. */
  presenceByClause: Map<string, PresentUser[]>;
  setActiveClause(id: string | null): void;
  beforeRemoteChange(listener: () => void): () => void;
  notify(message: string, action?: { label: string; run(): void }): void;
  /** Drafting remarks by clause, shown and dismissed (DRAFT10), for those who can act on them (null for readers). */
  drafting: DraftingRemarks | null;
  /** Proposals by clause, and what this participant may do with them (PROP13). */
  proposals: ProposalsView;
  comments: {
    /** Open threads per clause. */
    openCountByClause: Map<string, number>;
    mayComment: boolean;
    startThread(clauseId: string, wholeClauseOnly: boolean): void;
    showClause(clauseId: string): void;
    choose(threadId: string): void;
    /** The thread ids that exist, to tell a passage click from an orphan mark. */
    threadIds: ReadonlySet<string>;
  };
}

export const DeclarationContext = createContext<DeclarationContextValue | null>(null);

export function useDeclarationContext(): DeclarationContextValue {
  const value = useContext(DeclarationContext);
  if (!value) throw new Error('useDeclarationContext outside a DeclarationContext provider');
  return value;
}
