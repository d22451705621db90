import { Extension, type Editor } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import Italic from '@tiptap/extension-italic';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Placeholder, UndoRedo } from '@tiptap/extensions';
import { EditorContent, useEditor } from '@tiptap/react';
import { memo, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ClauseKind } from '../../shared/clauseKind.ts';
import { MAX_JUSTIFICATION_LENGTH, type Proposal, type ProposalAction } from '../../shared/proposals/proposal.ts';
import { proposalRedline } from '../../shared/proposals/proposalRedline.ts';
import { proposalWording } from '../../shared/proposals/proposalWording.ts';
import { wordRedline, redlineChanges } from '../../shared/proposals/wordDiff.ts';
import { toPlainText, type RichText } from '../../shared/richText.ts';
import { readSelectionFromPage } from '../editor/domSelection.ts';
import { FootnoteMark } from '../editor/footnoteMark.ts';
import { paragraphContent, richTextOfContent } from '../editor/richTextOfNode.ts';
import { t, useLanguage } from '../i18n.ts';
import type { NewProposal } from './proposalsApi.ts';
import { Redline } from './Redline.tsx';

/** The clause a suggestion is made on, as the screen knows it. */
export interface SuggestPlace {
  clauseId: string;
  label: string;
  kind: ClauseKind;
  depth: number;
  /** A sub-item may go under it: an operative paragraph or a first-level sub-item. */
  canTakeSubitem: boolean;
}

/** Formatting and footnote references kept, comment anchors dropped: they belong to the clause's text, not to a proposal (FN2). */
const wording = proposalWording;

function caretAtEnd(editor: Editor): void {
  if (editor.isDestroyed) return;
  editor.commands.setTextSelection(Math.max(1, editor.state.doc.content.size - 1));
  editor.view.focus();
}

function sameWording(a: RichText, b: RichText): boolean {
  return !redlineChanges(wordRedline(wording(a), wording(b)));
}

const ACTIONS: readonly ProposalAction[] = ['replace', 'insert-before', 'insert-after', 'insert-subitem', 'delete'];
const isInsert = (action: ProposalAction) => action.startsWith('insert');

/**
 * A suggestion on a clause (PROP1, PROP13): an editable copy of the clause in
 * place — a Tiptap editor of its own, not bound to the shared document, so
 * nothing reaches the others until it is sent — with italics and bold
 * (Ctrl+I, Ctrl+B), a live redline against the clause as it stands, and an
 * optional justification. The same box proposes a new paragraph before or
 * after, a sub-item, or the clause's deletion; and edits one's own open
 * proposal (`editing`). Ctrl+Enter sends, Escape cancels.
 *
 * Memoised: the screen re-renders as others move about, and each render of
 * a Tiptap editor hands it its options again, which can put ProseMirror's
 * last known caret back over one the page has just moved.
 */
