import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { UpdateLog } from '../db/updateLog.ts';
import type { Logger } from '../logger.ts';
import { send, type Connection } from './connection.ts';
import { encodeAwareness, encodeUpdate } from './messages.ts';
import { DurableWriter } from './persist.ts';

/**
 * One open declaration: the authoritative Y.Doc, who is connected, and
 * their awareness. Every change to the document, whoever made it, leaves
 * through `onDocUpdate`: persist, then broadcast.
 */
export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  private readonly writer: DurableWriter;

  constructor(
    readonly id: string,
    log: UpdateLog,
    private readonly logger: Logger,
  ) {
    this.doc = new Y.Doc();
    const { updates } = log.read(id);
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update);
    });
    this.writer = new DurableWriter(log, id, logger, (update) => this.broadcast(encodeUpdate(update)), () => Y.encodeStateAsUpdate(this.doc));
    if (updates.length > 100) this.writer.compact();
    this.doc.on('update', (update: Uint8Array) => this.writer.write(update));
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server itself is not a participant: it has no awareness state.
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const changed = [...added, ...updated, ...removed];
      this.broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    });
  }

  /** The broadcast step: the same bytes to everyone, the sender included (it takes them as acknowledgement). */
  broadcast(message: Uint8Array): void {
    for (const connection of this.connections) send(connection, message, this.logger);
  }

  ownerOfAwarenessClient(clientId: number): Connection | undefined {
    for (const connection of this.connections) if (connection.awarenessClients.has(clientId)) return connection;
    return undefined;
  }

  leave(connection: Connection): void {
    this.connections.delete(connection);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null);
  }

  /** Writes the whole state as one log entry, so the next load is quick. */
  compact(): void {
    this.writer.compact();
  }

  destroy(): void {
    this.writer.dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }
}
