/**
 * The undici dispatcher every request to WordPress goes through: a keep-alive Agent, undici's `retry`
 * interceptor for idempotent GETs (with jittered back-off), and a circuit breaker per origin that fails fast
 * while WordPress is down and lets one probe through now and then to see whether it is back.
 *
 *     request() ──▶ upstream policy (breaker; per-request retry rules) ──▶ undici retry ──▶ Agent ──▶ WordPress
 *
 * The breaker sits outside the retries, so it counts one outcome per logical request and an open circuit is
 * never retried. Timeouts are not retried: a WordPress too slow to answer once will not be faster when asked
 * three times, and asking again is exactly the amplification a struggling site does not need.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, DecoratorHandler, interceptors, type Dispatcher } from 'undici';

/** When a failed GET is asked again. */
export interface RetryOptions {
  /**
   * Retries after the first attempt (so `2` means at most three requests).
   * @default 2
   */
  retries?: number;
  /**
   * The back-off before the first retry, doubled each time, before jitter.
   * @default 100
   */
  baseDelayMs?: number;
  /**
   * The longest back-off, and the longest `Retry-After` honoured: a WordPress asking for more than this is not
   * retried at all, its answer goes to the client (`UPSTREAM_RATE_LIMITED` with `retryAfterSeconds`).
   * @default 2_000
   */
  maxDelayMs?: number;
  /** A source of randomness in [0, 1) for the jitter; tests pin it. @default Math.random */
  random?: () => number;
}

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

export interface UpstreamDispatcherOptions {
  retry?: RetryOptions;
  /** `false` turns the breaker off. */
  circuitBreaker?: CircuitBreakerOptions | false;
  /**
   * Most sockets per origin. PHP-FPM pools are small; more parallel requests than workers only queue there.
   * @default 64
   */
  connections?: number;
  /**
   * Passed to undici's connector: tests use `lookup` to simulate DNS failures without any DNS traffic.
   */
  connect?: Agent.Options['connect'];
  /**
   * Largest response undici reads before dropping the socket (the client also caps what it reads).
   * @default 20 MiB
   */
  maxResponseSize?: number;
}

/** What `createUpstreamDispatcher` returns: the dispatcher to send through and handles for tests and metrics. */
export interface UpstreamDispatcher {
  /** Hand this to `WordPressClient` (`dispatcher` option) or to undici's `request`. */
  dispatcher: Dispatcher;
  /** The Agent underneath, for its `stats` (open sockets per origin). */
  agent: Agent;
  /** The breaker of an origin (`http://127.0.0.1:8080`), created on first use; undefined when turned off. */
  circuitFor(origin: string): CircuitBreaker | undefined;
  /** Closes every socket; pending requests finish first. */
  close(): Promise<void>;
}

/** Statuses worth asking again: WordPress (or PHP-FPM, or the proxy in front) failing for a moment. */
const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/**
 * Transport errors worth asking again: the connection failed before any answer came. Timeouts
 * (`UND_ERR_HEADERS_TIMEOUT`, `UND_ERR_BODY_TIMEOUT`, `UND_ERR_CONNECT_TIMEOUT`) are left out on purpose.
 */
const RETRY_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

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

/**
 * `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable.
 */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || raw.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(raw)) return Number(raw) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The back-off before retry number `attempt` (1-based): "full jitter", a uniform pick between 0 and the
 * exponential ceiling, so gateways that all saw the same failure do not all come back at the same instant.
 */
export function backoffMs(attempt: number, options: Required<Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>>): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(options.random() * ceiling);
}

type RetryCallback = (err?: Error | null) => void;
type RetryFunction = (
  err: Error,
  context: { state: { counter: number }; opts: Dispatcher.DispatchOptions },
  callback: RetryCallback,
) => void;

/**
 * undici's retry decision for one request. `headersDelivered()` says whether the caller has already seen this
 * request's response headers: undici would then try to resume the body with a `Range` request, which WordPress's
 * REST API does not honour, so a body cut short is not retried but reported.
 */
function retryDecision(options: Required<RetryOptions>, headersDelivered: () => boolean): RetryFunction {
  return (err, { state, opts }, callback) => {
    const failure = err as Error & { code?: string; statusCode?: number; headers?: Record<string, string | string[] | undefined> };
    const method = (opts.method ?? 'GET').toUpperCase();
    if ((method !== 'GET' && method !== 'HEAD') || state.counter > options.retries || headersDelivered()) {
      callback(err);
      return;
    }
    let delay: number | undefined;
    if (failure.code === 'UND_ERR_REQ_RETRY' && failure.statusCode !== undefined) {
      if (!RETRY_STATUSES.has(failure.statusCode)) {
        callback(err);
        return;
      }
      const advised = retryAfterMs(failure.headers?.['retry-after']);
      // A 429 without advice, or advice longer than we are willing to wait: the client is told instead.
      if ((failure.statusCode === 429 && advised === undefined) || (advised !== undefined && advised > options.maxDelayMs)) {
        callback(err);
        return;
      }
      delay = advised;
    } else if (!RETRY_ERROR_CODES.has(failure.code ?? '')) {
      callback(err);
      return;
    }
    setTimeout(() => callback(null), delay ?? backoffMs(state.counter, options));
  };
}

