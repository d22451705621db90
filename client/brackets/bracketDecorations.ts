import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import * as Y from 'yjs';
import { bracketRanges, clauseXmlText, type BracketRange } from '../../shared/document/bracketRange.ts';
import { readSelectionFromPage } from '../editor/domSelection.ts';
import { emitBracketEvent } from './bracketEvents.ts';
import { standingSnapshot, subscribeStanding } from './useBrackets.ts';

/**
 * Square brackets drawn in a clause's editor (BRK3): a bold `[` before each
 * bracketed passage and a `]` after it, as widgets — never characters of the
 * text, so nobody can type, copy or delete them. Where they go is computed
 * from the Yjs document (shared/document/bracketRange.ts): a clause is one
 * paragraph, so the ProseMirror position of text offset n is n + 1.
 *
 * Between a local keystroke and the recount the widgets move with the text
 * (the decorations are mapped); after every change of the clause or of the
 * `brackets` map they are recounted from the document, a moment later so
 * that the editor and the document have caught up with each other.
 */
const key = new PluginKey<DecorationSet>('bracketMarks');

function markElement(mark: '[' | ']', bracketId: string): HTMLElement {
  const element = document.createElement('strong');
  element.className = `bracket-mark bracket-mark--${mark === '[' ? 'open' : 'close'}`;
  element.textContent = mark;
  element.dataset.bracketId = bracketId;
  element.contentEditable = 'false';
  return element;
}

/** The ProseMirror position of a text offset of the clause's one paragraph. */
function positionOf(state: EditorState, offset: number): number {
  const size = state.doc.firstChild?.content.size ?? 0;
  return 1 + Math.max(0, Math.min(offset, size));
}

function decorations(state: EditorState, ranges: readonly BracketRange[]): DecorationSet {
  if (ranges.length === 0) return DecorationSet.empty;
  const at = (offset: number) => positionOf(state, offset);
  const widgets: Decoration[] = [];
  for (const range of ranges) {
    // At one position, `]` comes before `[` (negative side), the inner `]` before the outer one and the outer `[` before the inner one.
    widgets.push(
      Decoration.widget(at(range.start), () => markElement('[', range.id), { side: 1 + (1e6 - range.end) / 1e7, key: `${range.id}[`, ignoreSelection: true }),
      Decoration.widget(at(range.end), () => markElement(']', range.id), { side: -1 - (range.start + 1) / 1e7, key: `${range.id}]`, ignoreSelection: true }),
    );
  }
  return DecorationSet.create(state.doc, widgets);
}

/** The widgets drawn, as comparable text: each one's key and position. */
function placesOf(set: DecorationSet): string {
  return set
    .find()
    .map((d) => `${String((d.spec as { key?: string }).key)}@${d.from}`)
    .sort()
    .join(' ');
}

function wantedPlaces(state: EditorState, ranges: readonly BracketRange[]): string {
  return ranges
    .flatMap((r) => [`${r.id}[@${positionOf(state, r.start)}`, `${r.id}]@${positionOf(state, r.end)}`])
    .sort()
    .join(' ');
}

function clauseRanges(doc: Y.Doc, clauseId: string): BracketRange[] {
  const mine = standingSnapshot(doc).filter((b) => b.clauseId === clauseId);
  return mine.length === 0 ? [] : (bracketRanges(doc, mine).get(clauseId) ?? []);
}

/** The editor's selection as Yjs relative positions in the clause's text, or null when nothing is selected. */
function selectedPassage(view: EditorView, doc: Y.Doc, clauseId: string): { from: Y.RelativePosition; to: Y.RelativePosition } | null {
  readSelectionFromPage(view);
  const { from, to, empty } = view.state.selection;
  const text = clauseXmlText(doc, clauseId);
  if (empty || text === null) return null;
  const size = view.state.doc.firstChild?.content.size ?? 0;
  const start = Math.max(0, Math.min(from - 1, size));
  const end = Math.max(0, Math.min(to - 1, size));
  if (end <= start) return null;
  return { from: Y.createRelativePositionFromTypeIndex(text, start), to: Y.createRelativePositionFromTypeIndex(text, end, -1) };
}

/** The bracket an event happened on, if any. */
function bracketOf(event: Event): string | undefined {
  return (event.target as HTMLElement | null)?.closest?.<HTMLElement>('.bracket-mark')?.dataset.bracketId;
}

function bracketPlugin(doc: Y.Doc, clauseId: string): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key,
    state: {
      init: (_config, state) => decorations(state, clauseRanges(doc, clauseId)),
      apply(tr, set, _old, state) {
        const ranges = tr.getMeta(key) as BracketRange[] | undefined;
        if (ranges) return decorations(state, ranges);
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    view(view) {
      let scheduled = false;
      const recount = () => {
        if (scheduled) return;
        scheduled = true;
        queueMicrotask(() => {
          scheduled = false;
          if (view.isDestroyed) return;
          const next = clauseRanges(doc, clauseId);
          // Where the widgets were mapped to is usually where they belong: redraw only when not.
          if (placesOf(key.getState(view.state)!) === wantedPlaces(view.state, next)) return;
          view.dispatch(view.state.tr.setMeta(key, next).setMeta('addToHistory', false));
        });
      };
      const unsubscribe = subscribeStanding(doc, recount);
      return {
        update(updated, previous) {
          if (updated.state.doc !== previous.doc) recount();
        },
        destroy() {
          unsubscribe();
        },
      };
    },
    props: {
      decorations: (state) => key.getState(state),
      handleDOMEvents: {
        // Here rather than in the keymap: a keymap does not run in a read-only editor, and a delegation in "proposals only" mode brackets too.
        keydown(view, event) {
          if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyB') return false;
          event.preventDefault();
          emitBracketEvent(clauseId, { type: 'bracket', passage: selectedPassage(view, doc, clauseId) });
          return true;
        },
        // A press on a bracket leaves the caret where it is; the click then says who asked for these brackets.
        mousedown(_view, event) {
          if (!bracketOf(event)) return false;
          event.preventDefault();
          return true;
        },
        click(_view, event) {
          const bracketId = bracketOf(event);
          if (!bracketId) return false;
          emitBracketEvent(clauseId, { type: 'show', bracketId });
          return true;
        },
      },
    },
  });
}

export interface BracketMarksOptions {
  /** The clause whose brackets this editor draws; null for the heading's fields, which have none. */
  clauseId: string | null;
  doc: Y.Doc | null;
}

export const BracketMarks = Extension.create<BracketMarksOptions>({
  name: 'bracketMarks',
  addOptions() {
    return { clauseId: null, doc: null };
  },
  addProseMirrorPlugins() {
    const { clauseId, doc } = this.options;
    return clauseId && doc ? [bracketPlugin(doc, clauseId)] : [];
  },
});
