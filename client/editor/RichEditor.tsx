import { Editor } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import Document from '@tiptap/extension-document';
import Italic from '@tiptap/extension-italic';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Placeholder } from '@tiptap/extensions';
import type { Slice } from '@tiptap/pm/model';
import { TextSelection } from '@tiptap/pm/state';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useLayoutEffect, useRef } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { ParticipantInfo } from '../../shared/roles.ts';
import type { RichText } from '../../shared/richText.ts';
import { ClauseKeymap, type ClauseKeyActions } from './clauseKeymap.ts';
import { TypedText } from './typedText.ts';
import type { FocusHandle, FocusTarget } from './focusRegistry.ts';
import { readSelectionFromPage } from './domSelection.ts';
import { CollaborationSync } from './collaborationSync.ts';
import { CommentMark } from './commentMark.ts';
import { FootnoteMark } from './footnoteMark.ts';
import { FOOTNOTE_MARK } from '../../shared/document/names.ts';
import { BracketMarks } from '../brackets/bracketDecorations.ts';
import { selectedPassage } from './passage.ts';
import { richTextOfContent } from './richTextOfNode.ts';
import { renderCaret, watchCaretActivity } from './caretFlags.ts';

/**
 * One Tiptap editor bound to one Yjs fragment (a clause's body or a part of
 * the heading). The schema is a single paragraph of text with italics and
 * bold: a clause is a paragraph, and Enter makes the next clause instead.
 */
export interface RichEditorProps {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  user: ParticipantInfo;
  editable: boolean;
  /** Read-only but still takes the focus (a click, ↑/↓), so that typing there can be answered: a locked clause. */
  focusable?: boolean;
  placeholder: string;
  label: string;
  className?: string;
  actions?: ClauseKeyActions;
  /**
   * Several paragraphs pasted: `putFirst` puts the first in at the caret
   * here, `paragraphs` (the rest) become clauses; the caller makes both one undo step.
   */
  onPasteParagraphs?: (paragraphs: RichText[], putFirst: () => void) => void;
  onFocusChange?: (focused: boolean) => void;
  registerFocus?: (handle: FocusHandle) => () => void;
  /** Subscribes to "the server is about to change something" (Collaboration.onBeforeRemoteChange). */
  beforeRemoteChange: (listener: () => void) => () => void;
  /** The clause whose body this is: its square brackets are drawn, and Ctrl+Alt+B brackets the selection (BRK1, BRK3). */
  bracketsOf?: string | null;
}

function pastedParagraphs(slice: Slice): RichText[] {
  const paragraphs: RichText[] = [];
  slice.content.descendants((node) => {
    if (!node.isTextblock) return true;
    paragraphs.push(richTextOfContent(node.content));
    return false;
  });
  return paragraphs;
}

