import type { PrecacheManifest } from './precacheManifest.ts';
import { swRoute } from './swRoute.ts';

/**
 * The service worker (SPEC OFF2): once the app has been opened, it opens
 * again without the network — the built client comes from a cache, the
 * declaration from this device's copy (client/collab/localCopy.ts). It
 * caches nothing the server decides (the API, the collaboration socket).
 *
 * Built as `/sw.js` by serviceWorkerPlugin.ts, which writes this build's
 * file list in place of the placeholder below.
 */
declare const __CONSENSO_PRECACHE__: PrecacheManifest;

// The DOM library is the project's; a worker's own types would clash with it.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: { readonly origin: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;
const manifest = __CONSENSO_PRECACHE__;
const CACHE_PREFIX = 'consenso-';
const CACHE = `${CACHE_PREFIX}${manifest.version}`;
const PAGE_FILE = '/index.html';
const precached = new Set(manifest.files);
/** Conference Wi-Fi hangs more often than it fails: past this, a page opens from the cache. */
const NETWORK_PATIENCE_MS = 5000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // The page is revalidated (the HTTP cache may hold an older build's); the other files are
      // named by their content, so the copies the page has just loaded are the right ones.
      await cache.addAll(manifest.files.map((file) => new Request(file, { cache: file === PAGE_FILE ? 'no-cache' : 'default' })));
      // Files are named by their content, so a page of the old build keeps working; take over at once.
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const route = swRoute(new URL(request.url), worker.location.origin, request.mode === 'navigate', precached);
  if (route === 'page') event.respondWith(page(request));
  else if (route === 'precached') event.respondWith(file(request));
});

async function file(request: Request): Promise<Response> {
  const cached = await (await caches.open(CACHE)).match(request);
  return cached ?? fetch(request);
}

function patiently(response: Promise<Response>): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the network is too slow')), NETWORK_PATIENCE_MS);
    response.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

async function page(request: Request): Promise<Response> {
  let answer: Response | null = null;
  try {
    answer = await patiently(fetch(request));
    if (answer.status < 500) return answer;
  } catch {
    // Offline, or no answer in time: the cached page opens the local copy.
  }
  const cached = await (await caches.open(CACHE)).match(PAGE_FILE);
  return cached ?? answer ?? Response.error();
}
