/**
 * A token bucket: `perSecond` tokens come back each second, up to `burst`.
 * Used to drop a connection's excess awareness updates, and to bound the
 * bytes of oversized ones it may send (WIRE9).
 */
export class RateLimit {
  private tokens: number;
  private last = Date.now();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** Takes `amount` tokens if that many are left. */
  take(amount = 1, now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}
