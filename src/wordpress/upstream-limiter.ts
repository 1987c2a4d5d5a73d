/**
 * How many requests WordPress is asked to serve at once, and the queue in front of it.
 *
 * WordPress's capacity is its PHP workers (Apache prefork children, php-fpm children): 2–8 on a managed host.
 * Every request beyond them waits in the web server's backlog, where it can neither be prioritised nor shed,
 * and (prefork with keep-alive) an open connection pins a worker even while idle. So the gateway keeps the
 * waiting on its own side: at most `limit` requests in flight, the rest in a queue ordered by the GraphQL
 * request they belong to (the oldest first, so pages already started finish before new ones begin), and a
 * request that could not be served before its deadline is refused at once (`UpstreamOverloadedError`) rather
 * than timing out late.
 *
 * The limit adapts by AIMD, as TCP does: it grows by 1/limit per success up to the configured ceiling and
 * shrinks to 3/4 (at most once per service time) while signs of overload — 429, 502, 503, 504, a timeout or a
 * refused connection — are half or more of recent outcomes (a moving average over ~50). A single
 * failure among successes is a broken request, not congestion: reacting to each one collapsed the limit to 1
 * under the load test's 5 % injected faults and turned a healthy queue into UPSTREAM_OVERLOADED for everyone. A latency gradient (Netflix's concurrency-limits, Envoy's adaptive concurrency)
 * was considered and not chosen: a REST request's cost at WordPress varies 10–20× with its route and page size
 * (one user by id vs 100 posts with their content), so round-trip time is not a congestion signal there, and
 * the ceiling, which the operator sets from the host's worker count, is the bound that matters.
 *
 * Hand-written rather than taken from `p-queue`/`bottleneck`: neither orders by a priority that is a
 * timestamp, sheds by estimated wait, or adapts its concurrency; this is a small heap and two counters.
 */

/** Thrown (through the request) when the queue is full or the wait would outlast the request's deadline. */
export class UpstreamOverloadedError extends Error {
  override readonly name = 'UpstreamOverloadedError';
  readonly code = 'GATEWAY_UPSTREAM_OVERLOADED';
  constructor(
    /** When asking again is likely to be served: the estimated time for the queue to drain. */
    readonly retryAfterMs: number,
    reason: string,
  ) {
    super(reason);
  }
}

export interface UpstreamLimiterOptions {
  /**
   * Most requests in flight (the ceiling of the adaptive limit). Set it at or below the site's PHP workers.
   * @default 6
   */
  concurrency?: number;
  /**
   * Most requests waiting; one more is refused.
   * @default 1024
   */
  queue?: number;
  /**
   * Lower the limit on overload signs and raise it back on successes; `false` keeps it at `concurrency`.
   * @default true
   */
  adaptive?: boolean;
  /** The clock (ms); tests pass a fake one. @default performance.now */
  now?: () => number;
}

/** What a queued request carries: its place in the order and its deadline. */
export interface QueueTicket {
  /**
   * Smaller goes first: the start time (performance.now()) of the GraphQL request it belongs to, so the calls of
   * the oldest page view are sent before those of newer ones. Calls of no GraphQL request use their own arrival.
   */
  priority?: number;
  /** performance.now() by which the answer is needed; a wait estimated past it is refused at once. */
  deadline?: number;
}

/** How one request that held a slot ended, for the adaptive limit. */
export type SlotOutcome = 'success' | 'overload' | 'other-failure' | 'cancelled';

/** Gives a slot back, with how the request went. Idempotent. */
export type ReleaseSlot = (outcome: SlotOutcome) => void;

interface Waiting {
  priority: number;
  seq: number;
  enqueuedAt: number;
  start: (release: ReleaseSlot, waitedMs: number) => void;
}

/** Numbers for metrics and tests. */
export interface LimiterStats {
  inFlight: number;
  queued: number;
  /** The current (adaptive) limit, whole requests. */
  limit: number;
  /** Most requests ever in flight at once. */
  peakInFlight: number;
  /** Requests refused with UpstreamOverloadedError. */
  shed: number;
}

/** Weight of the newest outcome in the overload average: ~50 outcomes of memory. */
const PRESSURE_ALPHA = 0.02;
/**
 * The share of overload signs among recent outcomes at which the limit shrinks: half. Failures cluster (each
 * failed GET is retried twice, every retry an outcome; a broken page fails all its calls at once), so a lower
 * bar mistook the load test's 5 % injected faults for congestion.
 */
const OVERLOADED = 0.5;

export class UpstreamLimiter {
  readonly ceiling: number;
  private readonly maxQueue: number;
  private readonly adaptive: boolean;
  private readonly now: () => number;
  private window: number;
  private inFlight = 0;
  private peak = 0;
  private shedCount = 0;
  private seq = 0;
  private readonly heap: Waiting[] = [];
  private lastDecrease = Number.NEGATIVE_INFINITY;
  /** Moving average of overload signs among recent outcomes (1 = every one), for the adaptive limit. */
  private pressure = 0;
  /** Moving average of how long a slot is held (ms), for wait estimates; starts at a typical PHP request. */
  private serviceMs = 50;
  /** Told the queue wait of every request that got a slot (metrics). */
  onWait: ((ms: number) => void) | undefined;
  /** Told each request refused with UpstreamOverloadedError (metrics). */
  onShed: (() => void) | undefined;

