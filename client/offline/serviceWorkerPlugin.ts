import type { Plugin } from 'vite';
import { PRECACHE_PLACEHOLDER, precacheManifest, WORKER_FILE } from './precacheManifest.ts';

/**
 * Builds the service worker (sw.ts) as `/sw.js` beside the client and
 * writes into it the list of files it precaches, with a version hash
 * (precacheManifest.ts). Runs in Vite, at build time.
 */
export function serviceWorkerPlugin(entry: string): Plugin {
  return {
    name: 'consenso-service-worker',
    apply: 'build',
    enforce: 'post',
    buildStart() {
      this.emitFile({ type: 'chunk', id: entry, fileName: WORKER_FILE });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[WORKER_FILE];
      if (!worker || worker.type !== 'chunk') return this.error(`${WORKER_FILE} was not built`);
      // A service worker registered as a classic script cannot import: a module shared with the app would be split out.
      if (worker.imports.length > 0 || worker.dynamicImports.length > 0) {
        return this.error(`${WORKER_FILE} must not import what the app imports; it imports ${[...worker.imports, ...worker.dynamicImports].join(', ')}`);
      }
      const manifest = precacheManifest(
        Object.values(bundle).map((output) => ({ fileName: output.fileName, source: output.type === 'chunk' ? output.code : output.source })),
      );
      if (!manifest.files.includes('/index.html')) return this.error('index.html is not in the bundle: the worker could not open the app offline');
      if (!worker.code.includes(PRECACHE_PLACEHOLDER)) return this.error(`${PRECACHE_PLACEHOLDER} is missing from the built worker`);
      worker.code = worker.code.replaceAll(PRECACHE_PLACEHOLDER, JSON.stringify(manifest));
    },
  };
}
