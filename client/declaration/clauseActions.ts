import type * as Y from 'yjs';
import {
  clauseWithSubitems,
  deleteClause,
  indentClause,
  insertClauses,
  moveClause,
  outdentClause,
  readClauses,
} from '../../shared/document/clauseOps.ts';
import { buildOutline, siblingsOf, type OutlineNode } from '../../shared/outline.ts';
import type { RichText } from '../../shared/richText.ts';
import type { History } from '../collab/history.ts';
import { STRUCTURE_ORIGIN } from '../collab/origins.ts';
import type { ClauseKeyActions } from '../editor/clauseKeymap.ts';
import type { FocusRegistry } from '../editor/focusRegistry.ts';
import { t } from '../i18n.ts';
import { nothingUnder, type LockedClause } from './lockWords.ts';

/**
 * The structural edits of one clause, shared by its keys and its tool
 * buttons. Each is one transaction with STRUCTURE_ORIGIN, which the
 * declaration's history makes an undo step of its own; a split and a paste
 * join the editor's change of the text to it in one step.
 */
export interface ClauseCommands extends ClauseKeyActions {
  addBefore(): void;
  addAfter(): void;
  addSubitem(): void;
  remove(): void;
  pasteParagraphs(paragraphs: RichText[], putFirst: () => void): void;
}

export interface ClauseCommandDeps {
  doc: Y.Doc;
  node: OutlineNode;
  label: string;
  /** Reading order, to find the clause above and below. */
  neighbours: { previous: string | null; next: string | null };
  focus: FocusRegistry;
  /** A clause's lock: agreed itself or part of an agreed paragraph (shared/clauseLock.ts); null when open. */
  lockOf(id: string): LockedClause | null;
  history: History;
  notify(message: string, action?: { label: string; run(): void }): void;
  /** Says something next to this clause, where the delegate is looking. */
  say(message: string): void;
}

export function clauseCommands(deps: ClauseCommandDeps): ClauseCommands {
  const { doc, node, focus } = deps;
  const id = node.clause.id;
  const insert = (side: 'before' | 'after', bodies: RichText[]) => insertClauses(doc, { id, side }, bodies, STRUCTURE_ORIGIN);
  const remove = () => {
    // Deleting a paragraph takes its sub-items along; an agreed one among them
    // would be put back by the server as a lone paragraph. Say so instead.
    if (clauseWithSubitems(doc, id).some((each) => deps.lockOf(each) !== null)) {
      deps.notify(t('clause.deleteLocked', { label: deps.label }));
      return;
    }
    const target = deps.neighbours.previous ?? deps.neighbours.next;
    const before = deps.history.latest();
    deleteClause(doc, id, STRUCTURE_ORIGIN);
    const latest = deps.history.latest();
    const deletion = latest !== before ? latest : null;
    if (target) focus.focus(target, 'end');
    // The notice's Undo takes back this deletion, even after later edits, which stay.
    deps.notify(t('clause.deleted', { label: deps.label }), { label: t('clause.undo'), run: () => deletion && deps.history.undoStep(deletion) });
  };
  return {
    split(rest, cut) {
      const [created] = deps.history.step(() => {
        cut();
        return insert('after', [rest]);
      });
      focus.focus(created!, 'start');
    },
    enterOnEmpty() {
      if (node.depth === 0) return false;
      outdentClause(doc, id, STRUCTURE_ORIGIN);
      focus.focus(id, 'start');
      return true;
    },
    indent(caret) {
      // Tab puts the clause under the one above it: nothing joins an agreed subtree (LOCK7).
      const siblings = siblingsOf(buildOutline(readClauses(doc)), id) ?? [];
      const above = siblings[siblings.findIndex((n) => n.clause.id === id) - 1];
      const lockedAbove = above && node.clause.kind === 'operative' ? deps.lockOf(above.clause.id) : null;
      if (lockedAbove) {
        deps.say(nothingUnder(lockedAbove));
        return true;
      }
      if (!indentClause(doc, id, STRUCTURE_ORIGIN)) return false;
      focus.focus(id, { at: caret });
      return true;
    },
    outdent(caret) {
      if (!outdentClause(doc, id, STRUCTURE_ORIGIN)) return false;
      focus.focus(id, { at: caret });
      return true;
    },
    move(direction, caret) {
      if (!moveClause(doc, id, direction, STRUCTURE_ORIGIN)) return false;
      focus.focus(id, { at: caret });
      return true;
    },
    leave(direction) {
      const target = direction === 'previous' ? deps.neighbours.previous : deps.neighbours.next;
      if (!target) return false;
      focus.focus(target, direction === 'previous' ? 'end' : 'start');
      return true;
    },
    removeEmpty() {
      if (!deps.neighbours.previous && !deps.neighbours.next) return false;
      remove();
      return true;
    },
    addBefore() {
      focus.focus(insert('before', [[]])[0]!, 'start');
    },
    addAfter() {
      focus.focus(insert('after', [[]])[0]!, 'start');
    },
    addSubitem() {
      const [created] = insertClauses(doc, { kind: 'operative', parent: id }, [[]], STRUCTURE_ORIGIN);
      focus.focus(created!, 'start');
    },
    remove,
    pasteParagraphs(paragraphs, putFirst) {
      const created = deps.history.step(() => {
        putFirst();
        return insert('after', paragraphs);
      });
      focus.focus(created[created.length - 1]!, 'end');
    },
  };
}
