/**
 * A circuit breaker per upstream origin: fails fast while WordPress is down and lets one probe through now and
 * then to see whether it is back. The dispatcher (dispatcher.ts) asks it before each request is sent.
 */

/** When the circuit opens and how it recovers. */
export interface CircuitBreakerOptions {
  /**
   * How far back outcomes are counted.
   * @default 10_000
   */
  windowMs?: number;
  /**
   * Fewest requests in the window before the failure ratio is judged, so one failure on a quiet site does not
   * open the circuit.
   * @default 10
   */
  minimumRequests?: number;
  /**
   * The share of failed requests in the window that opens the circuit.
   * @default 0.5
   */
  failureRatio?: number;
  /**
   * How long an open circuit fails fast before it lets one probe through.
   * @default 5_000
   */
  cooldownMs?: number;
  /** The clock; tests pass a fake one so recovery needs no sleeping. @default Date.now */
  now?: () => number;
  /** Told on each state change (logs, metrics). */
  onStateChange?: (origin: string, state: CircuitState) => void;
}

/** Thrown (through the request) while an origin's circuit is open: no request was sent. */
export class CircuitOpenError extends Error {
  override readonly name = 'CircuitOpenError';
  readonly code = 'GATEWAY_CIRCUIT_OPEN';
  constructor(
    readonly origin: string,
    /** How long until the breaker lets a probe through. */
    readonly retryAfterMs: number,
  ) {
    super(`The circuit to ${origin} is open: WordPress has been failing, no request was sent`);
  }
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/** One slot of the rolling window: outcomes that ended within `[start, start + bucketMs)`. */
interface Bucket {
  start: number;
  total: number;
  failures: number;
}

const BUCKETS = 10;

/**
 * A circuit breaker for one upstream origin, judged on the failure ratio over a rolling window.
 *
 * Hand-written rather than taken from `opossum` (the usual Node breaker): opossum wraps a promise-returning
 * function and keeps its rolling window with interval timers that need shutting down, while this one sits inside
 * undici's dispatch chain (so retries, timeouts and every caller are covered without wrapping each call) and
 * keeps its window as timestamped buckets read on demand, with an injectable clock, so it owns no timer.
 *
 * - closed: requests pass; outcomes are counted. At `minimumRequests` or more in the window and a failure
 *   ratio ≥ `failureRatio`, it opens.
 * - open: requests fail at once with CircuitOpenError. After `cooldownMs` it turns half-open.
 * - half-open: exactly one request (the probe) passes; the rest fail fast. The probe's success closes the
 *   circuit with a clean window; its failure opens it for another cooldown.
 */
export class CircuitBreaker {
  private stateNow: CircuitState = 'closed';
  private openedAt = 0;
  private probing = false;
  private readonly buckets: Bucket[] = [];
  private readonly windowMs: number;
  private readonly minimumRequests: number;
  private readonly failureRatio: number;
  private readonly cooldownMs: number;
  private readonly now: () => number;

  constructor(
    readonly origin: string,
    private readonly options: CircuitBreakerOptions = {},
  ) {
    this.windowMs = options.windowMs ?? 10_000;
    this.minimumRequests = options.minimumRequests ?? 10;
    this.failureRatio = options.failureRatio ?? 0.5;
    this.cooldownMs = options.cooldownMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /** The state as of now (an open circuit whose cooldown has passed reads as half-open). */
  get state(): CircuitState {
    if (this.stateNow === 'open' && this.now() - this.openedAt >= this.cooldownMs) return 'half-open';
    return this.stateNow;
  }

  /**
   * Asks to send one request. Returns a ticket to report its outcome with, or a CircuitOpenError to fail with.
   * Every ticket must be settled exactly once (`succeeded`, `failed`, or `cancelled` when the caller gave up).
   */
  admit(): CircuitTicket | CircuitOpenError {
    const state = this.state;
    if (state === 'open') return new CircuitOpenError(this.origin, this.cooldownMs - (this.now() - this.openedAt));
    if (state === 'half-open') {
      if (this.probing) return new CircuitOpenError(this.origin, 0);
      this.probing = true;
      this.transition('half-open');
      return this.ticket(true);
    }
    return this.ticket(false);
  }

  /** Failures and total in the current window (for tests and metrics). */
  counts(): { total: number; failures: number } {
    this.trim();
    let total = 0;
    let failures = 0;
    for (const b of this.buckets) {
      total += b.total;
      failures += b.failures;
    }
    return { total, failures };
  }

  private ticket(probe: boolean): CircuitTicket {
    let settled = false;
    const settle = (outcome: 'success' | 'failure' | 'cancel') => {
      if (settled) return;
      settled = true;
      if (probe) {
        this.probing = false;
        if (outcome === 'success') this.close();
        else if (outcome === 'failure') this.open();
        return;
      }
      if (outcome !== 'cancel' && this.stateNow === 'closed') this.record(outcome === 'failure');
    };
    return {
      succeeded: () => settle('success'),
      failed: () => settle('failure'),
      cancelled: () => settle('cancel'),
    };
  }

  private record(failed: boolean): void {
    const now = this.now();
    const bucketMs = this.windowMs / BUCKETS;
    let last = this.buckets.at(-1);
    if (!last || now - last.start >= bucketMs) {
      last = { start: now, total: 0, failures: 0 };
      this.buckets.push(last);
    }
    last.total += 1;
    if (failed) last.failures += 1;
    const { total, failures } = this.counts();
    if (failed && total >= this.minimumRequests && failures / total >= this.failureRatio) this.open();
  }

  private trim(): void {
    const oldest = this.now() - this.windowMs;
    while (this.buckets.length > 0 && (this.buckets[0] as Bucket).start + this.windowMs / BUCKETS <= oldest) {
      this.buckets.shift();
    }
  }

  private open(): void {
    this.stateNow = 'open';
    this.openedAt = this.now();
    this.buckets.length = 0;
    this.transition('open');
  }

  private close(): void {
    this.stateNow = 'closed';
    this.buckets.length = 0;
    this.transition('closed');
  }

  private transition(state: CircuitState): void {
    this.options.onStateChange?.(this.origin, state);
  }
}

/** Reports the outcome of one admitted request. */
export interface CircuitTicket {
  succeeded(): void;
  failed(): void;
  /** The caller gave up (aborted): says nothing about WordPress's health. */
  cancelled(): void;
}
