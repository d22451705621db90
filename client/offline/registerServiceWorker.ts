/// <reference types="vite/client" />
import { WORKER_FILE } from './precacheManifest.ts';

/**
 * Installs the service worker (sw.ts) so that the app opens offline after
 * its first visit (SPEC OFF2). Only a production build has the worker
 * (`npm run dev` serves modules that change on every save). Without it the
 * app works as before, online only.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // After the page has loaded: caching the whole client must not slow its first opening.
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`/${WORKER_FILE}`, { scope: '/' }).catch(() => {
      // Refused (a browser without storage, a private window): offline opening is lost, nothing else.
    });
  });
}
