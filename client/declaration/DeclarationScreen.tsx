import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ParticipantInfo } from '../../shared/roles.ts';
import { Collaboration } from '../collab/collaboration.ts';
import { useCollabStatus } from '../collab/useCollabStatus.ts';
import { useWarnBeforeLeaving } from '../collab/useWarnBeforeLeaving.ts';
import { useFragmentText } from '../collab/useFragmentText.ts';
import { usePresence, type PresentUser } from '../collab/usePresence.ts';
import { FocusRegistry } from '../editor/focusRegistry.ts';
import { t } from '../i18n.ts';
import { toPlainText } from '../../shared/richText.ts';
import { ROOT } from '../../shared/document/names.ts';
import * as Y from 'yjs';
import { TopBar } from '../chrome/TopBar.tsx';
import { Toasts, type Toast } from '../chrome/Toasts.tsx';
import { DeclarationContext, type DeclarationContextValue } from './declarationContext.ts';
import { DeclarationView } from './DeclarationView.tsx';
import { useUndoRedo } from './useUndoRedo.ts';
import { ClosedBanner } from '../chrome/ClosedBanner.tsx';
import { ClosedDialog } from '../chrome/ClosedDialog.tsx';
import { closedWords } from '../chrome/closedWords.ts';
import { clauseLocks } from '../../shared/clauseLock.ts';
import { textOnScreen } from './textOnScreen.ts';
import { useRefusedView } from './useRefusedView.ts';
import { ParticipantsPanel } from '../chrome/ParticipantsPanel.tsx';
import { AuditPanel } from '../audit/AuditPanel.tsx';
import { NO_AUDIT_FILTERS } from '../audit/useAuditLog.ts';
import { RefusedNotices } from '../chrome/RefusedNotices.tsx';
import { countStatuses } from '../../shared/clauseStatus.ts';
import { flattenOutline } from '../../shared/outline.ts';
import { isPendingWith } from '../../shared/pendingWith.ts';
import { can } from '../../shared/permissions.ts';
import { useOutline } from '../collab/useOutline.ts';
import { useRefused } from '../collab/useRefused.ts';
import { useStatuses } from '../collab/useStatuses.ts';
import { CommentHighlights } from '../comments/CommentHighlights.tsx';
import { CommentsPanel } from '../comments/CommentsPanel.tsx';
import { useComments } from '../comments/useComments.ts';
import { useCommentsPanel } from '../comments/useCommentsPanel.ts';
import { ExportMenu } from '../exports/ExportMenu.tsx';
import { ImportDialog } from '../exports/ImportDialog.tsx';
import { useDraftingWarnings } from '../exports/useDraftingWarnings.ts';
import { useRemarkKeys } from './useRemarkKeys.ts';
import { MAX_SUBITEM_DEPTH } from '../../shared/clauseKind.ts';
import type { Proposal } from '../../shared/proposals/proposal.ts';
import { editsClausesDirectly } from '../../shared/settings.ts';
import type { ProposalPlace } from '../proposals/ProposalCard.tsx';
import { ProposalsPanel } from '../proposals/ProposalsPanel.tsx';
import { useProposalKeys } from '../proposals/proposalKeys.ts';
import { useProposals } from '../proposals/useProposals.ts';
import { useProposalsPanel } from '../proposals/useProposalsPanel.ts';
import { useVersionsScreen, VersionsContext } from '../versions/useVersionsScreen.ts';
import { VersionsLayer } from '../versions/VersionsLayer.tsx';
import { DiscussionContext } from '../room/discussionContext.ts';
import { NowDiscussing } from '../room/NowDiscussing.tsx';
import { useDiscussion } from '../room/useDiscussion.ts';
import { isFrozen, adoptedAt } from '../../shared/silence/silenceRules.ts';
import { SilenceBanner } from '../silence/SilenceBanner.tsx';
import { useSilence } from '../silence/useSilence.ts';
import { adoptedDay } from '../silence/silenceWords.ts';

const TOAST_MS = 8000;
const ACTION_TOAST_MS = 20_000;

