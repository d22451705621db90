import * as Y from 'yjs';
import { MAX_SUBITEM_DEPTH } from '../../shared/clauseKind.ts';
import { clausesMap } from '../../shared/document/clauseEntry.ts';
import { readClauses } from '../../shared/document/clauseOps.ts';
import { CLAUSE_FIELD, ROOT } from '../../shared/document/names.ts';
import { mergeRuns, readRichText } from '../../shared/document/richTextFragment.ts';
import { buildOutline, flattenOutline } from '../../shared/outline.ts';
import type { Proposal } from '../../shared/proposals/proposal.ts';
import { proposalWording } from '../../shared/proposals/proposalWording.ts';
import { mayDecide } from '../../shared/proposals/proposalRules.ts';
import type { RichText } from '../../shared/richText.ts';
import type { Db } from '../db/database.ts';
import type { ParticipantRow } from '../db/participants.ts';
import { findProposal } from '../db/proposals.ts';
import { getSettings } from '../db/settings.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import type { Room } from '../relay/room.ts';
import type { Rooms } from '../relay/rooms.ts';

/** What the proposal operations need: SQLite (the truth) and the rooms (the document and its mirror). */
export interface ProposalDeps {
  db: Db;
  rooms: Rooms;
}

export function proposalOf(db: Db, declarationId: string, proposalId: string): Proposal {
  const proposal = findProposal(db, declarationId, proposalId);
  if (!proposal) throw notFound('proposal-not-found', 'There is no such proposal in this declaration.');
  return proposal;
}

/** A decided or withdrawn proposal is final (PROP6). */
export function requireOpen(proposal: Proposal): void {
  if (proposal.state !== 'open') {
    throw conflict('proposal-closed', `This proposal has been ${proposal.state}${proposal.decided ? ` by ${proposal.decided.by}` : ''}; it can no longer change.`);
  }
}

/** The chair decides; the secretariat only when the chair allows it, read now rather than cached (PROP6). */
export function requireDecider(db: Db, declarationId: string, actor: ParticipantRow): void {
  if (mayDecide(actor.role, getSettings(db, declarationId))) return;
  const who = actor.role === 'secretariat' ? 'The chair has not allowed the secretariat to decide proposals.' : 'Only the chair decides proposals.';
  throw forbidden('may-not-decide', `${who} Support or object to it instead.`);
}

/** Only its author edits or withdraws a proposal (PROP2). */
export function requireAuthor(actor: ParticipantRow, proposal: Proposal, doing: string): void {
  if (proposal.authorId !== actor.id) throw forbidden('not-proposal-author', `Only the proposal's author (${proposal.author}) can ${doing} it.`, { name: proposal.author });
}

/** A clause's body, or 404 when the clause is gone (deleted meanwhile). */
export function clauseBody(room: Room, clauseId: string): Y.XmlFragment {
  const entry = clausesMap(room.doc).get(clauseId);
  const body = entry instanceof Y.Map ? entry.get(CLAUSE_FIELD.body) : undefined;
  if (!(body instanceof Y.XmlFragment)) throw notFound('clause-not-found', `There is no clause "${clauseId}" in this declaration; it may have been deleted.`);
  return body;
}

/** An agreed clause (or one in an agreed subtree) takes no new wording (PROP1, PROP8). */
export function requireNotAgreed(room: Room, clauseId: string, doing: string): void {
  if (room.lockOf(clauseId) !== null) {
    throw conflict('clause-agreed', `This clause is agreed, so no proposal on it can be ${doing}. The chair can reopen the clause first.`);
  }
}

/**
 * Text as a proposal holds it. The rule's one home is `proposalWording`;
 * this name stays for server/versions/recordHistory.ts, which reads it.
 */
export const withoutComments = proposalWording;

/**
 * Proposed text as it can go into the document now: a reference to a
 * footnote deleted since the proposal was made keeps its characters but
 * not its mark, so that no marker points to a note that is not there.
 */
export function withLiveFootnotes(doc: Y.Doc, text: RichText): RichText {
  const footnotes = doc.getMap<unknown>(ROOT.footnotes);
  return mergeRuns(text.map(({ footnote, ...run }) => (footnote !== undefined && footnotes.has(footnote) ? { ...run, footnote } : run)));
}

/** The clause's text now, as a proposal compares with it. */
export function currentText(body: Y.XmlFragment): RichText {
  return proposalWording(readRichText(body));
}

export function sameText(a: RichText, b: RichText): boolean {
  return JSON.stringify(proposalWording(a)) === JSON.stringify(proposalWording(b));
}

/**
 * A sub-item goes under an operative clause that is not already at the
 * deepest level (STRUCT1: at most two levels of sub-items). Checked when
 * proposed and again when accepted: the outline may change meanwhile.
 */
export function requireSubitemPlace(room: Room, clauseId: string): void {
  const node = flattenOutline(buildOutline(readClauses(room.doc))).find((n) => n.clause.id === clauseId);
  if (!node || node.clause.kind !== 'operative' || node.depth >= MAX_SUBITEM_DEPTH) {
    throw badRequest('no-subitem-here', node?.clause.kind === 'preamble' ? 'A preambular paragraph has no sub-items. Propose a new paragraph instead.' : 'This sub-item is at the deepest level; it cannot have sub-items of its own. Propose a new sub-item next to it instead.');
  }
}
