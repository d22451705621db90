import { useCallback, useEffect, useMemo, useState } from 'react';
import * as Y from 'yjs';
import type { Thread } from '../../shared/comments/thread.ts';
import { DEFAULT_FILTER, type ThreadFilter } from '../../shared/comments/threadFilter.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { unanchorThread } from '../../shared/document/commentMark.ts';
import { CLAUSE_FIELD } from '../../shared/document/names.ts';
import { newId } from '../../shared/ids.ts';
import type { FocusRegistry } from '../editor/focusRegistry.ts';
import { ANCHOR_ORIGIN, anchorPassage } from '../editor/passage.ts';
import { t } from '../i18n.ts';
import { commentsApi } from './commentsApi.ts';
import type { ThreadDraft } from './CommentsPanel.tsx';
import type { ThreadActions } from './ThreadCard.tsx';
import type { CommentsModel } from './useComments.ts';

export interface CommentsPanelState {
  open: boolean;
  filter: ThreadFilter;
  setFilter(filter: ThreadFilter): void;
  active: string | null;
  draft: ThreadDraft | null;
  /** Starts a thread on the clause: on the passage selected in it, if any and if its text may carry a mark. */
  startThread(clauseId: string, wholeClauseOnly: boolean): void;
  /** Opens the panel on a clause's threads. */
  showClause(clauseId: string): void;
  /** Chooses a thread: opens it in the panel, shows its passage, marks it read. */
  choose(threadId: string): void;
  submitDraft(body: string): Promise<void>;
  cancelDraft(): void;
  toggle(): void;
  close(): void;
  actions: ThreadActions;
  setObserversMayComment(value: boolean): Promise<void>;
}

/** Shows a thread's passage (or its clause) in the text. */
function reveal(thread: Thread, clauseId: string): void {
  const clause = document.querySelector(`[data-clause-id="${CSS.escape(clauseId)}"]`);
  const passage = clause?.querySelector(`[data-threads~="${CSS.escape(thread.id)}"]`);
  (passage ?? clause)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

export function useCommentsPanel({
  declarationId,
  doc,
  model,
  focus,
  notify,
}: {
  declarationId: string;
  doc: Y.Doc;
  model: CommentsModel;
  focus: FocusRegistry;
  notify(message: string): void;
}): CommentsPanelState {
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState<ThreadFilter>(DEFAULT_FILTER);
  const [active, setActive] = useState<string | null>(null);
  const [draft, setDraft] = useState<ThreadDraft | null>(null);
  const { threads, markRead, clauseOf } = model;

  // What is open before one's eyes is read, new replies included.
  const activeThread = active ? threads.get(active) : undefined;
  useEffect(() => {
    if (open && activeThread) markRead(activeThread);
  }, [open, activeThread, markRead]);

  const choose = useCallback(
    (threadId: string) => {
      const thread = threads.get(threadId);
      if (!thread) return;
      setOpen(true);
      setActive(threadId);
      // A chosen thread must be in the list, whatever the filters said.
      setFilter((current) => (thread.resolved && current.state === 'open' ? { ...current, state: 'all' } : current));
      markRead(thread);
      reveal(thread, clauseOf(thread));
    },
    [threads, markRead, clauseOf],
  );

  const startThread = useCallback(
    (clauseId: string, wholeClauseOnly: boolean) => {
      const passage = focus.passage(clauseId);
      setOpen(true);
      setActive(null);
      setDraft({
        clauseId,
        passage: wholeClauseOnly ? null : passage,
        note: wholeClauseOnly && passage ? t('comments.wholeClauseOnly') : undefined,
      });
    },
    [focus],
  );

  const submitDraft = useCallback(
    async (body: string) => {
      if (!draft) return;
      const id = newId(16);
      // The mark goes into the text first, so that the thread never exists without its anchor.
      const anchored = draft.passage !== null && anchorPassage(doc, draft.passage, id);
      if (draft.passage && !anchored) notify(t('comments.passageGone'));
      try {
        const { thread } = await commentsApi.startThread(declarationId, {
          id,
          clauseId: draft.clauseId,
          anchor: anchored ? 'passage' : 'clause',
          quote: anchored && draft.passage ? draft.passage.quote : '',
          body,
        });
        setDraft(null);
        setActive(thread.id);
      } catch (failure) {
        if (anchored) {
          const fragment = clausesMap(doc).get(draft.clauseId)?.get(CLAUSE_FIELD.body);
          if (fragment instanceof Y.XmlFragment) doc.transact(() => unanchorThread(fragment, id), ANCHOR_ORIGIN);
        }
        throw failure;
      }
    },
    [declarationId, doc, draft, notify],
  );

  const actions: ThreadActions = useMemo(
    () => ({
      choose: (thread) => choose(thread.id),
      reply: async (thread, body) => {
        await commentsApi.reply(declarationId, thread.id, body);
        markRead(thread);
      },
      edit: async (thread, comment, body) => {
        await commentsApi.edit(declarationId, thread.id, comment.id, body);
      },
      remove: async (thread, comment) => {
        await commentsApi.remove(declarationId, thread.id, comment.id);
      },
      resolve: async (thread, resolved) => {
        await commentsApi.resolve(declarationId, thread.id, resolved);
      },
    }),
    [declarationId, choose, markRead],
  );

  return {
    open,
    filter,
    setFilter,
    active,
    draft,
    startThread,
    showClause: (clauseId) => {
      setOpen(true);
      setFilter({ ...DEFAULT_FILTER, clauseId });
    },
    choose,
    submitDraft,
    cancelDraft: () => setDraft(null),
    toggle: () => setOpen((value) => !value),
    close: () => {
      setOpen(false);
      setDraft(null);
      setActive(null);
    },
    actions,
    setObserversMayComment: async (value) => {
      try {
        await commentsApi.setSettings(declarationId, { observersMayComment: value });
      } catch (failure) {
        notify(t('comments.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
        throw failure;
      }
    },
  };
}
