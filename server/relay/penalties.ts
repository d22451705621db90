/**
 * A participant whose connection was closed for a refused or malformed
 * message waits before connecting again: half a second, doubling with each
 * refusal up to a minute, forgotten after ten quiet minutes. A stock client
 * never gets here (it stops reconnecting after 4400); a hostile one cannot
 * turn reconnecting into a way to make the server decode megabytes in a
 * loop while delegations type (docs/SPEC.md WIRE4).
 */
const MAX_MS = 60_000;
const FORGET_MS = 10 * 60_000;

export class Penalties {
  /** @param firstMs the first wait (config `refusalWaitMs`). */
  constructor(private readonly firstMs: number) {}

  private readonly byParticipant = new Map<string, { count: number; until: number; last: number }>();

  strike(participantId: string, now = Date.now()): void {
    const previous = this.byParticipant.get(participantId);
    const count = previous && now - previous.last < FORGET_MS ? previous.count + 1 : 1;
    this.byParticipant.set(participantId, { count, until: now + Math.min(MAX_MS, this.firstMs * 2 ** (count - 1)), last: now });
  }

  /** How long a participant must still wait, in milliseconds. */
  msLeft(participantId: string, now = Date.now()): number {
    return Math.max(0, (this.byParticipant.get(participantId)?.until ?? 0) - now);
  }

  /** Whether a participant must still wait before connecting. */
  waiting(participantId: string, now = Date.now()): boolean {
    return (this.byParticipant.get(participantId)?.until ?? 0) > now;
  }
}
