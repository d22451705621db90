import type { RequestHandler } from 'express';
import { isSameOrigin } from '../auth/origin.ts';
import { bearerToken } from '../auth/session.ts';
import { forbidden } from '../errors.ts';

/**
 * Refuses a state-changing API request that the session cookie would
 * authorise but another site's page sent (docs/SPEC.md AUTH6). A request
 * with `Authorization: Bearer` is a program's: no page can add that header
 * to a request to another site without this server's consent (CORS), which
 * it never gives.
 */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requireSameOrigin(publicUrl: string | null): RequestHandler {
  return (request, _response, next) => {
    if (SAFE_METHODS.has(request.method) || bearerToken(request) !== null || isSameOrigin(request, publicUrl)) {
      next();
      return;
    }
    next(forbidden('cross-origin', 'This request came from a page of another site and was refused. Open Consenso at its own address and try again.'));
  };
}
