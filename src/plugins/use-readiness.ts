import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';
import type { CacheStatus } from '../cache/index.ts';

/**
 * `GET /ready` (Yoga's readiness check): 200 with the state of the caches, e.g.
 * `{ "ready": true, "caches": { "redis": "unreachable", "responseCache": "memory", … } }`. A Redis that does not
 * answer does not make the gateway unready: it serves from its memory tier, and says so here and in the logs.
 */
export function useReadiness(cacheStatus: () => CacheStatus): Plugin<GatewayContext> {
  return useReadinessCheck({
    endpoint: '/ready',
    check: () => {
      const caches = cacheStatus();
      const degraded = caches.redis === 'unreachable' || caches.redis === 'connecting';
      return new Response(JSON.stringify({ ready: true, degraded, caches }), {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
      });
    },
  }) as Plugin<GatewayContext>;
}
