import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';
import type { CacheStatus } from '../cache/index.ts';
import type { DiscoveryStatus } from '../discovery/live-schema.ts';

/**
 * `GET /ready` (Yoga's readiness check): 200 with the state of the caches, e.g.
 * `{ "ready": true, "caches": { "redis": "unreachable", "responseCache": "memory", … } }`. A Redis that does not
 * answer does not make the gateway unready: it serves from its memory tier, and says so here and in the logs.
 * Nor does a failed discovery (src/discovery/live-schema.ts): the last good schema is served, `degraded` is true and
 * `discovery.error` says why.
 */
export function useReadiness(
  cacheStatus: () => CacheStatus,
  discoveryStatus: () => DiscoveryStatus | undefined = () => undefined,
): Plugin<GatewayContext> {
  return useReadinessCheck({
    endpoint: '/ready',
    check: () => {
      const caches = cacheStatus();
      const discovery = discoveryStatus();
      const degraded = caches.redis === 'unreachable' || caches.redis === 'connecting' || discovery?.state === 'degraded';
      return new Response(JSON.stringify({ ready: true, degraded, caches, ...(discovery ? { discovery } : {}) }), {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      });
    },
  }) as Plugin<GatewayContext>;
}
