/**
 * The undici dispatcher every request to WordPress goes through. Listed from the caller inwards (undici's
 * `compose()` takes them the other way round, innermost first):
 *
 *     request() ──▶ de-duplication ──▶ upstream policy (circuit breaker; per-request retry rules)
 *               ──▶ undici retry ──▶ limit (at most N in flight, the rest queued) ──▶ Agent (N sockets) ──▶ WordPress
 *
 * - De-duplication is outermost, so identical anonymous GETs in flight together take one slot, not several.
 * - The breaker sits outside the retries, so it counts one outcome per logical request and an open circuit is
 *   never retried. Timeouts are not retried: a WordPress too slow to answer once will not be faster when asked
 *   three times, and asking again is exactly the amplification a struggling site does not need.
 * - The limit sits inside the retries, next to the sockets: every attempt (a retry too) waits for a slot, a
 *   back-off holds none, and "in flight" is exactly what WordPress is serving (upstream-limiter.ts).
 * - The Agent holds as many sockets as the limit allows and closes one idle for `keepAliveMs` (1 s): a
 *   prefork server pins a worker to each open connection until its own keep-alive timeout (Apache: 5 s), so
 *   sockets parked on our side are workers taken from everyone else.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, DecoratorHandler, interceptors, type Dispatcher } from 'undici';
import { CircuitBreaker, type CircuitBreakerOptions, CircuitOpenError, type CircuitTicket } from './circuit-breaker.ts';
import {
  type QueueTicket,
  type SlotOutcome,
  UpstreamLimiter,
  type UpstreamLimiterOptions,
  UpstreamOverloadedError,
} from './upstream-limiter.ts';

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

export interface UpstreamDispatcherOptions {
  retry?: RetryOptions;
  /** `false` turns the breaker off. */
  circuitBreaker?: CircuitBreakerOptions | false;
  /**
   * Requests in flight at once and the queue behind them (upstream-limiter.ts); the Agent keeps as many
   * sockets as `concurrency`.
   * @default { concurrency: 6, queue: 1024, adaptive: true }
   */
  limit?: UpstreamLimiterOptions;
  /**
   * How long a socket may sit idle before it is closed: shorter than the server's own keep-alive timeout
   * (Apache's 5 s, nginx's 75 s), so WordPress never holds a worker for a connection we are not using.
   * @default 1_000
   */
  keepAliveMs?: number;
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
  /** The concurrency limit and queue (one per dispatcher: a gateway talks to one WordPress). */
  limiter: UpstreamLimiter;
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
  onResponseEnd(controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void;
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
    // The caller giving up, or the gateway's own queue refusing the request, says nothing about WordPress's health:
    // counting a shed as a failure would let a busy queue open the circuit and fail everything.
    if ((error as { name?: string }).name === 'AbortError' || error instanceof UpstreamOverloadedError) this.ticket?.cancelled();
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

/** Statuses that say WordPress (or what stands in front of it) has more than it can serve. */
const OVERLOAD_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);
/**
 * Transport failures that say the same: no worker took the connection, or the wait ran out. A reset is not
 * among them: it is what a crashed PHP process or a proxy's idle cut looks like too.
 */
const OVERLOAD_ERROR_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT']);

/** How a request that held a slot ended, from its status or its error, for the adaptive limit. */
function outcomeOf(status: number | undefined, error: Error | undefined): SlotOutcome {
  if (status !== undefined) return OVERLOAD_STATUSES.has(status) ? 'overload' : status >= 500 ? 'other-failure' : 'success';
  const failure = error as (Error & { code?: string }) | undefined;
  if (failure?.name === 'AbortError' || failure?.name === 'TimeoutError') return 'cancelled';
  return OVERLOAD_ERROR_CODES.has(failure?.code ?? '') ? 'overload' : 'other-failure';
}

/** Wraps a request's handler to give its slot back when the answer ends or fails. */
class SlotHandler extends Decorator {
  private status: number | undefined;
  constructor(
    handler: Dispatcher.DispatchHandler,
    private readonly release: (outcome: SlotOutcome) => void,
  ) {
    super(handler);
  }

  override onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: IncomingHttpHeaders,
    statusMessage?: string,
  ): void {
    this.status = statusCode;
    super.onResponseStart(controller, statusCode, headers, statusMessage);
  }

  override onResponseEnd(controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void {
    this.release(outcomeOf(this.status, undefined));
    super.onResponseEnd(controller, trailers);
  }

  override onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    // The retry interceptor aborts a 503 it will ask again: the status, seen first, says what happened.
    this.release(outcomeOf(this.status, error));
    super.onResponseError(controller, error);
  }
}

/**
 * The dispatch option the client sets on each request: its place in the queue and its deadline
 * (upstream-limiter.ts `QueueTicket`). undici passes unknown options through its interceptors untouched.
 */
export interface QueuedDispatchOptions extends Dispatcher.DispatchOptions {
  upstreamQueue?: QueueTicket;
}

/**
 * The limit as an undici interceptor: each request waits for a slot of the limiter, is refused with
 * UpstreamOverloadedError when the limiter sheds it, or is withdrawn from the queue when its caller's signal
 * aborts (the call's deadline, which so counts the time spent queued).
 */
function limitInterceptor(limiter: UpstreamLimiter): Dispatcher.DispatcherComposeInterceptor {
  // undici's retry handler dispatches each attempt with itself as the handler: one seen before is a retry.
  const attempted = new WeakSet<object>();
  return (dispatch) => (opts, handler) => {
    const retry = attempted.has(handler);
    attempted.add(handler);
    const ticket = (opts as QueuedDispatchOptions).upstreamQueue ?? {};
    const signal = (opts as { signal?: unknown }).signal as AbortSignal | undefined;
    let started = false;
    const onAbort = () => {
      if (withdraw()) new Decorator(handler).onResponseError(NOT_SENT, signal?.reason ?? new Error('aborted'));
    };
    // A retry continues work already admitted: it is not refused for its estimated wait (its own deadline still
    // ends it), so its answer is the failure that caused it or a success, not a shed.
    const scheduled = limiter.schedule(retry ? { priority: ticket.priority } : ticket, (release) => {
      started = true;
      signal?.removeEventListener?.('abort', onAbort);
      try {
        dispatch(opts, new SlotHandler(handler, release));
      } catch (error) {
        release('other-failure');
        new Decorator(handler).onResponseError(NOT_SENT, error as Error);
      }
    });
    if (scheduled instanceof UpstreamOverloadedError) {
      new Decorator(handler).onResponseError(NOT_SENT, scheduled);
      return true;
    }
    const withdraw = scheduled;
    if (!started && typeof signal?.addEventListener === 'function') signal.addEventListener('abort', onAbort, { once: true });
    return true;
  };
}

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
  const limiter = new UpstreamLimiter(options.limit);
  const keepAliveMs = options.keepAliveMs ?? 1_000;
  const agent = new Agent({
    // Both bounds: undici otherwise follows the server's `Keep-Alive: timeout=` hint (less 2 s) up to the max.
    keepAliveTimeout: keepAliveMs,
    keepAliveMaxTimeout: keepAliveMs,
    connections: limiter.ceiling,
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
    limitInterceptor(limiter),
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
  return { dispatcher, agent, circuitFor, limiter, close: () => dispatcher.close() };
}