  constructor(options: UpstreamLimiterOptions = {}) {
    this.ceiling = options.concurrency ?? 6;
    if (!Number.isInteger(this.ceiling) || this.ceiling < 1)
      throw new RangeError(`concurrency must be a whole number ≥ 1, got ${this.ceiling}`);
    this.maxQueue = options.queue ?? 1024;
    this.adaptive = options.adaptive ?? true;
    this.now = options.now ?? (() => performance.now());
    this.window = this.ceiling;
  }

  /** The whole-request limit now in force. */
  get limit(): number {
    return Math.max(1, Math.floor(this.window));
  }

  get stats(): LimiterStats {
    return { inFlight: this.inFlight, queued: this.heap.length, limit: this.limit, peakInFlight: this.peak, shed: this.shedCount };
  }

  /**
   * Asks for a slot. `start` is called (synchronously when a slot is free, else later) with the release function;
   * or the request is refused with an UpstreamOverloadedError. Returns a function that withdraws a request still
   * waiting (its caller gave up); it returns false when the request had already started.
   */
  schedule(ticket: QueueTicket, start: (release: ReleaseSlot, waitedMs: number) => void): UpstreamOverloadedError | (() => boolean) {
    const now = this.now();
    if (this.inFlight < this.limit && this.heap.length === 0) {
      this.begin(start, 0);
      return () => false;
    }
    const priority = ticket.priority ?? now;
    const ahead = this.heap.length === 0 ? 0 : this.countAhead(priority);
    const estimate = this.estimatedWait(ahead);
    if (this.heap.length >= this.maxQueue) {
      this.shedCount++;
      this.onShed?.();
      return new UpstreamOverloadedError(estimate, `${this.heap.length} requests to WordPress are already waiting (the most allowed)`);
    }
    if (ticket.deadline !== undefined && now + estimate > ticket.deadline) {
      this.shedCount++;
      this.onShed?.();
      return new UpstreamOverloadedError(
        estimate,
        `WordPress is busy: the wait (about ${Math.ceil(estimate)} ms) would outlast the request's deadline`,
      );
    }
    const waiting: Waiting = { priority, seq: this.seq++, enqueuedAt: now, start };
    this.push(waiting);
    return () => this.remove(waiting);
  }

  /** Estimated wait for a request with `ahead` requests before it. */
  estimatedWait(ahead: number): number {
    return Math.ceil((ahead + 1) / this.limit) * this.serviceMs;
  }

  private begin(start: Waiting['start'], waitedMs: number): void {
    this.inFlight++;
    if (this.inFlight > this.peak) this.peak = this.inFlight;
    const startedAt = this.now();
    let released = false;
    const release: ReleaseSlot = (outcome) => {
      if (released) return;
      released = true;
      this.inFlight--;
      this.settle(outcome, this.now() - startedAt);
      this.drain();
    };
    this.onWait?.(waitedMs);
    start(release, waitedMs);
  }

  private settle(outcome: SlotOutcome, heldMs: number): void {
    if (outcome === 'cancelled') return;
    // Slots held by requests that failed (a hang until the deadline) would make every wait estimate a timeout.
    if (outcome === 'success') this.serviceMs += (heldMs - this.serviceMs) * 0.1;
    if (!this.adaptive) return;
    this.pressure += ((outcome === 'overload' ? 1 : 0) - this.pressure) * PRESSURE_ALPHA;
    if (this.pressure >= OVERLOADED) {
      const now = this.now();
      // One decrease per service time: a burst of failures from one overload episode counts once.
      if (now - this.lastDecrease >= this.serviceMs) {
        this.window = Math.max(1, this.window * 0.75);
        this.lastDecrease = now;
      }
    } else if (outcome === 'success') {
      this.window = Math.min(this.ceiling, this.window + 1 / this.window);
    }
  }

  private drain(): void {
    while (this.inFlight < this.limit && this.heap.length > 0) {
      const next = this.pop() as Waiting;
      this.begin(next.start, this.now() - next.enqueuedAt);
    }
  }

  private countAhead(priority: number): number {
    let ahead = 0;
    for (const w of this.heap) if (w.priority <= priority) ahead++;
    return ahead;
  }

  // A binary min-heap on (priority, seq): equal priorities keep arrival order.
  private before(a: Waiting, b: Waiting): boolean {
    return a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq);
  }

  private push(item: Waiting): void {
    const heap = this.heap;
    heap.push(item);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i] as Waiting, heap[parent] as Waiting)) break;
      [heap[i], heap[parent]] = [heap[parent] as Waiting, heap[i] as Waiting];
      i = parent;
    }
  }

  private pop(): Waiting | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private siftDown(from: number): void {
    const heap = this.heap;
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let smallest = i;
      if (l < heap.length && this.before(heap[l] as Waiting, heap[smallest] as Waiting)) smallest = l;
      if (r < heap.length && this.before(heap[r] as Waiting, heap[smallest] as Waiting)) smallest = r;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest] as Waiting, heap[i] as Waiting];
      i = smallest;
    }
  }

  private remove(item: Waiting): boolean {
    const index = this.heap.indexOf(item);
    if (index < 0) return false;
    const last = this.heap.pop() as Waiting;
    if (index < this.heap.length) {
      this.heap[index] = last;
      // The moved item may belong above or below its new place.
      this.siftDown(index);
      let i = index;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.before(this.heap[i] as Waiting, this.heap[parent] as Waiting)) break;
        [this.heap[i], this.heap[parent]] = [this.heap[parent] as Waiting, this.heap[i] as Waiting];
        i = parent;
      }
    }
    return true;
  }
}
