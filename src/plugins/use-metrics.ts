import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';
import type { GatewayMetrics } from '../metrics.ts';

const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

/**
 * `/metrics` in Prometheus text format: Yoga's prometheus plugin (GraphQL requests, latency and errors by
 * operation, HTTP durations) on the gateway's registry, which also carries the upstream, loader and cache
 * metrics of src/metrics.ts and the process metrics.
 */
export function useMetrics(metrics: GatewayMetrics): Plugin<GatewayContext>[] {
  return [
    usePrometheus({
      endpoint: '/metrics',
      registry: metrics.registry,
      metrics: {
        graphql_envelop_request: true,
        graphql_envelop_request_duration: true,
        graphql_envelop_error_result: true,
        graphql_envelop_phase_parse: true,
        graphql_envelop_phase_validate: true,
        graphql_envelop_phase_execute: true,
        graphql_yoga_http_duration: true,
        // On by default, it walks every request's document with TypeInfo; WPGraphQL's deprecated fields that we
        // serve are few (docs/compatibility.md), not worth a walk per request.
        graphql_envelop_deprecated_field: false,
        // A Summary (quantiles recomputed per observation) of what graphql_envelop_request_duration's histogram
        // already gives; histograms aggregate across instances, summaries do not.
        graphql_envelop_request_time_summary: false,
      },
    }) as Plugin<GatewayContext>,
    {
      // Cache outcomes per operation, from the request's upstream ledger (src/context.ts).
      onExecutionResult({ context, result }) {
        if (!result || Symbol.asyncIterator in result) return;
        const ledger = (context as Partial<GatewayContext>).upstream;
        const served = (result as ExecutionResult & { [SERVED_FROM_CACHE]?: boolean })[SERVED_FROM_CACHE];
        metrics.cacheEvents.inc({ cache: 'response', result: served ? 'hit' : 'miss' });
        if (ledger?.entity.hits) metrics.cacheEvents.inc({ cache: 'entity', result: 'hit' }, ledger.entity.hits);
        if (ledger?.entity.misses) metrics.cacheEvents.inc({ cache: 'entity', result: 'miss' }, ledger.entity.misses);
      },
    },
  ];
}
