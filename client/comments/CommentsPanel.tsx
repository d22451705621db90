import { useEffect, useRef, useState } from 'react';
import type { Thread } from '../../shared/comments/thread.ts';
import { isUnread } from '../../shared/comments/thread.ts';
import { matchesFilter, sortThreads, type ThreadFilter } from '../../shared/comments/threadFilter.ts';
import { can } from '../../shared/permissions.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import { t } from '../i18n.ts';
import { CommentComposer } from './CommentComposer.tsx';
import type { Passage } from '../editor/passage.ts';
import { ThreadCard, type ThreadActions } from './ThreadCard.tsx';
import type { CommentsModel } from './useComments.ts';

/** A thread being started: on which clause, and on which passage (null: the whole clause). */
export interface ThreadDraft {
  clauseId: string;
  passage: Passage | null;
  /** Why a passage could not be taken, shown above the box. */
  note?: string;
}

/**
 * The side panel: the thread being started, the filters, and the threads
 * in the order of the text. Choosing a thread shows its passage.
 */
export function CommentsPanel({
  model,
  me,
  filter,
  setFilter,
  active,
  draft,
  labelOf,
  positionOf,
  actions,
  onStart,
  onCancelDraft,
  onSettings,
  onClose,
}: {
  model: CommentsModel;
  me: ParticipantInfo;
  filter: ThreadFilter;
  setFilter(filter: ThreadFilter): void;
  active: string | null;
  draft: ThreadDraft | null;
  labelOf(clauseId: string): string | null;
  positionOf(clauseId: string): number | undefined;
  actions: ThreadActions;
  onStart(body: string): Promise<void>;
  onCancelDraft(): void;
  onSettings(observersMayComment: boolean): Promise<void>;
  onClose(): void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const all = [...model.threads.values()];
  const context = { me: me.id, clauseOf: model.clauseOf };
  const shown = sortThreads(
    // The chosen thread stays in view even once it no longer matches (just resolved, say), so that it can be reopened.
    all.filter((thread) => thread.id === active || matchesFilter(thread, filter, context)),
    model.clauseOf,
    positionOf,
  );
  const clausesWithThreads = [...new Set(sortThreads(all, model.clauseOf, positionOf).map(model.clauseOf))];
  const writers = model.people.filter((p) => all.some((thread) => thread.comments.some((c) => c.authorId === p.id)));

  // The box shows the chair's choice at once; the server's mirror confirms it.
  const [pendingSetting, setPendingSetting] = useState<boolean | null>(null);
  useEffect(() => setPendingSetting(null), [model.settings.observersMayComment]);

  useEffect(() => {
    if (!active) return;
    list.current?.querySelector(`[data-thread-id="${CSS.escape(active)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const place = (thread: Thread) => ({ label: labelOf(model.clauseOf(thread)), passageRemoved: model.passageRemoved(thread) });
  const set = (change: Partial<ThreadFilter>) => setFilter({ ...filter, ...change });

  return (
    <aside className="comments-panel" aria-label={t('comments.title')} data-testid="comments-panel" onKeyDown={(e) => e.key === 'Escape' && !draft && onClose()}>
      <header className="comments-panel__header">
        <h2>{t('comments.title')}</h2>
        <button type="button" className="button button--quiet" onClick={onClose} data-testid="close-comments">
          {t('comments.close')}
        </button>
      </header>

      {draft && (
        <section className="thread thread--draft" aria-label={t('comments.new')} data-testid="new-thread">
          <p className="thread__place thread__place--static">
            <span className="thread__label">{labelOf(draft.clauseId)}</span>
            {draft.passage ? <q className="thread__quote">{draft.passage.quote}</q> : <span className="thread__whole">{t('comments.wholeClause')}</span>}
          </p>
          {draft.note && <p className="thread__note">{draft.note}</p>}
          <CommentComposer label={t('comments.newLabel')} submitLabel={t('comments.post')} people={model.people} autoFocus onSubmit={onStart} onCancel={onCancelDraft} testId="new-thread-form" />
        </section>
      )}
      {!model.mayComment && <p className="comments-panel__note">{me.role === 'observer' ? t('comments.observersNotAllowed') : t('comments.cannotWrite')}</p>}

      <fieldset className="comments-filters" aria-label={t('comments.filters')}>
        <div className="segmented" role="radiogroup" aria-label={t('comments.filterState')}>
          {(['open', 'resolved', 'all'] as const).map((state) => (
            <label key={state} className={filter.state === state ? 'is-on' : undefined}>
              <input type="radio" name="thread-state" checked={filter.state === state} onChange={() => set({ state })} />
              {t(`comments.filter.${state}`)}
            </label>
          ))}
        </div>
        <label className="check">
          <input type="checkbox" checked={filter.mine} onChange={(e) => set({ mine: e.target.checked })} data-testid="filter-mine" />
          {t('comments.filter.mine')}
        </label>
        <label className="check">
          <input type="checkbox" checked={filter.mentionsMe} onChange={(e) => set({ mentionsMe: e.target.checked })} data-testid="filter-mentions" />
          {t('comments.filter.mentions')}
        </label>
        <select aria-label={t('comments.filter.byLabel')} value={filter.byParticipant ?? ''} onChange={(e) => set({ byParticipant: e.target.value || null })} data-testid="filter-by">
          <option value="">{t('comments.filter.anyone')}</option>
          {writers.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <select aria-label={t('comments.filter.clauseLabel')} value={filter.clauseId ?? ''} onChange={(e) => set({ clauseId: e.target.value || null })} data-testid="filter-clause">
          <option value="">{t('comments.filter.anyClause')}</option>
          {clausesWithThreads.map((id) => (
            <option key={id} value={id}>
              {labelOf(id) ?? t('comments.clauseGone')}
            </option>
          ))}
        </select>
      </fieldset>

      <div className="comments-panel__list" ref={list}>
        {shown.length === 0 ? (
          <p className="empty" data-testid="comments-empty">
            {all.length === 0 ? t('comments.emptyAll') : t('comments.emptyFiltered')}
          </p>
        ) : (
          shown.map((thread) => (
            <ThreadCard
              key={thread.id}
              thread={thread}
              place={place(thread)}
              me={me}
              people={model.people}
              settings={model.settings}
              unread={isUnread(thread, me.id, model.reads.get(thread.id))}
              active={thread.id === active}
              actions={actions}
            />
          ))
        )}
      </div>

      {can(me.role, 'changeSettings') && (
        <label className="check comments-panel__setting">
          <input
            type="checkbox"
            checked={pendingSetting ?? model.settings.observersMayComment}
            onChange={(e) => {
              setPendingSetting(e.target.checked);
              onSettings(e.target.checked).catch(() => setPendingSetting(null));
            }}
            data-testid="observers-may-comment"
          />
          {t('comments.observersSetting')}
        </label>
      )}
    </aside>
  );
}
