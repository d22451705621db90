import * as Y from 'yjs';
import { MAX_SUBITEM_DEPTH } from '../clauseKind.ts';
import { readThread } from '../comments/thread.ts';
import { isOrderKey, keysBetween } from '../orderKey.ts';
import { buildOutline, flattenOutline, siblingsOf, type OutlineNode } from '../outline.ts';
import { clausesMap } from './clauseEntry.ts';
import { anchorThread } from './commentMark.ts';
import { readClauses } from './clauseOps.ts';
import { MAX_CLAUSE_CHARS } from './limits.ts';
import { CLAUSE_FIELD, PARAGRAPH, ROOT } from './names.ts';
import { marksOf, readRichText } from './richTextFragment.ts';

/**
 * Joining two clauses, as Backspace at the start of a paragraph (or Delete
 * at its end) does in a word processor (SPEC KEY1–KEY3). `keep` is the clause
 * just before `removed` in reading order: the removed clause's text, marks
 * and all, is appended to the kept one's, the removed clause goes, and its
 * sub-items stay where they were read (the reading order of everything else
 * is unchanged):
 * - under the kept clause when it was the removed one's paragraph (a) joined
 *   into OP6): they take the removed one's place among its siblings;
 * - otherwise under the kept clause, which then has no sub-items of its own
 *   (it comes right before the removed one in reading order).
 *
 * The text is inserted into the kept clause's own Y.XmlText rather than the
 * clause rewritten, so another delegation typing into it meanwhile loses
 * nothing. One transaction: one undo step, one update for the server.
 *
 * Comment threads follow the text (COM10): a passage's mark moves with its
 * runs, and the removed clause's whole-clause threads are added to the mark
 * of the text it gave, the only trace of it left in the document, so that
 * `threadClause` (shared/comments/threadClause.ts) finds them on the kept
 * clause. A removed clause with no text has nothing to carry them.
 */
export type JoinRefusal = 'kind' | 'depth' | 'too-long' | 'not-adjacent';

export type JoinResult = { joined: true; at: number } | { joined: false; why: JoinRefusal };

function depthOfSubtree(node: OutlineNode): number {
  return node.children.length === 0 ? 0 : 1 + Math.max(...node.children.map(depthOfSubtree));
}

/** The clause's one Y.XmlText, created if the clause's paragraph was never typed in. */
function textOf(fragment: Y.XmlFragment): Y.XmlText {
  let paragraph = fragment.get(0);
  if (!(paragraph instanceof Y.XmlElement)) {
    paragraph = new Y.XmlElement(PARAGRAPH);
    fragment.insert(0, [paragraph]);
  }
  const element = paragraph as Y.XmlElement;
  const text = element.get(0);
  if (text instanceof Y.XmlText) return text;
  const created = new Y.XmlText();
  element.insert(0, [created]);
  return created;
}

interface Place {
  keep: OutlineNode;
  removed: OutlineNode;
  /** The removed clause is a sub-item of the kept one (a) joined into OP6). */
  parentOfRemoved: boolean;
  /** The removed clause's siblings, itself included, and its index among them. */
  siblings: OutlineNode[];
  index: number;
}

function placeOf(doc: Y.Doc, keepId: string, removedId: string): Place | null {
  const outline = buildOutline(readClauses(doc));
  const order = flattenOutline(outline);
  const at = order.findIndex((n) => n.clause.id === removedId);
  const keep = order[at - 1];
  const removed = order[at];
  if (!keep || !removed || keep.clause.id !== keepId) return null;
  const siblings = siblingsOf(outline, removedId) ?? [removed];
  return { keep, removed, parentOfRemoved: keep.children.includes(removed), siblings, index: siblings.indexOf(removed) };
}

function textLength(doc: Y.Doc, id: string): number {
  const body = clausesMap(doc).get(id)?.get(CLAUSE_FIELD.body);
  return body instanceof Y.XmlFragment ? readRichText(body).reduce((sum, run) => sum + run.text.length, 0) : 0;
}

function refusalAt(doc: Y.Doc, place: Place | null): JoinRefusal | null {
  if (!place) return 'not-adjacent';
  const { keep, removed } = place;
  if (keep.clause.kind !== removed.clause.kind) return 'kind';
  if (!place.parentOfRemoved && removed.children.some((child) => keep.depth + 1 + depthOfSubtree(child) > MAX_SUBITEM_DEPTH)) return 'depth';
  if (textLength(doc, keep.clause.id) + textLength(doc, removed.clause.id) > MAX_CLAUSE_CHARS) return 'too-long';
  return null;
}

/** Why `keep` and `removed` cannot be joined, or null when they can. */
export function joinRefusal(doc: Y.Doc, keepId: string, removedId: string): JoinRefusal | null {
  return refusalAt(doc, placeOf(doc, keepId, removedId));
}

/** Whole-clause threads started on `clauseId`, as the server mirrors them (root `comments`). */
function wholeClauseThreads(doc: Y.Doc, clauseId: string): string[] {
  const ids: string[] = [];
  doc.getMap<unknown>(ROOT.comments).forEach((value) => {
    const thread = readThread(value);
    if (thread && thread.anchor === 'clause' && thread.clauseId === clauseId) ids.push(thread.id);
  });
  return ids;
}

/** An order key to place sub-items between, or null (none, or unreadable: they then go after the readable ones). */
function readableOrder(node: OutlineNode | undefined): string | null {
  return node && isOrderKey(node.clause.order) ? node.clause.order : null;
}

/** Joins `removed` into `keep` (see above). `at` is where the join is in the kept clause's text. */
export function joinClauses(doc: Y.Doc, keepId: string, removedId: string, origin?: unknown): JoinResult {
  const place = placeOf(doc, keepId, removedId);
  const why = refusalAt(doc, place);
  if (why || !place) return { joined: false, why: why ?? 'not-adjacent' };
  const { removed, siblings, index } = place;
  const entries = clausesMap(doc);
  const keepEntry = entries.get(keepId)!;
  const removedBody = entries.get(removedId)?.get(CLAUSE_FIELD.body);
  // Where the sub-items go among the kept clause's children: in the removed one's place, or as they were.
  const children = removed.children.map((n) => n.clause);
  let keys: string[] = [];
  if (place.parentOfRemoved) {
    const low = readableOrder(siblings[index - 1]);
    const next = readableOrder(siblings[index + 1]);
    keys = keysBetween(low, low !== null && next !== null && next <= low ? null : next, children.length);
  }
  const carried = wholeClauseThreads(doc, removedId);
  let at = 0;
  doc.transact(() => {
    let fragment = keepEntry.get(CLAUSE_FIELD.body);
    if (!(fragment instanceof Y.XmlFragment)) {
      fragment = new Y.XmlFragment();
      keepEntry.set(CLAUSE_FIELD.body, fragment);
    }
    const text = textOf(fragment as Y.XmlFragment);
    at = text.length;
    let offset = at;
    for (const run of removedBody instanceof Y.XmlFragment ? readRichText(removedBody) : []) {
      // Explicit marks, even none: a plain run must not take the italics of the text it follows.
      text.insert(offset, run.text, marksOf(run));
      offset += run.text.length;
    }
    for (const threadId of carried) anchorThread(text, at, offset, threadId);
    children.forEach((clause, i) => {
      const entry = entries.get(clause.id);
      entry?.set(CLAUSE_FIELD.parent, keepId);
      if (place.parentOfRemoved) entry?.set(CLAUSE_FIELD.order, keys[i]!);
    });
    entries.delete(removedId);
  }, origin);
  return { joined: true, at };
}
