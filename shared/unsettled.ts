import type * as Y from 'yjs';
import { standingBrackets } from './brackets/bracket.ts';
import { clauseLocks } from './clauseLock.ts';
import { countStatuses, readClauseStatus, type ClauseStatus } from './clauseStatus.ts';
import { bracketRanges } from './document/bracketRange.ts';
import { ROOT } from './document/names.ts';
import { readDeclaration } from './document/readDeclaration.ts';
import { buildOutline, flattenOutline, type Outline } from './outline.ts';

/**
 * What still stands between a text and its signature (docs/SPEC.md EXP15):
 * the clauses still open, those ad referendum, and those holding square
 * brackets, each in reading order. A clean export says so before it
 * downloads (the Export menu) and in its response (`X-Consenso-Unsettled`),
 * both from this one function. A sub-item of an agreed paragraph counts as
 * agreed (LOCK7), as the top bar counts it.
 */
export interface Unsettled {
  open: string[];
  adRef: string[];
  /** Clauses with at least one standing bracket (BRK3), whatever their status. */
  bracketed: string[];
}

export function unsettledClauses(outline: Outline, statusOf: (id: string) => ClauseStatus | undefined, hasBrackets: (id: string) => boolean): Unsettled {
  const locks = clauseLocks(outline, statusOf);
  const effective = (id: string) => statusOf(locks.get(id)?.agreedClause ?? id);
  const ids = flattenOutline(outline).map((node) => node.clause.id);
  const open: string[] = [];
  const adRef: string[] = [];
  for (const id of ids) {
    // The counts are countStatuses' (the top bar's); the lists only say which clauses they are.
    const state = countStatuses([id], effective);
    if (state.open === 1) open.push(id);
    else if (state['ad-ref'] === 1) adRef.push(id);
  }
  return { open, adRef, bracketed: ids.filter(hasBrackets) };
}

/** The same, read from a declaration's document: the server's room and the screen's copy read it alike. */
export function unsettledOfDoc(doc: Y.Doc): Unsettled {
  const statuses = new Map<string, ClauseStatus>();
  doc.getMap<unknown>(ROOT.status).forEach((value, clauseId) => {
    const status = readClauseStatus(value);
    if (status) statuses.set(clauseId, status);
  });
  const brackets = bracketRanges(doc, standingBrackets(doc.getMap<unknown>(ROOT.brackets)));
  return unsettledClauses(
    buildOutline(readDeclaration(doc).clauses),
    (id) => statuses.get(id),
    (id) => (brackets.get(id)?.length ?? 0) > 0,
  );
}

/** Whether a clean text would be signed as it stands: nothing open, nothing ad ref, no brackets. */
export function isSettled(unsettled: Unsettled): boolean {
  return unsettled.open.length === 0 && unsettled.adRef.length === 0 && unsettled.bracketed.length === 0;
}

/** The `X-Consenso-Unsettled` header's value: "open=33; ad-ref=2; bracketed=4" (counts of clauses). */
export function unsettledHeader(unsettled: Unsettled): string {
  return `open=${unsettled.open.length}; ad-ref=${unsettled.adRef.length}; bracketed=${unsettled.bracketed.length}`;
}
