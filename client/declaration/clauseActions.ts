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
import { standingBrackets } from '../../shared/brackets/bracket.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { joinClauses, type JoinRefusal } from '../../shared/document/joinClauses.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readClause } from '../../shared/document/readDeclaration.ts';
import { buildOutline, siblingsOf, type OutlineNode } from '../../shared/outline.ts';
import type { MessageKey } from '../../shared/i18n/en.ts';
import { toPlainText, type RichText } from '../../shared/richText.ts';
import type { History } from '../collab/history.ts';
import { STRUCTURE_ORIGIN } from '../collab/origins.ts';
import type { ClauseKeyActions } from '../editor/clauseKeymap.ts';
import type { FocusRegistry } from '../editor/focusRegistry.ts';
import { t } from '../i18n.ts';
import { nothingUnder, type LockedClause } from './lockWords.ts';
import { textStart } from './textStart.ts';

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
  /** A clause's label (OP6(a)), to name the other clause of a join; null when it has none yet. */
  labelOf?(id: string): string | null;
}

const JOIN_REFUSED: Record<Exclude<JoinRefusal, 'not-adjacent'>, MessageKey> = {
  kind: 'clause.joinKind',
  depth: 'clause.joinDepth',
  'too-long': 'clause.joinTooLong',
};

/** The toast of a deletion: which clause, and how its text began, so that two of them tell apart (LOSS2). */
function deletedWords(doc: Y.Doc, label: string, ids: string[]): string {
  const clause = readClause(ids[0]!, clausesMap(doc).get(ids[0]!));
  const start = textStart(clause ? toPlainText(clause.body) : '');
  const count = ids.length - 1;
  return start === '' ? t('clause.deletedEmpty', { label, count }) : t('clause.deleted', { label, start, count });
}

export function clauseCommands(deps: ClauseCommandDeps): ClauseCommands {
  const { doc, node, focus } = deps;
  const id = node.clause.id;
  const insert = (side: 'before' | 'after', bodies: RichText[]) => insertClauses(doc, { id, side }, bodies, STRUCTURE_ORIGIN);
  const remove = () => {
    // Deleting a paragraph takes its sub-items along; an agreed one among them
    // would be put back by the server as a lone paragraph. Say so instead.
    const subtree = clauseWithSubitems(doc, id);
    if (subtree.some((each) => deps.lockOf(each) !== null)) {
      deps.notify(t('clause.deleteLocked', { label: deps.label }));
      return;
    }
    const target = deps.neighbours.previous ?? deps.neighbours.next;
    const words = deletedWords(doc, deps.label, subtree);
    const before = deps.history.latest();
    // The clause and its sub-items go in one transaction: one step, which one Undo brings back whole (LOSS1).
    deleteClause(doc, id, STRUCTURE_ORIGIN);
    const latest = deps.history.latest();
    const deletion = latest !== before ? latest : null;
    if (target) focus.focus(target, 'end');
    // The notice's Undo takes back this deletion, even after later edits and deletions, which stay (LOSS2).
    deps.notify(words, { label: t('clause.undo'), run: () => deletion && deps.history.undoStep(deletion) });
  };
  /** Backspace at the start (into the previous clause) or Delete at the end (the next one into this): KEY1–KEY3. */
  const join = (direction: 'previous' | 'next'): boolean => {
    const other = direction === 'previous' ? deps.neighbours.previous : deps.neighbours.next;
    if (!other) return false;
    const [keep, removed] = direction === 'previous' ? [other, id] : [id, other];
    const otherLabel = deps.labelOf?.(other) ?? '';
    // An agreed clause is never touched, nor a sub-item of the removed clause that is (they would change parent).
    const locked = [keep, ...clauseWithSubitems(doc, removed)].map((each) => deps.lockOf(each)).find((lock) => lock !== null);
    if (locked) {
      deps.say(t('clause.joinLocked', { label: locked.label }));
      return true;
    }
    const removedClause = readClause(removed, clausesMap(doc).get(removed), false);
    const removedLabel = removed === id ? deps.label : otherLabel;
    // The server would move its heading to the next clause (HEAD1): a join must not move headings about.
    if (removedClause?.heading) {
      deps.say(t('clause.joinHeading', { label: removedLabel }));
      return true;
    }
    // Its brackets' positions live in its own text, which goes: they would be lost (BRK4).
    if (standingBrackets(doc.getMap(ROOT.brackets)).some((bracket) => bracket.clauseId === removed)) {
      deps.say(t('clause.joinBrackets', { label: removedLabel }));
      return true;
    }
    const result = joinClauses(doc, keep, removed, STRUCTURE_ORIGIN);
    if (!result.joined) {
      if (result.why === 'not-adjacent') return false;
      deps.say(t(JOIN_REFUSED[result.why], { label: removedLabel }));
      return true;
    }
    // The caret at the join, as a word processor leaves it (a ProseMirror position: the text starts at 1).
    focus.focus(keep, { at: result.at + 1 });
    return true;
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
    join,
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
