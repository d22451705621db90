import { useState } from 'react';
import { mayComment, mayResolve } from '../../shared/comments/settings.ts';
import type { DeclarationSettings } from '../../shared/settings.ts';
import type { Comment, Thread } from '../../shared/comments/thread.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import { t } from '../i18n.ts';
import { when } from '../time.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { CommentText } from './CommentText.tsx';

export interface ThreadPlace {
  /** PP3, OP5 a): where the thread sits now; null if its clause is gone. */
  label: string | null;
  /** A passage thread whose passage has been deleted: it stays on its clause. */
  passageRemoved: boolean;
}

export interface ThreadActions {
  choose(thread: Thread): void;
  reply(thread: Thread, body: string): Promise<void>;
  edit(thread: Thread, comment: Comment, body: string): Promise<void>;
  remove(thread: Thread, comment: Comment): Promise<void>;
  resolve(thread: Thread, resolved: boolean): Promise<void>;
}

/** One thread in the side panel: where it is, what was said, and what this participant may do with it. */
export function ThreadCard({
  thread,
  place,
  me,
  people,
  settings,
  unread,
  active,
  actions,
}: {
  thread: Thread;
  place: ThreadPlace;
  me: ParticipantInfo;
  people: ParticipantInfo[];
  settings: DeclarationSettings;
  unread: boolean;
  active: boolean;
  actions: ThreadActions;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const colorOf = (id: string) => people.find((p) => p.id === id)?.color ?? 'var(--faint)';
  const canWrite = mayComment(me.role, settings);
  const run = (work: Promise<void>) => {
    setError(null);
    work.catch((failure: unknown) => setError(t('comments.failed', { message: failure instanceof Error ? failure.message : String(failure) })));
  };

  return (
    <article
      className={`thread${active ? ' is-active' : ''}${thread.resolved ? ' is-resolved' : ''}${unread ? ' is-unread' : ''}`}
      data-testid="thread"
      data-thread-id={thread.id}
      aria-label={t('comments.threadOn', { label: place.label ?? t('comments.clauseGone') })}
    >
      <button type="button" className="thread__place" onClick={() => actions.choose(thread)} data-testid="thread-choose">
        {unread && <span className="thread__unread" role="img" aria-label={t('comments.unread')} />}
        <span className="thread__label">{place.label ?? t('comments.clauseGone')}</span>
        {thread.anchor === 'passage' ? (
          <q className={`thread__quote${place.passageRemoved ? ' is-removed' : ''}`}>{thread.quote}</q>
        ) : (
          <span className="thread__whole">{t('comments.wholeClause')}</span>
        )}
        {place.passageRemoved && <span className="thread__tag" data-testid="passage-removed">{t('comments.passageRemoved')}</span>}
        {thread.resolved && <span className="thread__tag thread__tag--resolved">{t('comments.resolvedBy', { name: thread.resolved.by, when: when(thread.resolved.at) })}</span>}
      </button>
      <ol className="thread__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment" data-testid="comment">
            <div className="comment__head">
              <span className="presence__dot" style={{ background: colorOf(comment.authorId) }} aria-hidden="true" />
              <span className="comment__author">{comment.author}</span>
              <span className="comment__when">
                {when(comment.at)}
                {comment.editedAt ? ` · ${t('comments.edited')}` : ''}
              </span>
              {comment.authorId === me.id && !comment.deleted && editing !== comment.id && (
                <span className="comment__tools">
                  <button type="button" className="link-button" onClick={() => setEditing(comment.id)}>
                    {t('comments.edit')}
                  </button>
                  <button
                    type="button"
                    className="link-button link-button--danger"
                    onClick={() => window.confirm(t('comments.confirmDelete')) && run(actions.remove(thread, comment))}
                  >
                    {t('comments.delete')}
                  </button>
                </span>
              )}
            </div>
            {comment.deleted ? (
              <p className="comment__body comment__body--deleted">{t('comments.deleted')}</p>
            ) : editing === comment.id ? (
              <CommentComposer
                label={t('comments.editLabel')}
                submitLabel={t('comments.save')}
                initial={comment.body}
                people={people}
                autoFocus
                onSubmit={async (body) => {
                  await actions.edit(thread, comment, body);
                  setEditing(null);
                }}
                onCancel={() => setEditing(null)}
              />
            ) : (
              <CommentText body={comment.body} people={people} me={me.id} />
            )}
          </li>
        ))}
      </ol>
      {error && (
        <p className="composer__error" role="alert">
          {error}
        </p>
      )}
      {active && canWrite && !thread.resolved && (
        <CommentComposer label={t('comments.replyLabel')} submitLabel={t('comments.reply')} people={people} onSubmit={(body) => actions.reply(thread, body)} testId="reply" />
      )}
      {mayResolve(me.role, me.id, thread.authorId) && (
        <div className="thread__footer">
          <button type="button" className="button button--quiet" onClick={() => run(actions.resolve(thread, !thread.resolved))} data-testid={thread.resolved ? 'reopen' : 'resolve'}>
            {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
          </button>
        </div>
      )}
    </article>
  );
}
