import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import * as Y from 'yjs';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { readClauses } from '../../shared/document/clauseOps.ts';
import { ROOT } from '../../shared/document/names.ts';
import { readDeclarationLanguage } from '../../shared/declarationLanguage.ts';
import { deletedNumbers, numberClauses, type ClauseNumber, type DeletedNumber } from '../../shared/numbering.ts';
import { buildOutline, type Outline } from '../../shared/outline.ts';
import { readSettings, subItemStyleOf } from '../../shared/settings.ts';
import { readFrozenNumbering, type FrozenNumbering } from '../../shared/workingNumbers.ts';

export interface OutlineView {
  outline: Outline;
  /** Working numbers: consecutive, or with the numbering frozen OP7 bis … (WN1–WN4). */
  numbers: Map<string, ClauseNumber>;
  /** The numbering as frozen by the chair; null while numbers follow order. */
  frozen: FrozenNumbering | null;
  /** Numbers left unused by clauses deleted since freezing: "OP5 [deleted]" (WN3). */
  deleted: DeletedNumber[];
}

function compute(doc: Y.Doc): OutlineView {
  const outline = buildOutline(readClauses(doc));
  const frozen = readFrozenNumbering(doc.getMap<unknown>(ROOT.numbering));
  // Sub-items print "(a)" or "a)": the style the chair chose or the source had, else the declaration language's (DL3, DP4).
  const settings = doc.getMap<unknown>(ROOT.settings);
  const style = subItemStyleOf(readSettings(settings), readDeclarationLanguage(settings));
  return { outline, numbers: numberClauses(outline, frozen, style), frozen, deleted: deletedNumbers(outline, frozen) };
}

/**
 * The clause structure, recomputed when a clause is added, removed, moved or
 * re-parented, or the chair freezes the numbering or renumbers — not on
 * every keystroke inside a clause, which only its own editor needs to know
 * about.
 */
export function useOutline(doc: Y.Doc): OutlineView {
  const [view, setView] = useState(() => compute(doc));
  useEffect(() => {
    const map = clausesMap(doc);
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setView(compute(doc));
      });
    };
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
      if (!events.some((event) => event.target === map || event.target.parent === map)) return;
      if (transaction.local) {
        // This browser's own add/move/delete: render it now, so that the
        // caret can be put back into the moved clause right after.
        cancelAnimationFrame(frame);
        frame = 0;
        flushSync(() => setView(compute(doc)));
      } else {
        schedule();
      }
    };
    const numbering = doc.getMap<unknown>(ROOT.numbering);
    numbering.observe(schedule);
    const settings = doc.getMap<unknown>(ROOT.settings);
    settings.observe(schedule);
    map.observeDeep(onChange);
    schedule();
    return () => {
      numbering.unobserve(schedule);
      settings.unobserve(schedule);
      map.unobserveDeep(onChange);
      cancelAnimationFrame(frame);
    };
  }, [doc]);
  return view;
}
