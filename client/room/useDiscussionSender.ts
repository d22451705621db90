import { useCallback, useEffect, useRef } from 'react';
import type { CurrentClause } from '../../shared/room/currentClause.ts';
import { stepClause } from '../../shared/room/currentClause.ts';
import { t } from '../i18n.ts';
import { roomApi } from './roomApi.ts';

export interface DiscussionSender {
  /** Puts a clause (or none) under discussion: one request at a time, the last choice made while one is on its way sent next. */
  discuss(clauseId: string | null): void;
  /** The clause one step from where the discussion is going (the last choice sent or waiting, else the server's); null when there is none, or at either end. */
  step(order: readonly string[], by: 1 | -1): string | null;
}

/**
 * Sends the chair's (or the secretariat's) choice of the clause under
 * discussion (ROOM1, ROOM5), for the declaration screen's Discuss and
 * Alt+Shift+↑/↓ and the room view's ↑/↓ (ROOM9): presses faster than the
 * server answers are not lost — the last one is sent next — and each step
 * counts from where the discussion is going, not from where the server last
 * wrote it, so three quick ↓ move three clauses.
 */
export function useDiscussionSender(declarationId: string, current: CurrentClause | null, onFailure: (message: string) => void): DiscussionSender {
  // Where the discussion is going, as far as this screen knows: the last choice sent (or waiting), else the server's.
  const target = useRef<string | null | undefined>(undefined);
  const waiting = useRef<string | null | undefined>(undefined);
  const sending = useRef(false);
  const send = useCallback(async () => {
    if (sending.current || waiting.current === undefined) return;
    const clauseId = waiting.current;
    waiting.current = undefined;
    sending.current = true;
    try {
      await roomApi.setCurrent(declarationId, clauseId);
    } catch (failure) {
      onFailure(t('room.setFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
      waiting.current = undefined;
      target.current = undefined;
    } finally {
      sending.current = false;
    }
    if (waiting.current !== undefined) void send();
  }, [declarationId, onFailure]);
  // Once the server's answer is in the document, it is where the discussion is.
  useEffect(() => {
    if (!sending.current && waiting.current === undefined) target.current = undefined;
  }, [current]);

  const discuss = useCallback(
    (clauseId: string | null) => {
      target.current = clauseId;
      waiting.current = clauseId;
      void send();
    },
    [send],
  );
  const currentId = current?.clauseId ?? null;
  const step = useCallback(
    (order: readonly string[], by: 1 | -1) => {
      const from = target.current === undefined ? currentId : target.current;
      const next = stepClause(order, from, by);
      return next === from ? null : next;
    },
    [currentId],
  );
  return { discuss, step };
}
