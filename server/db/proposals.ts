import type { ClauseKind } from '../../shared/clauseKind.ts';
import type { SubtreeSnapshot } from '../../shared/document/clauseSnapshot.ts';
import type { Proposal, ProposalAction, ProposalOrigin, ProposalState, Reaction } from '../../shared/proposals/proposal.ts';
import type { RichText } from '../../shared/richText.ts';
import type { Db } from './database.ts';

/**
 * Proposals and who supports or objects to them (docs/SPEC.md PROP*).
 * SQLite holds the truth; the document's `proposals` map mirrors
 * `listProposals`. Names are joined from `participants`, so a proposal
 * shows the name its author has now.
 */

interface ProposalRow {
  id: string;
  clause_id: string;
  action: ProposalAction;
  text: string;
  kind: ClauseKind | null;
  base_text: string;
  justification: string;
  author_id: string;
  author: string;
  origin: ProposalOrigin;
  created_at: number;
  edited_at: number | null;
  state: ProposalState;
  decider: string | null;
  decided_at: number | null;
  reason: string | null;
  accepted_over: string | null;
  result_clause_id: string | null;
}

interface ReactionRow {
  proposal_id: string;
  participant_id: string;
  name: string;
  reaction: 'support' | 'object';
  at: number;
}

const PROPOSALS = `
  SELECT p.id, p.clause_id, p.action, p.text, p.kind, p.base_text, p.justification, p.author_id, a.name AS author, p.origin,
         p.created_at, p.edited_at, p.state, d.name AS decider, p.decided_at, p.reason, p.accepted_over, p.result_clause_id
  FROM proposals p
  JOIN participants a ON a.id = p.author_id
  LEFT JOIN participants d ON d.id = p.decided_by`;

const REACTIONS = `
  SELECT r.proposal_id, r.participant_id, n.name, r.reaction, r.at
  FROM proposal_reactions r
  JOIN participants n ON n.id = r.participant_id
  JOIN proposals p ON p.id = r.proposal_id`;

/** Exactly the plain shape of `Proposal`: no keys with undefined values, so the mirror compares by JSON. */
function toProposal(row: ProposalRow, reactions: ReactionRow[]): Proposal {
  const react = (kind: 'support' | 'object'): Reaction[] =>
    reactions.filter((r) => r.reaction === kind).map((r) => ({ participantId: r.participant_id, name: r.name, at: r.at }));
  const proposal: Proposal = {
    id: row.id,
    clauseId: row.clause_id,
    action: row.action,
    text: JSON.parse(row.text) as RichText,
    baseText: JSON.parse(row.base_text) as RichText,
    justification: row.justification,
    authorId: row.author_id,
    author: row.author,
    origin: row.origin,
    at: row.created_at,
    state: row.state,
    supporters: react('support'),
    objectors: react('object'),
  };
  if (row.kind !== null) proposal.kind = row.kind;
  if (row.edited_at !== null) proposal.editedAt = row.edited_at;
  if (row.decided_at !== null) {
    proposal.decided = { by: row.decider ?? '', at: row.decided_at };
    if (row.reason !== null) proposal.decided.reason = row.reason;
  }
  if (row.accepted_over !== null) proposal.acceptedOver = JSON.parse(row.accepted_over) as RichText;
  if (row.result_clause_id !== null) proposal.resultClauseId = row.result_clause_id;
  return proposal;
}

/** Every proposal of a declaration, oldest first, reactions in the order they were given. */
export function listProposals(db: Db, declarationId: string): Proposal[] {
  const rows = db.prepare(`${PROPOSALS} WHERE p.declaration_id = ? ORDER BY p.created_at, p.rowid`).all(declarationId) as ProposalRow[];
  const reactions = db.prepare(`${REACTIONS} WHERE p.declaration_id = ? ORDER BY r.at, r.participant_id`).all(declarationId) as ReactionRow[];
  const byProposal = new Map<string, ReactionRow[]>(rows.map((row) => [row.id, []]));
  for (const reaction of reactions) byProposal.get(reaction.proposal_id)?.push(reaction);
  return rows.map((row) => toProposal(row, byProposal.get(row.id)!));
}

