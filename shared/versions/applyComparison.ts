import type { Declaration } from '../declaration.ts';
import { redlineSides } from '../proposals/wordDiff.ts';
import type { Comparison } from './compare.ts';

/**
 * The target of a comparison, rebuilt from the comparison alone (docs/SPEC.md
 * CMP1): each clause not deleted, at its place, with the words its redline
 * leads to; the heading likewise; the signatories as the target has them.
 * What `compareDeclarations` promises is that this gives the target back —
 * a comparison that loses or invents a word cannot.
 */
export function applyComparison(comparison: Comparison): Declaration {
  const footnotes = comparison.footnotes
    .filter((f) => !f.deleted && f.order !== null)
    .map((f) => ({ id: f.id, order: f.order!, marker: f.marker.to, body: redlineSides(f.redline).to }));
  const declaration: Declaration = {
    meta: Object.fromEntries(comparison.meta.map((m) => [m.field, redlineSides(m.redline).to])) as Declaration['meta'],
    clauses: comparison.clauses
      .filter((c) => !c.deleted && c.place)
      .map((c) => ({ id: c.id, ...c.place!, body: redlineSides(c.redline).to, ...(c.heading?.to ? { heading: c.heading.to } : {}) })),
    signatories: comparison.signatories.filter((s) => s.to !== null).map((s) => s.to!),
  };
  return footnotes.length > 0 ? { ...declaration, footnotes } : declaration;
}

/** The base of a comparison, rebuilt from it: the words each redline came from; places are the target's, so only text is checked. */
export function comparisonBaseText(comparison: Comparison): Map<string, string> {
  return new Map(comparison.clauses.filter((c) => !c.added).map((c) => [c.id, redlineSides(c.redline).from.map((r) => r.text).join('')]));
}
