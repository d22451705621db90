import type { PositionKind, StatedPosition } from '../../shared/positions/position.ts';
import { t } from '../i18n.ts';
import { ago } from './ago.ts';
import { Tip } from './Tip.tsx';

/** One icon per position, drawn from text rather than emoji: projectors' machines often lack an emoji font. */
export const POSITION_ICON: Record<PositionKind, string> = { accept: '✓', 'live-with': '≈', reservation: '!', objection: '✕' };

/** Objections first: what the chair has to act on reads first. */
const ORDER: Record<PositionKind, number> = { objection: 0, reservation: 1, 'live-with': 2, accept: 3 };

function tooltip(position: StatedPosition, stale: boolean) {
  const words = { name: position.name, position: t(`positions.kind.${position.position}`), when: ago(position.at, Date.now()) };
  return (
    <>
      <span className="tip__line">{position.note ? t('positions.tooltipNote', { ...words, note: position.note }) : t('positions.tooltip', words)}</span>
      {stale && <span className="tip__line tip__line--stale">{t('positions.earlierText')}</span>}
    </>
  );
}

/**
 * A clause's positions as a row of chips (POS2): one per delegation, in its
 * colour, with an icon and its name; a chip stated on an earlier text of
 * the clause is drawn dashed (POS5). Hover or focus shows who, what, why
 * and when.
 */
export function PositionChips({ positions, label, currentHash, colorOf }: { positions: StatedPosition[]; label: string; currentHash: string | null; colorOf(id: string): string }) {
  const sorted = [...positions].sort((a, b) => ORDER[a.position] - ORDER[b.position] || a.at - b.at);
  return (
    <ul className="position-chips" aria-label={t('positions.row', { label })} data-testid="position-chips">
      {sorted.map((position) => {
        const stale = currentHash !== null && position.textHash !== currentHash;
        const words = { name: position.name, position: t(`positions.kind.${position.position}`) };
        return (
          <li key={position.participantId}>
            <Tip
              className={`position-chip position-chip--${position.position}${stale ? ' is-stale' : ''}`}
              style={{ '--chip-color': colorOf(position.participantId) } as React.CSSProperties}
              label={t(stale ? 'positions.chipStale' : 'positions.chip', words)}
              content={() => tooltip(position, stale)}
              testId="position-chip"
              data={{ name: position.name, position: position.position, stale: String(stale) }}
            >
              <span className="position-chip__icon" aria-hidden="true">
                {POSITION_ICON[position.position]}
              </span>
              <span className="position-chip__name">{position.name}</span>
            </Tip>
          </li>
        );
      })}
    </ul>
  );
}
