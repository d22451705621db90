import { useCallback, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { newId } from '../../shared/ids.ts';
import { STRUCTURE_ORIGIN } from '../collab/origins.ts';
import { LazyEditor } from '../editor/LazyEditor.tsx';
import { t } from '../i18n.ts';
import { useDeclarationContext } from './declarationContext.ts';
import { createFootnote, deleteFootnote, footnotesMap, nextMarker, readFootnoteEntries, type FootnoteEntry } from './footnoteOps.ts';

/** The focus key of a footnote's text editor (client/collab/editPlace.ts names it so too). */
const footnoteKey = (id: string) => `footnote:${id}`;

/** The footnotes, live: re-read when one is added, removed or re-marked, not on every keystroke in a note. */
function useFootnotes(doc: Y.Doc): FootnoteEntry[] {
  const [list, setList] = useState(() => readFootnoteEntries(doc));
  useEffect(() => {
    const map = footnotesMap(doc);
    const update = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      if (events.some((event) => event.target === map || event.target.parent === map)) setList(readFootnoteEntries(doc));
    };
    map.observeDeep(update);
    setList(readFootnoteEntries(doc));
    return () => map.unobserveDeep(update);
  }, [doc]);
  return list;
}

/** The reference of a footnote in the text (an editor's or a static clause's), not the list's own marker. */
function referenceOf(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`.declaration [data-footnote="${CSS.escape(id)}"]:not(.footnotes *)`);
}

/** Draws the eye to where it has been taken. */
function flash(element: Element): void {
  element.classList.remove('is-flashing');
  // Restarts the animation when the same place is reached twice.
  void (element as HTMLElement).offsetWidth;
  element.classList.add('is-flashing');
  window.setTimeout(() => element.classList.remove('is-flashing'), 1600);
}

/**
 * The footnotes under the note (DP3): each note's marker and text, in
 * order. The chair and the secretariat add one at the caret (the button,
 * or Ctrl+Alt+F in the text): the note with the next free number and its
 * marker in the text, as one undoable step; they write its text here and
 * delete it (note and marker, with Undo). A marker in the text takes the
 * reader to its note, and the note's marker back to the text.
 */
export function Footnotes() {
  const { collab, focus, canEditMeta, notify, me, beforeRemoteChange } = useDeclarationContext();
  const list = useFootnotes(collab.doc);
  // The editor the caret was last in, outside the notes: where "Add footnote" puts the marker
  // (a keyboard user reaches the button by Tab, which takes the focus from the text).
  const lastText = useRef<string | null>(null);

  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      const key = (event.target as HTMLElement | null)?.closest<HTMLElement>('.declaration [data-focus-key]')?.dataset.focusKey;
      if (key && !key.startsWith('footnote:') && !key.startsWith('heading:')) lastText.current = key;
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, []);

  const add = useCallback(() => {
    const key = lastText.current;
    const id = newId();
    const marker = nextMarker(readFootnoteEntries(collab.doc));
    // The note first, then its marker: the server never sees a reference to a note it does not have.
    const added = key !== null && collab.history.step(() => focus.insertFootnote(key, id, marker, () => createFootnote(collab.doc, id, marker, STRUCTURE_ORIGIN)));
    if (!added) {
      notify(t('footnotes.noCaret'));
      return;
    }
    notify(t('footnotes.added', { marker }));
    focus.focus(footnoteKey(id), 'start');
  }, [collab, focus, notify]);

  // Ctrl+Alt+F in the text: a footnote at the caret.
  useEffect(() => {
    if (!canEditMeta) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyF') return;
      if (!(event.target as HTMLElement | null)?.closest('.declaration .ProseMirror')) return;
      event.preventDefault();
      add();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [canEditMeta, add]);

  // A click on a marker in the text goes to its note.
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const marker = (event.target as HTMLElement | null)?.closest<HTMLElement>('.declaration [data-footnote]');
      if (!marker || marker.closest('.footnotes')) return;
      const note = document.getElementById(`footnote-${marker.dataset.footnote ?? ''}`);
      if (!note) return;
      note.scrollIntoView({ block: 'center' });
      flash(note);
      note.querySelector<HTMLElement>('.footnote__back')?.focus({ preventScroll: true });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  const back = (id: string, marker: string) => {
    const reference = referenceOf(id);
    if (!reference) {
      // A note whose marker was deleted from the text: say so rather than do nothing.
      notify(t('footnotes.noReference', { marker }));
      return;
    }
    reference.scrollIntoView({ block: 'center' });
    flash(reference);
    // The caret goes right after the marker, in the text that refers to the note.
    const key = reference.closest<HTMLElement>('[data-focus-key]')?.dataset.focusKey;
    const box = reference.getBoundingClientRect();
    if (key) focus.focus(key, { x: box.right, y: box.top + box.height / 2 });
  };

  const remove = (entry: FootnoteEntry) => {
    const before = collab.history.latest();
    deleteFootnote(collab.doc, entry.id, STRUCTURE_ORIGIN);
    const latest = collab.history.latest();
    const deletion = latest !== before ? latest : null;
    notify(t('footnotes.deleted', { marker: entry.marker }), { label: t('clause.undo'), run: () => deletion && collab.history.undoStep(deletion) });
  };

  if (list.length === 0 && !canEditMeta) return null;
  return (
    <section className="footnotes" aria-label={t('footnotes.title')} data-testid="footnotes">
      <h2 className="footnotes__title">{t('footnotes.title')}</h2>
      {list.length === 0 ? (
        <p className="empty" data-testid="footnotes-empty">
          {t('footnotes.empty')}
        </p>
      ) : (
        <ol className="footnotes__list">
          {list.map((entry) => (
            <li key={entry.id} id={`footnote-${entry.id}`} className="footnote" data-testid="footnote" data-marker={entry.marker}>
              <button
                type="button"
                className="footnote__back"
                onClick={() => back(entry.id, entry.marker)}
                title={t('footnotes.back', { marker: entry.marker })}
                aria-label={t('footnotes.back', { marker: entry.marker })}
                data-testid="footnote-back"
              >
                <sup>{entry.marker}</sup>
              </button>
              {entry.body && (
                <LazyEditor
                  fragment={entry.body}
                  provider={collab.provider}
                  user={me}
                  editable={canEditMeta}
                  placeholder={t('footnotes.placeholder', { marker: entry.marker })}
                  label={t('footnotes.placeholder', { marker: entry.marker })}
                  className="footnote__text"
                  beforeRemoteChange={beforeRemoteChange}
                  focusKey={footnoteKey(entry.id)}
                  focus={focus}
                />
              )}
              {canEditMeta && (
                <button
                  type="button"
                  className="footnote__delete"
                  onClick={() => remove(entry)}
                  title={t('footnotes.delete', { marker: entry.marker })}
                  aria-label={t('footnotes.delete', { marker: entry.marker })}
                  data-testid="footnote-delete"
                >
                  <span aria-hidden="true">✕</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEditMeta && (
        <button
          type="button"
          className="add-clause"
          // Keeps the caret in the text: the marker goes where it is.
          onMouseDown={(event) => event.preventDefault()}
          onClick={add}
          title={`${t('footnotes.add')} (Ctrl+Alt+F)`}
          data-testid="add-footnote"
        >
          + {t('footnotes.add')}
        </button>
      )}
    </section>
  );
}
