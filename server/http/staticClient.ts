import fs from 'node:fs';
import path from 'node:path';
import type { Router } from 'express';
import express from 'express';

/**
 * Files the browser must ask about every time: the page names this build's
 * assets, and the service worker (SPEC OFF2) decides which build a browser
 * keeps offline. A stale copy of either would keep an old build alive.
 * Assets are named by their content, so they may be cached.
 */
const ALWAYS_REVALIDATED = new Set(['index.html', 'sw.js']);

/** Serves the built client; every page of the app is the same index.html. */
export function staticClientRouter(clientDir: string): Router {
  const router = express.Router();
  const indexFile = path.join(clientDir, 'index.html');
  router.use(
    express.static(clientDir, {
      index: false,
      maxAge: '1h',
      setHeaders: (response, filePath) => {
        if (ALWAYS_REVALIDATED.has(path.relative(clientDir, filePath))) response.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  router.get(['/', '/d/:id', '/d/:id/room', '/d/:id/read'], (_request, response) => {
    if (!fs.existsSync(indexFile)) {
      response
        .status(503)
        .type('text/plain')
        .send('The Consenso client has not been built yet. Run `npm start` (which builds it) or `npm run build`.\n');
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
  return router;
}
