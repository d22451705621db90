// Starts the worker that reads an imported file (readDraftInWorker.ts).
// Plain JavaScript: a worker thread does not inherit the TypeScript loader
// the server runs under (`node --import tsx`, nor Vitest's), so it loads
// tsx itself and then the worker's TypeScript body.
import { tsImport } from 'tsx/esm/api';

await tsImport('./draftWorker.ts', import.meta.url);
