import { memo, useEffect, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { MAX_SUBITEM_DEPTH } from '../../shared/clauseKind.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD } from '../../shared/document/names.ts';
import type { ClauseNumber } from '../../shared/numbering.ts';
import type { ParagraphStyle } from '../../shared/paragraphStyle.ts';
import { headingFocusKey } from './ClauseHeading.tsx';
import type { OutlineNode } from '../../shared/outline.ts';
import { LazyEditor } from '../editor/LazyEditor.tsx';
import { t, useLanguage } from '../i18n.ts';
import { clauseCommands } from './clauseActions.ts';
import { useDeclarationContext } from './declarationContext.ts';
import { ClauseTools } from './ClauseTools.tsx';
import { PresenceDots } from '../chrome/PresenceDots.tsx';
import { StatusChip } from './StatusChip.tsx';
import { AgreedWithChip } from './AgreedWithChip.tsx';
import { lockedClause, typedIntoLocked } from './lockWords.ts';
import type { DraftingWarning } from '../../shared/drafting/checks.ts';
import { RefusedAtClause } from './RefusedAtClause.tsx';
import { ClauseRemarks } from './ClauseRemarks.tsx';
import { ClauseProposals } from '../proposals/ClauseProposals.tsx';
import type { SuggestPlace } from '../proposals/SuggestEditor.tsx';
import { BracketButton } from '../brackets/BracketButton.tsx';
import { ClauseBrackets } from '../brackets/ClauseBrackets.tsx';
import { ClausePositions } from '../positions/ClausePositions.tsx';
import { PositionPicker } from '../positions/PositionPicker.tsx';
import { usePositionsContext } from '../positions/positionsContext.ts';
import { useClausePositions } from '../positions/usePositions.ts';
import { HistoryButton } from '../versions/HistoryButton.tsx';
import { DiscussButton } from '../room/DiscussButton.tsx';
import { useIsCurrentClause } from '../room/useCurrentClause.ts';

const NO_REMARKS: DraftingWarning[] = [];

/** A speech bubble, drawn rather than an emoji: projectors' machines often lack an emoji font. */
function CommentIcon({ plus = false }: { plus?: boolean }) {
  return (
    <svg className="comment-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z" fill="none" stroke="currentColor" strokeWidth="1.3" />
      {plus && <path d="M8 4.5v4M6 6.5h4" stroke="currentColor" strokeWidth="1.3" />}
    </svg>
  );
}

export interface ClauseRowProps {
  node: OutlineNode;
  number: ClauseNumber;
  previous: string | null;
  next: string | null;
  isFirstSibling: boolean;
  isLastSibling: boolean;
  /** How paragraphs print their numbers (DP4): under articles or unnumbered, an operative paragraph's number is not printed. */
  paragraphs: ParagraphStyle;
}

/**
 * One clause as it sits in the text: its working label in the left gutter,
 * its number hanging in the margin, its editor, and on the right who is in
 * it and its tools.
 */
export const ClauseRow = memo(function ClauseRow({ node, number, previous, next, isFirstSibling, isLastSibling, paragraphs }: ClauseRowProps) {
  const context = useDeclarationContext();
  // Memoized: it would not see a switch of interface language otherwise (I18N3).
  useLanguage();
  const { collab, focus, me, beforeRemoteChange } = context;
  const { clause, depth } = node;
  const status = context.statuses.get(clause.id);
  // Agreeing a paragraph locks its whole subtree (LOCK7): each clause in it reads as agreed.
  const lock = context.locks.get(clause.id);
  const locked = lock !== undefined;
  const state = locked ? 'agreed' : (status?.state ?? 'open');
  const lockedOf = (id: string) => lockedClause(id, context.locks, context.labelOf, (each) => context.statuses.get(each));
  // A locked clause is read-only for everyone; the server refuses edits to it anyway.
  const canEdit = context.canEdit && !locked;
  // What is said next to the clause during this visit to it (UI12, UI13); said once, cleared on leaving.
  const [notice, setNotice] = useState<string | null>(null);
  const warned = useRef(false);
  useEffect(() => {
    warned.current = false;
    setNotice(null);
  }, [locked]);
  const fragment = useMemo(() => {
    const body = clausesMap(collab.doc).get(clause.id)?.get(CLAUSE_FIELD.body);
    return body instanceof Y.XmlFragment ? body : null;
  }, [collab.doc, clause.id]);
  const commands = clauseCommands({
    doc: collab.doc,
    node,
    label: number.label,
    neighbours: { previous, next },
    focus,
    lockOf: lockedOf,
    history: collab.history,
    notify: context.notify,
    say: setNotice,
    labelOf: context.labelOf,
  });
  // Someone who could edit it types into a locked clause, or a delegation into any clause in
  // "proposals only" mode (PROP9): say once why nothing happens (UI12) and what to do instead.
  const proposalsOnly = context.proposals.proposalsOnly;
  const mayType = (context.canEdit && locked) || proposalsOnly;
  const inEditor = (event: React.SyntheticEvent) => (event.target as HTMLElement).closest('.ProseMirror') !== null;
  const warnTyping = () => {
    if (warned.current) return;
    const words = lockedOf(clause.id);
    if (words) setNotice(typedIntoLocked(words, context.canSetStatus));
    else if (proposalsOnly) setNotice(t('proposals.proposalsOnlyTyped', { label: number.label }));
    else return;
    warned.current = true;
  };
  const onLockedKey = (event: React.KeyboardEvent) => {
    if (!inEditor(event)) return;
    // The keymap is off in a read-only editor: keep ↑/↓ and Escape moving through the text.
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      if (commands.leave(event.key === 'ArrowUp' ? 'previous' : 'next')) event.preventDefault();
    } else if (event.key === 'Escape') {
      (event.target as HTMLElement).blur();
    } else if (!event.ctrlKey && !event.metaKey && !event.altKey && (event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete' || event.key === 'Enter')) {
      event.preventDefault();
      warnTyping();
    }
  };
  const onLockedPaste = (event: React.ClipboardEvent) => {
    if (!inEditor(event)) return;
    event.preventDefault();
    warnTyping();
  };
  const mine = context.refused.byClause.get(clause.id) ?? [];
  // Positions (POS1–POS5): stated by delegations while the clause is open, shown under its text.
  const positions = useClausePositions(collab.doc, clause.id);
  const mayStatePosition = usePositionsContext().mayState && state === 'open';
  const lockedWithParagraph = lock?.inherited ? lockedOf(clause.id) : null;
  const others = (context.presenceByClause.get(clause.id) ?? []).filter((u) => !u.isSelf);
  const openThreads = context.comments.openCountByClause.get(clause.id) ?? 0;
  // Remarks are for those who may edit the clause, and not on an agreed one (DRAFT1, DRAFT10).
  const remarks = locked ? null : context.drafting;
  // A click on a highlighted passage opens its thread beside the text.
  const onTextClick = (event: React.MouseEvent) => {
    const marked = (event.target as HTMLElement).closest<HTMLElement>('[data-threads]');
    const ids = (marked?.dataset.threads ?? '').split(' ').filter((id) => context.comments.threadIds.has(id));
    if (ids.length > 0) context.comments.choose(ids[ids.length - 1]!);
  };
  const openProposals = context.proposals.openByClause.get(clause.id)?.length ?? 0;
  // The same object from render to render: the suggestion's editor under the clause is memoised on it.
  const suggestPlace: SuggestPlace = useMemo(
    () => ({ clauseId: clause.id, label: number.label, kind: clause.kind, depth, canTakeSubitem: clause.kind === 'operative' && depth < MAX_SUBITEM_DEPTH }),
    [clause.id, number.label, clause.kind, depth],
  );
  // The clause under discussion is highlighted on every screen (ROOM5).
  const current = useIsCurrentClause(collab.doc, clause.id);
  const placeholder =
    clause.kind === 'preamble' ? t('clause.placeholder.preamble') : depth > 0 ? t('clause.placeholder.subitem') : t('clause.placeholder.operative');

  return (
    <div
      className={`clause clause--${clause.kind} clause--depth-${depth} clause--${state}${others.length > 0 ? ' clause--others' : ''}${current ? ' clause--current' : ''}`}
      data-testid="clause"
      data-clause-id={clause.id}
      data-label={number.label}
      data-state={state}
      data-current={current ? 'true' : undefined}
      data-locked={locked ? (lock.inherited ? 'inherited' : 'agreed') : undefined}
      style={others.length > 0 ? ({ '--other-color': others[0]!.color } as React.CSSProperties) : undefined}
    >
      <div className="clause__gutter">
        <span className="clause__label-row">
          <HistoryButton clauseId={clause.id} label={number.label} />
          <span className="clause__label" aria-hidden="true">
            {number.label}
          </span>
        </span>
        {lockedWithParagraph ? (
          <AgreedWithChip locked={lockedWithParagraph} mayReopen={context.canSetStatus} />
        ) : (
          <StatusChip
            declarationId={context.declarationId}
            clauseId={clause.id}
            label={number.label}
            status={status}
            canSet={context.canSetStatus}
            notify={context.notify}
          />
        )}
        <ClauseBrackets clauseId={clause.id} label={number.label} open={state === 'open'} />
        <DiscussButton clauseId={clause.id} label={number.label} current={current} />
        <PresenceDots users={others} />
      </div>
      <div className="clause__text" onClick={onTextClick} onKeyDown={mayType ? onLockedKey : undefined} onPaste={mayType ? onLockedPaste : undefined}>
        {/* The working label (OP3) stays in the gutter whatever the style; only the printed number goes. */}
        {number.marker && !(paragraphs !== 'numbered' && clause.kind === 'operative' && depth === 0) && <span className="clause__marker">{number.marker}</span>}
        {fragment ? (
          <LazyEditor
            fragment={fragment}
            provider={collab.provider}
            user={me}
            editable={canEdit}
            focusable={mayType}
            placeholder={placeholder}
            label={number.label}
            className="clause__editor"
            beforeRemoteChange={beforeRemoteChange}
            actions={canEdit ? commands : undefined}
            onPasteParagraphs={canEdit ? commands.pasteParagraphs : undefined}
            focusKey={clause.id}
            focus={focus}
            onFocusChange={(focused) => {
              context.setActiveClause(focused ? clause.id : null);
              // Said as soon as the caret arrives, not only on the first refused key: the text is read-only to them.
              if (focused && proposalsOnly && !locked) setNotice(t('proposals.proposalsOnlyTyped', { label: number.label }));
              if (!focused) {
                warned.current = false;
                setNotice(null);
              }
            }}
          />
        ) : null}
        <p className="clause__notice" role="status" data-testid="clause-notice">
          {notice}
        </p>
        {mine.length > 0 && <RefusedAtClause changes={mine} describe={context.refused.describe} dismiss={context.refused.dismiss} showProposal={context.proposals.show} />}
        {remarks && (
          <ClauseRemarks
            declarationId={context.declarationId}
            clauseId={clause.id}
            label={number.label}
            active={remarks.active.get(clause.id) ?? NO_REMARKS}
            dismissed={remarks.dismissed.get(clause.id) ?? NO_REMARKS}
            backToClause={() => context.focus.focus(clause.id, 'end')}
            notify={context.notify}
          />
        )}
        {positions.length > 0 && <ClausePositions positions={positions} fragment={fragment} label={number.label} />}
      </div>
      <ClauseProposals doc={collab.doc} place={suggestPlace} agreed={locked} view={context.proposals} />
      <div className="clause__rail">
        <div className="clause__comments">
          {openThreads > 0 && (
            <button
              type="button"
              className="comment-count"
              onClick={() => context.comments.showClause(clause.id)}
              title={t('comments.countTitle', { count: openThreads, label: number.label })}
              aria-label={t('comments.countTitle', { count: openThreads, label: number.label })}
              data-testid="comment-count"
            >
              <CommentIcon />
              {openThreads}
            </button>
          )}
          {context.comments.mayComment && (
            <button
              type="button"
              className="add-comment"
              // Keeps the selection in the editor: the passage is read from it.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => context.comments.startThread(clause.id, locked || !context.canEdit)}
              title={`${t('comments.add')} (Ctrl+Alt+M)`}
              aria-label={`${t('comments.add')} ${number.label}`}
              data-testid="add-comment"
            >
              <CommentIcon plus />
            </button>
          )}
          <BracketButton clauseId={clause.id} label={number.label} open={state === 'open'} />
          {openProposals > 0 && (
            <button
              type="button"
              className="proposal-count"
              onClick={() => context.proposals.toggleClause(clause.id)}
              aria-expanded={context.proposals.expanded.has(clause.id)}
              title={t('proposals.countTitle', { count: openProposals, label: number.label })}
              aria-label={t('proposals.countTitle', { count: openProposals, label: number.label })}
              data-testid="proposal-count"
            >
              <span aria-hidden="true">⇄</span>
              {openProposals}
            </button>
          )}
          {context.proposals.mayPropose && !locked && (
            <button
              type="button"
              className="suggest-button"
              onClick={() => context.proposals.startSuggest(clause.id)}
              title={`${t('proposals.suggestOn', { label: number.label })} (Ctrl+Alt+S)`}
              aria-label={t('proposals.suggestOn', { label: number.label })}
              data-testid="suggest-button"
            >
              {t('proposals.suggestButton')}
            </button>
          )}
          {mayStatePosition && <PositionPicker clauseId={clause.id} label={number.label} mine={positions.find((p) => p.participantId === me.id)} />}
        </div>
        {canEdit && (
          <ClauseTools
            label={number.label}
            commands={commands}
            canAddSubitem={clause.kind === 'operative' && depth < MAX_SUBITEM_DEPTH}
            canMoveUp={!isFirstSibling}
            canMoveDown={!isLastSibling}
            // A heading sits above a paragraph: chair and secretariat, as the title (DP2).
            onAddHeading={context.canEditMeta && depth === 0 && !clause.heading ? () => focus.focus(headingFocusKey(clause.id), 'start') : undefined}
          />
        )}
      </div>
    </div>
  );
});
