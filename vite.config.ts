import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { serviceWorkerPlugin } from './client/offline/serviceWorkerPlugin.ts';

// The client is built into dist/client and served by the Node server
// (server/http/staticClient.ts); `npm run dev` serves it through Vite instead.
// The build also writes the service worker, dist/client/sw.js (SPEC OFF2).
export default defineConfig({
  root: 'client',
  plugins: [react(), serviceWorkerPlugin(fileURLToPath(new URL('./client/offline/sw.ts', import.meta.url)))],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
});
