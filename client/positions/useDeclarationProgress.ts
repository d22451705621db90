import { useMemo } from 'react';
import type * as Y from 'yjs';
import { standingBrackets } from '../../shared/brackets/bracket.ts';
import { bracketRanges } from '../../shared/document/bracketRange.ts';
import { readClauses } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import { declarationProgress, type DeclarationProgress } from '../../shared/positions/progress.ts';
import { useDocCount } from '../collab/useDocCount.ts';
import { useDeclarationContext } from '../declaration/declarationContext.ts';
import { usePositions } from './usePositions.ts';

interface Counted {
  clauseIds: string[];
  bracketCount: Map<string, number>;
}

const NOTHING_COUNTED: Counted = { clauseIds: [], bracketCount: new Map() };

function count(doc: Y.Doc): Counted {
  const bracketCount = new Map<string, number>();
  for (const [clauseId, ranges] of bracketRanges(doc, standingBrackets(doc.getMap<unknown>(ROOT.brackets)))) bracketCount.set(clauseId, ranges.length);
  return { clauseIds: flattenOutline(buildOutline(readClauses(doc))).map((node) => node.clause.id), bracketCount };
}

/**
 * The declaration's progress for the top bar (POS7), live: statuses and
 * positions at once, clauses and bracketed passages shortly after each
 * change (a passage whose text was deleted no longer counts).
 */
export function useDeclarationProgress(): DeclarationProgress {
  const { collab, statuses, locks } = useDeclarationContext();
  const doc = collab.doc;
  const positions = usePositions(doc);
  const counted = useDocCount(doc, count, NOTHING_COUNTED);
  return useMemo(
    () =>
      declarationProgress({
        ...counted,
        // A sub-item of an agreed paragraph is agreed with it (LOCK7), as in the status counts.
        statusOf: (id) => statuses.get(locks.get(id)?.agreedClause ?? id),
        positions,
      }),
    [counted, statuses, locks, positions],
  );
}