export function RichEditor(props: RichEditorProps) {
  const actionsRef = useRef(props.actions ?? null);
  actionsRef.current = props.actions ?? null;
  const pasteRef = useRef(props.onPasteParagraphs);
  pasteRef.current = props.onPasteParagraphs;
  const focusRef = useRef(props.onFocusChange);
  focusRef.current = props.onFocusChange;
  // Once per connection (idempotent): whose caret flag shows now (LAY5).
  if (props.fragment.doc) watchCaretActivity(props.provider.awareness, props.fragment.doc);

  const editor = useEditor(
    {
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editable: props.editable,
      extensions: [
        Document.extend({ content: 'paragraph+' }),
        Paragraph,
        Text,
        Italic,
        Bold,
        CommentMark,
        FootnoteMark,
        BracketMarks.configure({ clauseId: props.bracketsOf ?? null, doc: props.fragment.doc }),
        Placeholder.configure({ placeholder: props.placeholder }),
        CollaborationSync.configure({ fragment: props.fragment }),
        // The whole participant, not only name and colour: this becomes our awareness `user`, which the presence list reads.
        // Name flags only while their owner types or on hover, never over the text (LAY5).
        CollaborationCaret.configure({ provider: props.provider, user: { ...props.user }, render: renderCaret }),
        ClauseKeymap.configure({ actions: () => actionsRef.current }),
        TypedText,
      ],
      editorProps: {
        attributes: {
          'aria-label': props.label,
          'aria-multiline': 'false',
          role: 'textbox',
          spellcheck: 'true',
          ...(props.className ? { class: props.className } : {}),
        },
        handlePaste: (view, _event, slice) => {
          const paragraphs = pastedParagraphs(slice);
          if (paragraphs.length < 2 || !pasteRef.current) return false;
          // The first paragraph goes in at the caret; the text after the caret
          // moves to the end of the last pasted paragraph, as in a word processor.
          readSelectionFromPage(view);
          const { state } = view;
          const { from, to } = state.selection;
          const end = Math.max(to, state.doc.content.size - 1);
          const rest = richTextOfContent(state.doc.slice(to, end).content);
          let firstBlock = slice.content.firstChild;
          while (firstBlock && !firstBlock.isTextblock) firstBlock = firstBlock.firstChild;
          const tr = state.tr.delete(from, end);
          if (firstBlock) tr.insert(from, firstBlock.content);
          const last = paragraphs.length - 1;
          pasteRef.current(
            paragraphs.slice(1).map((p, i) => (i === last - 1 ? [...p, ...rest] : p)),
            () => view.dispatch(tr),
          );
          return true;
        },
      },
      onFocus: () => focusRef.current?.(true),
      onBlur: () => focusRef.current?.(false),
    },
    [props.fragment],
  );

  // A layout effect, before the focus registration below: a focus request waiting for this editor needs the tabindex already.
  useLayoutEffect(() => {
    editor.setEditable(props.editable, false);
    if (!props.editable && props.focusable) editor.view.dom.setAttribute('tabindex', '0');
    else editor.view.dom.removeAttribute('tabindex');
  }, [editor, props.editable, props.focusable]);

  useEffect(() => {
    // The label (PP3, OP7) follows the clause's place in the text.
    editor.view.dom.setAttribute('aria-label', props.label);
  }, [editor, props.label]);

  const { beforeRemoteChange } = props;
  useEffect(
    () =>
      beforeRemoteChange(() => {
        if (!editor.isDestroyed) readSelectionFromPage(editor.view);
      }),
    [editor, beforeRemoteChange],
  );

  // A layout effect: a clause just added by a click takes the caret in the
  // same commit, before the keys typed right after the click are dispatched.
  useLayoutEffect(() => {
    if (!props.registerFocus) return;
    return props.registerFocus({
      focus: (target: FocusTarget) => focusEditor(editor, target),
      passage: () => (editor.isDestroyed ? null : selectedPassage(editor, props.fragment)),
      insertFootnote: (id: string, marker: string, before: () => void) => insertFootnote(editor, id, marker, before),
    });
  }, [editor, props.registerFocus, props.fragment]);

  return <EditorContent editor={editor} />;
}

/**
 * Puts a footnote's marker at the caret (at the end of a selection, which
 * stays as it is), carrying the `footnote` mark with its id, and the caret
 * after it; `before` runs first (it adds the note). Refused (false) in a
 * text this participant cannot change.
 */
function insertFootnote(editor: Editor, id: string, marker: string, before: () => void): boolean {
  if (editor.isDestroyed || !editor.isEditable) return false;
  before();
  const { state } = editor;
  const at = state.selection.to;
  const mark = state.schema.marks[FOOTNOTE_MARK]!.create({ id });
  // The marker takes the formatting of no neighbour: not italic because the word before it is.
  const tr = state.tr.insert(at, state.schema.text(marker, [mark]));
  editor.view.dispatch(tr.setSelection(TextSelection.create(tr.doc, at + marker.length)));
  return true;
}

/** Puts the caret in the editor now (Tiptap's focus command waits a frame, and keys typed meanwhile would be lost). */
function focusEditor(editor: Editor, target: FocusTarget): void {
  if (editor.isDestroyed) return;
  const size = editor.state.doc.content.size;
  let position: number;
  if (target === 'start') position = 1;
  else if (target === 'end') position = size - 1;
  else if ('at' in target) position = target.at;
  else position = editor.view.posAtCoords({ left: target.x, top: target.y })?.pos ?? size - 1;
  editor.commands.setTextSelection(Math.max(1, Math.min(position, size - 1)));
  // ProseMirror focuses only an editable view; a read-only one that may take the focus takes it here.
  if (editor.isEditable) editor.view.focus();
  else if (editor.view.dom.hasAttribute('tabindex')) editor.view.dom.focus();
}