function useTitle(collab: Collaboration): string {
  const [fragment, setFragment] = useState<Y.XmlFragment | null>(null);
  useEffect(() => {
    const meta = collab.doc.getMap<unknown>(ROOT.meta);
    const update = () => {
      const value = meta.get('title');
      setFragment(value instanceof Y.XmlFragment ? value : null);
    };
    meta.observe(update);
    update();
    return () => meta.unobserve(update);
  }, [collab]);
  return toPlainText(useFragmentText(fragment));
}

/**
 * A signed-in participant's view of one declaration, live. `refused` opens
 * only this device's copy, for a participant the server no longer accepts
 * whose unsent edits are kept here (SPEC OFF3).
 */
export function DeclarationScreen({ declarationId, me, refused }: { declarationId: string; me: ParticipantInfo; refused?: { code: number; reason: string | null } }) {
  const [collab, setCollab] = useState<Collaboration | null>(null);
  const participantId = me.id;
  const refusedCode = refused?.code;
  const refusedReason = refused?.reason ?? null;
  useEffect(() => {
    const created = new Collaboration(declarationId, { participantId, refused: refusedCode === undefined ? undefined : { code: refusedCode, reason: refusedReason } });
    setCollab(created);
    return () => created.destroy();
  }, [declarationId, participantId, refusedCode, refusedReason]);
  return collab ? <LiveDeclaration declarationId={declarationId} collab={collab} me={me} /> : null;
}

