/**
 * A sliding-window counter per key (a client address, a user name), in memory: at most `limit` events per
 * `windowMs` for each key. Used against comment floods and password guessing. Per process: with several
 * instances each counts its own, so the effective limit is `limit` × instances (documented in the README).
 * `rate-limiter-flexible` was considered (it has Redis stores); these few lines cover the gateway's two uses
 * without a dependency, and a flood the gateway misses still meets WordPress's own flood check.
 */
export class SlidingWindowLimit {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
    /** Most keys tracked; the oldest are forgotten first (bounds memory under a spray of addresses). */
    private readonly maxKeys = 100_000,
  ) {}

  /**
   * Milliseconds until `key` may act again, or 0 when it may now. Does not count an event: see {@link hit}.
   */
  retryAfterMs(key: string): number {
    if (this.limit <= 0) return 0;
    const times = this.recent(key);
    if (times.length < this.limit) return 0;
    return Math.max(1, times[0]! + this.windowMs - this.now());
  }

  /** Counts one event of `key`. */
  hit(key: string): void {
    if (this.limit <= 0) return;
    const times = this.recent(key);
    times.push(this.now());
    this.events.delete(key);
    this.events.set(key, times);
    if (this.events.size > this.maxKeys) {
      const oldest = this.events.keys().next().value;
      if (oldest !== undefined) this.events.delete(oldest);
    }
  }

  /** Forgets `key` (a successful sign-in clears its failures). */
  reset(key: string): void {
    this.events.delete(key);
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const times = (this.events.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.events.delete(key);
    return times;
  }
}
