import { Worker } from 'node:worker_threads';
import type { ParsedDraft } from '../../shared/import/parsedDraft.ts';
import { AppError } from '../errors.ts';
import { needsTooMuchMemory, tooSlow } from './importErrors.ts';
import { checkDraftFile } from './readDraft.ts';

/**
 * Reads an imported file (readDraft.ts) in a worker thread of its own, so
 * that no file can stall the collaboration (docs/SPEC.md IMP7): a .docx of
 * 100 KB can unpack to 40 MB of short paragraphs, whose XML tree and lines
 * take seconds and hundreds of megabytes to build. The worker has a heap
 * limit and a time limit; past either it is ended and the file refused.
 * One worker per file, ended after it: whatever it built is freed at once.
 */
export interface DraftReadLimits {
  /** How long reading the file may take, from when the worker is ready. */
  timeMs: number;
  /** The worker's heap (V8's old generation), in megabytes. */
  heapMb: number;
}

export const DEFAULT_DRAFT_READ_LIMITS: DraftReadLimits = { timeMs: 10_000, heapMb: 512 };

/** A worker that has not loaded in this long is broken (a bug, not the file's fault). */
const START_LIMIT_MS = 60_000;

export type DraftWorkerRequest = { fileName: string; bytes: Uint8Array };
export type DraftWorkerReply =
  | { kind: 'ready' }
  | { kind: 'draft'; draft: ParsedDraft }
  | { kind: 'refused'; status: number; id: string; message: string; details: Record<string, unknown> }
  | { kind: 'failed'; message: string };

let reading = 0;

/** How many files this process is reading now (GET /api/health). */
export function draftsBeingRead(): number {
  return reading;
}

export async function readDraftInWorker(fileName: string, bytes: Uint8Array, limits: DraftReadLimits = DEFAULT_DRAFT_READ_LIMITS): Promise<ParsedDraft> {
  // A file refused by its size or type needs no worker (and starting one costs more than that check).
  checkDraftFile(fileName, bytes);
  // draftWorker.mjs loads the TypeScript itself, the same way under
  // `npm start`, the admin command and Vitest: nothing is inherited.
  const worker = new Worker(new URL('./draftWorker.mjs', import.meta.url), {
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
    stdout: false,
    stderr: false,
  });
  reading++;
  return new Promise<ParsedDraft>((resolve, reject) => {
    let settled = false;
    let timer = setTimeout(() => settle(new Error(`The worker reading ${fileName} did not start within ${START_LIMIT_MS / 1000} s.`)), START_LIMIT_MS);
    function settle(outcome: ParsedDraft | Error): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reading--;
      void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    }
    worker.on('message', (reply: DraftWorkerReply) => {
      if (reply.kind === 'ready') {
        clearTimeout(timer);
        timer = setTimeout(() => settle(tooSlow(limits.timeMs)), limits.timeMs);
        // A copy the worker owns: the caller's bytes may be a view into a pooled buffer.
        const copy = bytes.slice();
        worker.postMessage({ fileName, bytes: copy } satisfies DraftWorkerRequest, [copy.buffer]);
      } else if (reply.kind === 'draft') settle(reply.draft);
      else if (reply.kind === 'refused') settle(new AppError(reply.status, reply.id, reply.message, reply.details));
      else settle(new Error(`Reading ${fileName} failed in its worker: ${reply.message}`));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? needsTooMuchMemory(limits.heapMb) : error);
    });
    worker.on('exit', (code) => settle(new Error(`The worker reading ${fileName} stopped (exit code ${code}) without an answer.`)));
  });
}
