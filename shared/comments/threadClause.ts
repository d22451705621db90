import type { Thread } from './thread.ts';

/**
 * The clause a thread sits on now (docs/SPEC.md COM6, COM10): the clause
 * whose text holds its `comment` mark, else the clause it was started on.
 * A passage follows its text through splits and joins; a whole-clause
 * thread of a clause joined away follows the text the join moved, which
 * carries its mark (shared/document/joinClauses.ts). Derived, never stored:
 * an undone join puts the text, and with it the thread, back.
 *
 * `anchors` is where each mark stands (`commentAnchors` of
 * shared/document/commentMark.ts), read once for many threads.
 */
export function threadClause(thread: Pick<Thread, 'id' | 'clauseId'>, anchors: ReadonlyMap<string, { clauseId: string }>): string {
  return anchors.get(thread.id)?.clauseId ?? thread.clauseId;
}
