import { useDocCount } from '../collab/useDocCount.ts';
import type * as Y from 'yjs';
import { unsettledOfDoc, type Unsettled } from '../../shared/unsettled.ts';

const NOTHING: Unsettled = { open: [], adRef: [], bracketed: [] };

/**
 * What still stands in the text (shared/unsettled.ts, EXP15) — open, ad ref
 * and bracketed clauses — read from the screen's document with the same
 * function the server uses for `X-Consenso-Unsettled`, kept up to date
 * while the Export menu is open.
 */
export function useUnsettled(doc: Y.Doc | null): Unsettled {
  return useDocCount(doc, unsettledOfDoc, NOTHING);
}
