import { parentPort } from 'node:worker_threads';
import { AppError } from '../errors.ts';
import { readDraft } from './readDraft.ts';
import type { DraftWorkerReply, DraftWorkerRequest } from './readDraftInWorker.ts';

/**
 * The body of the worker thread that reads one imported file (see
 * readDraftInWorker.ts). It says when it has loaded, so that the time
 * limit counts the reading, not the start of the thread; then it reads the
 * file it is sent, answers once and ends.
 */
const port = parentPort!;
port.once('message', (request: DraftWorkerRequest) => {
  readDraft(request.fileName, request.bytes).then(
    (draft) => port.postMessage({ kind: 'draft', draft } satisfies DraftWorkerReply),
    (error: unknown) => {
      const reply: DraftWorkerReply =
        error instanceof AppError
          ? { kind: 'refused', status: error.status, id: error.id, message: error.message, details: error.details }
          : { kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      port.postMessage(reply);
    },
  );
});
port.postMessage({ kind: 'ready' } satisfies DraftWorkerReply);
