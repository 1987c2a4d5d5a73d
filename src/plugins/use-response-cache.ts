import { createHash } from 'node:crypto';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import type { GraphQLParams, Plugin, YogaServerInstance } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';
import { FRESH_UNTIL, REFRESHING, RESPONSE_KEY_PREFIX, type ResponseStore, SERVED_STALE } from '../cache/response-store.ts';

/** Options of {@link useGatewayResponseCache}. */
export interface GatewayResponseCacheOptions {
  /** Where answers are kept (src/cache/response-store.ts); undefined turns the response cache off. */
  store: ResponseStore | undefined;
  /**
   * How long an answer is served from the cache.
   * @default 60_000 (config `cache-ttl-ms`)
   */
  ttlMs: number;
  /**
   * Shorter (or longer) lifetimes for answers holding a type, or a field: `{ Comment: 10_000 }`,
   * `{ 'Query.viewer': 0 }`. An answer lives as long as the shortest of its types allows.
   * @default {}
   */
  ttlPerType?: Readonly<Record<string, number>>;
  /**
   * How old a cached answer may be when WordPress is failing and it is served instead of the errors.
   * @default 300_000 (config `stale-if-error-ms`)
   */
  staleIfErrorMs: number;
  /** The clock (the store's). @default Date.now */
  now?: () => number;
  /**
   * The served schema's tag (src/discovery/live-schema.ts), part of every key: after a rediscovery changes the
   * schema, answers cached for the old one are not served for the new one.
   * @default none
   */
  schemaTag?: () => string;
}

/**
 * Errors that mean "WordPress failed", for which an older good answer is better than the error. Answers that
 * failed because of the query itself (BAD_USER_INPUT) or the viewer (FORBIDDEN) are not replaced.
 */
const UPSTREAM_FAILURES = new Set([
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_BAD_RESPONSE',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_OVERLOADED',
]);

/**
 * The response cache: `@graphql-yoga/plugin-response-cache` (keys: sha256 of document, operation name and
 * variables; ETag and `If-None-Match` → 304; invalidation by type and id), plus what the gateway adds around it:
 *
 * - **Shared answers only.** A request carrying `Authorization` is never served from, nor stored in, the
 *   cache (`enabled` is false for it): its answer may hold what only that viewer may read.
 * - **Stale-if-error.** When an answer failed because WordPress did (`UPSTREAM_*` codes), the last good answer
 *   to the same request is served instead, up to `staleIfErrorMs` old, flagged `extensions.stale`.
 * - **Stale-while-revalidate.** An answer past its lifetime but within the store's stale-while-revalidate window
 *   is served at once, and the same operation is run again in the background, once per answer however many
 *   requests see it stale meanwhile (single flight); its fresh answer replaces the stale one.
 * - **Cache-Control** on GET answers, so a CDN can keep them: `public, max-age=<time left>, stale-if-error=…`
 *   for a cached answer, `no-store` for anything else, `private, no-store` for a signed-in viewer.
 */
