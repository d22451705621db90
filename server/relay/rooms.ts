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

  /** Ends every connection of a participant (a revoked link), in every open room. */
  disconnectParticipant(participantId: string, code: number, reason: string): void {
    for (const room of this.open.values()) {
      for (const connection of room.connections) if (connection.participant.id === participantId) connection.ws.close(code, reason);
    }
  }

  closeAll(): void {
    for (const timer of this.unloadTimers.values()) clearTimeout(timer);
    this.unloadTimers.clear();
    for (const room of this.open.values()) this.unload(room);
  }
}
