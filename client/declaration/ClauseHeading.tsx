import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { CLAUSE_FIELD } from '../../shared/document/names.ts';
import { STRUCTURE_ORIGIN } from '../collab/origins.ts';
import { t } from '../i18n.ts';
import { useDeclarationContext } from './declarationContext.ts';

/** The focus key of a clause's heading field: "Add heading" asks the registry for it, and the field takes it once shown. */
export const headingFocusKey = (clauseId: string) => `heading:${clauseId}`;

/**
 * What is printed above a clause (DP2): in a declaration in articles, the
 * derived "Article 5" line of an operative paragraph, in the declaration's
 * language (never stored); then the clause's own heading — a section
 * letter, a Roman part, a topic, an article's caption — in the reading
 * font, for everyone. The chair and the secretariat edit the heading in
 * place as plain text: Enter or leaving the field saves it, Esc puts it
 * back, an empty one is removed. A row of its own beside the clause's row,
 * so that the clause's label and chips stay level with its first line.
 */
export function ClauseHeading({ clauseId, heading, article, depth, label }: { clauseId: string; heading: string; article: string | null; depth: number; label: string }) {
  const { collab, focus, canEditMeta, locks } = useDeclarationContext();
  // An agreed clause is read-only, its heading included.
  const mayEdit = canEditMeta && !locks.has(clauseId);
  const key = headingFocusKey(clauseId);
  const requested = useSyncExternalStore(
    (listener) => focus.subscribe(key, listener),
    () => focus.hasRequest(key),
  );
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Set by Enter and Esc, which move the focus on: the blur that follows has nothing left to save.
  const handled = useRef(false);
  const shown = mayEdit && (heading !== '' || adding || requested);

  useLayoutEffect(() => {
    if (!shown) return;
    return focus.register(key, {
      focus: () => {
        setAdding(true);
        input.current?.focus();
      },
      passage: () => null,
    });
  }, [shown, focus, key]);

  if (!shown && heading === '' && article === null) return null;

  const save = (value: string) => {
    const entry = clausesMap(collab.doc).get(clauseId);
    const text = value.trim();
    if (entry && text !== heading) {
      collab.doc.transact(() => {
        if (text === '') entry.delete(CLAUSE_FIELD.heading);
        else entry.set(CLAUSE_FIELD.heading, text);
      }, STRUCTURE_ORIGIN);
    }
    setDraft(null);
    setAdding(false);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      handled.current = true;
      save(event.currentTarget.value);
      // Back to the clause's text, where the caret was before "Add heading".
      focus.focus(clauseId, 'start');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      // Put back as it was: the blur must not save what Esc threw away.
      handled.current = true;
      setDraft(null);
      setAdding(false);
      focus.focus(clauseId, 'start');
    }
  };

  return (
    <div className={`clause-heading clause-heading--depth-${depth}`} data-testid="clause-heading" data-clause-id={clauseId}>
      {article !== null && (
        <p className="clause-heading__article" data-testid="article-line" data-declaration-words>
          {article}
        </p>
      )}
      {shown ? (
        <input
          ref={input}
          className="clause-heading__input"
          value={draft ?? heading}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          onFocus={() => {
            handled.current = false;
          }}
          onBlur={(event) => {
            if (!handled.current && (draft !== null || adding)) save(event.target.value);
            handled.current = false;
          }}
          placeholder={t('clauseHeading.placeholder')}
          aria-label={t('clauseHeading.label', { label })}
          title={t('clauseHeading.hint')}
          data-testid="clause-heading-input"
        />
      ) : (
        heading !== '' && (
          // Words of the declaration itself, not of the interface.
          <p className="clause-heading__text" data-testid="clause-heading-text" data-declaration-words>
            {heading}
          </p>
        )
      )}
    </div>
  );
}
