import type { ClauseKind } from '../clauseKind.ts';
import type { ClauseState, ClauseStatus } from '../clauseStatus.ts';
import { META_FIELDS, type Clause, type Declaration, type Footnote, type MetaField, type Signatory } from '../declaration.ts';
import { numberClauses } from '../numbering.ts';
import { buildOutline, flattenOutline } from '../outline.ts';
import { redlineChanges, wordRedline, type Redline, type RedlineSegment } from '../proposals/wordDiff.ts';
import type { RichText } from '../richText.ts';
import type { FrozenNumbering } from '../workingNumbers.ts';

/**
 * The comparison of two states of a declaration, aligned by clause id, not
 * by position (docs/SPEC.md CMP1–CMP3): a clause is added, deleted, moved
 * (its place among the clauses both sides share changed, or its parent or
 * kind did), changed (its words), or unchanged — a moved clause is never a
 * deletion plus an insertion. Inside a clause, and in the heading, the
 * words are a redline (shared/proposals/wordDiff.ts: word granularity,
 * semantic cleanup). Statuses that changed are listed with their clause.
 *
 * Pure and complete: every clause of both sides is in `clauses`, so the
 * comparison reads like the document, and applying it to the base gives
 * the target (`applyComparison`, tested as a property).
 */

/**
 * A redline segment with the participant whose edit made it (CMP3): the
 * participant's id for an inserted or deleted run the server's history
 * attributes, null when it cannot know, absent on equal runs and before
 * attribution. An attributed run of several authors is split, one per segment.
 */
export interface AttributedSegment extends RedlineSegment {
  by?: string | null;
}
export type AttributedRedline = AttributedSegment[];

/** One side of a comparison: a version's content, or the text now. */
export interface ComparedSide {
  declaration: Declaration;
  statuses: Record<string, ClauseStatus>;
  frozen: FrozenNumbering | null;
}

export interface ClauseComparison {
  id: string;
  /** Its kind in the target (in the base, for a deleted clause). */
  kind: ClauseKind;
  /** 0 for a paragraph, 1 for a sub-item, 2 below; in the target (the base, when deleted). */
  depth: number;
  /** Its label in the base (null: added) and in the target (null: deleted), as each side numbered it. */
  fromLabel: string | null;
  toLabel: string | null;
  added: boolean;
  deleted: boolean;
  /** In both, but its place changed: a different parent or kind, or out of order among the clauses both sides share. */
  moved: boolean;
  /** Who moved it, once attributed (CMP3): the participant whose update last moved it between the sides, null when the history does not say. */
  movedBy?: string | null;
  /** Its words changed (always for added and deleted). */
  changed: boolean;
  /** From the base text to the target's: all inserted when added, all deleted when deleted. */
  redline: AttributedRedline;
  /** Where it stands in the target (null when deleted): enough to rebuild it. */
  place: Pick<Clause, 'kind' | 'parent' | 'order'> | null;
  /** Its status, when it changed (a clause without status is open). */
  status: { from: ClauseState; to: ClauseState } | null;
  /** Its heading (Clause.heading) in the base and the target, '' for none; absent when neither side has one. */
  heading?: { from: string; to: string };
}

/** A footnote in one side or both, aligned by id like clauses (CMP1). */
export interface FootnoteComparison {
  id: string;
  added: boolean;
  deleted: boolean;
  /** Its marker or words changed (always for added and deleted). */
  changed: boolean;
  /** Its marker in the base ('' when added) and in the target ('' when deleted). */
  marker: { from: string; to: string };
  /** Its text from the base to the target. */
  redline: AttributedRedline;
  /** Its order key in the target (null when deleted): enough to rebuild it. */
  order: string | null;
}

export interface MetaComparison {
  field: MetaField;
  redline: AttributedRedline;
}

export interface SignatoryComparison {
  id: string;
  added: boolean;
  deleted: boolean;
  moved: boolean;
  changed: boolean;
  from: Signatory | null;
  to: Signatory | null;
}

export interface ComparisonSummary {
  /** Target labels of the added clauses, in reading order. */
  added: string[];
  /** Base labels of the deleted clauses. */
  deleted: string[];
  /** Target labels of the moved clauses. */
  moved: string[];
  /** How many clauses in both sides had their words changed. */
  changed: number;
  /** How many clauses came to each status (an added clause counts from open). */
  statuses: Record<ClauseState, number>;
  /** Heading fields whose words changed. */
  meta: MetaField[];
  /** Signatories added, deleted or changed. */
  signatories: number;
  /** Target labels (base labels, for a deleted clause) of the clauses whose heading changed. */
  headings: string[];
  /** Footnotes added, deleted or changed. */
  footnotes: number;
}

