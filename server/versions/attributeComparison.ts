import { redlineChanges } from '../../shared/proposals/wordDiff.ts';
import { attributeRedline, changesBy, type TextStep } from '../../shared/versions/attribution.ts';
import type { AttributedRedline, Comparison } from '../../shared/versions/compare.ts';
import type { Db } from '../db/database.ts';
import { entriesBetween, metaPart, movesBetween } from '../db/textHistory.ts';
import { flushHistory } from './recordHistory.ts';

/**
 * Attributes a comparison's inserted and deleted runs to the participants
 * whose edits made them (docs/SPEC.md CMP3), from the text history the
 * server recorded between `fromAt` and `toAt` (HIST1): each clause row and
 * heading field is replayed through its recorded steps
 * (shared/versions/attribution.ts); what the history does not cover — text
 * older than it, changes the server made itself — is nobody's (null).
 *
 * `by` (a participant id) keeps that participant's changes only: everyone
 * else's insertions read as the target's text and their deletions are gone —
 * words, and whole clauses added or deleted alike —, moves are kept only
 * where that participant made them, status changes (the chair's decisions,
 * nobody's words) are left out, and the summary counts what is left.
 *
 * A moved clause is attributed to whoever last moved it between the two
 * moments (the history's 'move' runs); a move the history does not hold —
 * made before it was kept — is nobody's.
 */
export function attributeComparison(db: Db, declarationId: string, comparison: Comparison, fromAt: number, toAt: number, by?: string): Comparison {
  flushHistory(db, declarationId);
  const steps = new Map<string, TextStep[]>();
  for (const entry of entriesBetween(db, declarationId, fromAt, toAt)) {
    const list = steps.get(entry.part) ?? [];
    list.push({ by: entry.participantId, before: entry.before, after: entry.after });
    steps.set(entry.part, list);
  }
  const attribute = (part: string, redline: AttributedRedline): AttributedRedline => {
    const attributed = attributeRedline(redline, steps.get(part) ?? []);
    return by === undefined ? attributed : changesBy(attributed, by);
  };
  const meta = comparison.meta.map((m) => ({ ...m, redline: attribute(metaPart(m.field), m.redline) }));
  const movers = new Map<string, string>();
  for (const move of movesBetween(db, declarationId, fromAt, toAt)) movers.set(move.part, move.participantId);
  const attributed = comparison.clauses.map((row) => ({
    ...row,
    redline: attribute(row.id, row.redline),
    ...(row.moved ? { movedBy: movers.get(row.id) ?? null } : {}),
  }));
  if (by === undefined) return { ...comparison, meta, clauses: attributed };
  // Filtered: a row is what that participant did to it. A clause someone else added reads as plain text, one someone else
  // deleted is gone (the target has it so), someone else's move is no move, and status changes are left out.
  const mine = (row: (typeof attributed)[number]) => row.redline.some((s) => s.op !== 'equal' && s.by === by);
  const clauses = attributed
    .filter((row) => !row.deleted || mine(row))
    .map((row) => {
      const own = row.added || row.deleted ? mine(row) : redlineChanges(row.redline);
      const moved = row.moved && row.movedBy === by;
      return { ...row, added: row.added && own, changed: own, moved, status: null };
    });
  const statuses = { open: 0, 'ad-ref': 0, agreed: 0 };
  return {
    ...comparison,
    meta,
    clauses,
    summary: {
      ...comparison.summary,
      added: clauses.filter((c) => c.added).map((c) => c.toLabel ?? c.id),
      deleted: clauses.filter((c) => c.deleted).map((c) => c.fromLabel ?? c.id),
      moved: clauses.filter((c) => c.moved).map((c) => c.toLabel ?? c.id),
      changed: clauses.filter((c) => !c.added && !c.deleted && c.changed).length,
      statuses,
      meta: meta.filter((m) => redlineChanges(m.redline)).map((m) => m.field),
    },
  };
}
