import type { Thread } from '../../shared/comments/thread.ts';
import { THREAD_ID } from '../../shared/comments/thread.ts';

/**
 * Which passages are highlighted: those of open threads, and the chosen
 * thread's more strongly. A stylesheet keyed on the mark's thread ids does
 * it for every editor and for the static text of clauses off screen alike.
 * Ids are checked against THREAD_ID before they go into a selector.
 */
export function CommentHighlights({ threads, active }: { threads: Iterable<Thread>; active: string | null }) {
  const rules: string[] = [];
  const selector = (id: string) => `.comment-anchor[data-threads~="${id}"]`;
  for (const thread of threads) {
    if (THREAD_ID.test(thread.id) && !thread.resolved && thread.id !== active) {
      rules.push(`${selector(thread.id)} { background: var(--comment-open); box-shadow: 0 2px 0 var(--comment-open-line); }`);
    }
  }
  // Last, so that it wins where passages overlap.
  if (active && THREAD_ID.test(active)) rules.push(`${selector(active)} { background: var(--comment-active); box-shadow: 0 2px 0 var(--comment-active-line); }`);
  return <style data-testid="comment-highlights">{rules.join('\n')}</style>;
}
