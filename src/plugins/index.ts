import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';
import { schema } from '../schema/index.ts';
import type { GatewayYogaOptions } from '../yoga.ts';
import { useCsrfPrevention } from './browser-requests.ts';
import { useExecutionJit } from './use-execution-jit.ts';
import { useFieldPlan } from './use-field-plan.ts';
import { useInputErrorCodes } from './use-input-error-codes.ts';
import { useIntrospectionSetting } from './use-introspection-setting.ts';
import { useQueryLimits } from './use-query-limits.ts';
import { useCachePurge } from './use-cache-purge.ts';
import { usePersistedQueries } from './use-persisted-queries.ts';
import { useReadiness } from './use-readiness.ts';
import { useReferenceCollections } from './use-reference-collections.ts';
import { useGatewayResponseCache } from './use-response-cache.ts';
import { useMetrics } from './use-metrics.ts';
import { useRequestLog } from './use-request-log.ts';
import { useUpstreamDebug } from './use-upstream-debug.ts';

/**
 * The Yoga/envelop plugins of the gateway, in order. Each lives in its own file named for what it does; the
 * order matters where one short-circuits the next (limits before anything that could reach WordPress, the
 * response cache before execution).
 */
export function gatewayPlugins(options: GatewayYogaOptions): Plugin<GatewayContext>[] {
  void options;
  return [
    // --- limits and request hygiene (reliability & security) ---
    // First, so nothing after them runs for a refused request. CORS is Yoga's `cors` option (src/yoga.ts).
    useCsrfPrevention(),
    useIntrospectionSetting(options.config.introspection),
    useQueryLimits(options.config),
    useInputErrorCodes(),
    // --- caching (response cache, persisted queries) ---
    // Persisted queries first: the response cache keys on the document they resolve. Stores: src/cache/.
    usePersistedQueries(options.caches.persistedQueries),
    // Before the response cache: the cache's miss path runs whichever executor is set when it wraps it.
    ...(options.config.executionJit ? [useExecutionJit()] : []),
    useGatewayResponseCache({
      store: options.caches.responses,
      ttlMs: options.config.cacheTtlMs,
      ttlPerType: options.cacheTtlPerType ?? options.config.cacheTtlPerType,
      staleIfErrorMs: options.config.staleIfErrorMs,
      now: options.caches.now,
      schemaTag: () => options.live?.current().tag ?? '',
    }),
    useCachePurge({
      secret: options.config.purgeSecret,
      responses: options.caches.responses,
      entities: options.caches.entities,
      log: options.log,
      discovered: () => options.live?.kinds() ?? [],
    }),
    useReadiness(
      () => options.caches.status(),
      () => options.live?.status(),
    ),
    useReferenceCollections({
      client: options.client,
      entityCache: options.entityCache,
      max: options.config.referenceCollectionsMax,
      intervalMs: options.config.entityCacheTtlMs,
      schema: () => options.live?.current().schema ?? schema,
      log: options.log,
    }),
    // --- execution ---
    useFieldPlan(),
    // --- observability (logs, metrics, upstream debug) ---
    useRequestLog(options.log) as Plugin<GatewayContext>,
    ...useMetrics(options.metrics),
    // Last: it reports on the answer as sent, after the response cache stored it (so the report is never cached).
    useUpstreamDebug({ always: options.config.debugUpstream, responseCache: options.caches.responses !== undefined }),
  ];
}
