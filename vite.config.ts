import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The client is built into dist/client and served by the Node server
// (server/http/staticClient.ts); `npm run dev` serves it through Vite instead.
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
});
