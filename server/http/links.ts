import type { Request, Router } from 'express';
import express from 'express';
import { cookieName, participantForToken } from '../auth/session.ts';
import type { Db } from '../db/database.ts';

/**
 * Opening a participant's link (`/d/<id>?token=…`) signs the browser in
 * with an HttpOnly cookie and redirects to the same address without the
 * token, so it leaves the address bar, the history and any screenshot.
 */
const COOKIE_MAX_AGE_S = 90 * 24 * 3600;

export function linksRouter(db: Db, secureCookies: boolean): Router {
  const router = express.Router();
  // The room view and the reading view (ROOM6, ROOM8) sign in from the same link, and stay where they were asked for.
  router.get(['/d/:id', '/d/:id/room', '/d/:id/read'], (request: Request<{ id: string }>, response, next) => {
    const token = request.query.token;
    if (typeof token !== 'string') {
      next();
      return;
    }
    const id = request.params.id;
    const participant = participantForToken(db, token, id);
    const attributes = `Path=/; HttpOnly; SameSite=Lax${secureCookies ? '; Secure' : ''}`;
    response.setHeader(
      'Set-Cookie',
      participant
        ? `${cookieName(id)}=${encodeURIComponent(token)}; Max-Age=${COOKIE_MAX_AGE_S}; ${attributes}`
        : // A link that does not work also signs out whoever this browser was.
          `${cookieName(id)}=; Max-Age=0; ${attributes}`,
    );
    const view = /\/(room|read)$/.exec(request.path)?.[1];
    response.redirect(303, `/d/${encodeURIComponent(id)}${view ? `/${view}` : ''}`);
  });
  return router;
}
