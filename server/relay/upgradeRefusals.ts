import type { Duplex } from 'node:stream';

/** The longest an answer is held; the rest of a long wait is said in Retry-After. */
const HOLD_MAX_MS = 10_000;
/** Sockets held at once for one participant: more are cut without an answer. */
const MAX_HELD_PER_PARTICIPANT = 8;
/** How long an answered socket is kept (paused) for the answer to reach the client. */
export const REFUSED_UPGRADE_GRACE_MS = 1000;

/**
 * A participant who must still wait after a refused message (WIRE4) is
 * answered before any websocket exists, and not at once: the answer, 429
 * with Retry-After, is held until the wait is over (at most ten seconds).
 * A client that reconnects as soon as it is answered — one flooding the
 * server (PERF3) — thus makes one attempt per wait and socket instead of
 * thousands a second, each an accept, a request and a token check. Nothing
 * a held socket sends is read: it is paused, and waits in the kernel's
 * buffer. A browser takes the answer as a dropped connection and retries
 * with its own back-off.
 */
export class UpgradeRefusals {
  private readonly held = new Map<string, Set<Duplex>>();

  refuse(socket: Duplex, participantId: string, waitMs: number): void {
    socket.pause();
    const sockets = this.held.get(participantId) ?? new Set<Duplex>();
    if (sockets.size >= MAX_HELD_PER_PARTICIPANT) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    this.held.set(participantId, sockets);
    const holdMs = Math.min(waitMs, HOLD_MAX_MS);
    const timer = setTimeout(() => {
      const retryAfterSeconds = Math.max(1, Math.ceil((waitMs - holdMs) / 1000));
      socket.end(
        `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${retryAfterSeconds}\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\n` +
          'The last message from this link was refused: wait before connecting again.\n',
      );
      // Cut a little later rather than at once: cutting a socket with unread data resets it, and the answer could be lost.
      setTimeout(() => socket.destroy(), REFUSED_UPGRADE_GRACE_MS).unref();
    }, holdMs);
    timer.unref();
    socket.once('close', () => {
      clearTimeout(timer);
      sockets.delete(socket);
      if (sockets.size === 0 && this.held.get(participantId) === sockets) this.held.delete(participantId);
    });
  }

  /** On shutdown: nothing held keeps the server from closing. */
  closeAll(): void {
    for (const sockets of this.held.values()) for (const socket of sockets) socket.destroy();
    this.held.clear();
  }
}
