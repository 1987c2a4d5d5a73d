import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { CacheLog } from '../cache/log.ts';

/**
 * One pino line per HTTP request, with a request id (the caller's `x-request-id` when it sends a sane one, else
 * a new UUID), echoed back in the response's `x-request-id`. It logs the method, path, status, duration and the
 * operation name — never headers, so `Authorization` and cookies cannot reach the logs.
 * (pino-http was considered: it wraps node:http's req/res, which Yoga's fetch-style handler does not expose.)
 */
export function useRequestLog(log: CacheLog): Plugin {
  const ids = new WeakMap<Request, { id: string; started: number; operation?: string }>();
  return {
    onRequest({ request }) {
      const given = request.headers.get('x-request-id');
      const id = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
      ids.set(request, { id, started: performance.now() });
    },
    onParams({ request, params }) {
      const entry = ids.get(request);
      if (entry) entry.operation = params.operationName ?? undefined;
    },
    onResponse({ request, response }) {
      const entry = ids.get(request);
      if (!entry) return;
      response.headers.set('x-request-id', entry.id);
      const url = new URL(request.url);
      log.info(
        {
          reqId: entry.id,
          method: request.method,
          path: url.pathname,
          status: response.status,
          ms: Math.round((performance.now() - entry.started) * 10) / 10,
          operation: entry.operation,
        },
        'request',
      );
    },
  };
}
