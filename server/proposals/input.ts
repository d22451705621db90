import { isClauseKind, type ClauseKind } from '../../shared/clauseKind.ts';
import { ENTRY_ID, MAX_CLAUSE_CHARS } from '../../shared/document/limits.ts';
import { mergeRuns } from '../../shared/document/richTextFragment.ts';
import { MAX_JUSTIFICATION_LENGTH, MAX_REJECTION_REASON_LENGTH, type ProposalAction } from '../../shared/proposals/proposal.ts';
import { toPlainText, type RichText, type Run } from '../../shared/richText.ts';
import { badRequest } from '../errors.ts';

/**
 * What the proposal routes accept (docs/API.md "Proposals", docs/SPEC.md
 * PROP1): each field read once here, with the limits of the model, so the
 * operations work on plain, checked values.
 */

/** Line breaks and tabs become spaces: a clause is one paragraph (STRUCT1), and a pasted line break must not make it two. */
const BREAKS = /[\r\n\t\u2028\u2029]+/g;

function run(value: unknown): Run {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest('bad-body', 'Each run of text must be an object { text, italic?, bold?, footnote? }.');
  const { text, italic, bold, footnote } = value as Record<string, unknown>;
  if (typeof text !== 'string') throw badRequest('bad-body', 'Each run of text needs a text.');
  if ((italic !== undefined && typeof italic !== 'boolean') || (bold !== undefined && typeof bold !== 'boolean')) {
    throw badRequest('bad-body', 'italic and bold must be true or false.');
  }
  if (footnote !== undefined && (typeof footnote !== 'string' || !ENTRY_ID.test(footnote))) throw badRequest('bad-body', 'footnote must be the id of a footnote the run is the reference marker of.');
  // Comment marks, and anything else a run might carry, stay out: a proposal holds wording, italics, bold and
  // footnote references (FN2: a reference is part of the wording, and its marker must still point to its note).
  return { text: text.replace(BREAKS, ' '), ...(italic ? { italic } : {}), ...(bold ? { bold } : {}), ...(typeof footnote === 'string' ? { footnote } : {}) };
}

/**
 * The proposed wording of an action that carries text: a plain string or
 * runs of rich text, 1 to MAX_CLAUSE_CHARS characters and not blank. A
 * deletion carries none ([]).
 */
export function proposalText(action: ProposalAction, value: unknown): RichText {
  if (action === 'delete') {
    if (value !== undefined) throw badRequest('bad-body', 'A proposed deletion carries no text; leave text out.');
    return [];
  }
  if (value === undefined || value === null) throw badRequest('proposal-empty', 'Write the proposed wording: text must not be empty.');
  let runs: RichText;
  if (typeof value === 'string') runs = [{ text: value.replace(BREAKS, ' ') }];
  else if (Array.isArray(value)) runs = value.map(run);
  else throw badRequest('bad-body', 'text must be a string or a list of runs [{ text, italic?, bold?, footnote? }].');
  const text = mergeRuns(runs);
  const plain = toPlainText(text);
  if (plain.trim() === '') throw badRequest('proposal-empty', 'Write the proposed wording: text must not be empty.');
  if (plain.length > MAX_CLAUSE_CHARS) {
    throw badRequest('proposal-too-long', `A clause holds at most ${MAX_CLAUSE_CHARS} characters; this wording has ${plain.length}.`, { max: MAX_CLAUSE_CHARS });
  }
  return text;
}

/**
 * The clause's text as the proposer saw it when writing the wording (PROP4):
 * what the proposal's changes are made against, so that words typed into
 * the clause meanwhile are not read as words the proposal deletes. A
 * string or runs, at most MAX_CLAUSE_CHARS; null when not given (then the
 * clause as it stands is the base).
 */
export function baseTextOf(value: unknown): RichText | null {
  if (value === undefined || value === null) return null;
  let runs: RichText;
  if (typeof value === 'string') runs = [{ text: value.replace(BREAKS, ' ') }];
  else if (Array.isArray(value)) runs = value.map(run);
  else throw badRequest('bad-body', 'baseText must be a string or a list of runs [{ text, italic?, bold?, footnote? }]: the clause as you saw it.');
  const text = mergeRuns(runs);
  if (toPlainText(text).length > MAX_CLAUSE_CHARS) throw badRequest('bad-body', `baseText holds at most ${MAX_CLAUSE_CHARS} characters, like a clause.`);
  return text;
}

/** The justification, trimmed: plain text, at most MAX_JUSTIFICATION_LENGTH characters ('' when none). */
export function justificationText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw badRequest('bad-body', 'justification must be a text.');
  const text = value.trim();
  if (text.length > MAX_JUSTIFICATION_LENGTH) {
    throw badRequest('justification-too-long', `A justification holds at most ${MAX_JUSTIFICATION_LENGTH} characters; this one has ${text.length}.`, {
      max: MAX_JUSTIFICATION_LENGTH,
    });
  }
  return text;
}

/** The kind of a proposed new paragraph: only for insert-before / insert-after; null means "the clause's kind". */
export function proposalKind(action: ProposalAction, value: unknown): ClauseKind | null {
  if (value === undefined || value === null) return null;
  if (action !== 'insert-before' && action !== 'insert-after') {
    throw badRequest('bad-kind', 'kind is only for a new paragraph before or after a clause (insert-before, insert-after).');
  }
  if (!isClauseKind(value)) throw badRequest('bad-kind', 'kind must be "preamble" or "operative".');
  return value;
}

/** A rejection's reason, trimmed, at most MAX_REJECTION_REASON_LENGTH characters; null when none. */
export function rejectionReason(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw badRequest('bad-reason', 'reason must be a text.');
  const reason = value.trim();
  if (reason.length > MAX_REJECTION_REASON_LENGTH) {
    throw badRequest('reason-too-long', `A reason holds at most ${MAX_REJECTION_REASON_LENGTH} characters; this one has ${reason.length}.`, { max: MAX_REJECTION_REASON_LENGTH });
  }
  return reason === '' ? null : reason;
}

/** `{ on: true | false }` of support and object. */
export function reactionOn(value: unknown): boolean {
  if (typeof value !== 'boolean') throw badRequest('bad-on', 'on must be true (support or object) or false (take it back).');
  return value;
}

/** A body that may be left out (withdraw, reject, undo): nothing is an empty object. */
export function optionalBody(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw badRequest('bad-body', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}
