import { Worker } from 'node:worker_threads';
import type { Logger } from '../logger.ts';
import type { Db } from './database.ts';

/**
 * Moves WAL checkpoints off the hot path (see checkpointer.mjs). If the
 * worker fails, automatic checkpoints come back on, so the log never grows
 * without end.
 */
const INTERVAL_MS = 5000;
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

export function checkpointInBackground(db: Db, logger: Logger): { stop(): Promise<void> } {
  db.pragma('wal_autocheckpoint = 0');
  const worker = new Worker(new URL('./checkpointer.mjs', import.meta.url), { workerData: { file: db.name, intervalMs: INTERVAL_MS } });
  let stopping = false;
  const fallBack = (why: string) => {
    if (stopping || !db.open) return;
    logger.warn('background checkpoints stopped; SQLite checkpoints in the foreground again', { why });
    db.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };
  worker.on('message', (message: { error?: string }) => {
    if (message.error) logger.warn('checkpoint failed', { error: message.error });
  });
  worker.on('error', (error) => fallBack(error.message));
  worker.on('exit', (code) => fallBack(`exit ${code}`));
  worker.unref();
  return {
    stop() {
      stopping = true;
      return new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        // Unreferenced, the worker would let a stopping process end before its exit
        // event, and the rest of the shutdown (closing the database) would never run.
        worker.ref();
        worker.postMessage('stop');
      });
    },
  };
}
