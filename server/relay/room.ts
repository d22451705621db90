import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { isClauseState, type ClauseStatus } from '../../shared/clauseStatus.ts';
import { DEFAULT_SETTINGS, type DeclarationSettings } from '../../shared/comments/settings.ts';
import type { Thread } from '../../shared/comments/thread.ts';
import { ROOT } from '../../shared/document/names.ts';
import type { RefusedChange } from '../../shared/refusedChange.ts';
import { appendAudit } from '../db/auditLog.ts';
import { listStatuses } from '../db/clauseStatuses.ts';
import { listThreads } from '../db/comments.ts';
import type { Db } from '../db/database.ts';
import { getSettings } from '../db/settings.ts';
import type { UpdateLog } from '../db/updateLog.ts';
import type { Logger } from '../logger.ts';
import { Enforcer } from './enforce.ts';
import { SERVER_ORIGIN } from './origins.ts';
import { send, type Connection } from './connection.ts';
import { encodeAwareness, encodeUpdate } from './messages.ts';
import { DurableWriter } from './persist.ts';

/**
 * One open declaration: the authoritative Y.Doc, who is connected, and
 * their awareness. Every change to the document, whoever made it, leaves
 * through `onDocUpdate`: persist, then broadcast.
 */
/** Refusals kept in the document; older ones stay in the audit log. */
const MAX_REFUSALS_KEPT = 500;

export interface RoomDeps {
  db: Db;
  log: UpdateLog;
  logger: Logger;
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  readonly enforcer: Enforcer;
  private readonly writer: DurableWriter;
  private readonly logger: Logger;
  private readonly db: Db;

  constructor(
    readonly id: string,
    { db, log, logger }: RoomDeps,
  ) {
    this.logger = logger;
    this.db = db;
    this.doc = new Y.Doc();
    const { updates } = log.read(id);
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update);
    });
    this.writer = new DurableWriter(log, id, logger, (update) => this.broadcast(encodeUpdate(update)), () => Y.encodeStateAsUpdate(this.doc));
    if (updates.length > 100) this.writer.compact();
    this.doc.on('update', (update: Uint8Array) => this.writer.write(update));
    this.enforcer = new Enforcer(this.doc, { refused: (changes) => this.recordRefusals(changes) });
    this.mirrorStatuses();
    this.mirrorComments();
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server itself is not a participant: it has no awareness state.
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const changed = [...added, ...updated, ...removed];
      this.broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)));
    });
  }

  /**
   * SQLite holds the truth about statuses: the document's `status` map is
   * made to match it, and agreed clauses are locked (and put back if they
   * differ from what was agreed).
   */
  private mirrorStatuses(): void {
    const stored = listStatuses(this.db, this.id);
    const statusMap = this.doc.getMap<unknown>(ROOT.status);
    this.doc.transact(() => {
      const known = new Set(stored.map((s) => s.clauseId));
      for (const key of [...statusMap.keys()]) if (!known.has(key)) statusMap.delete(key);
      for (const { clauseId, status } of stored) {
        if (JSON.stringify(statusMap.get(clauseId)) !== JSON.stringify(status)) statusMap.set(clauseId, status);
      }
    }, SERVER_ORIGIN);
    for (const { clauseId, status, snapshot } of stored) {
      if (status.state === 'agreed' && snapshot) this.enforcer.setLocked(clauseId, snapshot);
    }
  }

  /** Mirrors a status the server has stored (server/declarations/setClauseStatus.ts). */
  mirrorStatus(clauseId: string, status: ClauseStatus): void {
    if (!isClauseState(status.state)) throw new RangeError(`Bad clause state ${String(status.state)}`);
    this.doc.transact(() => this.doc.getMap<unknown>(ROOT.status).set(clauseId, status), SERVER_ORIGIN);
  }

  /**
   * SQLite holds the truth about comment threads and settings too: the
   * `comments` and `settings` maps are made to match it (a write that
   * slipped in before a crash, or a thread removed meanwhile, is put right).
   */
  private mirrorComments(): void {
    const threads = listThreads(this.db, this.id);
    const settings = getSettings(this.db, this.id);
    const comments = this.doc.getMap<unknown>(ROOT.comments);
    const settingsMap = this.doc.getMap<unknown>(ROOT.settings);
    this.doc.transact(() => {
      const known = new Set(threads.map((t) => t.id));
      for (const key of [...comments.keys()]) if (!known.has(key)) comments.delete(key);
      for (const thread of threads) setIfChanged(comments, thread.id, thread);
      for (const key of [...settingsMap.keys()]) if (!Object.hasOwn(settings, key)) settingsMap.delete(key);
      for (const [key, value] of Object.entries(settings)) {
        // A missing key reads as its default (readSettings): loading a declaration nobody configured writes nothing.
        if (settingsMap.has(key) || value !== DEFAULT_SETTINGS[key as keyof DeclarationSettings]) setIfChanged(settingsMap, key, value);
      }
    }, SERVER_ORIGIN);
  }

  /** Mirrors a thread the server has stored, or its removal (null); server/comments/*. */
  mirrorThread(threadId: string, thread: Thread | null): void {
    const comments = this.doc.getMap<unknown>(ROOT.comments);
    this.doc.transact(() => {
      if (thread === null) comments.delete(threadId);
      else setIfChanged(comments, threadId, thread);
    }, SERVER_ORIGIN);
  }

  /** Mirrors the declaration's settings (server/comments/setSettings.ts). */
  mirrorSettings(settings: DeclarationSettings): void {
    const settingsMap = this.doc.getMap<unknown>(ROOT.settings);
    this.doc.transact(() => {
      for (const [key, value] of Object.entries(settings)) setIfChanged(settingsMap, key, value);
    }, SERVER_ORIGIN);
  }

  /** Keeps refused text where its author sees it, and in the audit log. */
  private recordRefusals(changes: RefusedChange[]): void {
    const refused = this.doc.getMap<RefusedChange>(ROOT.refused);
    this.doc.transact(() => {
      for (const change of changes) refused.set(change.id, change);
      if (refused.size > MAX_REFUSALS_KEPT) {
        const oldest = [...refused.entries()].sort((a, b) => a[1].at - b[1].at).slice(0, refused.size - MAX_REFUSALS_KEPT);
        for (const [key] of oldest) refused.delete(key);
      }
    }, SERVER_ORIGIN);
    for (const change of changes) {
      appendAudit(this.db, this.id, {
        actor: change.author,
        action: 'refused',
        clauseId: change.clauseId,
        detail: { part: change.part, reason: change.reason, attempted: change.attempted, kept: change.kept },
      });
    }
    this.logger.info('refused a change', { declaration: this.id, participant: changes[0]?.author, count: changes.length });
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
    this.enforcer.destroy();
    this.writer.dispose();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Every write is an update in the log and on the wire: skip the ones that change nothing. */
function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (JSON.stringify(map.get(key)) !== JSON.stringify(value)) map.set(key, value);
}
