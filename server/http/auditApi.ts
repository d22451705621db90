import type { Router } from 'express';
import express from 'express';
import { AUDIT_KIND_NAMES, AUDIT_PAGE_DEFAULT, AUDIT_PAGE_MAX, isAuditKind, type AuditKind } from '../../shared/auditKinds.ts';
import { auditActors, listAudit, pageAudit, type AuditPageQuery } from '../db/auditLog.ts';
import type { Db } from '../db/database.ts';
import { badRequest } from '../errors.ts';
import { requireParticipant } from './requireParticipant.ts';

/**
 * `GET /api/declarations/:id/audit` (docs/API.md, SPEC AUDIT1, AUD4): the
 * audit log for the chair and the secretariat. Without parameters, the
 * whole log oldest first, as the route always answered; with any of the
 * parameters below, one page newest first.
 */
const PARAMETERS = ['before', 'limit', 'clauseId', 'actor', 'kinds'] as const;
const MAX_TEXT = 200;

/** A whole number written out in decimal, or null when it is not one. */
function wholeNumber(value: string): number | null {
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/** The one schema of the paged call: each parameter at most once, each checked, unknown ones refused (a typo must not widen the page silently). */
export function readAuditQuery(query: Record<string, unknown>): AuditPageQuery {
  for (const key of Object.keys(query)) {
    if (!(PARAMETERS as readonly string[]).includes(key)) throw badRequest('bad-audit-query', `Unknown parameter "${key}". Give any of ${PARAMETERS.join(', ')}.`, { parameter: key });
    if (typeof query[key] !== 'string') throw badRequest('bad-audit-query', `Give "${key}" once, as text.`, { parameter: key });
  }
  const text = (key: (typeof PARAMETERS)[number]) => query[key] as string | undefined;
  const before = text('before');
  const beforeId = before === undefined ? null : wholeNumber(before);
  if (before !== undefined && (beforeId === null || beforeId < 1)) throw badRequest('bad-audit-query', '"before" is the id of an entry (a whole number from 1): the "next" of the page before.', { parameter: 'before' });
  const limit = text('limit');
  const limitValue = limit === undefined ? AUDIT_PAGE_DEFAULT : wholeNumber(limit);
  if (limitValue === null || limitValue < 1 || limitValue > AUDIT_PAGE_MAX) throw badRequest('bad-audit-query', `"limit" is a whole number from 1 to ${AUDIT_PAGE_MAX}.`, { parameter: 'limit', max: AUDIT_PAGE_MAX });
  const filter = (key: 'clauseId' | 'actor') => {
    const value = text(key);
    if (value === undefined) return null;
    if (value === '' || value.length > MAX_TEXT) throw badRequest('bad-audit-query', `"${key}" is a text of 1 to ${MAX_TEXT} characters.`, { parameter: key, max: MAX_TEXT });
    return value;
  };
  const kindsText = text('kinds');
  let kinds: AuditKind[] | null = null;
  if (kindsText !== undefined) {
    const named = kindsText.split(',');
    const unknown = named.filter((k) => !isAuditKind(k));
    if (unknown.length > 0) throw badRequest('bad-audit-query', `"kinds" is a comma-separated list of ${AUDIT_KIND_NAMES.join(', ')}.`, { parameter: 'kinds' });
    kinds = [...new Set(named as AuditKind[])];
  }
  return { before: beforeId, limit: limitValue, clauseId: filter('clauseId'), actor: filter('actor'), kinds };
}

export function auditRouter(deps: { db: Db }): Router {
  const router = express.Router();
  router.get('/declarations/:id/audit', (request, response) => {
    requireParticipant(deps.db, request, 'manageParticipants');
    const query = request.query as Record<string, unknown>;
    if (Object.keys(query).length === 0) {
      response.json({ entries: listAudit(deps.db, request.params.id), next: null });
      return;
    }
    const page = pageAudit(deps.db, request.params.id, readAuditQuery(query));
    response.json({ ...page, actors: auditActors(deps.db, request.params.id) });
  });
  return router;
}
