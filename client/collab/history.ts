import { ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { ROOT } from '../../shared/document/names.ts';
import { changedPlaces, placeExists, type ChangedPlaces, type EditPlace } from './editPlace.ts';
import { STRUCTURE_ORIGIN, TYPING_ORIGIN } from './origins.ts';
import { mayUndoDelete } from './undoDeleteFilter.ts';
import { withoutRestoredHeadings } from './undoHeadings.ts';

/**
 * One undo history per participant for the whole declaration (SPEC UNDO1–
 * UNDO3). It lives beside the document, not in an editor: editors mount and
 * unmount as clauses scroll by, and a step may span several clauses (an
 * Enter that splits one, a paste that makes several).
 *
 * It tracks only this browser's own origins — the editors' (Tiptap's sync
 * origin), STRUCTURE_ORIGIN and TYPING_ORIGIN — never the provider's, so
 * another delegation's work and the server's compensating updates are never
 * undone. Steps are what a word processor makes of them:
 * - typing in one place groups while keystrokes come less than
 *   CAPTURE_MS apart; typing somewhere else starts a new step;
 * - each structural edit (add, move, indent, delete) is a step of its own;
 * - `step(fn)` makes everything `fn` changes one step (a split, a paste).
 */
export const CAPTURE_MS = 500;

export type Step = Y.UndoManager['undoStack'][number];

/** Metadata kept on each step: where its first change was, and where the caret was when it began. */
const STARTED_AT = 'startedAt';
const CARET_BEFORE = 'caretBefore';

export class History {
  private readonly manager: Y.UndoManager;
  /** Depth of nested `step` calls. */
  private grouping = 0;
  /** The place of the last typing captured, to start a new step when typing moves elsewhere. */
  private lastPlace: string | null = null;
  /** The stack being popped, as it was before: Yjs pops from it, so its length says which step is being applied. */
  private popping: { stack: 'undoStack' | 'redoStack'; before: Step[] } | null = null;
  /** Where the last undo or redo changed the document. */
  private applied: ChangedPlaces | null = null;
  private readonly listeners = new Set<(place: EditPlace | null) => void>();
  /** Where the caret is on screen now; the screen sets it (useUndoRedo). */
  caretPlace: () => EditPlace | null = () => null;
  /**
   * Whether this participant may write clause headings (editMeta); the screen
   * sets it. When not, an undo brings a deleted clause back without its
   * heading, which the server moved on (HEAD1, undoHeadings.ts).
   */
  restoresHeadings = true;

  /** `captureMs`: how far apart keystrokes may come and still be one step (tests take the clock out with Infinity). */
  constructor(
    private readonly doc: Y.Doc,
    captureMs = CAPTURE_MS,
  ) {
    this.manager = new Y.UndoManager([doc.getMap(ROOT.clauses), doc.getMap(ROOT.meta), doc.getMap(ROOT.signatories), doc.getMap(ROOT.footnotes)], {
      trackedOrigins: new Set<unknown>([ySyncPluginKey, STRUCTURE_ORIGIN, TYPING_ORIGIN]),
      captureTimeout: captureMs,
      // Called by Yjs before it decides whether to merge a change into the last step.
      captureTransaction: (transaction) => this.beforeCapture(transaction),
      deleteFilter: (item) => mayUndoDelete(item, this.currentStep(), doc),
    });
    this.manager.on('stack-item-added', (event) => {
      // Also for a step a redo puts back, so that undoing it again finds where it began.
      const places = changedPlaces(event.changedParentTypes);
      if (places) event.stackItem.meta.set(STARTED_AT, places.start);
      if (event.origin === this.manager) return;
      event.stackItem.meta.set(CARET_BEFORE, this.caretPlace());
      this.afterCapture(event.origin);
    });
    this.manager.on('stack-item-updated', (event) => this.afterCapture(event.origin));
    doc.on('afterTransaction', this.onAfterTransaction);
  }

  private isOwnEdit(origin: unknown): boolean {
    return origin !== this.manager && this.manager.trackedOrigins.has(origin);
  }

  private beforeCapture(transaction: Y.Transaction): boolean {
    // Tiptap's way of saying "not an edit of the user's" (addToHistory: false).
    if (transaction.meta.get('addToHistory') === false) return false;
    if (!this.isOwnEdit(transaction.origin) || this.grouping > 0) return true;
    if (!this.manager.scope.some((type) => type instanceof Y.AbstractType && transaction.changedParentTypes.has(type))) return true;
    if (transaction.origin === STRUCTURE_ORIGIN) {
      this.manager.stopCapturing();
      this.lastPlace = null;
      return true;
    }
    const place = changedPlaces(transaction.changedParentTypes)?.start.key ?? null;
    if (place !== this.lastPlace) this.manager.stopCapturing();
    this.lastPlace = place;
    return true;
  }

  private afterCapture(origin: unknown): void {
    if (origin === STRUCTURE_ORIGIN && this.grouping === 0) this.manager.stopCapturing();
  }

  private readonly onAfterTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === this.manager) this.applied = changedPlaces(transaction.changedParentTypes);
  };

  private currentStep(): Step | null {
    if (!this.popping) return null;
    return this.popping.before[this.manager[this.popping.stack].length] ?? null;
  }

  /** Runs `fn`; everything it changes is one step, apart from what came before and after. Returns what `fn` returns. */
  step<T>(fn: () => T): T {
    const outermost = this.grouping === 0;
    const timeout = this.manager.captureTimeout;
    if (outermost) {
      this.manager.stopCapturing();
      // However slow the machine, the parts of a step are never split by the clock.
      this.manager.captureTimeout = Number.POSITIVE_INFINITY;
    }
    this.grouping++;
    try {
      return fn();
    } finally {
      this.grouping--;
      if (outermost) {
        this.manager.captureTimeout = timeout;
        this.manager.stopCapturing();
        this.lastPlace = null;
      }
    }
  }

  /** The latest step, to undo it later out of turn (the Undo of the "deleted" notice). */
  latest(): Step | null {
    return this.manager.undoStack[this.manager.undoStack.length - 1] ?? null;
  }

  /**
   * Undoes the latest step. Returns where the caret belongs: where the step
   * began (or where the caret was then), as a word processor puts it back.
   */
  undo(): EditPlace | null {
    const step = this.pop('undoStack', () => this.manager.undo());
    if (!step) return null;
    const began = step.meta.get(STARTED_AT) as EditPlace | undefined;
    const caret = step.meta.get(CARET_BEFORE) as EditPlace | null | undefined;
    return this.announce([began, caret, this.applied?.end]);
  }

  /** Redoes the latest undone step; the caret goes to the end of what came back. */
  redo(): EditPlace | null {
    const step = this.pop('redoStack', () => this.manager.redo());
    if (!step) return null;
    return this.announce([this.applied?.end, this.applied?.start]);
  }

  /**
   * Undoes one step out of turn, if it has not been undone yet: the steps
   * after it stay, since Yjs undoes by the items a step touched, not by
   * position. The step is then the latest redo, as any undone step.
   */
  undoStep(step: Step): EditPlace | null {
    const stack = this.manager.undoStack;
    const index = stack.indexOf(step);
    if (index < 0) return null;
    stack.splice(index, 1);
    stack.push(step);
    return this.undo();
  }

  canUndo(): boolean {
    return this.manager.canUndo();
  }

  canRedo(): boolean {
    return this.manager.canRedo();
  }

  /** Called after every undo and redo with where the caret belongs (null when nowhere in particular). */
  onUndoRedo(listener: (place: EditPlace | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private pop(stack: 'undoStack' | 'redoStack', apply: () => Step | null): Step | null {
    const next = this.manager[stack].at(-1);
    if (next && !this.restoresHeadings) withoutRestoredHeadings(next, this.doc);
    this.popping = { stack, before: [...this.manager[stack]] };
    this.applied = null;
    this.lastPlace = null;
    try {
      return apply();
    } finally {
      this.popping = null;
    }
  }

  private announce(candidates: (EditPlace | null | undefined)[]): EditPlace | null {
    const place = candidates.find((p): p is EditPlace => !!p && placeExists(this.doc, p.key)) ?? null;
    for (const listener of this.listeners) listener(place);
    return place;
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onAfterTransaction);
    this.manager.destroy();
    this.listeners.clear();
  }
}
