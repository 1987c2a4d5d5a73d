import type { RestQuery, WordPressClient } from '../wordpress/client.ts';

/** One upstream GET as the ledger saw it. */
export interface UpstreamCall {
  /** `GET /wp/v2/posts?_fields=id,title&per_page=10` (the REST route and query, not the host). */
  request: string;
  /** The gateway's code for a failed request (`UPSTREAM_TIMEOUT`, `NOT_FOUND`…); absent when it succeeded. */
  error?: string;
  ms: number;
  /** Which sequential round trip it belonged to (1 = sent first). */
  roundTrip: number;
}

/**
 * Counts what one GraphQL request asked of WordPress: requests, sequential round trips, time spent waiting, and
 * entity-cache hits. Round trips are the longest chain of requests each sent after the previous one answered:
 * a request's round trip is one more than the highest of those already finished when it was sent, so requests
 * sent together (one batch per collection) share one.
 */
export class UpstreamLedger {
  requests = 0;
  roundTrips = 0;
  readonly entity = { hits: 0, misses: 0 };
  readonly lists = { hits: 0, misses: 0 };
  /** When the request's context was built (performance.now()): the start of the gateway's own work on it. */
  readonly startedAt = performance.now();
  private readonly log: { route: string; query: RestQuery | undefined; ms: number; roundTrip: number; error?: string }[] = [];
  private finishedLevel = 0;
  private inFlight = 0;
  private busySince = 0;
  private busyMs = 0;

  /** Wall-clock milliseconds during which at least one request to WordPress was in flight. */
  get ms(): number {
    return this.busyMs + (this.inFlight > 0 ? performance.now() - this.busySince : 0);
  }

  /** Each GET, in the order they finished (described only when asked: most requests never are). */
  get calls(): UpstreamCall[] {
    return this.log.map(({ route, query, ms, roundTrip, error }) => ({
      request: describe(route, query),
      ...(error ? { error } : {}),
      ms: Math.round(ms * 10) / 10,
      roundTrip,
    }));
  }

  /**
   * The client as this request sees it: the same object for everything but `get`, which is counted and given
   * this request's place in the upstream queue. (Through
   * the prototype, so the shared client's connection state stays the shared one.)
   */
  watch(client: WordPressClient): WordPressClient {
    // Every call of this request queues behind those of older requests (src/wordpress/upstream-limiter.ts).
    const get: WordPressClient['get'] = (route, query, options) =>
      this.track(route, query, () => client.get(route, query, { ...options, priority: this.startedAt }));
    return Object.create(client, { get: { value: get } }) as WordPressClient;
  }

  private async track<T>(route: string, query: RestQuery | undefined, send: () => Promise<T>): Promise<T> {
    const level = this.finishedLevel + 1;
    const started = performance.now();
    if (this.inFlight++ === 0) this.busySince = started;
    this.requests++;
    this.roundTrips = Math.max(this.roundTrips, level);
    let error: string | undefined;
    try {
      return await send();
    } catch (failure) {
      error = String((failure as { code?: unknown }).code ?? 'ERROR');
      throw failure;
    } finally {
      const ended = performance.now();
      if (--this.inFlight === 0) this.busyMs += ended - this.busySince;
      this.finishedLevel = Math.max(this.finishedLevel, level);
      this.log.push({ route, query, ms: ended - started, roundTrip: level, ...(error ? { error } : {}) });
    }
  }
}

function describe(route: string, query: RestQuery | undefined): string {
  const params = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`);
  return `GET ${route}${params.length ? `?${params.join('&')}` : ''}`;
}
