/**
 * Moving the caret between clauses. A clause far off screen has no editor
 * mounted (see LazyEditor), so a focus request for it is kept until its
 * editor exists and takes it.
 */
import type { Passage } from './passage.ts';

/** Where the caret goes: an end, a point on screen (a click), or a position in the text. */
export type FocusTarget = 'start' | 'end' | { x: number; y: number } | { at: number };

export interface FocusHandle {
  focus(target: FocusTarget): void;
  /** The passage selected in this editor, for a new comment thread. */
  passage(): Passage | null;
  /**
   * Puts a footnote marker at the caret, after running `before` (which adds
   * the note: client/declaration/footnoteOps.ts); false, and `before` not
   * run, where this participant cannot type.
   */
  insertFootnote?(id: string, marker: string, before: () => void): boolean;
}

export class FocusRegistry {
  private readonly handles = new Map<string, FocusHandle>();
  private readonly requests = new Map<string, FocusTarget>();
  private readonly listeners = new Map<string, Set<() => void>>();

  register(id: string, handle: FocusHandle): () => void {
    this.handles.set(id, handle);
    const request = this.requests.get(id);
    if (request !== undefined) {
      this.requests.delete(id);
      handle.focus(request);
      this.notify(id);
    }
    return () => {
      if (this.handles.get(id) === handle) this.handles.delete(id);
    };
  }

  focus(id: string, target: FocusTarget): void {
    const handle = this.handles.get(id);
    if (handle) {
      handle.focus(target);
      return;
    }
    this.requests.set(id, target);
    this.notify(id);
  }

  /** The passage selected in a clause's editor, if it has one mounted. */
  passage(id: string): Passage | null {
    return this.handles.get(id)?.passage() ?? null;
  }

  /** Puts a footnote marker at the caret of the editor `id`, if mounted and editable. */
  insertFootnote(id: string, footnoteId: string, marker: string, before: () => void): boolean {
    return this.handles.get(id)?.insertFootnote?.(footnoteId, marker, before) ?? false;
  }

  /** Whether a clause has a focus request waiting for its editor. */
  hasRequest(id: string): boolean {
    return this.requests.has(id);
  }

  subscribe(id: string, listener: () => void): () => void {
    const set = this.listeners.get(id) ?? new Set();
    set.add(listener);
    this.listeners.set(id, set);
    return () => set.delete(listener);
  }

  private notify(id: string): void {
    for (const listener of this.listeners.get(id) ?? []) listener();
  }
}
