import { Extension } from '@tiptap/core';
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey, type ProsemirrorBinding } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * Typed letters go into the clause's Yjs text at the caret, with their
 * formatting, written by us rather than by the collaboration binding, so
 * that two delegations typing at the same place keep their runs whole
 * (SPEC EDIT9).
 *
 * Yjs keeps concurrent runs apart only while each typed letter's left
 * origin is the letter typed before it. The binding (updateYText in
 * @tiptap/y-tiptap) rebuilds the change from the text and breaks that
 * chain twice over:
 * - it inserts without formatting, so the letter takes what Yjs inherits
 *   there, then reformats it to the editor's marks. Where the two differ —
 *   at the very start of an italic opening phrase (ProseMirror takes the
 *   marks of the text after, Yjs those of nothing), at the end of a comment
 *   passage (a mark that does not extend) — reformatting deletes the
 *   formatting marker next to the letter (the phrase's italic start), which
 *   stays, deleted, between the letter and the caret: the next letter's
 *   origin is that marker. Two delegations' first letters end up together
 *   before it and the rest after: "bcrazil hile Recognizing".
 * - it finds where the text changed by the longest common prefix, so a
 *   letter typed before the same letter ("Bear|ing" + "i") is put after the
 *   existing one, and the next letter's origin is the existing letter.
 *
 * `Y.XmlText.insert` at the caret's own index with the marks as attributes
 * chains every letter to the one before. The editor's transaction runs as
 * usual; the letters are written into Yjs just before the binding compares
 * the two texts, and the binding, finding them equal, writes nothing. When
 * the clause is not shaped as expected (an empty paragraph, composition, a
 * mark that overlaps itself) the binding writes the text as before.
 */

/** A typed change to a paragraph's Yjs text. */
export interface TypedChange {
  text: Y.XmlText;
  index: number;
  remove: number;
  insert: string;
  attributes: Record<string, unknown>;
}

function plainText(text: Y.XmlText): string | null {
  let plain = '';
  for (const op of text.toDelta() as { insert: unknown }[]) {
    if (typeof op.insert !== 'string') return null;
    plain += op.insert;
  }
  return plain;
}

/**
 * `insert` typed over [from, to) of `doc` with `marks`, as a change to the
 * Yjs text of `fragment` that `doc` shows; null when that text is not the
 * one plain-text child of the paragraph with the same letters.
 */
export function typedChange(fragment: Y.XmlFragment, doc: ProseMirrorNode, from: number, to: number, insert: string, marks: readonly Mark[]): TypedChange | null {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  const paragraph = $from.parent;
  if ($from.depth !== 1 || !$from.sameParent($to) || paragraph.textContent.length !== paragraph.content.size) return null;
  const element = fragment.length > $from.index(0) ? fragment.get($from.index(0)) : null;
  if (!(element instanceof Y.XmlElement) || element.nodeName !== paragraph.type.name || element.length !== 1) return null;
  const text = element.get(0);
  if (!(text instanceof Y.XmlText) || plainText(text) !== paragraph.textContent) return null;
  const attributes: Record<string, unknown> = {};
  for (const mark of marks) {
    // The binding names a mark that may overlap itself after a hash of its attributes; none of ours does.
    if (!mark.type.excludes(mark.type)) return null;
    attributes[mark.type.name] = mark.attrs;
  }
  return { text, index: $from.parentOffset, remove: to - from, insert, attributes };
}

/** Writes the change; marks absent from `attributes` are cleared on the inserted letters (Yjs sets them to null). */
export function writeTypedChange(change: TypedChange): void {
  if (change.remove > 0) change.text.delete(change.index, change.remove);
  change.text.insert(change.index, change.insert, { ...change.attributes });
}

interface SyncState {
  binding: ProsemirrorBinding | null;
}

/** The change of the transaction being dispatched, per editor, from the input handler to the writer. */
const pending = new WeakMap<EditorView, { binding: ProsemirrorBinding; change: TypedChange }>();

/**
 * Writes the letters when the editor's state has taken them, as the
 * binding would: after the undo history has noted the caret before them,
 * and before the binding compares the texts and the carets' positions are
 * sent to the others.
 */
const TypedTextWriter = Extension.create({
  name: 'typedTextWriter',
  priority: 1001, // the binding (Collaboration) is 1000: plugins' views are updated in this order
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('typedTextWriter'),
        view: () => ({
          update: (view) => {
            const typed = pending.get(view);
            if (!typed) return;
            pending.delete(view);
            const { binding, change } = typed;
            // Inside the binding's mutex, so that it does not redraw the editor from this write; with its
            // origin, so that undo takes it as typing.
            binding.mux(() => binding.doc.transact(() => writeTypedChange(change), ySyncPluginKey));
          },
        }),
      }),
    ];
  },
});

export const TypedText = Extension.create({
  name: 'typedText',
  priority: 1, // last: input rules (*italic*) see the letters first
  addExtensions() {
    return [TypedTextWriter];
  },
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('typedText'),
        props: {
          handleTextInput(view, from, to, insert, typed) {
            if (view.composing) return false;
            const binding = (ySyncPluginKey.getState(view.state) as SyncState | undefined)?.binding;
            if (!binding) return false;
            // The editor's own transaction decides the marks (stored marks, inclusivity), as it would have.
            const tr = typed();
            const inserted = tr.doc.nodeAt(from);
            if (!inserted?.isText || tr.doc.textBetween(from, from + insert.length) !== insert) return false;
            const change = typedChange(binding.type, view.state.doc, from, to, insert, inserted.marks);
            if (!change) return false;
            pending.set(view, { binding, change });
            try {
              view.dispatch(tr);
            } finally {
              pending.delete(view);
            }
            return true;
          },
        },
      }),
    ];
  },
});
