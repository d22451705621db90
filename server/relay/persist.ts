import * as Y from 'yjs';
import type { UpdateLog } from '../db/updateLog.ts';
import type { Logger } from '../logger.ts';

/**
 * The persist step: an update is written to SQLite before it is broadcast,
 * so nothing another client has received can be missing after a crash.
 * When a write fails (disk full, say) the update stays in memory, nothing
 * more is broadcast, and the write is retried; what was held back is
 * broadcast once it is safe.
 */
const RETRY_MS = 1000;
/** Compact the log once this many updates have been appended since the last compaction. */
export const COMPACT_EVERY = 2000;

export class DurableWriter {
  private held: Uint8Array[] = [];
  private retryTimer: NodeJS.Timeout | null = null;
  private appendedSinceCompaction = 0;

  constructor(
    private readonly log: UpdateLog,
    private readonly declarationId: string,
    private readonly logger: Logger,
    /** Called with what may now be broadcast. */
    private readonly onDurable: (update: Uint8Array) => void,
    private readonly state: () => Uint8Array,
  ) {}

  write(update: Uint8Array): void {
    if (this.held.length > 0) {
      this.held.push(update);
      return;
    }
    if (this.tryAppend(update)) this.onDurable(update);
    else this.hold(update);
  }

  private tryAppend(update: Uint8Array): boolean {
    try {
      const seq = this.log.append(this.declarationId, update);
      if (++this.appendedSinceCompaction >= COMPACT_EVERY) {
        this.appendedSinceCompaction = 0;
        // Off the hot path: the update that triggered it is broadcast first.
        setImmediate(() => this.compact(seq));
      }
      return true;
    } catch (error) {
      this.logger.error('could not save an update; holding it in memory and retrying', {
        declaration: this.declarationId,
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }

  private hold(update: Uint8Array): void {
    this.held.push(update);
    this.retryTimer ??= setTimeout(() => this.retry(), RETRY_MS);
  }

  private retry(): void {
    this.retryTimer = null;
    const merged = Y.mergeUpdates(this.held);
    if (this.tryAppend(merged)) {
      this.held = [];
      this.onDurable(merged);
    } else {
      this.retryTimer = setTimeout(() => this.retry(), RETRY_MS);
    }
  }

  /** Replaces the log up to `uptoSeq` by the document's state. */
  compact(uptoSeq?: number): void {
    try {
      const upto = uptoSeq ?? Number.MAX_SAFE_INTEGER;
      this.log.compact(this.declarationId, this.state(), upto);
    } catch (error) {
      this.logger.warn('could not compact the update log', { declaration: this.declarationId, error: String(error) });
    }
  }

  get pending(): boolean {
    return this.held.length > 0;
  }

  dispose(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }
}
