import { ClauseHistory } from './ClauseHistory.tsx';
import { ComparisonView } from './ComparisonView.tsx';
import { useHistoryKey } from './HistoryButton.tsx';
import type { VersionsView } from './useVersionsScreen.ts';
import { VersionReader } from './VersionReader.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';

/**
 * Everything of versions the declaration screen shows over or beside the
 * text (VER4, CMP5, HIST3): the side panel of versions or a clause's
 * history, and over the page a version as it was or a comparison.
 */
export function VersionsLayer({ view }: { view: VersionsView }) {
  useHistoryKey(view);
  return (
    <>
      {view.side?.kind === 'versions' && <VersionsPanel view={view} />}
      {view.side?.kind === 'history' && <ClauseHistory key={view.side.clauseId} view={view} clauseId={view.side.clauseId} />}
      {view.reading && <VersionReader key={view.reading} view={view} versionId={view.reading} />}
      {view.comparing && <ComparisonView view={view} choice={view.comparing} />}
    </>
  );
}
