/**
 * What the service worker keeps for opening the app without the network
 * (SPEC OFF2): every file of the built client, under a version that changes
 * whenever one of them does, so that a new build gets a cache of its own and
 * the old one is removed. Pure: the Vite plugin (serviceWorkerPlugin.ts)
 * computes it at build time and writes it into the worker.
 */
export interface PrecacheManifest {
  version: string;
  /** Absolute paths on the server: `/index.html`, `/assets/index-….js`. */
  files: string[];
}

/** The worker's own file, at the root so that its scope is the whole app. */
export const WORKER_FILE = 'sw.js';

/** Where the built worker holds the manifest until the plugin writes it in. */
export const PRECACHE_PLACEHOLDER = '__CONSENSO_PRECACHE__';

export interface BuiltFile {
  fileName: string;
  source: string | Uint8Array;
}

/** cyrb53: a quick 53-bit hash; it names a cache, it guards nothing. */
function hash(parts: (string | Uint8Array)[]): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (code: number) => {
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  };
  for (const part of parts) {
    if (typeof part === 'string') for (let i = 0; i < part.length; i++) mix(part.charCodeAt(i));
    else for (const byte of part) mix(byte);
    mix(0);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Source maps are for developers with the network; the worker is not its own cache. */
function isPrecached(fileName: string): boolean {
  return fileName !== WORKER_FILE && !fileName.endsWith('.map');
}

export function precacheManifest(files: BuiltFile[]): PrecacheManifest {
  const kept = files.filter((file) => isPrecached(file.fileName)).sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  return {
    version: hash(kept.flatMap((file) => [file.fileName, file.source])),
    files: kept.map((file) => `/${file.fileName}`),
  };
}
