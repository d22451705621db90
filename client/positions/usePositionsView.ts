import { useCallback, useMemo } from 'react';
import type { PositionKind } from '../../shared/positions/position.ts';
import { can } from '../../shared/permissions.ts';
import type { ParticipantInfo } from '../../shared/roles.ts';
import { adoptedAt, isFrozen } from '../../shared/silence/silenceRules.ts';
import { useCollabStatus } from '../collab/useCollabStatus.ts';
import type { Collaboration } from '../collab/collaboration.ts';
import { usePeople } from '../comments/usePeople.ts';
import { t } from '../i18n.ts';
import { useSilence } from '../silence/useSilence.ts';
import type { PositionsView } from './positionsContext.ts';
import { positionsApi } from './positionsApi.ts';

/** The positions' part of the screen, once for all rows (PositionsContext). */
export function usePositionsView({
  declarationId,
  collab,
  me,
  notify,
}: {
  declarationId: string;
  collab: Collaboration;
  me: ParticipantInfo;
  notify(message: string): void;
}): PositionsView {
  const people = usePeople(declarationId);
  const closed = useCollabStatus(collab).closed !== null;
  const delegations = useMemo(() => people.filter((p) => p.role === 'delegation'), [people]);
  const colors = useMemo(() => new Map(people.map((p) => [p.id, p.color])), [people]);
  const colorOf = useCallback((id: string) => colors.get(id) ?? 'var(--muted)', [colors]);
  const mayState = can(me.role, 'statePosition') && !closed;
  const silence = useSilence(collab.doc);
  const frozen = adoptedAt(silence) !== null ? 'adopted' : isFrozen(silence) ? 'silence' : null;
  // The chair steers by it; the secretariat prepares the chair's next question.
  const seesConsensus = me.role === 'chair' || me.role === 'secretariat';
  const state = useCallback(
    async (clauseId: string, label: string, position: PositionKind | null, note = '') => {
      try {
        await positionsApi.state(declarationId, clauseId, position, note);
        notify(position === null ? t('positions.withdrawn', { label }) : t('positions.stated', { label, position: t(`positions.kind.${position}`) }));
        return true;
      } catch (failure) {
        notify(t('positions.failed', { message: failure instanceof Error ? failure.message : String(failure) }));
        return false;
      }
    },
    [declarationId, notify],
  );
  return useMemo(() => ({ delegations, colorOf, mayState, frozen, seesConsensus, state }), [delegations, colorOf, mayState, frozen, seesConsensus, state]);
}
