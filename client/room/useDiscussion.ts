import { useEffect, useMemo, useRef } from 'react';
import type * as Y from 'yjs';
import { can } from '../../shared/permissions.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import type { CurrentClause } from '../../shared/room/currentClause.ts';
import { adoptedAt } from '../../shared/silence/silenceRules.ts';
import { useSilence } from '../silence/useSilence.ts';
import type { DiscussionControls } from './discussionContext.ts';
import { useFollowChair } from './followChair.ts';
import { keepInView } from './keepInView.ts';
import { useCurrentClause } from './useCurrentClause.ts';
import { useDiscussionSender } from './useDiscussionSender.ts';

/** The keys that move the discussion (ROOM5): Alt+Shift with ↑ / ↓. Alt alone moves the clause itself, in the editor. */
export const DISCUSS_KEYS = 'Alt+Shift+↑ / Alt+Shift+↓';

export interface DiscussionView {
  /** The clause under discussion as the server wrote it; null when none. */
  current: CurrentClause | null;
  /** Its working label; null when there is none, or it is no longer in the text. */
  label: string | null;
  controls: DiscussionControls;
  follow: boolean;
  setFollow(on: boolean): void;
  /** The declaration was adopted (SIL7): its text is final, nobody is asked to choose a clause to discuss. */
  adopted: boolean;
}

/**
 * The clause under discussion on the declaration screen (ROOM3–ROOM5):
 * read live from the `room` map; set by the chair and the secretariat with
 * "Discuss" or Alt+Shift+↑/↓, one request at a time — a press while one is
 * on its way waits, and only the last such press is sent — and kept in view
 * for whoever follows the chair.
 */
export function useDiscussion({
  declarationId,
  doc,
  me,
  connectionClosed,
  order,
  labelOf,
  notify,
}: {
  declarationId: string;
  doc: Y.Doc;
  me: ParticipantInfo;
  connectionClosed: boolean;
  /** Every clause id in reading order. */
  order: readonly string[];
  labelOf(id: string): string | null;
  notify(message: string): void;
}): DiscussionView {
  const current = useCurrentClause(doc);
  const label = current ? labelOf(current.clauseId) : null;
  const mayDiscuss = can(me.role, 'setCurrentClause') && !connectionClosed;
  const [follow, setFollow] = useFollowChair();
  const adopted = adoptedAt(useSilence(doc)) !== null;

  const { discuss, step } = useDiscussionSender(declarationId, current, notify);
  const orderRef = useRef(order);
  orderRef.current = order;
  const currentId = current?.clauseId ?? null;
  useEffect(() => {
    if (!mayDiscuss) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
      event.preventDefault();
      const next = step(orderRef.current, event.key === 'ArrowDown' ? 1 : -1);
      if (next === null) return;
      discuss(next);
      // The chair sees where the room is going, whether or not anyone follows.
      keepInView(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mayDiscuss, currentId, discuss, step]);

  // Follow the chair: each new clause under discussion (or the same one set again) comes into view.
  // Not on a renumbering: OP7 becoming OP8 is no move of the discussion.
  const at = current?.at;
  const inText = label !== null;
  useEffect(() => {
    if (follow && currentId !== null && inText) keepInView(currentId);
  }, [follow, currentId, at, inText]);

  const controls = useMemo(() => ({ mayDiscuss, discuss }), [mayDiscuss, discuss]);
  return { current, label, controls, follow, setFollow, adopted };
}
