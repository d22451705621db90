import * as Y from 'yjs';
import { clauseXmlText } from '../../shared/document/bracketRange.ts';
import type { Step } from '../collab/history.ts';

type Range = { clock: number; len: number };

/** `ranges` less `cut`, both sorted by clock; the result sorted and apart, as a DeleteSet's lists are. */
function subtract(ranges: readonly Range[], cut: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const range of ranges) {
    let from = range.clock;
    const to = range.clock + range.len;
    for (const c of cut) {
      const cutEnd = c.clock + c.len;
      if (cutEnd <= from || c.clock >= to) continue;
      if (c.clock > from) out.push({ clock: from, len: c.clock - from });
      from = Math.max(from, cutEnd);
    }
    if (from < to) out.push({ clock: from, len: to - from });
  }
  return out;
}

/**
 * The server put back text of a clause that this participant had just
 * deleted (BRK4: the whole of a bracketed passage). It put it back as new
 * text, which this replica cannot tell from the old; the step that deleted
 * it would, once undone, bring the old text back too, and the passage would
 * read twice. So the deletions in that clause are taken out of the step:
 * its other changes can still be undone, and a step left with nothing to
 * undo is skipped (Yjs' UndoManager pops past it). Returns whether the step
 * held any.
 */
export function forgetRestoredDeletion(step: Step | null, doc: Y.Doc, clauseId: string): boolean {
  const text = clauseXmlText(doc, clauseId);
  if (step === null || text === null) return false;
  const cut = new Map<number, Range[]>();
  for (let item = text._start; item !== null; item = item.right) {
    if (!item.deleted || !Y.isDeleted(step.deletions, item.id)) continue;
    const list = cut.get(item.id.client) ?? [];
    list.push({ clock: item.id.clock, len: item.length });
    cut.set(item.id.client, list);
  }
  if (cut.size === 0) return false;
  const deletions = Y.createDeleteSet();
  for (const [client, ranges] of step.deletions.clients) {
    const kept = subtract(ranges, (cut.get(client) ?? []).sort((a, b) => a.clock - b.clock));
    if (kept.length > 0) deletions.clients.set(client, kept as (typeof ranges)[number][]);
  }
  step.deletions = deletions;
  return true;
}
