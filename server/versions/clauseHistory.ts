import { isClauseState, type ClauseStatus } from '../../shared/clauseStatus.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { proposedTextNow } from '../../shared/proposals/proposalRedline.ts';
import { wordRedline, type Redline } from '../../shared/proposals/wordDiff.ts';
import type { RichText } from '../../shared/richText.ts';
import { listAudit, type AuditEntry } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import { listParticipants } from '../db/participants.ts';
import { findProposal } from '../db/proposals.ts';
import { partHistory, partMoves, type MoveEntry, type TextEntry } from '../db/textHistory.ts';
import { notFound } from '../errors.ts';
import type { Rooms } from '../relay/rooms.ts';
import { flushHistory } from './recordHistory.ts';

/**
 * One clause's timeline (docs/SPEC.md HIST1, docs/API.md "GET
 * …/clauses/:clauseId/history"): the runs of text changes the relay
 * recorded and the restores (text_history), with the clause's status
 * changes and the proposals accepted on it (from the audit log, which
 * already holds them with who and when), oldest first. Redlines are
 * computed here, never stored.
 */
interface EntryBase {
  /** A text entry's number (what a restore names); `audit-<n>` for the others. */
  id: number | string;
  /** The participant's id; null when the server cannot say. */
  by: string | null;
  /** Their name ('' when unknown). */
  name: string;
  /** When its first change was made: its changes run from `from` to `at`. */
  from: number;
  at: number;
}

export interface TextHistoryEntry extends EntryBase {
  kind: 'text' | 'restore';
  before: RichText;
  after: RichText;
  redline: Redline;
}

export interface StatusHistoryEntry extends EntryBase {
  kind: 'status';
  status: ClauseStatus;
}

export interface ProposalHistoryEntry extends EntryBase {
  kind: 'proposal';
  proposalId: string;
  /** The clause's text before and after, while the proposal stands accepted (an undone deletion has none). */
  before?: RichText;
  after?: RichText;
  redline?: Redline;
}

/** The clause moved: to another place among its siblings, under another parent, or made another kind (`kind` then says which). */
export interface MoveHistoryEntry extends EntryBase {
  kind: 'move';
  /** What the move made of it — 'preamble', 'operative' (a paragraph again, or from the preamble), 'subitem' — or null when it only changed place. */
  madeKind: string | null;
}

export type HistoryEntry = TextHistoryEntry | StatusHistoryEntry | ProposalHistoryEntry | MoveHistoryEntry;

export interface HistoryDeps {
  db: Db;
  rooms: Rooms;
}

const STATUS_ACTIONS: ReadonlySet<string> = new Set(['status', 'lock', 'reopen']);

export function textHistoryEntry(entry: TextEntry): TextHistoryEntry {
  return {
    id: entry.id,
    kind: entry.kind,
    by: entry.participantId,
    name: entry.name,
    from: entry.startedAt,
    at: entry.at,
    before: entry.before,
    after: entry.after,
    redline: wordRedline(entry.before, entry.after),
  };
}

function moveHistoryEntry(move: MoveEntry): MoveHistoryEntry {
  return {
    id: move.id,
    kind: 'move',
    by: move.participantId,
    name: move.name,
    from: move.startedAt,
    at: move.at,
    madeKind: madeKind(move),
  };
}

/** What a move made of the clause: another kind, a sub-item (it gained a parent), a paragraph again (it lost one), or nothing new. */
function madeKind({ before, after }: MoveEntry): string | null {
  if (before.kind !== after.kind) return after.kind;
  if (before.parent === null && after.parent !== null) return 'subitem';
  if (before.parent !== null && after.parent === null) return after.kind;
  return null;
}

/**
 * The audit log names people as they were named then; the id is the
 * participant of that name, when exactly one ever had it (a name reused
 * after a removal cannot be told apart: null).
 */
function idsByName(db: Db, declarationId: string): (name: string) => string | null {
  const byName = new Map<string, string | null>();
  for (const p of listParticipants(db, declarationId)) byName.set(p.name, byName.has(p.name) ? null : p.id);
  return (name) => byName.get(name) ?? null;
}

function statusEntry(audit: AuditEntry, idOf: (name: string) => string | null): StatusHistoryEntry | null {
  const { to, pending, reason } = audit.detail;
  if (!isClauseState(to)) return null;
  const status: ClauseStatus = { state: to, by: audit.actor, at: audit.at };
  if (Array.isArray(pending)) status.pending = pending.filter((p): p is string => typeof p === 'string');
  if (typeof reason === 'string') status.reason = reason;
  return { id: `audit-${audit.id}`, kind: 'status', by: idOf(audit.actor), name: audit.actor, from: audit.at, at: audit.at, status };
}

function proposalEntry(db: Db, declarationId: string, clauseId: string, audit: AuditEntry, idOf: (name: string) => string | null): ProposalHistoryEntry | null {
  const { proposalId, action, resultClauseId } = audit.detail;
  if (typeof proposalId !== 'string') return null;
  // A new paragraph's proposal is in the timeline of the clause it made, not of its neighbour.
  const here = resultClauseId === clauseId || (audit.clauseId === clauseId && (action === 'replace' || action === 'delete'));
  if (!here) return null;
  const entry: ProposalHistoryEntry = { id: `audit-${audit.id}`, kind: 'proposal', by: idOf(audit.actor), name: audit.actor, from: audit.at, at: audit.at, proposalId };
  const proposal = findProposal(db, declarationId, proposalId);
  if (proposal?.state === 'accepted') {
    const before = proposal.action === 'replace' || proposal.action === 'delete' ? (proposal.acceptedOver ?? null) : [];
    if (before !== null) {
      const after = proposedTextNow(proposal, before);
      Object.assign(entry, { before, after, redline: wordRedline(before, after) });
    }
  }
  return entry;
}

export function clauseHistory(deps: HistoryDeps, declarationId: string, clauseId: string): HistoryEntry[] {
  const { db } = deps;
  const missing = () => notFound('clause-not-found', `There is no clause "${clauseId}" in this declaration, and none by that id had a history.`);
  if (clauseId.startsWith('meta:')) throw missing();
  flushHistory(db, declarationId);
  const entries: HistoryEntry[] = [...partHistory(db, declarationId, clauseId).map(textHistoryEntry), ...partMoves(db, declarationId, clauseId).map(moveHistoryEntry)];
  const idOf = idsByName(db, declarationId);
  for (const audit of listAudit(db, declarationId)) {
    if (STATUS_ACTIONS.has(audit.action) && audit.clauseId === clauseId) {
      const entry = statusEntry(audit, idOf);
      if (entry) entries.push(entry);
    } else if (audit.action === 'proposal-accepted') {
      const entry = proposalEntry(db, declarationId, clauseId, audit, idOf);
      if (entry) entries.push(entry);
    }
  }
  if (entries.length === 0 && !deps.rooms.withRoom(declarationId, (room) => clausesMap(room.doc).has(clauseId))) throw missing();
  // Oldest first; a sort that keeps equal times in the order read (text, moves, then the audit log's order).
  return entries.sort((a, b) => a.at - b.at);
}
