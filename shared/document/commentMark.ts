import * as Y from 'yjs';
import { CLAUSE_FIELD } from './names.ts';
import { clausesMap } from './clauseEntry.ts';

/**
 * A passage under discussion carries the `comment` mark, whose only
 * attribute lists the thread ids anchored there (`{ threads: "a b" }`): one
 * mark, so that overlapping threads share it rather than replace each
 * other. The anchor lives in the text, so it follows the text through
 * concurrent edits and through the server's compensating updates, which
 * restore formatting with the characters (docs/SPEC.md COM6).
 */
export const COMMENT_MARK = 'comment';

export function threadsOfMark(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const threads = (value as { threads?: unknown }).threads;
  return typeof threads === 'string' ? threads.split(' ').filter((id) => id !== '') : [];
}

export interface CommentAnchor {
  /** The clause whose text holds the passage now (it may have moved there by a split). */
  clauseId: string;
  /** The passage as it reads now. */
  text: string;
}

function collect(node: Y.XmlElement | Y.XmlText | Y.XmlFragment, clauseId: string, into: Map<string, CommentAnchor>): void {
  if (node instanceof Y.XmlText) {
    for (const op of node.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
      if (typeof op.insert !== 'string') continue;
      for (const id of threadsOfMark(op.attributes?.[COMMENT_MARK])) {
        const found = into.get(id);
        if (!found) into.set(id, { clauseId, text: op.insert });
        else if (found.clauseId === clauseId) found.text += op.insert;
      }
    }
    return;
  }
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) collect(child, clauseId, into);
  }
}

/** Where each thread's passage is in the text now. A passage thread missing here has had its passage removed. */
export function commentAnchors(doc: Y.Doc): Map<string, CommentAnchor> {
  const anchors = new Map<string, CommentAnchor>();
  clausesMap(doc).forEach((entry, clauseId) => {
    const body = entry instanceof Y.Map ? entry.get(CLAUSE_FIELD.body) : null;
    if (body instanceof Y.XmlFragment) collect(body, clauseId, anchors);
  });
  return anchors;
}

interface FormatOp {
  insert?: unknown;
  attributes?: Record<string, unknown>;
}

/** Rewrites the thread list of every run in [from, to) of `text` with `change`. Call inside a transaction. */
function rewriteThreads(text: Y.XmlText, from: number, to: number, change: (threads: string[]) => string[]): void {
  let at = 0;
  const edits: { index: number; length: number; threads: string[] }[] = [];
  for (const op of text.toDelta() as FormatOp[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1;
    const start = Math.max(at, from);
    const end = Math.min(at + length, to);
    if (start < end) {
      const before = threadsOfMark(op.attributes?.[COMMENT_MARK]);
      const after = change(before);
      if (after.join(' ') !== before.join(' ')) edits.push({ index: start, length: end - start, threads: after });
    }
    at += length;
  }
  for (const edit of edits) {
    text.format(edit.index, edit.length, { [COMMENT_MARK]: edit.threads.length > 0 ? { threads: edit.threads.join(' ') } : null });
  }
}

/**
 * Anchors a thread on [from, to) of one paragraph's text, keeping the
 * threads already anchored there (they overlap, they do not replace).
 */
export function anchorThread(text: Y.XmlText, from: number, to: number, threadId: string): void {
  if (to <= from) return;
  rewriteThreads(text, from, Math.min(to, text.length), (threads) => (threads.includes(threadId) ? threads : [...threads, threadId]));
}

/** Takes a thread's anchor out of a fragment's text (a thread that could not be created). */
export function unanchorThread(fragment: Y.XmlFragment, threadId: string): void {
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment) => {
    if (node instanceof Y.XmlText) rewriteThreads(node, 0, node.length, (threads) => threads.filter((id) => id !== threadId));
    else for (const child of node.toArray()) if (child instanceof Y.XmlElement || child instanceof Y.XmlText) visit(child);
  };
  visit(fragment);
}
