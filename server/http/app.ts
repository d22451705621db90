import compression from 'compression';
import express, { type Express } from 'express';
import type { Logger } from '../logger.ts';
import { apiRouter, type ApiDeps } from './api.ts';
import { errorHandler, notFoundHandler } from './errorHandler.ts';
import { linksRouter } from './links.ts';
import { requireSameOrigin } from './requireSameOrigin.ts';
import { staticClientRouter } from './staticClient.ts';

export interface AppDeps extends ApiDeps {
  logger: Logger;
  clientDir: string;
  secureCookies: boolean;
  /** PUBLIC_URL's origin, which pages may also be served from (AUTH6). */
  publicUrl: string | null;
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  // The link token must not travel to other sites in a Referer header.
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy':
    "default-src 'self'; connect-src 'self' ws: wss:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // The client bundle is large for conference Wi-Fi: gzip it (and the API).
  app.use(compression());
  app.use((_request, response, next) => {
    response.set(SECURITY_HEADERS);
    next();
  });
  // Before any body is read: a forged request is refused before it costs anything.
  app.use('/api', requireSameOrigin(deps.publicUrl));
  app.use('/api', apiRouter(deps));
  app.use('/api', notFoundHandler);
  app.use(linksRouter(deps.db, deps.secureCookies));
  app.use(staticClientRouter(deps.clientDir));
  app.use(notFoundHandler);
  app.use(errorHandler(deps.logger));
  return app;
}
