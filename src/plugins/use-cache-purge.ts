import { timingSafeEqual, createHash } from 'node:crypto';
import { isObjectType } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../context.ts';
import type { EntityCache } from '../cache/entity-cache.ts';
import { type Kind, PurgeInputError, type PurgeRequest, parsePurgeRequest, purge } from '../cache/purge.ts';
import type { ResponseStore } from '../cache/response-store.ts';
import type { CacheLog } from '../cache/log.ts';

/** Options of {@link useCachePurge}. */
export interface CachePurgeOptions {
  /** The bearer secret callers must send; undefined turns the endpoint off (404). Config `purge-secret`. */
  secret: string | undefined;
  responses: ResponseStore | undefined;
  entities: EntityCache | undefined;
  /** @default '/cache/purge' */
  endpoint?: string;
  log: CacheLog;
  /**
   * Kinds discovery serves (src/discovery/live-schema.ts), purged like the built-in ones.
   * @default none
   */
  discovered?: () => readonly Kind[];
}

/** Largest purge body read; a list of 1000 entities fits many times over. */
const MAX_BODY_BYTES = 256 * 1024;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });

/** Compares secrets in constant time (hashed first, so lengths do not leak either). */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * `POST /cache/purge` with `Authorization: Bearer <purge secret>`: invalidates answers and records by type and
 * id, or everything (body format: src/cache/purge.ts; the WordPress `save_post` snippet: docs/caching.md).
 * Without the right secret: 401 and nothing purged. With Redis, a purge reaches every instance's shared
 * caches; the memory tier is per instance.
 */
export function useCachePurge(options: CachePurgeOptions): Plugin<GatewayContext> {
  const endpoint = options.endpoint ?? '/cache/purge';
  // Every object type of the schema: the response cache's per-type entity sets a full purge clears in Redis.
  let typenames: string[] = [];
  return {
    onSchemaChange({ schema }) {
      typenames = Object.values(schema.getTypeMap())
        .filter(isObjectType)
        .map((type) => type.name)
        .filter((name) => !name.startsWith('__'));
    },
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== endpoint) return;
      if (options.secret === undefined) {
        endResponse(json(404, { error: 'The purge endpoint is off: set PURGE_SECRET (--purge-secret) to turn it on.' }));
        return;
      }
      if (request.method !== 'POST') {
        endResponse(json(405, { error: 'Use POST.' }, { allow: 'POST' }));
        return;
      }
      const match = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
      if (!match || !sameSecret(match[1]!.trim(), options.secret)) {
        endResponse(
          json(401, { error: 'A purge needs Authorization: Bearer <purge secret>.' }, { 'www-authenticate': 'Bearer realm="cache-purge"' }),
        );
        return;
      }
      return (async () => {
        const text = await request.text();
        if (text.length > MAX_BODY_BYTES) {
          endResponse(json(413, { error: `A purge body may be at most ${MAX_BODY_BYTES} bytes.` }));
          return;
        }
        let parsed: PurgeRequest;
        try {
          parsed = parsePurgeRequest(text.trim() === '' ? {} : JSON.parse(text), options.discovered?.());
        } catch (error) {
          const message = error instanceof PurgeInputError ? error.message : 'the body is not JSON';
          endResponse(json(400, { error: `Bad purge request: ${message}` }));
          return;
        }
        const report = await purge(parsed, { responses: options.responses, entities: options.entities, typenames });
        options.log.info({ purge: report }, report.all ? 'Cache purged: everything' : `Cache purged: ${report.entities.join(', ')}`);
        endResponse(json(200, { purged: report }));
      })();
    },
  };
}
