import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin, YogaServerOptions } from 'graphql-yoga';

/**
 * What the gateway does about browsers: a CORS allow-list (`cors-origins`) and CSRF prevention.
 *
 * CSRF: a page on another site can make a visitor's browser send "simple" requests (a GET, or a form POST) that
 * skip CORS preflight, with whatever credentials the browser attaches by itself: cookies, and HTTP
 * authentication it has cached for the gateway's origin (a staging site behind Basic auth, say). Yoga's
 * csrf-prevention plugin refuses such requests unless they carry a header no form or image tag can set; JSON
 * POSTs (`content-type: application/json`) are never simple and need nothing.
 *
 * It is applied to every request but anonymous GETs: to requests that carry credentials (an `Authorization` or
 * `Cookie` header), and to every POST, because a POST may be a mutation, and an anonymous one (a reader's comment)
 * forged from another site would be sent from the visitor's address, past the per-address comment limit. JSON
 * POSTs pass as before (they are never simple). Anonymous GETs — the ones CDNs and the response cache serve —
 * keep working without a custom header; they cannot carry a mutation (Yoga refuses mutations over GET with 405).
 * Apollo Client's header names are accepted too, so its clients work as configured for Apollo Server.
 */
export const CSRF_HEADERS = ['x-graphql-yoga-csrf', 'apollo-require-preflight', 'x-apollo-operation-name'] as const;

/** Refuses simple (un-preflighted) POSTs, and GETs that carry credentials, without one of CSRF_HEADERS: 403. */
export function useCsrfPrevention<TContext extends object = object>(): Plugin<TContext> {
  const yogaCsrf = useCSRFPrevention({ requestHeaders: [...CSRF_HEADERS] });
  return {
    onRequestParse(payload) {
      const { headers } = payload.request;
      if (payload.request.method === 'GET' && !headers.has('authorization') && !headers.has('cookie')) return undefined;
      return yogaCsrf.onRequestParse?.(payload as never);
    },
  };
}

type CorsOption = NonNullable<YogaServerOptions<object, object>['cors']>;

/**
 * Yoga's `cors` option from the `cors-origins` setting. An allowed origin is echoed back with `Vary: Origin`;
 * any other gets no CORS headers at all, so the browser refuses to share the answer. (Yoga's own list handling
 * would answer `Access-Control-Allow-Origin: null` there, which sandboxed frames and `file:` pages match.) `*`
 * allows every origin. Credentials are never allowed: the gateway reads no cookies, and a front end sends its
 * `Authorization` header explicitly, which CORS allows through `Access-Control-Allow-Headers`.
 */
export function corsOptions(origins: readonly string[]): CorsOption {
  const any = origins.includes('*');
  const allowed = new Set(origins);
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || (!any && !allowed.has(origin))) return false as never;
    // The allow-list check is ours; for an allowed origin, whatwg-node's "any origin" mode echoes it and adds
    // `Vary: Origin`, so caches keep one answer per origin.
    return { origin: ['*'], credentials: false, methods: ['GET', 'POST'], maxAge: 600 };
  };
}
