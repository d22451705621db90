import type { ConsensusSummary } from '../../shared/positions/consensus.ts';
import { t } from '../i18n.ts';
import { Tip } from './Tip.tsx';

/**
 * What the chair asks in the room, answered per clause (POS3): "Objects:
 * Bolivia · Reservation: Cuba · Not heard from: 6". Said only when there is
 * something to say; the names not heard from show on hover or focus.
 */
export function ConsensusLine({ summary }: { summary: ConsensusSummary }) {
  const names = (list: { name: string }[]) => list.map((p) => p.name).join(', ');
  const parts = [
    summary.objections.length > 0 && (
      <span key="objects" className="consensus__objects" data-testid="consensus-objects">
        {t('positions.objects', { names: names(summary.objections) })}
      </span>
    ),
    summary.reservations.length > 0 && (
      <span key="reserves" className="consensus__reserves" data-testid="consensus-reserves">
        {t('positions.reserves', { names: names(summary.reservations) })}
      </span>
    ),
    summary.notHeardFrom.length > 0 && (
      <Tip
        key="not-heard"
        className="consensus__not-heard"
        label={t('positions.notHeardTitle', { names: summary.notHeardFrom.join(', ') })}
        content={() => t('positions.notHeardTitle', { names: summary.notHeardFrom.join(', ') })}
        testId="consensus-not-heard"
      >
        {t('positions.notHeard', { count: summary.notHeardFrom.length })}
      </Tip>
    ),
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className="consensus" data-testid="consensus-line">
      {parts.flatMap((part, i) => (i === 0 ? [part] : [<span key={`dot-${i}`} aria-hidden="true" className="consensus__dot"> · </span>, part]))}
    </p>
  );
}
