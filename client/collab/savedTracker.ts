import * as Y from 'yjs';

/**
 * Knows whether the server has every local edit. It keeps a shadow of the
 * document as the server has sent it; because the server echoes each update
 * it accepts to its sender too, the shadow catches up with the local
 * document exactly when everything typed here is on the server (insertions
 * and deletions alike, which a clock comparison would miss). `pending`
 * counts local edits made since the two last agreed.
 */
export class SavedTracker {
  private readonly shadow = new Y.Doc();
  private pendingCount = 0;
  private checkScheduled = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly isRemote: (origin: unknown) => boolean,
  ) {
    doc.on('update', this.onLocalUpdate);
  }

  private readonly onLocalUpdate = (_update: Uint8Array, origin: unknown) => {
    if (this.isRemote(origin)) return;
    this.pendingCount++;
    this.emit();
  };

  /** Feed every update that arrives from the server. */
  received(update: Uint8Array): void {
    Y.applyUpdate(this.shadow, update);
    if (this.pendingCount > 0 && !this.checkScheduled) {
      this.checkScheduled = true;
      // Comparing snapshots walks the document: once per burst is enough.
      setTimeout(() => {
        this.checkScheduled = false;
        this.check();
      }, 50);
    }
  }

  private check(): void {
    if (Y.equalSnapshots(Y.snapshot(this.doc), Y.snapshot(this.shadow))) {
      this.pendingCount = 0;
      this.emit();
    }
  }

  get pending(): number {
    return this.pendingCount;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  destroy(): void {
    this.doc.off('update', this.onLocalUpdate);
    this.shadow.destroy();
    this.listeners.clear();
  }
}
