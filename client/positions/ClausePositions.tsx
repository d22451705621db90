import { useMemo } from 'react';
import type * as Y from 'yjs';
import { consensusSummary } from '../../shared/positions/consensus.ts';
import type { StatedPosition } from '../../shared/positions/position.ts';
import { textHash } from '../../shared/positions/textHash.ts';
import { toPlainText } from '../../shared/richText.ts';
import { useFragmentText } from '../collab/useFragmentText.ts';
import { ConsensusLine } from './ConsensusLine.tsx';
import { PositionChips } from './PositionChips.tsx';
import { usePositionsContext } from './positionsContext.ts';

/**
 * Under a clause's text: its positions' chips (POS2), and for the chair the
 * consensus line (POS3). Mounted only when the clause has positions, so
 * only those clauses follow their text to tell a position stated on an
 * earlier text (POS5).
 */
export function ClausePositions({ positions, fragment, label }: { positions: StatedPosition[]; fragment: Y.XmlFragment | null; label: string }) {
  const view = usePositionsContext();
  const text = toPlainText(useFragmentText(fragment));
  const hash = useMemo(() => (fragment ? textHash(text) : null), [fragment, text]);
  const summary = useMemo(
    () => (view.seesConsensus ? consensusSummary(positions, view.delegations, fragment ? text : null) : null),
    [view.seesConsensus, view.delegations, positions, fragment, text],
  );
  return (
    <div className="clause__positions" data-testid="clause-positions">
      <PositionChips positions={positions} label={label} currentHash={hash} colorOf={view.colorOf} />
      {summary && <ConsensusLine summary={summary} />}
    </div>
  );
}
