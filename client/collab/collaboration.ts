import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { closeReasonOf, COLLAB_PATH, MESSAGE_AWARENESS, MESSAGE_SYNC } from '../../shared/protocol.ts';
import { History } from './history.ts';
import { SavedTracker } from './savedTracker.ts';

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
}

const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export class Collaboration {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly saved: SavedTracker;
  /** This participant's undo history for the whole declaration: text and structure alike. */
  readonly history: History;
  private status: CollabStatus = { state: 'connecting', pending: 0, closed: null, synced: false };
  private everConnected = false;
  private readonly listeners = new Set<() => void>();
  private readonly beforeRemoteListeners = new Set<() => void>();

  constructor(declarationId: string, serverUrl = Collaboration.defaultServerUrl()) {
    this.provider = new WebsocketProvider(serverUrl, declarationId, this.doc, { disableBc: true });
    this.saved = new SavedTracker(this.doc, (origin) => origin === this.provider);
    this.history = new History(this.doc);
    this.watchIncomingUpdates();
    this.provider.on('status', () => this.refresh());
    this.provider.on('sync', () => this.refresh());
    this.provider.on('closed', (event: { code: number; reason: string }) => {
      this.status = { ...this.status, closed: { code: event.code, reason: closeReasonOf(event.code) } };
      this.refresh();
    });
    this.saved.subscribe(() => this.refresh());
    window.addEventListener('online', this.onNetworkChange);
    window.addEventListener('offline', this.onNetworkChange);
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
    if (this.status.closed === null) {
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
    else if (!navigator.onLine) state = 'offline';
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
    this.history.destroy();
    this.saved.destroy();
    this.provider.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }
}
