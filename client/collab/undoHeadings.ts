import * as Y from 'yjs';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';

/**
 * A clause's heading is heading matter (docs/SPEC.md HEAD1): only the chair
 * and the secretariat write it. When a clause that carries a heading is
 * deleted, the server moves the heading to the next clause of its section.
 * Undoing that deletion brings the clause entry back whole — heading
 * included — and for a delegation that is a heading write, which the server
 * refuses together with the clause. So for a participant who may not write
 * headings, an undo or redo brings clauses back without their headings: the
 * heading stays where the server put it, the server's rule stays the only
 * one (no exception for "an undo"), and the clause and its text come back.
 *
 * It works on the step before Yjs pops it: the heading items of the clause
 * entries the step would bring back are taken out of the step's deletions,
 * so Yjs redoes the entry and its other fields but not its heading — all in
 * the one transaction, so no update ever carries the heading.
 */
type Step = Y.UndoManager['undoStack'][number];

/** `ds` less the single-clock items `ids` (a map value is one item of length 1). */
function withoutItems(ds: Step['deletions'], ids: readonly Y.ID[]): Step['deletions'] {
  const out = Y.createDeleteSet();
  ds.clients.forEach((ranges, client) => {
    let kept = ranges.map((range) => ({ clock: range.clock, len: range.len }));
    for (const id of ids) {
      if (id.client !== client) continue;
      kept = kept.flatMap((range) =>
        id.clock < range.clock || id.clock >= range.clock + range.len
          ? [range]
          : [
              { clock: range.clock, len: id.clock - range.clock },
              { clock: id.clock + 1, len: range.clock + range.len - id.clock - 1 },
            ].filter((part) => part.len > 0),
      );
    }
    if (kept.length > 0) out.clients.set(client, kept);
  });
  return out;
}

/** Takes the headings of the deleted clauses `step` would bring back out of it. */
export function withoutRestoredHeadings(step: Step, doc: Y.Doc): void {
  const clauses = doc.getMap(ROOT.clauses);
  const headings: Y.ID[] = [];
  clauses._map.forEach((item) => {
    if (!item.deleted || !Y.isDeleted(step.deletions, item.id) || !(item.content instanceof Y.ContentType)) return;
    const heading = (item.content.type as Y.Map<unknown>)._map.get(CLAUSE_FIELD.heading);
    if (heading !== undefined && Y.isDeleted(step.deletions, heading.id)) headings.push(heading.id);
  });
  if (headings.length > 0) step.deletions = withoutItems(step.deletions, headings);
}
