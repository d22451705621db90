import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CLOSE, closeReasonOf, COLLAB_PATH, MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol.ts';
import { History } from './history.ts';
import { discardIfAllSent, LocalCopy } from './localCopy.ts';
import { SavedTracker } from './savedTracker.ts';
import type { UnsentText } from './unsentText.ts';

/**
 * A browser's side of one declaration: the local Y.Doc, the stock
 * y-websocket provider (signed in by the session cookie), and what the
 * screen shows about them: connection state, unsaved edits, a final close.
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

export interface CollabStatus {
  state: ConnectionState;
  /** Local edits the server has not confirmed yet. */
  pending: number;
  /** Set when the server ended the connection for good. */
  closed: { code: number; reason: string | null } | null;
  synced: boolean;
  /** Edits are kept on this device (the local copy is open), so a reload or a crash loses none. */
  kept: boolean;
}

export interface CollabOptions {
  /** Whose local copy to open (localCopy.ts); without one, edits live only in this tab. */
  participantId?: string;
  /** The server has already refused this participant: show the local copy, never connect. */
  refused?: { code: number; reason: string | null };
  serverUrl?: string;
}

/** How long connecting waits for the local copy to be read back; it normally takes milliseconds. */
const LOCAL_COPY_PATIENCE_MS = 10_000;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export class Collaboration {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly saved: SavedTracker;
  /** This participant's undo history for the whole declaration: text and structure alike. */
  readonly history: History;
  private status: CollabStatus = { state: 'connecting', pending: 0, closed: null, synced: false, kept: false };
  private everConnected = false;
  /**
   * The server could not be reached since the page opened (from this
   * device's copy, say). Browsers report "online" on a network that leads
   * nowhere, so this counts as offline as well.
   */
  private neverReached = false;
  private readonly local: LocalCopy | null;
  /** The local copy has been read back (or there is none): the provider may connect. */
  private opened = false;
  private destroyed = false;
  private readonly listeners = new Set<() => void>();
  private readonly beforeRemoteListeners = new Set<() => void>();

  constructor(
    private readonly declarationId: string,
    private readonly options: CollabOptions = {},
  ) {
    // Connecting waits for the local copy, so that the first sync already carries what was typed offline.
    this.provider = new WebsocketProvider(options.serverUrl ?? Collaboration.defaultServerUrl(), declarationId, this.doc, { disableBc: true, connect: false });
    const shadow = new Y.Doc();
    this.local = options.participantId ? new LocalCopy(declarationId, options.participantId, this.doc, shadow) : null;
    this.saved = new SavedTracker(this.doc, (origin) => origin === this.provider || this.local?.isReadingBack(origin) === true, shadow);
    this.history = new History(this.doc);
    this.watchIncomingUpdates();
    this.provider.on('status', (event: { status: string }) => {
      if (event.status === 'connected') this.askForWhatTheShadowLacks();
      this.refresh();
    });
    this.provider.on('sync', () => this.refresh());
    this.provider.on('connection-close', () => {
      if (!this.everConnected) this.neverReached = true;
      this.refresh();
    });
    this.provider.on('closed', (event: { code: number; reason: string }) => {
      this.status = { ...this.status, closed: { code: event.code, reason: closeReasonOf(event.code) } };
      if (event.code === CLOSE.invalidToken.code || event.code === CLOSE.unknownDeclaration.code) void this.discardLocalCopy();
      this.refresh();
    });
    this.saved.subscribe(() => this.refresh());
    if (options.refused) this.status = { ...this.status, closed: options.refused };
    window.addEventListener('online', this.onNetworkChange);
    window.addEventListener('offline', this.onNetworkChange);
    void this.openLocalCopy();
  }

  private async openLocalCopy(): Promise<void> {
    const { local } = this;
    if (local) {
      // A copy that cannot be read (a broken IndexedDB) must not keep the page from the server.
      const late = setTimeout(() => this.connectOnce(), LOCAL_COPY_PATIENCE_MS);
      const kept = await local.ready;
      clearTimeout(late);
      if (this.destroyed) return;
      if (kept) {
        this.saved.restore(local.keptCount());
        this.saved.subscribe(() => local.keepCount(this.saved.pending));
      }
      this.status = { ...this.status, kept };
    }
    if (this.opened) this.refresh();
    else this.connectOnce();
  }

  private connectOnce(): void {
    if (this.opened || this.destroyed) return;
    this.opened = true;
    if (this.status.closed === null) this.provider.connect();
    this.refresh();
  }

  /** The link or the declaration is gone for good: the copy goes too, unless it holds unsent edits (SPEC OFF3). */
  private async discardLocalCopy(): Promise<void> {
    const { local } = this;
    if (!local || !this.options.participantId) return;
    await local.close();
    const gone = await discardIfAllSent(this.declarationId, this.options.participantId);
    if (this.destroyed) return;
    this.status = { ...this.status, kept: !gone };
    this.refresh();
  }

  /** See SavedTracker.catchUpRequest. */
  private askForWhatTheShadowLacks(): void {
    const request = this.saved.catchUpRequest();
    if (request) this.provider.ws?.send(request);
  }

  /**
   * Whether this device holds anything the server lacks, compared rather
   * than counted (`getStatus().pending` is the count the top bar shows).
   */
  hasUnsentEdits(): boolean {
    return !this.saved.allSent;
  }

  /** The text that differs from the server's, per clause (and heading field), for a delegate to copy. */
  unsentTexts(): UnsentText[] {
    return this.saved.unsentTexts();
  }

  static defaultServerUrl(): string {
    const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${protocol}//${window.location.host}${COLLAB_PATH}`;
  }

  /**
   * Runs before anything from the server is applied. Editors use it to read
   * the caret from the page first (see RichEditor): otherwise a remote change
   * landing between a key press and the browser's selectionchange event
   * would put the caret back where it was before the key.
   */
  onBeforeRemoteChange(listener: () => void): () => void {
    this.beforeRemoteListeners.add(listener);
    return () => this.beforeRemoteListeners.delete(listener);
  }

  /** Lets the saved tracker see every update the server sends, before the provider applies it. */
  private watchIncomingUpdates(): void {
    const handlers = this.provider.messageHandlers;
    const originalSync = handlers[MESSAGE_SYNC]!;
    handlers[MESSAGE_SYNC] = (encoder, decoder, provider, emitSynced, messageType) => {
      const peek = decoding.clone(decoder);
      const syncType = decoding.readVarUint(peek);
      if (syncType === SYNC_STEP2 || syncType === SYNC_UPDATE) {
        this.saved.received(decoding.readVarUint8Array(peek));
        for (const listener of this.beforeRemoteListeners) listener();
      }
      originalSync(encoder, decoder, provider, emitSynced, messageType);
    };
    const originalAwareness = handlers[MESSAGE_AWARENESS]!;
    handlers[MESSAGE_AWARENESS] = (encoder, decoder, provider, emitSynced, messageType) => {
      for (const listener of this.beforeRemoteListeners) listener();
      originalAwareness(encoder, decoder, provider, emitSynced, messageType);
    };
  }

  private readonly onNetworkChange = () => {
    if (this.status.closed === null && this.opened) {
      if (navigator.onLine) {
        // Back online: try at once rather than wait for the back-off.
        if (!this.provider.wsconnected) {
          this.provider.disconnect();
          this.provider.connect();
        }
      } else {
        // The laptop says the network is gone: the socket is dead even if
        // it has not noticed yet. Say so now; edits wait in the document.
        this.provider.disconnect();
      }
    }
    this.refresh();
  };

  private refresh(): void {
    const { provider } = this;
    if (provider.wsconnected) this.everConnected = true;
    let state: ConnectionState;
    if (this.status.closed) state = 'closed';
    else if (provider.wsconnected) state = provider.synced ? 'connected' : 'connecting';
    else if (!navigator.onLine || (this.neverReached && !this.everConnected)) state = 'offline';
    else state = this.everConnected ? 'reconnecting' : 'connecting';
    this.status = { ...this.status, state, pending: this.saved.pending, synced: provider.synced };
    for (const listener of this.listeners) listener();
  }

  getStatus(): CollabStatus {
    return this.status;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  destroy(): void {
    window.removeEventListener('online', this.onNetworkChange);
    window.removeEventListener('offline', this.onNetworkChange);
    this.destroyed = true;
    void this.local?.close();
    this.history.destroy();
    this.saved.destroy();
    this.provider.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }
}