/**
 * undici's own interceptors (dump, dns, cache) wrap handlers with DecoratorHandler, which also adapts the
 * callback-style handler that `request()` passes in; its published typings omit the methods, so name them here.
 */
interface Decorated {
  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void;
  onResponseError(controller: Dispatcher.DispatchController, error: Error): void;
}
const Decorator = DecoratorHandler as unknown as new (handler: Dispatcher.DispatchHandler) => Decorated;

/**
 * Wraps the caller's handler to see the outcome the breaker needs: the status when headers arrive (5xx is a
 * failure, anything else a success), or the error (a caller's abort is neither).
 */
class OutcomeHandler extends Decorator {
  headersDelivered = false;
  constructor(
    handler: Dispatcher.DispatchHandler,
    private readonly ticket: CircuitTicket | undefined,
  ) {
    super(handler);
  }

  override onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    this.headersDelivered = true;
    if (statusCode >= 500) this.ticket?.failed();
    else this.ticket?.succeeded();
    super.onResponseStart(controller, statusCode, headers, statusMessage);
  }

  override onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    if ((error as { name?: string }).name === 'AbortError') this.ticket?.cancelled();
    else this.ticket?.failed();
    super.onResponseError(controller, error);
  }
}

/** A controller for a request that was never sent (the circuit refused it). */
const NOT_SENT: Dispatcher.DispatchController = {
  abort() {},
  pause() {},
  resume() {},
  get aborted() {
    return false;
  },
  get paused() {
    return false;
  },
  get reason() {
    return null;
  },
  rawHeaders: [],
  rawTrailers: [],
} as unknown as Dispatcher.DispatchController;

/**
 * Builds the dispatcher described at the top of this file.
 */
export function createUpstreamDispatcher(options: UpstreamDispatcherOptions = {}): UpstreamDispatcher {
  const retry: Required<RetryOptions> = {
    retries: options.retry?.retries ?? 2,
    baseDelayMs: options.retry?.baseDelayMs ?? 100,
    maxDelayMs: options.retry?.maxDelayMs ?? 2_000,
    random: options.retry?.random ?? Math.random,
  };
  const agent = new Agent({
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 60_000,
    connections: options.connections ?? 64,
    maxResponseSize: options.maxResponseSize ?? 20 * 1024 * 1024,
    ...(options.connect ? { connect: options.connect } : {}),
  });
  const breakerOptions = options.circuitBreaker;
  const breakers = new Map<string, CircuitBreaker>();
  const circuitFor = (origin: string): CircuitBreaker | undefined => {
    if (breakerOptions === false) return undefined;
    let breaker = breakers.get(origin);
    if (!breaker) {
      breaker = new CircuitBreaker(origin, breakerOptions);
      breakers.set(origin, breaker);
    }
    return breaker;
  };

  // Outermost: admits the request through the breaker, then hands undici's retry interceptor (next in the chain)
  // a retry decision that knows whether this request's headers already went to the caller.
  const policy: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
    const origin = typeof opts.origin === 'string' ? opts.origin : (opts.origin?.origin ?? '');
    const breaker = circuitFor(new URL(origin).origin);
    const admitted = breaker?.admit();
    if (admitted instanceof CircuitOpenError) {
      new Decorator(handler).onResponseError(NOT_SENT, admitted);
      return true;
    }
    const outcome = new OutcomeHandler(handler, admitted);
    const retryOptions = { retry: retryDecision(retry, () => outcome.headersDelivered) };
    return dispatch({ ...opts, retryOptions } as Dispatcher.DispatchOptions, outcome);
  };

  // compose() applies interceptors in order, each wrapping the previous: the last listed is the outermost.
  const dispatcher = agent.compose(
    interceptors.retry({
      maxRetries: retry.retries,
      methods: ['GET', 'HEAD'],
      statusCodes: [...RETRY_STATUSES],
      errorCodes: [...RETRY_ERROR_CODES],
      // The last answer (a 503 with WordPress's error body, a 429 with Retry-After) goes to the client as a
      // response, rather than as undici's generic RequestRetryError.
      throwOnError: false,
    }),
    policy,
    // Outermost: identical GETs in flight at the same moment (concurrent anonymous GraphQL requests asking for
    // the same page) share one upstream request. Requests carrying credentials are never shared.
    interceptors.deduplicate({ methods: ['GET'], skipHeaderNames: ['authorization'] }),
  );
  return { dispatcher, agent, circuitFor, close: () => dispatcher.close() };
}