/** One proposal of this declaration, or null (also for another declaration's proposal). */
export function findProposal(db: Db, declarationId: string, proposalId: string): Proposal | null {
  const row = db.prepare(`${PROPOSALS} WHERE p.declaration_id = ? AND p.id = ?`).get(declarationId, proposalId) as ProposalRow | undefined;
  if (!row) return null;
  const reactions = db.prepare(`${REACTIONS} WHERE r.proposal_id = ? ORDER BY r.at, r.participant_id`).all(proposalId) as ReactionRow[];
  return toProposal(row, reactions);
}

export interface NewProposal {
  id: string;
  clauseId: string;
  action: ProposalAction;
  text: RichText;
  kind: ClauseKind | null;
  baseText: RichText;
  justification: string;
  authorId: string;
  origin: ProposalOrigin;
  at: number;
}

export function insertProposal(db: Db, declarationId: string, proposal: NewProposal): void {
  db.prepare(
    `INSERT INTO proposals (id, declaration_id, clause_id, action, text, kind, base_text, justification, author_id, origin, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    proposal.id,
    declarationId,
    proposal.clauseId,
    proposal.action,
    JSON.stringify(proposal.text),
    proposal.kind,
    JSON.stringify(proposal.baseText),
    proposal.justification,
    proposal.authorId,
    proposal.origin,
    proposal.at,
  );
}

/** The author's new wording, the text it is now made against, and (when given) a new justification. */
export function updateProposalText(db: Db, proposalId: string, text: RichText, baseText: RichText, at: number, justification?: string): void {
  db.prepare('UPDATE proposals SET text = ?, base_text = ?, edited_at = ?, justification = COALESCE(?, justification) WHERE id = ?').run(
    JSON.stringify(text),
    JSON.stringify(baseText),
    at,
    justification ?? null,
    proposalId,
  );
}

/** Supports or objects (replacing the other), or takes one's reaction back (null). */
export function setReaction(db: Db, proposalId: string, participantId: string, reaction: 'support' | 'object' | null, at: number): void {
  if (reaction === null) {
    db.prepare('DELETE FROM proposal_reactions WHERE proposal_id = ? AND participant_id = ?').run(proposalId, participantId);
    return;
  }
  db.prepare(
    `INSERT INTO proposal_reactions (proposal_id, participant_id, reaction, at) VALUES (?, ?, ?, ?)
     ON CONFLICT (proposal_id, participant_id) DO UPDATE SET reaction = excluded.reaction, at = excluded.at`,
  ).run(proposalId, participantId, reaction, at);
}

export interface Decision {
  state: ProposalState;
  /** Participant id of who decided (or withdrew); null when it is open again. */
  by: string | null;
  at: number | null;
  reason?: string | null;
  acceptedOver?: RichText | null;
  resultClauseId?: string | null;
  /** An accepted deletion: what it deleted, so that the chair can undo it. */
  deletedSubtree?: SubtreeSnapshot | null;
}

export function setDecision(db: Db, proposalId: string, decision: Decision): void {
  db.prepare(
    `UPDATE proposals SET state = ?, decided_by = ?, decided_at = ?, reason = ?, accepted_over = ?, result_clause_id = ?, deleted_subtree = ? WHERE id = ?`,
  ).run(
    decision.state,
    decision.by,
    decision.at,
    decision.reason ?? null,
    decision.acceptedOver ? JSON.stringify(decision.acceptedOver) : null,
    decision.resultClauseId ?? null,
    decision.deletedSubtree ? JSON.stringify(decision.deletedSubtree) : null,
    proposalId,
  );
}

/** What an accepted deletion deleted (null when it deleted nothing or was not a deletion). */
export function deletedSubtreeOf(db: Db, proposalId: string): SubtreeSnapshot | null {
  const row = db.prepare('SELECT deleted_subtree FROM proposals WHERE id = ?').get(proposalId) as { deleted_subtree: string | null } | undefined;
  return row?.deleted_subtree ? (JSON.parse(row.deleted_subtree) as SubtreeSnapshot) : null;
}

/** How many open proposals a participant has in a declaration (MAX_OPEN_PROPOSALS_PER_PARTICIPANT). */
export function countOpenProposals(db: Db, declarationId: string, authorId: string): number {
  const row = db.prepare("SELECT COUNT(*) AS n FROM proposals WHERE declaration_id = ? AND author_id = ? AND state = 'open'").get(declarationId, authorId) as { n: number };
  return row.n;
}
