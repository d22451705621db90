import { defaultDeleteFilter, defaultProtectedNodes } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';

/**
 * What an undo may delete. Yjs undoes a step by deleting what it inserted,
 * item by item, innermost first; two kinds of item must stay, or an undo
 * would take another delegation's text with it (SPEC UNDO3):
 *
 * - a paragraph or a text that still holds characters once ours are gone
 *   (y-prosemirror's rule: someone else typed into the paragraph we made);
 * - a clause this step created, when another delegation has typed into it
 *   meanwhile: the clause stays whole (kind, order, body), and only our own
 *   characters in it go. Deleting its fields and keeping the entry would
 *   leave a clause without a kind or an order, which no one could see.
 */
type Step = Y.UndoManager['undoStack'][number];

/** The entry in `clauses` an item is, or is inside of. */
function clauseEntryOf(item: Y.Item, clauses: Y.Map<unknown>): Y.Item | null {
  let current: Y.Item | null = item;
  while (current) {
    const parent = current.parent as Y.AbstractType<unknown>;
    if (parent === clauses) return current;
    current = parent._item;
  }
  return null;
}

/** Whether a type holds, at any depth, a visible character someone else wrote. */
function holdsOthersText(type: Y.AbstractType<unknown>, ownClient: number): boolean {
  for (let item = type._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content instanceof Y.ContentType) {
      if (holdsOthersText(item.content.type, ownClient)) return true;
    } else if (item.countable && item.id.client !== ownClient) {
      return true;
    }
  }
  return false;
}

/** Whether the characters of a clause entry include someone else's. */
function clauseHoldsOthersText(entry: Y.Item, ownClient: number): boolean {
  if (!(entry.content instanceof Y.ContentType)) return false;
  const map = entry.content.type as Y.Map<unknown>;
  const body = map.get(CLAUSE_FIELD.body);
  return body instanceof Y.AbstractType && holdsOthersText(body as Y.AbstractType<unknown>, ownClient);
}

/**
 * The delete filter of the history's Y.UndoManager. `step` is the step
 * being undone or redone (null if unknown, and then only the first rule holds).
 */
export function mayUndoDelete(item: Y.Item, step: Step | null, doc: Y.Doc): boolean {
  if (!defaultDeleteFilter(item, defaultProtectedNodes)) return false;
  if (!step) return true;
  const entry = clauseEntryOf(item, doc.getMap(ROOT.clauses));
  if (!entry || !Y.isDeleted(step.insertions, entry.id)) return true;
  // A character of ours inside the clause goes as usual; the clause's own parts stay if another's text is in it.
  const isCharacter = item.parentSub === null && !(item.content instanceof Y.ContentType);
  return isCharacter || !clauseHoldsOthersText(entry, doc.clientID);
}
