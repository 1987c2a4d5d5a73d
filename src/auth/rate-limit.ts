import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * The gateway's rate limits (anonymous comments per client address, failed sign-ins per user name and per
 * address): at most `limit` events per `windowMs` for each key.
 *
 * With Redis configured the count is shared by every instance using it ({@link sharedLimit}: rate-limiter-flexible's
 * RateLimiterRedis, an atomic counter per key in one Lua call), so N instances do not multiply the limit. Without
 * Redis, or while it is unreachable, each instance counts alone ({@link SlidingWindowLimit}, and the library's
 * in-memory "insurance" limiter during an outage): a limit that still holds per instance rather than none.
 */
export interface RateLimit {
  /** Milliseconds until `key` may act again, or 0 when it may now. Does not count an event. */
  retryAfterMs(key: string): Promise<number>;
  /**
   * Counts one event of `key` and answers as {@link retryAfterMs} did before it: 0 when the event was allowed,
   * otherwise the wait (the event is not counted then). Check and count in one step, so two instances cannot both
   * let the last allowed event through.
   */
  take(key: string): Promise<number>;
  /** Counts one event of `key` (a failed sign-in), allowed or not. */
  hit(key: string): Promise<void>;
  /** Forgets `key` (a successful sign-in clears its failures). */
  reset(key: string): Promise<void>;
}

/** A {@link RateLimit} counted in this process only. */
export function localLimit(limit: number, windowMs: number, now?: () => number): RateLimit {
  const window = new SlidingWindowLimit(limit, windowMs, now);
  return {
    retryAfterMs: async (key) => window.retryAfterMs(key),
    take: async (key) => {
      const wait = window.retryAfterMs(key);
      if (wait === 0) window.hit(key);
      return wait;
    },
    hit: async (key) => window.hit(key),
    reset: async (key) => window.reset(key),
  };
}

/**
 * A {@link RateLimit} shared through Redis under `<redis prefix>limit:<name>:<key>` (a fixed window of
 * `windowMs` from a key's first event: the library's model). Redis commands that fail or time out (the client's
 * 250 ms command timeout; not sent at all while disconnected) fall back to an in-memory limiter of the same size,
 * so an outage makes the limit per instance, never absent, and never delays a request.
 */
export function sharedLimit(redis: Redis, name: string, limit: number, windowMs: number): RateLimit {
  if (limit <= 0) return localLimit(0, windowMs);
  const options = { points: limit, duration: Math.max(1, Math.ceil(windowMs / 1000)), keyPrefix: `limit:${name}` };
  const limiter = new RateLimiterRedis({
    ...options,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
  const waitOf = (res: RateLimiterRes | null) => (res && res.consumedPoints >= limit ? Math.max(1, res.msBeforeNext) : 0);
  return {
    retryAfterMs: async (key) => waitOf(await limiter.get(key)),
    take: async (key) => {
      try {
        await limiter.consume(key);
        return 0;
      } catch (refused) {
        if (refused instanceof RateLimiterRes) return Math.max(1, refused.msBeforeNext);
        throw refused;
      }
    },
    hit: async (key) => {
      await limiter.penalty(key);
    },
    reset: async (key) => {
      await limiter.delete(key);
    },
  };
}

/**
 * A sliding-window counter per key, in memory: at most `limit` events per `windowMs` for each key. The
 * per-process limit ({@link localLimit}); a flood the gateway misses still meets WordPress's own flood check.
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
