import Collaboration from '@tiptap/extension-collaboration';
import { yUndoPluginKey } from '@tiptap/y-tiptap';

/**
 * Tiptap's collaboration binding without its undo. Its undo plugin keeps one
 * Y.UndoManager per editor, scoped to one clause and destroyed when the
 * editor unmounts (as clauses scroll by), so it could neither undo an Enter
 * that made a new clause nor remember a clause scrolled away. The
 * declaration has one history instead (client/collab/history.ts), driven by
 * the page's keys (client/declaration/useUndoRedo.ts).
 */
export const CollaborationSync = Collaboration.extend({
  addCommands() {
    return {};
  },

  addKeyboardShortcuts() {
    // The page handles these keys before an editor sees them. Should one get
    // here anyway, it must not reach the browser: its own undo would change
    // the text behind ProseMirror's back.
    const swallow = () => true;
    return { 'Mod-z': swallow, 'Mod-y': swallow, 'Shift-Mod-z': swallow };
  },

  addProseMirrorPlugins() {
    return (this.parent?.() ?? []).filter((plugin) => plugin.spec.key !== yUndoPluginKey);
  },
});
