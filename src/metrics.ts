import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { UpstreamRequestInfo } from './wordpress/client.ts';
import type { UpstreamLimiter } from './wordpress/upstream-limiter.ts';

/**
 * The gateway's own Prometheus metrics (the GraphQL request metrics come from Yoga's prometheus plugin, on the
 * same registry). One registry per gateway instance, so tests and several instances in one process do not
 * collide on metric names.
 */
export interface GatewayMetrics {
  registry: Registry;
  /** `wpgql_upstream_requests_total{collection,status}` */
  upstreamRequests: Counter<'collection' | 'status'>;
  /** `wpgql_upstream_request_duration_seconds{collection}` */
  upstreamDuration: Histogram<'collection'>;
  /** `wpgql_loader_batch_size{collection}`: ids per `include=` batch, the measure of batching at work. */
  loaderBatchSize: Histogram<'collection'>;
  /** `wpgql_cache_events_total{cache,result}`: `cache` is `response` or `entity`, `result` is `hit` or `miss`. */
  cacheEvents: Counter<'cache' | 'result'>;
  /** Records one request to WordPress (the client's `onRequest` hook). */
  observeUpstream(info: UpstreamRequestInfo): void;
  /**
   * Exposes the upstream queue: `wpgql_upstream_in_flight`, `wpgql_upstream_queue_length`,
   * `wpgql_upstream_concurrency_limit` (gauges read at scrape time), `wpgql_upstream_queue_wait_seconds`
   * (histogram, every request that got a slot) and `wpgql_upstream_shed_total`.
   */
  watchLimiter(limiter: UpstreamLimiter): void;
}

/** `/wp/v2/posts/12` → `posts`; the REST index → `index`. */
export function collectionOf(route: string): string {
  if (route === '/' || route === '') return 'index';
  const match = /^\/wp\/v2\/([a-z-]+)/.exec(route);
  return match?.[1] ?? 'other';
}

/** Creates the registry with process metrics (memory, CPU, event loop lag) and the gateway's own. */
export function createMetrics(): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const upstreamRequests = new Counter({
    name: 'wpgql_upstream_requests_total',
    help: 'Requests sent to WordPress, by REST collection and HTTP status (0: no answer)',
    labelNames: ['collection', 'status'] as const,
    registers: [registry],
  });
  const upstreamDuration = new Histogram({
    name: 'wpgql_upstream_request_duration_seconds',
    help: 'Time WordPress took to answer, by REST collection',
    labelNames: ['collection'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const loaderBatchSize = new Histogram({
    name: 'wpgql_loader_batch_size',
    help: 'Record ids asked for in one include= batch, by REST collection',
    labelNames: ['collection'] as const,
    buckets: [1, 2, 5, 10, 20, 50, 100],
    registers: [registry],
  });
  const cacheEvents = new Counter({
    name: 'wpgql_cache_events_total',
    help: 'Response and entity cache lookups, by result',
    labelNames: ['cache', 'result'] as const,
    registers: [registry],
  });
  const queueWait = new Histogram({
    name: 'wpgql_upstream_queue_wait_seconds',
    help: "Time a request to WordPress waited in the gateway's queue for a slot",
    buckets: [0, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return {
    registry,
    upstreamRequests,
    upstreamDuration,
    loaderBatchSize,
    cacheEvents,
    observeUpstream(info) {
      // Discovery reads collections' schemas (`?_method=OPTIONS`, src/discovery/discover.ts): not record reads.
      const collection = info.query._method === 'OPTIONS' ? 'schema' : collectionOf(info.route);
      upstreamRequests.inc({ collection, status: String(info.status ?? 0) });
      upstreamDuration.observe({ collection }, info.ms / 1000);
      const include = info.query.include;
      if (Array.isArray(include)) loaderBatchSize.observe({ collection }, include.length);
    },
    watchLimiter(limiter) {
      limiter.onWait = (ms) => queueWait.observe(ms / 1000);
      const gauge = (name: string, help: string, read: () => number) =>
        new Gauge({
          name,
          help,
          registers: [registry],
          collect() {
            this.set(read());
          },
        });
      gauge('wpgql_upstream_in_flight', 'Requests to WordPress in flight now', () => limiter.stats.inFlight);
      gauge('wpgql_upstream_queue_length', 'Requests to WordPress waiting for a slot now', () => limiter.stats.queued);
      gauge('wpgql_upstream_concurrency_limit', 'The adaptive limit of requests to WordPress in flight', () => limiter.stats.limit);
      const shed = new Counter({
        name: 'wpgql_upstream_shed_total',
        help: 'Requests to WordPress refused with UPSTREAM_OVERLOADED (queue full or wait past the deadline)',
        registers: [registry],
      });
      limiter.onShed = () => shed.inc();
    },
  };
}
