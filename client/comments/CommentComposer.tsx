import { useId, useLayoutEffect, useRef, useState } from 'react';
import { mentionQueryAt, type Mentionable } from '../../shared/comments/mentions.ts';
import { MAX_COMMENT_LENGTH } from '../../shared/comments/thread.ts';
import { t } from '../i18n.ts';

/**
 * Where a comment is written: plain text, Ctrl+Enter sends, Escape cancels,
 * and "@" offers the participants' names (↑/↓ to choose, Enter or Tab to take one).
 * The text stays in the box until the server has taken it.
 */
export function CommentComposer({
  label,
  submitLabel,
  initial = '',
  people,
  autoFocus,
  onSubmit,
  onCancel,
  testId,
}: {
  label: string;
  submitLabel: string;
  initial?: string;
  people: readonly Mentionable[];
  autoFocus?: boolean;
  /** Resolves when the server has taken the text; rejects with a message to show. */
  onSubmit(body: string): Promise<void>;
  onCancel?(): void;
  testId?: string;
}) {
  const [text, setText] = useState(initial);
  const [caret, setCaret] = useState(initial.length);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choice, setChoice] = useState(0);
  const box = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  // Where the caret goes once a taken name is in the box: set in the same
  // commit as the text, so that keys typed right after land behind the name.
  const pendingCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingCaret.current === null || !box.current) return;
    box.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const query = mentionQueryAt(text, caret);
  const suggestions = query
    ? people.filter((p) => p.name.toLocaleLowerCase().startsWith(query.query.toLocaleLowerCase())).slice(0, 6)
    : [];
  const tooLong = text.length > MAX_COMMENT_LENGTH;

  const take = (person: Mentionable) => {
    if (!query) return;
    const next = `${text.slice(0, query.start)}@${person.name} ${text.slice(caret)}`;
    const at = query.start + person.name.length + 2;
    setText(next);
    setCaret(at);
    setChoice(0);
    pendingCaret.current = at;
  };

  const submit = async () => {
    const body = text.trim();
    if (body === '' || tooLong || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(body);
      setText('');
      setCaret(0);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setChoice((c) => (c + (event.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        event.preventDefault();
        take(suggestions[Math.min(choice, suggestions.length - 1)]!);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      className="composer"
      data-testid={testId}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <textarea
        ref={box}
        className="composer__text"
        aria-label={label}
        placeholder={label}
        value={text}
        autoFocus={autoFocus}
        rows={Math.min(8, Math.max(2, text.split('\n').length))}
        aria-autocomplete="list"
        aria-controls={suggestions.length > 0 ? listId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          setChoice(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {suggestions.length > 0 && (
        <ul className="composer__suggestions" id={listId} role="listbox" aria-label={t('comments.mentionList')}>
          {suggestions.map((person, i) => (
            <li
              key={person.id}
              role="option"
              aria-selected={i === choice}
              className={i === choice ? 'is-chosen' : undefined}
              onMouseDown={(event) => {
                event.preventDefault();
                take(person);
              }}
            >
              @{person.name}
            </li>
          ))}
        </ul>
      )}
      {tooLong && <p className="composer__error">{t('comments.tooLong', { max: MAX_COMMENT_LENGTH, count: text.length })}</p>}
      {error && (
        <p className="composer__error" role="alert">
          {t('comments.failed', { message: error })}
        </p>
      )}
      <div className="composer__buttons">
        <button type="submit" className="button" disabled={busy || tooLong || text.trim() === ''}>
          {busy ? t('comments.sending') : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('comments.cancel')}
          </button>
        )}
        <span className="composer__hint">{t('comments.hint')}</span>
      </div>
    </form>
  );
}