function LiveDeclaration({ declarationId, collab, me }: { declarationId: string; collab: Collaboration; me: ParticipantInfo }) {
  const status = useCollabStatus(collab);
  useWarnBeforeLeaving(status.pending > 0);
  const users = usePresence(collab.provider.awareness);
  const title = useTitle(collab);
  const [focus] = useState(() => new FocusRegistry());
  useUndoRedo(collab.history, focus);
  // HEAD1: a delegation's undo brings a deleted clause back without the heading the server moved on.
  collab.history.restoresHeadings = can(me.role, 'editMeta');
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextToast = useRef(1);

  useEffect(() => {
    // The server stamps name and colour on what others see; this is for our own carets.
    collab.provider.awareness.setLocalStateField('user', { id: me.id, name: me.name, color: me.color, role: me.role });
  }, [collab, me]);

  useEffect(() => {
    document.title = title ? `${title} · ${t('app.name')}` : t('app.name');
  }, [title]);

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const notify = useCallback(
    (message: string, action?: Toast['action']) => {
      const id = nextToast.current++;
      setToasts((list) => [...list.slice(-2), { id, message, action }]);
      // A notice with an action (Undo) stays long enough to read it, decide and reach it (LOSS1).
      setTimeout(() => dismiss(id), action ? ACTION_TOAST_MS : TOAST_MS);
    },
    [dismiss],
  );
  const blurTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const setActiveClause = useCallback(
    (id: string | null) => {
      if (blurTimer.current) clearTimeout(blurTimer.current);
      // Moving from one clause to the next blurs one before focusing the
      // other: wait a moment so others do not see a flicker.
      if (id === null) blurTimer.current = setTimeout(() => collab.provider.awareness.setLocalStateField('activeClause', null), 150);
      else collab.provider.awareness.setLocalStateField('activeClause', id);
    },
    [collab],
  );

  const presenceByClause = useMemo(() => {
    const map = new Map<string, PresentUser[]>();
    for (const user of users) {
      if (!user.activeClause) continue;
      map.set(user.activeClause, [...(map.get(user.activeClause) ?? []), user]);
    }
    return map;
  }, [users]);

  const commentsModel = useComments(collab.doc, declarationId, me, status.closed !== null);
  // SIL4: while a silence procedure runs, and once adopted, nobody edits — the editing controls go, as for a reader.
  const silence = useSilence(collab.doc);
  const frozen = isFrozen(silence);
  const adopted = adoptedAt(silence);
  // In "proposals only" mode a delegation's clause editors are read-only; it proposes instead (PROP9).
  const canEdit = can(me.role, 'editClauses') && status.closed === null && editsClausesDirectly(me.role, commentsModel.settings) && !frozen;
  const canEditMeta = can(me.role, 'editMeta') && status.closed === null && !frozen;
  const canSetStatus = can(me.role, 'setStatus') && status.closed === null && !frozen;
  const statuses = useStatuses(collab.doc);
  const outlineView = useOutline(collab.doc);
  const { refused, dismiss: dismissRefused } = useRefused(collab.doc, me.id);
  const [participantsOpen, setParticipantsOpen] = useState(false);
  // The audit log's filters outlive the panel: going to a clause closes it, coming back finds them (AUD2).
  const [auditOpen, setAuditOpen] = useState(false);
  const [auditFilters, setAuditFilters] = useState(NO_AUDIT_FILTERS);
  // Once per change of structure or status: which clauses are locked, and by which agreement (LOCK7).
  const locks = useMemo(() => clauseLocks(outlineView.outline, (id) => statuses.get(id)), [outlineView, statuses]);
  const counts = useMemo(
    () =>
      countStatuses(
        flattenOutline(outlineView.outline).map((n) => n.clause.id),
        // A sub-item of an agreed paragraph is agreed with it.
        (id) => statuses.get(locks.get(id)?.agreedClause ?? id),
      ),
    [outlineView, statuses, locks],
  );
  const labelOf = useCallback((id: string) => outlineView.numbers.get(id)?.label ?? null, [outlineView]);
  const positions = useMemo(() => new Map(flattenOutline(outlineView.outline).map((n, i) => [n.clause.id, i])), [outlineView]);
  const positionOf = useCallback((id: string) => positions.get(id), [positions]);
  const [closedDialogAside, setClosedDialogAside] = useState(false);
  const beforeRemoteChange = useCallback((listener: () => void) => collab.onBeforeRemoteChange(listener), [collab]);
  const panel = useCommentsPanel({ declarationId, doc: collab.doc, model: commentsModel, focus, notify });
  const threadIds = useMemo(() => new Set(commentsModel.threads.keys()), [commentsModel.threads]);
  const { startThread, showClause, choose } = panel;
  const comments = useMemo(
    () => ({ openCountByClause: commentsModel.openCountByClause, mayComment: commentsModel.mayComment, startThread, showClause, choose, threadIds }),
    [commentsModel.openCountByClause, commentsModel.mayComment, startThread, showClause, choose, threadIds],
  );
  useEffect(() => {
    // Ctrl+Alt+M, as in word processors: comment on the selected passage, or on the clause with the caret.
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyM' || !comments.mayComment) return;
      const clause = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-clause-id]');
      if (!clause?.dataset.clauseId) return;
      event.preventDefault();
      comments.startThread(clause.dataset.clauseId, clause.dataset.locked !== undefined || !canEdit);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [comments, canEdit]);
  const proposalMap = useProposals(collab.doc);
  const proposals = useProposalsPanel({
    declarationId,
    proposals: proposalMap,
    settings: commentsModel.settings,
    people: commentsModel.people,
    me,
    connectionClosed: status.closed !== null,
    frozen,
    positionOf,
    notify,
  });
  useProposalKeys(proposals, notify);
  const refusedView = useRefusedView({ refused, dismiss: dismissRefused, labelOf, locks, synced: status.synced, notify, showProposal: proposals.show });
  // One side panel at a time: the newly opened one closes the other.
  const closeComments = useRef(panel.close);
  closeComments.current = panel.close;
  const closeProposals = useRef(proposals.panel.close);
  closeProposals.current = proposals.panel.close;
  useEffect(() => {
    if (panel.open) closeProposals.current();
  }, [panel.open]);
  useEffect(() => {
    if (proposals.panel.open) closeComments.current();
  }, [proposals.panel.open]);
  const versions = useVersionsScreen({
    declarationId,
    me,
    people: commentsModel.people,
    connectionClosed: status.closed !== null,
    onOpenSide: () => {
      closeComments.current();
      closeProposals.current();
    },
  });
  const closeVersionsSide = useRef(versions.closeSide);
  closeVersionsSide.current = versions.closeSide;
  useEffect(() => {
    if (panel.open || proposals.panel.open) closeVersionsSide.current();
  }, [panel.open, proposals.panel.open]);
  const nodes = useMemo(() => new Map(flattenOutline(outlineView.outline).map((n) => [n.clause.id, n])), [outlineView]);
  const placeOf = useCallback(
    (proposal: Proposal): ProposalPlace => {
      const node = nodes.get(proposal.clauseId);
      const label = labelOf(proposal.clauseId);
      const alt = proposals.openByClause.get(proposal.clauseId)?.findIndex((p) => p.id === proposal.id) ?? -1;
      return {
        label,
        alt: alt === -1 ? null : alt + 1,
        agreed: locks.has(proposal.clauseId),
        suggest:
          node && label !== null
            ? { clauseId: node.clause.id, label, kind: node.clause.kind, depth: node.depth, canTakeSubitem: node.clause.kind === 'operative' && node.depth < MAX_SUBITEM_DEPTH }
            : null,
      };
    },
    [nodes, labelOf, proposals.openByClause, locks],
  );
  const drafting = useDraftingWarnings(collab.doc);
  useRemarkKeys(canEdit);
  const [exportOpen, setExportOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const closeExport = useCallback(() => setExportOpen(false), []);
  const goTo = useCallback(
    (id: string) => {
      focus.focus(id, 'end');
      document.querySelector(`[data-clause-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center' });
    },
    [focus],
  );
  // The clause under discussion (ROOM3–ROOM5): the strip under the top bar, "Discuss" beside each clause, Alt+Shift+↑/↓.
  const readingOrder = useMemo(() => flattenOutline(outlineView.outline).map((n) => n.clause.id), [outlineView]);
  const discussion = useDiscussion({ declarationId, doc: collab.doc, me, connectionClosed: status.closed !== null, order: readingOrder, labelOf, notify });
  // The clauses waiting for this delegation's confirmation, in reading order; the top bar goes to each in turn.
  const pendingMine = useMemo(
    () => flattenOutline(outlineView.outline).map((n) => n.clause.id).filter((id) => isPendingWith(statuses.get(id), me)),
    [outlineView, statuses, me],
  );
  const [pendingTurn, setPendingTurn] = useState(0);
  const nextPending = pendingMine.length > 0 ? pendingMine[pendingTurn % pendingMine.length]! : null;
  const context: DeclarationContextValue = useMemo(
    () => ({
      declarationId,
      collab,
      me,
      canEdit,
      canEditMeta,
      canSetStatus,
      statuses,
      locks,
      labelOf,
      refused: refusedView,
      focus,
      presenceByClause,
      setActiveClause,
      beforeRemoteChange,
      notify,
      comments,
      proposals,
      drafting: canEdit ? drafting : null,
    }),
    [declarationId, collab, me, canEdit, canEditMeta, canSetStatus, statuses, locks, labelOf, refusedView, focus, presenceByClause, setActiveClause, beforeRemoteChange, notify, comments, proposals, drafting],
  );

  return (
    <DeclarationContext.Provider value={context}>
      <VersionsContext.Provider value={versions}>
      <DiscussionContext.Provider value={discussion.controls}>
      <TopBar
        declarationId={declarationId}
        title={title}
        adoptedOn={adopted === null ? null : adoptedDay(adopted)}
        me={me}
        status={status}
        users={users}
        counts={counts}
        onParticipants={can(me.role, 'manageParticipants') ? () => setParticipantsOpen(true) : undefined}
        onAudit={can(me.role, 'manageParticipants') ? () => setAuditOpen(true) : undefined}
        comments={{ ...commentsModel.counts, open: panel.open, toggle: panel.toggle }}
        proposals={{ open: proposals.openInOrder.length, panelOpen: proposals.panel.open, toggle: proposals.panel.toggle }}
        versions={{ panelOpen: versions.side?.kind === 'versions', toggle: versions.togglePanel }}
        pending={
          nextPending
            ? {
                count: pendingMine.length,
                nextLabel: outlineView.numbers.get(nextPending)?.label ?? '',
                goToNext: () => {
                  goTo(nextPending);
                  setPendingTurn((turn) => (turn % pendingMine.length) + 1);
                },
              }
            : null
        }
        exportMenu={{
          open: exportOpen,
          toggle: () => setExportOpen((v) => !v),
          menu: (
            <ExportMenu
              declarationId={declarationId}
              warnings={flattenOutline(outlineView.outline).flatMap((n) => drafting.active.get(n.clause.id) ?? [])}
              labelOf={(id) => outlineView.numbers.get(id)?.label ?? null}
              goTo={(id) => {
                setExportOpen(false);
                goTo(id);
              }}
              onImport={
                can(me.role, 'manageParticipants')
                  ? () => {
                      setExportOpen(false);
                      setImportOpen(true);
                    }
                  : undefined
              }
              onClose={closeExport}
            />
          ),
        }}
      />
      <NowDiscussing view={discussion} me={me} goTo={goTo} />
      {importOpen && <ImportDialog declarationId={declarationId} onClose={() => setImportOpen(false)} />}
      <CommentHighlights threads={commentsModel.threads.values()} active={panel.active} />
      {status.closed && <ClosedBanner words={closedWords(status.closed)} onDetails={() => setClosedDialogAside(false)} />}
      {status.closed && !closedDialogAside && (
        <ClosedDialog
          words={closedWords(status.closed)}
          // Edits the server never echoed: kept on this device (localCopy.ts) until a working link sends them.
          unsentEdits={status.pending}
          kept={status.kept}
          copyText={() => textOnScreen(collab.doc)}
          onKeepReading={() => setClosedDialogAside(true)}
        />
      )}
      <RefusedNotices refused={refused} dismiss={dismissRefused} describe={refusedView.describe} showProposal={proposals.show} />
      {proposals.proposalsOnly && (
        <p className="proposals-only-banner" role="note" data-testid="proposals-only-hint">
          {t('proposals.proposalsOnlyHint')}
        </p>
      )}
      {participantsOpen && <ParticipantsPanel declarationId={declarationId} me={me} onClose={() => setParticipantsOpen(false)} />}
      {auditOpen && (
        <AuditPanel
          declarationId={declarationId}
          clauses={flattenOutline(outlineView.outline).map((n) => ({ id: n.clause.id, label: labelOf(n.clause.id) ?? '' }))}
          labelOf={labelOf}
          filters={auditFilters}
          setFilters={setAuditFilters}
          goTo={(id) => {
            setAuditOpen(false);
            goTo(id);
          }}
          onClose={() => setAuditOpen(false)}
        />
      )}
      {panel.open && (
        <CommentsPanel
          model={commentsModel}
          me={me}
          filter={panel.filter}
          setFilter={panel.setFilter}
          active={panel.active}
          draft={panel.draft}
          labelOf={(id) => outlineView.numbers.get(id)?.label ?? null}
          positionOf={positionOf}
          actions={panel.actions}
          onStart={panel.submitDraft}
          onCancelDraft={panel.cancelDraft}
          onSettings={panel.setObserversMayComment}
          onClose={panel.close}
        />
      )}
      {proposals.panel.open && <ProposalsPanel doc={collab.doc} view={proposals} placeOf={placeOf} positionOf={positionOf} />}
      <VersionsLayer view={versions} />
      <main className={`page${panel.open || proposals.panel.open || versions.side ? ' page--with-panel' : ''}${proposals.panel.open ? ' page--with-proposals' : ''}`}>
        {/* In the page's column, so that a side panel narrows it with the text instead of covering its buttons. */}
        <SilenceBanner declarationId={declarationId} me={me} procedure={silence} notAgreed={counts.open + counts['ad-ref']} connectionClosed={status.closed !== null} />
        {status.synced || collab.doc.getMap(ROOT.clauses).size > 0 || (status.closed && status.kept) ? (
          <DeclarationView {...outlineView} />
        ) : (
          <p className="loading" data-testid="loading">
            {t('session.loading')}
          </p>
        )}
        <p className="shortcuts" data-testid="shortcuts">
          {[canEdit ? t('clause.shortcuts') : proposals.mayPropose ? t('proposals.shortcuts') : '', canEditMeta ? t('footnotes.shortcut') : ''].filter((s) => s !== '').join(' · ')}
        </p>
      </main>
      <Toasts toasts={toasts} dismiss={dismiss} />
      </DiscussionContext.Provider>
      </VersionsContext.Provider>
    </DeclarationContext.Provider>
  );
}