export function useGatewayResponseCache(options: GatewayResponseCacheOptions): Plugin<GatewayContext> {
  const { store } = options;
  // The key of each request's answer, for stale-if-error: the plugin computes it once per request.
  const keys = new WeakMap<object, string>();
  const anonymous = (request: Request) => !request.headers.has('authorization');
  const staleSeconds = Math.floor(options.staleIfErrorMs / 1000);
  const now = options.now ?? Date.now;
  let yoga: YogaServerInstance<Record<string, unknown>, Record<string, unknown>> | undefined;
  // Keys whose refresh is running: one background request per stale answer, not one per reader.
  const refreshing = new Set<string>();
  // Each request's operation as sent, to run it again for a refresh.
  const paramsOf = new WeakMap<Request, GraphQLParams>();
  const refresh = (key: string, params: GraphQLParams) => {
    if (!store || !yoga || refreshing.has(key)) return;
    refreshing.add(key);
    // Through the whole pipeline (limits, persisted queries, execution, the cache's own store), as an
    // anonymous POST of the same operation: the plugin stores its answer under the same key.
    const request = new yoga.fetchAPI.Request(`http://gateway.internal${yoga.graphqlEndpoint}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-gateway-refresh': '1' },
      body: JSON.stringify({
        query: params.query,
        variables: params.variables,
        operationName: params.operationName,
        extensions: params.extensions,
      }),
    });
    const instance = yoga;
    void Promise.resolve(REFRESHING.run(key, () => instance.handle(request, {})))
      .then((response) => response.text())
      .catch(() => undefined)
      .finally(() => refreshing.delete(key));
  };

  return {
    onYogaInit({ yoga: instance }) {
      yoga = instance as typeof yoga;
    },
    onParams({ params, request }) {
      if (store) paramsOf.set(request, params);
    },
    onPluginInit({ addPlugin }) {
      if (!store) return;
      addPlugin(
        useResponseCache({
          cache: store,
          ttl: options.ttlMs,
          // Introspection is never cached (the plugin says so for a root type named `Query`; WPGraphQL's is
          // `RootQuery`).
          ttlPerSchemaCoordinate: { 'RootQuery.__schema': 0, 'RootQuery.__type': 0, ...options.ttlPerType },
          // One shared entry per document and variables: anonymous answers are the same for everyone.
          session: () => null,
          enabled: (request) => anonymous(request),
          // Answers with errors are never stored (the plugin's default): a passing failure must not stick.
          shouldCacheResult: ({ result }) => !result.errors?.length,
          buildResponseCacheKey: (params) => {
            const tag = options.schemaTag?.();
            const key = RESPONSE_KEY_PREFIX + (tag ? `${tag}:` : '') + responseCacheKey(params);
            keys.set(params.context as object, key);
            return key;
          },
        }) as never,
      );
    },
    async onExecutionResult({ request, context, result, setResult }) {
      if (!result || Symbol.asyncIterator in result) return;
      let answer = result as ExecutionResult & { [FRESH_UNTIL]?: number; [SERVED_STALE]?: number };
      let stale = false;
      const key = keys.get(context);
      if (key && answer[SERVED_STALE] !== undefined) {
        const params = paramsOf.get(request);
        if (params) refresh(key, params);
        // Past its lifetime: no shared cache downstream may keep it as fresh.
        stale = true;
      }
      if (store && key && anonymous(request) && answer.errors?.some((e) => UPSTREAM_FAILURES.has(String(e.extensions?.code)))) {
        const last = await store.getStale(key).catch(() => undefined);
        if (last) {
          const reason = answer.errors.find((e) => UPSTREAM_FAILURES.has(String(e.extensions?.code)))?.extensions?.code;
          answer = { ...last.result, extensions: { ...last.result.extensions, stale: { ageMs: last.ageMs, reason } } };
          stale = true;
        }
      }
      const cacheControl = !anonymous(request)
        ? 'private, no-store'
        : request.method !== 'GET'
          ? undefined
          : !stale && !answer.errors?.length && answer[FRESH_UNTIL] !== undefined
            ? `public, max-age=${Math.max(0, Math.floor((answer[FRESH_UNTIL] - now()) / 1000))}, stale-if-error=${staleSeconds}`
            : 'no-store';
      if (cacheControl) answer = withHeader(answer, 'Cache-Control', cacheControl);
      if (answer !== result) setResult(answer);
    },
  };
}

/**
 * The plugin's default key (`defaultBuildResponseCacheKey`: sha256 of document, operation name, variables and
 * session joined by `|`), computed with node:crypto: the default goes through WebCrypto's asynchronous
 * `subtle.digest`, which took about a tenth of the CPU of a whole cache hit in profiles.
 */
export function responseCacheKey(params: {
  documentString: string;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  sessionId?: string | null;
}): string {
  return createHash('sha256')
    .update([params.documentString, params.operationName ?? '', stableJson(params.variableValues ?? {}), params.sessionId ?? ''].join('|'))
    .digest('hex');
}

/**
 * JSON with object keys sorted, so `{a, b}` and `{b, a}` variables share a key. (fast-json-stable-stringify,
 * which the plugin uses, is not a dependency of ours; this is its behaviour for JSON values.)
 */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** A copy of the answer with one more response header (Yoga sends `extensions.http.headers` as headers). */
function withHeader<T extends ExecutionResult>(result: T, name: string, value: string): T {
  const extensions = (result.extensions ?? {}) as { http?: { headers?: Record<string, string> } };
  return {
    ...result,
    extensions: { ...extensions, http: { ...extensions.http, headers: { ...extensions.http?.headers, [name]: value } } },
  };
}
