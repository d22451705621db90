import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import * as Y from 'yjs';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { readClauses } from '../../shared/document/clauseOps.ts';
import { numberClauses, type ClauseNumber } from '../../shared/numbering.ts';
import { buildOutline, type Outline } from '../../shared/outline.ts';

export interface OutlineView {
  outline: Outline;
  numbers: Map<string, ClauseNumber>;
}

function compute(doc: Y.Doc): OutlineView {
  const outline = buildOutline(readClauses(doc));
  return { outline, numbers: numberClauses(outline) };
}

/**
 * The clause structure, recomputed when a clause is added, removed, moved or
 * re-parented — not on every keystroke inside a clause, which only its own
 * editor needs to know about.
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
    map.observeDeep(onChange);
    schedule();
    return () => {
      map.unobserveDeep(onChange);
      cancelAnimationFrame(frame);
    };
  }, [doc]);
  return view;
}
