import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { draftingWarnings, type DraftingCheck } from '../../shared/drafting/checks.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { buildOutline } from '../../shared/outline.ts';

/** How long typing may go on before the checks run again: they read every clause. */
const CHECK_DELAY_MS = 400;

function compute(doc: Y.Doc): Map<string, DraftingCheck[]> {
  const byClause = new Map<string, DraftingCheck[]>();
  for (const warning of draftingWarnings(buildOutline(readDeclaration(doc).clauses))) {
    byClause.set(warning.clauseId, [...(byClause.get(warning.clauseId) ?? []), warning.check]);
  }
  return byClause;
}

function sameWarnings(a: Map<string, DraftingCheck[]>, b: Map<string, DraftingCheck[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, checks] of a) if (b.get(id)?.join() !== checks.join()) return false;
  return true;
}

/** The drafting checks of every clause (shared/drafting/checks.ts), kept up to date shortly after each change. */
export function useDraftingWarnings(doc: Y.Doc): Map<string, DraftingCheck[]> {
  const [warnings, setWarnings] = useState(() => compute(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const next = compute(doc);
        // The same remarks as before: keep the map, so that clause rows need not re-render.
        setWarnings((current) => (sameWarnings(current, next) ? current : next));
      }, CHECK_DELAY_MS);
    };
    doc.on('update', update);
    setWarnings(compute(doc));
    return () => {
      doc.off('update', update);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return warnings;
}
