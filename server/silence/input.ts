import { MAX_SILENCE_REASON } from '../../shared/silence/silenceRules.ts';
import { objectBody } from '../comments/input.ts';
import { badRequest } from '../errors.ts';

/** What the silence routes accept (docs/API.md "Silence procedure"): one schema function per body. */

function onlyKeys(request: Record<string, unknown>, allowed: readonly string[]): void {
  const extra = Object.keys(request).filter((key) => !allowed.includes(key));
  if (extra.length > 0) throw badRequest('bad-body', `Only ${allowed.map((k) => `"${k}"`).join(', ')} are expected; remove ${extra.map((k) => `"${k}"`).join(', ')}.`);
}

function reasonText(value: unknown, required: string | null): string {
  if (value === undefined && required === null) return '';
  if (typeof value !== 'string' || (required !== null && value.trim() === '')) {
    throw badRequest('reason-required', required ?? 'reason must be a text.');
  }
  const reason = value.trim();
  if (reason.length > MAX_SILENCE_REASON) throw badRequest('reason-too-long', `A reason holds at most ${MAX_SILENCE_REASON} characters; this one has ${reason.length}.`, { max: MAX_SILENCE_REASON });
  return reason;
}

/** An ISO-8601 date and time with its offset (or Z), as `Date.toISOString` writes it. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface StartRequest {
  deadline: number;
  reason: string;
  shortDeadline: boolean;
}

/** `POST …/silence`: `{ "deadline": ISO-8601, "reason"?, "shortDeadline"? }`. */
export function startRequest(body: unknown): StartRequest {
  const request = objectBody(body);
  onlyKeys(request, ['deadline', 'reason', 'shortDeadline']);
  const { deadline, shortDeadline } = request;
  if (typeof deadline !== 'string' || !ISO_DATE_TIME.test(deadline) || Number.isNaN(Date.parse(deadline))) {
    throw badRequest('bad-deadline', 'deadline must be a date and time in ISO 8601 with its time zone, such as "2026-12-06T18:00:00Z".');
  }
  if (shortDeadline !== undefined && typeof shortDeadline !== 'boolean') throw badRequest('bad-short-deadline', 'shortDeadline must be true or false.');
  return { deadline: Date.parse(deadline), reason: reasonText(request.reason, null), shortDeadline: shortDeadline === true };
}

/** `POST …/silence/break` and `…/silence/cancel`: `{ "reason" }`, required. */
export function endRequest(body: unknown, why: string): string {
  const request = objectBody(body);
  onlyKeys(request, ['reason']);
  return reasonText(request.reason, why);
}
