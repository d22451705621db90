import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { readDeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { draftingWarnings, type DraftingWarning } from '../../shared/drafting/checks.ts';
import { readDismissals } from '../../shared/drafting/dismissals.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclaration } from '../../shared/document/readDeclaration.ts';
import { buildOutline } from '../../shared/outline.ts';

/** How long typing may go on before the checks run again: they read every clause. */
const CHECK_DELAY_MS = 400;

/** The drafting remarks of each clause: those shown, and those dismissed on it (DRAFT10), in reading order. */
export interface DraftingRemarks {
  active: Map<string, DraftingWarning[]>;
  dismissed: Map<string, DraftingWarning[]>;
}

function compute(doc: Y.Doc): DraftingRemarks {
  const language = readDeclarationLanguage(doc.getMap<unknown>(ROOT.settings));
  const dismissals = readDismissals(doc.getMap<unknown>(ROOT.remarks));
  const remarks: DraftingRemarks = { active: new Map(), dismissed: new Map() };
  for (const warning of draftingWarnings(buildOutline(readDeclaration(doc).clauses), language)) {
    const into = dismissals.get(warning.clauseId)?.has(warning.check) ? remarks.dismissed : remarks.active;
    into.set(warning.clauseId, [...(into.get(warning.clauseId) ?? []), warning]);
  }
  return remarks;
}

function sameMap(a: Map<string, DraftingWarning[]>, b: Map<string, DraftingWarning[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, warnings] of a) if (JSON.stringify(b.get(id)) !== JSON.stringify(warnings)) return false;
  return true;
}

/** The drafting checks of every clause (shared/drafting/checks.ts), kept up to date shortly after each change. */
export function useDraftingWarnings(doc: Y.Doc): DraftingRemarks {
  const [remarks, setRemarks] = useState(() => compute(doc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const update = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const next = compute(doc);
        // The same remarks as before: keep the object, so that clause rows need not re-render.
        setRemarks((current) => (sameMap(current.active, next.active) && sameMap(current.dismissed, next.dismissed) ? current : next));
      }, CHECK_DELAY_MS);
    };
    doc.on('update', update);
    setRemarks(compute(doc));
    return () => {
      doc.off('update', update);
      if (timer) clearTimeout(timer);
    };
  }, [doc]);
  return remarks;
}