export interface Comparison {
  /** Every field of the heading, changed or not, in the order printed. */
  meta: MetaComparison[];
  /** Every clause of both sides: the target's in reading order, each deleted one after the base clause it followed. */
  clauses: ClauseComparison[];
  signatories: SignatoryComparison[];
  /** Every footnote of both sides: the target's in order, then the deleted ones. */
  footnotes: FootnoteComparison[];
  summary: ComparisonSummary;
}

const stateOf = (statuses: Record<string, ClauseStatus>, id: string): ClauseState => statuses[id]?.state ?? 'open';

const everything = (op: 'insert' | 'delete', body: RichText): Redline => (body.length === 0 ? [] : [{ op, runs: body }]);

/** The ids both sequences share, in an order both keep (a longest common subsequence). */
export function commonOrder(a: readonly string[], b: readonly string[]): Set<string> {
  // Clauses stay in place far more often than they move: trim the agreeing ends before the quadratic part.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const kept = new Set([...a.slice(0, head), ...a.slice(a.length - tail)]);
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  const width = y.length + 1;
  const table = new Uint32Array((x.length + 1) * width);
  for (let i = x.length - 1; i >= 0; i--) {
    for (let j = y.length - 1; j >= 0; j--) {
      table[i * width + j] = x[i] === y[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      kept.add(x[i]!);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return kept;
}

function compareSignatories(from: Signatory[], to: Signatory[]): SignatoryComparison[] {
  const byOrder = (list: Signatory[]) => [...list].sort((p, q) => (p.order < q.order ? -1 : p.order > q.order ? 1 : p.id < q.id ? -1 : 1));
  const base = byOrder(from);
  const target = byOrder(to);
  const baseById = new Map(base.map((s) => [s.id, s]));
  const targetIds = new Set(target.map((s) => s.id));
  const inOrder = commonOrder(
    base.filter((s) => targetIds.has(s.id)).map((s) => s.id),
    target.filter((s) => baseById.has(s.id)).map((s) => s.id),
  );
  const rows: SignatoryComparison[] = target.map((s) => {
    const was = baseById.get(s.id) ?? null;
    const changed = was !== null && (was.name !== s.name || was.title !== s.title || was.state !== s.state);
    return { id: s.id, added: was === null, deleted: false, moved: was !== null && !inOrder.has(s.id), changed: was === null || changed, from: was, to: s };
  });
  for (const s of base) {
    if (!targetIds.has(s.id)) rows.push({ id: s.id, added: false, deleted: true, moved: false, changed: true, from: s, to: null });
  }
  return rows;
}

function compareFootnotes(from: Footnote[], to: Footnote[]): FootnoteComparison[] {
  const baseById = new Map(from.map((f) => [f.id, f]));
  const targetIds = new Set(to.map((f) => f.id));
  const rows: FootnoteComparison[] = to.map((f) => {
    const was = baseById.get(f.id);
    const redline = was ? wordRedline(was.body, f.body) : everything('insert', f.body);
    const marker = { from: was?.marker ?? '', to: f.marker };
    return { id: f.id, added: !was, deleted: false, changed: !was || marker.from !== marker.to || redlineChanges(redline), marker, redline, order: f.order };
  });
  for (const f of from) {
    if (!targetIds.has(f.id)) rows.push({ id: f.id, added: false, deleted: true, changed: true, marker: { from: f.marker, to: '' }, redline: everything('delete', f.body), order: null });
  }
  return rows;
}

/** A clause's headings on both sides, when either has one. */
function headings(from: Clause | null, to: Clause | null): { heading?: { from: string; to: string } } {
  const heading = { from: from?.heading ?? '', to: to?.heading ?? '' };
  return heading.from === '' && heading.to === '' ? {} : { heading };
}

export function compareDeclarations(base: ComparedSide, target: ComparedSide): Comparison {
  const baseOutline = flattenOutline(buildOutline(base.declaration.clauses));
  const targetOutline = flattenOutline(buildOutline(target.declaration.clauses));
  const baseNumbers = numberClauses(buildOutline(base.declaration.clauses), base.frozen);
  const targetNumbers = numberClauses(buildOutline(target.declaration.clauses), target.frozen);
  const baseById = new Map(baseOutline.map((node) => [node.clause.id, node]));
  const targetIds = new Set(targetOutline.map((node) => node.clause.id));
  const inOrder = commonOrder(
    baseOutline.filter((n) => targetIds.has(n.clause.id)).map((n) => n.clause.id),
    targetOutline.filter((n) => baseById.has(n.clause.id)).map((n) => n.clause.id),
  );

  const statusChange = (id: string, fromState: ClauseState): ClauseComparison['status'] => {
    const to = stateOf(target.statuses, id);
    return to === fromState ? null : { from: fromState, to };
  };

  // Deleted clauses go after the base clause they followed that is still there (or first).
  const deletedAfter = new Map<string | null, ClauseComparison[]>();
  let lastKept: string | null = null;
  for (const node of baseOutline) {
    const id = node.clause.id;
    if (targetIds.has(id)) {
      lastKept = id;
      continue;
    }
    const row: ClauseComparison = {
      id,
      kind: node.clause.kind,
      depth: node.depth,
      fromLabel: baseNumbers.get(id)?.label ?? null,
      toLabel: null,
      added: false,
      deleted: true,
      moved: false,
      changed: true,
      redline: everything('delete', node.clause.body),
      place: null,
      status: null,
      ...headings(node.clause, null),
    };
    deletedAfter.set(lastKept, [...(deletedAfter.get(lastKept) ?? []), row]);
  }

  const clauses: ClauseComparison[] = [...(deletedAfter.get(null) ?? [])];
  for (const node of targetOutline) {
    const { clause } = node;
    const was = baseById.get(clause.id);
    const place = { kind: clause.kind, parent: clause.parent, order: clause.order };
    if (!was) {
      clauses.push({
        id: clause.id,
        kind: clause.kind,
        depth: node.depth,
        fromLabel: null,
        toLabel: targetNumbers.get(clause.id)?.label ?? null,
        added: true,
        deleted: false,
        moved: false,
        changed: true,
        redline: everything('insert', clause.body),
        place,
        status: statusChange(clause.id, 'open'),
        ...headings(null, clause),
      });
    } else {
      const redline = wordRedline(was.clause.body, clause.body);
      const parentOf = (n: typeof node) => (n.depth === 0 ? null : n.clause.parent);
      clauses.push({
        id: clause.id,
        kind: clause.kind,
        depth: node.depth,
        fromLabel: baseNumbers.get(clause.id)?.label ?? null,
        toLabel: targetNumbers.get(clause.id)?.label ?? null,
        added: false,
        deleted: false,
        moved: !inOrder.has(clause.id) || was.clause.kind !== clause.kind || parentOf(was) !== parentOf(node),
        changed: redlineChanges(redline),
        redline,
        place,
        status: statusChange(clause.id, stateOf(base.statuses, clause.id)),
        ...headings(was.clause, clause),
      });
    }
    clauses.push(...(deletedAfter.get(clause.id) ?? []));
  }

  // A version saved before a heading field existed (the closing line, issue 15) has it empty.
  const meta = META_FIELDS.map((field) => ({ field, redline: wordRedline(base.declaration.meta[field] ?? [], target.declaration.meta[field] ?? []) }));
  const footnotes = compareFootnotes(base.declaration.footnotes ?? [], target.declaration.footnotes ?? []);
  const signatories = compareSignatories(base.declaration.signatories, target.declaration.signatories);
  const statuses: Record<ClauseState, number> = { open: 0, 'ad-ref': 0, agreed: 0 };
  for (const row of clauses) if (row.status) statuses[row.status.to]++;
  return {
    meta,
    clauses,
    signatories,
    footnotes,
    summary: {
      added: clauses.filter((c) => c.added).map((c) => c.toLabel ?? c.id),
      deleted: clauses.filter((c) => c.deleted).map((c) => c.fromLabel ?? c.id),
      moved: clauses.filter((c) => c.moved).map((c) => c.toLabel ?? c.id),
      changed: clauses.filter((c) => !c.added && !c.deleted && c.changed).length,
      statuses,
      meta: meta.filter((m) => redlineChanges(m.redline)).map((m) => m.field),
      signatories: signatories.filter((s) => s.added || s.deleted || s.changed).length,
      headings: clauses.filter((c) => c.heading && c.heading.from !== c.heading.to).map((c) => c.toLabel ?? c.fromLabel ?? c.id),
      footnotes: footnotes.filter((f) => f.changed).length,
    },
  };
}
