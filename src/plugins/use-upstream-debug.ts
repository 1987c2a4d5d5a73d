import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { SERVED_STALE } from '../cache/response-store.ts';
import type { GatewayContext } from '../context.ts';
import type { UpstreamCall } from '../loaders/upstream-ledger.ts';

/** `extensions.upstream`: what one operation cost WordPress. */
export interface UpstreamReport {
  /** GETs sent to WordPress for this operation (identical ones coalesced in flight still count here). */
  requests: number;
  /** Sequential round trips: the relation depth of the query when batching works. */
  roundTrips: number;
  /** Wall-clock milliseconds spent waiting on WordPress. */
  ms: number;
  /**
   * Wall-clock milliseconds from the request's context to this report (execution, loaders, models), of which
   * `ms` waited on WordPress: the difference is what the gateway itself added (HTTP parsing and writing the
   * answer excepted).
   */
  totalMs: number;
  cache: {
    /** `hit`, `miss`, `stale` (served because WordPress failed), `bypass` (signed-in viewer), or `off`. */
    response: 'hit' | 'revalidating' | 'miss' | 'stale' | 'bypass' | 'off';
    /** Records served by the entity cache, and records it did not hold (asked of WordPress). */
    entity: { hits: number; misses: number };
    /** List pages answered by the entity cache, and those asked of WordPress. */
    lists: { hits: number; misses: number };
  };
  /** Each GET, in the order they finished. */
  calls: UpstreamCall[];
}

/** Options of {@link useUpstreamDebug}. */
export interface UpstreamDebugOptions {
  /**
   * Report on every answer, not only those asked for with `x-gateway-debug: 1`.
   * @default false (config `debug-upstream`)
   */
  always: boolean;
  /** Whether the response cache is on (to tell `miss` from `off`). */
  responseCache: boolean;
}

const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

/**
 * Adds `extensions.upstream` ({@link UpstreamReport}) to answers whose request carries `x-gateway-debug: 1`
 * (or to every answer with the `debug-upstream` setting), so a front-end developer can see what a query costs
 * WordPress. Added after the response cache has stored the answer, so it is never cached itself. The report
 * names REST routes and queries, never the upstream host or credentials.
 */
export function useUpstreamDebug(options: UpstreamDebugOptions): Plugin<GatewayContext> {
  return {
    onExecutionResult({ request, context, result, setResult }) {
      if (!result || Symbol.asyncIterator in result) return;
      if (!options.always && request.headers.get('x-gateway-debug') !== '1') return;
      const answer = result as ExecutionResult & { [SERVED_FROM_CACHE]?: boolean; [SERVED_STALE]?: number };
      // On a response-cache hit the context factory never ran: no ledger, nothing asked of WordPress.
      const ledger = (context as Partial<GatewayContext>).upstream;
      const response: UpstreamReport['cache']['response'] = answer[SERVED_FROM_CACHE]
        ? answer[SERVED_STALE] !== undefined
          ? 'revalidating'
          : 'hit'
        : answer.extensions?.stale
          ? 'stale'
          : request.headers.has('authorization')
            ? 'bypass'
            : options.responseCache
              ? 'miss'
              : 'off';
      const report: UpstreamReport = {
        requests: ledger?.requests ?? 0,
        roundTrips: ledger?.roundTrips ?? 0,
        ms: Math.round((ledger?.ms ?? 0) * 10) / 10,
        totalMs: ledger ? Math.round((performance.now() - ledger.startedAt) * 10) / 10 : 0,
        cache: {
          response,
          entity: { hits: ledger?.entity.hits ?? 0, misses: ledger?.entity.misses ?? 0 },
          lists: { hits: ledger?.lists.hits ?? 0, misses: ledger?.lists.misses ?? 0 },
        },
        calls: ledger?.calls ?? [],
      };
      setResult({ ...answer, extensions: { ...answer.extensions, upstream: report } });
    },
  };
}
