import { MAX_CLAUSE_CHARS } from '../../shared/document/limits.ts';
import { objectBody } from '../comments/input.ts';
import { badRequest } from '../errors.ts';

/**
 * What `POST …/brackets` accepts (docs/API.md "Square brackets", docs/SPEC.md
 * BRK1): a passage of a clause's plain text as character offsets, and the
 * passage as the client read it, checked against the text when the
 * brackets are put (addBracket.ts). Read once here, with the model's limits.
 */
export interface BracketRequestBody {
  clauseId: string;
  start: number;
  end: number;
  quote: string;
}

const offset = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_CLAUSE_CHARS;

export function bracketRequestBody(body: unknown): BracketRequestBody {
  const { clauseId, start, end, quote } = objectBody(body);
  if (typeof clauseId !== 'string' || clauseId === '') throw badRequest('bad-body', 'clauseId must be the id of a clause.');
  if (!offset(start) || !offset(end) || end <= start) {
    throw badRequest('bad-range', 'start and end must be character offsets into the clause\'s text, start before end.');
  }
  if (typeof quote !== 'string' || quote.length !== end - start) {
    throw badRequest('bad-quote', 'quote must be the passage between start and end, as you read it.');
  }
  if (quote.trim() === '') throw badRequest('passage-empty', 'Select some words to put in square brackets: spaces alone cannot be bracketed.');
  return { clauseId, start, end, quote };
}
