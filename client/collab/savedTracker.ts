import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MESSAGE_SYNC } from '../../shared/protocol.ts';
import { aheadOfServer, everythingSent, unsentTexts, type UnsentText } from './unsentText.ts';

/**
 * Knows whether the server has every local edit. It keeps a shadow of the
 * document as the server has sent it; because the server echoes each update
 * it accepts to its sender too, the shadow catches up with the local
 * document exactly when everything typed here is on the server (insertions
 * and deletions alike, which a clock comparison would miss). `pending`
 * counts local edits made since the two last agreed.
 *
 * The shadow is handed in so that the local copy (localCopy.ts) can keep it
 * on the device with the document: after a reload both come back, and the
 * difference between them is still what the server lacks (SPEC OFF1).
 */
export class SavedTracker {
  private pendingCount = 0;
  private checkScheduled = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly doc: Y.Doc,
    private readonly isRemote: (origin: unknown) => boolean,
    readonly shadow: Y.Doc = new Y.Doc(),
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

  /**
   * After the document and the shadow were read back from the device: the
   * count kept with them, if they still differ. A count lost in a crash
   * still shows that something is unsent.
   */
  restore(keptCount: number): void {
    this.pendingCount = everythingSent(this.doc, this.shadow) ? 0 : Math.max(1, keptCount);
    this.emit();
  }

  /**
   * The question to ask a server on connecting when this device holds edits
   * it never saw echoed (the connection dropped, or the tab closed, between
   * sending and the echo): "what do you have beyond the shadow?". The
   * stock sync only asks from the document's state, and the answer would
   * never mention those edits, so the count would wait forever.
   */
  catchUpRequest(): Uint8Array | null {
    if (!aheadOfServer(this.doc, this.shadow)) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(encoder, this.shadow);
    return encoding.toUint8Array(encoder);
  }

  private check(): void {
    if (everythingSent(this.doc, this.shadow)) {
      this.pendingCount = 0;
      this.emit();
    }
  }

  get pending(): number {
    return this.pendingCount;
  }

  /** Compared, not counted: what the rule "never cleared while unsent" (SPEC OFF3) asks. */
  get allSent(): boolean {
    return everythingSent(this.doc, this.shadow);
  }

  /** The text of each clause (and heading field) that differs from the server's, to copy. */
  unsentTexts(): UnsentText[] {
    return unsentTexts(this.doc, this.shadow);
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
