import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { standingBrackets } from '../../shared/brackets/bracket.ts';
import { bracketRanges } from '../../shared/document/bracketRange.ts';
import { readClauses } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import { declarationProgress, type DeclarationProgress } from '../../shared/positions/progress.ts';
import { useDeclarationContext } from '../declaration/declarationContext.ts';
import { usePositions } from './usePositions.ts';

/** How long typing may go on before the clauses and brackets are counted again: counting resolves every bracket. */
const COUNT_DELAY_MS = 300;

interface Counted {
  clauseIds: string[];
  bracketCount: Map<string, number>;
}

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
  const [counted, setCounted] = useState(() => count(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        setCounted(count(doc));
      }, COUNT_DELAY_MS);
    };
    doc.on('update', update);
    setCounted(count(doc));
    return () => {
      doc.off('update', update);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
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