export const SuggestEditor = memo(function SuggestEditor({
  place,
  current,
  color,
  editing,
  onSend,
  onCancel,
}: {
  place: SuggestPlace;
  /** The clause's text as it stands. */
  current: RichText;
  color: string;
  editing?: Proposal;
  /** Resolves once the server has taken it; rejects with words to show. */
  onSend(proposal: NewProposal): Promise<void>;
  onCancel(): void;
}) {
  // Memoized: it would not see a switch of interface language otherwise (I18N3).
  useLanguage();
  const [action, setAction] = useState<ProposalAction>(editing?.action ?? 'replace');
  const [kind, setKind] = useState<ClauseKind>(editing?.kind ?? (place.depth > 0 ? 'operative' : place.kind));
  const [justification, setJustification] = useState(editing?.justification ?? '');
  const [text, setText] = useState<RichText>(() => wording(editing ? editing.text : current));
  // The clause as the delegate saw it when the copy was made (or the proposal being edited was made on):
  // the proposal's changes are made against it, so words others type meanwhile are not read as deleted (PROP4).
  const [base, setBase] = useState<RichText>(() => wording(editing ? editing.baseText : current));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ids = useId();
  const send = useRef<() => void>(() => undefined);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;

  // Made once per clause (the dependency): without one, useEditor would hand the editor fresh
  // options on every render of the screen (someone's caret moving elsewhere, say), which puts
  // ProseMirror's last known caret back over one just moved by Home or an arrow.
  const editor = useEditor(
    {
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    extensions: [
      // One paragraph, like the clause: Enter does not split it.
      Document.extend({ content: 'paragraph' }),
      Paragraph,
      Text,
      Italic,
      Bold,
      // A marker in the clause stays a marker in the copy, so the proposal keeps its reference (FN2).
      FootnoteMark,
      UndoRedo,
      Placeholder.configure({ placeholder: () => t('proposals.suggest.placeholder') }),
      Extension.create({
        name: 'suggestKeys',
        addKeyboardShortcuts: () => ({
          Enter: () => true,
          'Mod-Enter': () => {
            send.current();
            return true;
          },
          Escape: () => {
            cancel.current();
            return true;
          },
        }),
      }),
    ],
    content: { type: 'doc', content: [{ type: 'paragraph', content: paragraphContent(text) }] },
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'false', spellcheck: 'true', class: 'suggest__editor', 'data-testid': 'suggest-editor' },
      // Each key acts on the caret as the page shows it (see domSelection.ts).
      handleKeyDown: (view) => {
        readSelectionFromPage(view);
        return false;
      },
    },
    onUpdate: ({ editor: changed }) => setText(wording(richTextOfContent(changed.state.doc.content))),
    },
    [place.clauseId],
  );

  useEffect(() => {
    editor.view.dom.setAttribute('aria-label', t(`proposals.suggest.textLabel.${action}`, { label: place.label }));
  }, [editor, action, place.label]);

  // The caret goes into the copy at once, at its end: the delegate came to change words.
  // Now, not a frame later as Tiptap's focus command would: keys typed meanwhile would land elsewhere.
  useLayoutEffect(() => caretAtEnd(editor), [editor]);

  /** Between new wording and a new paragraph the box starts again: from the clause, or empty. */
  const choose = (next: ProposalAction) => {
    if (isInsert(next) !== isInsert(action) || next === 'delete' || action === 'delete') {
      const fresh = next === 'replace' ? wording(current) : [];
      if (next === 'replace') setBase(fresh);
      if (next !== 'delete') {
        editor.commands.setContent({ type: 'doc', content: [{ type: 'paragraph', content: paragraphContent(fresh) }] });
        setText(fresh);
      }
    }
    setAction(next);
    setError(null);
    if (next !== 'delete') setTimeout(() => caretAtEnd(editor));
  };

  const tooLong = justification.length > MAX_JUSTIFICATION_LENGTH;
  const empty = action !== 'delete' && toPlainText(text).trim() === '';
  const unchanged = action === 'replace' && sameWording(text, base);
  const blocked = busy || tooLong || empty || unchanged;

  send.current = () => {
    if (blocked) return;
    setBusy(true);
    setError(null);
    const proposal: NewProposal = {
      clauseId: place.clauseId,
      action,
      ...(action === 'delete' ? {} : { text }),
      ...(action === 'replace' ? { baseText: base } : {}),
      ...((action === 'insert-before' || action === 'insert-after') && place.depth === 0 ? { kind } : {}),
      ...(justification.trim() === '' ? {} : { justification: justification.trim() }),
    };
    onSend(proposal).then(
      () => setBusy(false),
      (failure: unknown) => {
        setBusy(false);
        setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  };

  const onBoxKey = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send.current();
    }
  };

  const available = ACTIONS.filter((each) => (editing ? each === editing.action : each !== 'insert-subitem' || place.canTakeSubitem));
  const preview = action === 'replace' || action === 'delete' ? proposalRedline({ action, text, baseText: base }, wording(current)) : null;

  return (
    <section className="suggest" aria-label={t('proposals.suggest.title', { label: place.label })} data-testid="suggest" onKeyDown={onBoxKey}>
      {available.length > 1 ? (
        <div className="segmented suggest__actions" role="radiogroup" aria-label={t('proposals.suggest.what')}>
          {available.map((each) => (
            <label key={each} className={action === each ? 'is-on' : undefined}>
              <input type="radio" name={`${ids}-action`} checked={action === each} onChange={() => choose(each)} data-testid={`suggest-${each}`} />
              {t(`proposals.action.${each}`)}
            </label>
          ))}
        </div>
      ) : (
        <p className="suggest__heading">{t(editing ? 'proposals.suggest.editing' : `proposals.action.${action}`)}</p>
      )}

      <div className="suggest__copy" hidden={action === 'delete'}>
        <EditorContent editor={editor} />
      </div>
      {action === 'delete' && <p className="suggest__note">{t('proposals.suggest.deleteNote', { label: place.label })}</p>}
      {preview && (
        <div className="suggest__preview" aria-live="polite">
          <span className="suggest__preview-label">{t('proposals.suggest.preview')}</span>
          <Redline redline={preview} color={color} />
        </div>
      )}
      {(action === 'insert-before' || action === 'insert-after') && place.depth === 0 && !editing && (
        <div className="segmented suggest__kind" role="radiogroup" aria-label={t('proposals.suggest.kind')}>
          {(['preamble', 'operative'] as const).map((each) => (
            <label key={each} className={kind === each ? 'is-on' : undefined}>
              <input type="radio" name={`${ids}-kind`} checked={kind === each} onChange={() => setKind(each)} />
              {t(`proposals.kind.${each}`)}
            </label>
          ))}
        </div>
      )}

      <label className="suggest__field" htmlFor={`${ids}-why`}>
        {t('proposals.suggest.justification')}
      </label>
      <textarea
        id={`${ids}-why`}
        className="composer__text"
        rows={2}
        value={justification}
        onChange={(event) => setJustification(event.target.value)}
        aria-describedby={`${ids}-count`}
        data-testid="suggest-justification"
      />
      <p id={`${ids}-count`} className={`suggest__count${tooLong ? ' is-over' : ''}`}>
        {tooLong
          ? t('proposals.suggest.tooLong', { count: justification.length, max: MAX_JUSTIFICATION_LENGTH })
          : t('proposals.suggest.count', { count: justification.length, max: MAX_JUSTIFICATION_LENGTH })}
      </p>
      {error && (
        <p className="composer__error" role="alert" data-testid="suggest-error">
          {t('proposals.failed', { message: error })}
        </p>
      )}
      <div className="composer__buttons">
        <button type="button" className="button" disabled={blocked} onClick={() => send.current()} data-testid="suggest-send">
          {busy ? t('proposals.sending') : editing ? t('proposals.suggest.save') : t('proposals.suggest.send')}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} data-testid="suggest-cancel">
          {t('proposals.cancel')}
        </button>
        <span className="composer__hint">
          {unchanged ? t('proposals.suggest.unchanged') : empty ? t('proposals.suggest.empty') : t('proposals.suggest.hint')}
        </span>
      </div>
    </section>
  );
});
