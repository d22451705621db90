import { endConnection, send } from './connection.ts';
import { encodeSyncStep1 } from './messages.ts';
import { Room, type RoomDeps } from './room.ts';

/**
 * The load step: declarations are opened on first use and kept in memory
 * while anybody is connected; `idleUnloadMs` after the last one leaves, the
 * log is compacted and the document is dropped from memory.
 */
export class Rooms {
  private readonly open = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly deps: RoomDeps,
    private readonly idleUnloadMs: number,
  ) {}

  get(id: string): Room {
    const timer = this.unloadTimers.get(id);
    if (timer) {
      clearTimeout(timer);
      this.unloadTimers.delete(id);
    }
    let room = this.open.get(id);
    if (!room) {
      room = new Room(id, this.deps);
      this.open.set(id, room);
    }
    return room;
  }

  /**
   * Runs `use` on a declaration's room and releases it after, even when
   * `use` throws: what an API operation does to a room nobody is connected
   * to (it unloads after the idle delay, as after a last connection).
   */
  withRoom<T>(id: string, use: (room: Room) => T): T {
    const room = this.get(id);
    try {
      return use(room);
    } finally {
      this.release(room);
    }
  }

  /** The open room of a declaration a connection belongs to. */
  current(id: string): Room {
    const room = this.open.get(id);
    if (!room) throw new RangeError(`Declaration ${id} is not open`);
    return room;
  }

  /**
   * Replaces a room whose document can no longer be trusted (applying an
   * update failed half-way, WIRE5) by a fresh one loaded from SQLite, which
   * holds everything that was ever broadcast. Its connections move over and
   * are sent a sync step 1: each client answers with whatever the reloaded
   * document lacks (its own edits not yet stored), so nothing is lost and
   * nobody has to reconnect.
   */
  reload(room: Room): Room {
    if (this.open.get(room.id) !== room) return this.current(room.id);
    const fresh = new Room(room.id, this.deps);
    for (const connection of room.connections) fresh.adopt(connection, room);
    this.open.set(room.id, fresh);
    room.connections.clear();
    room.destroy();
    const hello = encodeSyncStep1(fresh.doc);
    for (const connection of fresh.connections) send(connection, hello, this.deps.logger);
    return fresh;
  }

  /** Whether a declaration is in memory now (for tests and the health check). */
  isOpen(id: string): boolean {
    return this.open.has(id);
  }

  get openCount(): number {
    return this.open.size;
  }

  /** Called when a connection leaves: an empty room is unloaded after a while. */
  release(room: Room): void {
    if (room.connections.size > 0 || this.unloadTimers.has(room.id)) return;
    this.unloadTimers.set(
      room.id,
      setTimeout(() => {
        this.unloadTimers.delete(room.id);
        if (room.connections.size === 0) this.unload(room);
      }, this.idleUnloadMs),
    );
  }

  private unload(room: Room): void {
    room.compact();
    room.destroy();
    this.open.delete(room.id);
  }

  /**
   * Ends every connection of a participant (a revoked or replaced link), in
   * every open room, at once: from this call on nothing they send is read
   * and nothing is sent to them (AUTH5).
   */
  disconnectParticipant(participantId: string, code: number, reason: string): void {
    for (const room of this.open.values()) {
      for (const connection of [...room.connections]) {
        if (connection.participant.id !== participantId) continue;
        endConnection(connection, { code, reason });
        room.leave(connection);
      }
    }
  }

  closeAll(): void {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    for (const room of this.open.values()) this.unload(room);
  }
}
