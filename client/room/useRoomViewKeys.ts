import { useEffect, useRef, useState } from 'react';
import { can } from '../../shared/permissions.ts';
import type { Role } from '../../shared/roles.ts';
import type { CurrentClause } from '../../shared/room/currentClause.ts';
import { useDiscussionSender } from './useDiscussionSender.ts';

const STEPS: Record<string, 1 | -1> = { ArrowDown: 1, ArrowUp: -1, PageDown: 1, PageUp: -1 };

/**
 * The room view steers the discussion when the chair or the secretariat
 * opened it (ROOM9): the projector is often the chair's own laptop, and
 * there is no text to type in, so plain ↑/↓ (and PageUp/PageDown, what a
 * presenter's clicker sends) move the clause under discussion — every
 * screen that follows moves with it. Anyone else's room view only follows.
 * Returns whether to show the keys' hint, and the last failure to show, or null.
 */
export function useRoomViewKeys(declarationId: string, role: Role, current: CurrentClause | null, order: readonly string[], enabled: boolean): { mayDiscuss: boolean; hint: boolean; failure: string | null } {
  const mayDiscuss = enabled && can(role, 'setCurrentClause');
  const [failure, setFailure] = useState<string | null>(null);
  // The keys are told once, in a corner, until the first press: the projector is the room's screen, not the chair's.
  const [pressed, setPressed] = useState(false);
  const { discuss, step } = useDiscussionSender(declarationId, current, setFailure);
  const orderRef = useRef(order);
  orderRef.current = order;
  useEffect(() => {
    if (!mayDiscuss) return;
    const onKey = (event: KeyboardEvent) => {
      const by = STEPS[event.key];
      if (by === undefined || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      const next = step(orderRef.current, by);
      if (next === null) return;
      setFailure(null);
      setPressed(true);
      discuss(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [mayDiscuss, discuss, step]);
  return { mayDiscuss, hint: mayDiscuss && !pressed, failure };
}
