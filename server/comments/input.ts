import { MAX_COMMENT_LENGTH, MAX_QUOTE_LENGTH } from '../../shared/comments/thread.ts';
import { badRequest } from '../errors.ts';

/**
 * What the comment routes accept (docs/SPEC.md COM5). Comments are plain
 * text: nothing here is markup, and nothing is rendered as HTML anywhere.
 */

/** The JSON body as an object; anything else (an array, nothing at all) is a 400. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('bad-body', 'The request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

/** A comment's text, trimmed: 1 to MAX_COMMENT_LENGTH characters. */
export function commentText(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest('comment-empty', 'Write something: body must be a non-empty text.');
  const text = value.trim();
  if (text.length > MAX_COMMENT_LENGTH) {
    throw badRequest('comment-too-long', `A comment holds at most ${MAX_COMMENT_LENGTH} characters; this one has ${text.length}.`, { max: MAX_COMMENT_LENGTH });
  }
  return text;
}

/** The passage as quoted when a thread starts: as written, at most MAX_QUOTE_LENGTH characters. */
export function quoteText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw badRequest('bad-quote', 'quote must be a text.');
  if (value.length > MAX_QUOTE_LENGTH) {
    throw badRequest('quote-too-long', `A quoted passage holds at most ${MAX_QUOTE_LENGTH} characters; select a shorter passage or comment on the whole clause.`, { max: MAX_QUOTE_LENGTH });
  }
  return value;
}
