/**
 * What the service worker does with a GET request (SPEC OFF2), decided
 * here without touching a cache so that it can be tested:
 * - `page`: a page of the app (`/`, `/d/<id>`, `/d/<id>/room`, `/d/<id>/read`): the network first, this
 *   build's index.html when the network fails;
 * - `precached`: a file of this build: from the cache (its name carries its
 *   content's hash, so a cached copy is never stale);
 * - `network`: everything else, untouched. The API and the collaboration
 *   socket are never cached: the session, threads and edits must be the
 *   server's, now. Neither is a sign-in link (`?token=`), which must reach
 *   the server to set its cookie.
 *
 * The worker is built apart from the app and cannot import what the app
 * imports (see serviceWorkerPlugin.ts), so the two server prefixes are
 * spelled here; swRoute.test.ts holds them to shared/protocol.ts.
 */
export type SwRoute = 'page' | 'precached' | 'network';

const API_PREFIX = '/api/';
const COLLAB_PREFIX = '/collab';
/** `/`, a declaration `/d/<id>`, its room view and its reading view (ROOM3, ROOM7). */
const PAGE = /^\/(d\/[^/]+(\/(room|read))?\/?)?$/;

export function swRoute(url: URL, workerOrigin: string, navigation: boolean, precached: ReadonlySet<string>): SwRoute {
  if (url.origin !== workerOrigin) return 'network';
  const path = url.pathname;
  if (path.startsWith(API_PREFIX) || path === COLLAB_PREFIX || path.startsWith(`${COLLAB_PREFIX}/`)) return 'network';
  if (navigation) return PAGE.test(path) && !url.searchParams.has('token') ? 'page' : 'network';
  return precached.has(path) && url.search === '' ? 'precached' : 'network';
}
