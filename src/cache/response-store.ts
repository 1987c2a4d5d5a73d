import { AsyncLocalStorage } from 'node:async_hooks';
import { createRedisCache } from '@envelop/response-cache-redis';
import { createInMemoryCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import type { RedisLink } from './redis.ts';

/** An entity as the response cache names it: a GraphQL typename, and the value of its `id` field when known. */
export interface CacheEntity {
  typename: string;
  id?: string | number;
}

/** A cached answer that is past its time to live but still within the stale-if-error window. */
export interface StaleAnswer {
  result: ExecutionResult;
  /** How long ago WordPress gave the data, in milliseconds. */
  ageMs: number;
}

/**
 * On every answer the store gives: when it stops being fresh (epoch ms). A symbol, so it survives the plugin's
 * object spreads but never reaches JSON.
 */
export const FRESH_UNTIL = Symbol.for('wp-graphql-gateway.freshUntil');

/**
 * On an answer `get` served past its time to live (stale-while-revalidate): how old it is, in ms. The plugin
 * refreshes such an answer in the background (src/plugins/use-response-cache.ts).
 */
export const SERVED_STALE = Symbol.for('wp-graphql-gateway.servedStale');

/**
 * The key a background refresh is running for, seen by everything that refresh does (the plugin runs it inside
 * `REFRESHING.run(key, …)`): its reads of that key miss instead of being served the stale answer. The
 * response-cache plugins read the store twice per request (Yoga's on params, envelop's on execute), so a
 * "skip the next read" flag could not tell the refresh from a concurrent reader.
 */
export const REFRESHING = new AsyncLocalStorage<string>();

/**
 * The response cache's storage (`@graphql-yoga/plugin-response-cache`'s `Cache`), extended for stale-if-error
 * and purges:
 * - each answer is kept for its time to live plus the longer of the stale-if-error and stale-while-revalidate
 *   windows, with the time it was stored; `get` (what the plugin and its `If-None-Match` check call) serves it
 *   while fresh and, marked SERVED_STALE, for the stale-while-revalidate window after; `getStale` after that;
 * - `clear` forgets everything (the plugin's caches can only invalidate by entity);
 * - with Redis, answers live there (`@envelop/response-cache-redis`) while it answers, and in memory
 *   otherwise; invalidations Redis missed are replayed when it is back.
 */
export interface ResponseStore extends Cache {
  getStale(key: string): Promise<StaleAnswer | undefined>;

  /** Forgets every answer. `typenames`: every object type of the schema (their entity sets, in Redis). */
  clear(typenames: readonly string[]): Promise<void>;
  tier(): 'memory' | 'redis';
}

/** Options of {@link createResponseStore}. */
export interface ResponseStoreOptions {
  redis: RedisLink;
  /**
   * How long past its time to live an answer is kept for stale-if-error (0: not kept).
   * @default 300_000
   */
  staleIfErrorMs?: number;
  /**
   * How long past its time to live an answer is still served as is while a fresh one is fetched in the
   * background (stale-while-revalidate; 0: never).
   * @default 0
   */
  staleWhileRevalidateMs?: number;
  /**
   * Most answers kept in memory (least recently used go first).
   * @default 1_000
   */
  max?: number;
  /** @default Date.now */
  now?: () => number;
}

/** Answers' keys in Redis: `rc:<sha256>`, and the plugin's entity sets `rc:<Type>:<id>`, `rc:ops:<key>`. */
export const RESPONSE_KEY_PREFIX = 'rc:';

interface StoredMeta {
  storedAt: number;
  freshMs: number;
}
const META = 'gatewayCache';

type Result = ExecutionResult<Record<string, unknown>, Record<string, unknown>>;

/** Builds the response store; see {@link ResponseStore}. */
export function createResponseStore(options: ResponseStoreOptions): ResponseStore {
  const { redis } = options;
  const staleMs = options.staleIfErrorMs ?? 300_000;
  const revalidateMs = options.staleWhileRevalidateMs ?? 0;
  const now = options.now ?? Date.now;
  const newMemory = () => createInMemoryCache({ max: options.max ?? 1_000 });
  let memory: Cache = newMemory();
  const shared: Cache | undefined = redis.client
    ? (createRedisCache({
        redis: redis.client,
        buildRedisEntityId: (typename, id) => `${RESPONSE_KEY_PREFIX}${typename}:${id}`,
        buildRedisOperationResultCacheKey: (responseId) => `${RESPONSE_KEY_PREFIX}ops:${responseId}`,
      }) as unknown as Cache)
    : undefined;
  const pending: CacheEntity[] = [];
  let pendingClear: readonly string[] | undefined;

  const active = (): Cache => (shared && redis.usable() ? shared : memory);
  const guard = async <T>(
    operation: string,
    onShared: (cache: Cache) => T | PromiseLike<T>,
    onMemory: () => T | PromiseLike<T>,
  ): Promise<T> => {
    const cache = active();
    if (cache === memory) return onMemory();
    try {
      return await onShared(cache);
    } catch (error) {
      redis.failed(error, operation);
      return onMemory();
    }
  };

  const read = (key: string): Promise<Result | undefined> =>
    guard(
      'read',
      async (cache) => (await cache.get(key)) ?? undefined,
      async () => (await memory.get(key)) ?? undefined,
    ) as Promise<Result | undefined>;

  const clearShared = async (typenames: readonly string[]) => {
    const client = redis.client!;
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${redis.keyPrefix}${RESPONSE_KEY_PREFIX}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await client.unlink(...keys.map((k) => k.slice(redis.keyPrefix.length)));
    } while (cursor !== '0');
    // The plugin keeps one set per typename (`Post` → answers holding a Post) outside our key prefix.
    if (typenames.length) await client.unlink(...typenames);
  };

  redis.onRecover(() => {
    const entities = pending.splice(0);
    const clear = pendingClear;
    pendingClear = undefined;
    void (async () => {
      if (clear) await clearShared(clear);
      if (entities.length) await shared!.invalidate(entities as never);
    })().catch((error: unknown) => {
      pending.push(...entities);
      pendingClear ??= clear;
      redis.failed(error, 'replaying purges');
    });
  });

  return {
    async get(key) {
      const stored = await read(key);
      const meta = stored?.extensions?.[META] as StoredMeta | undefined;
      if (!stored || !meta) return undefined;
      const freshUntil = meta.storedAt + meta.freshMs;
      const at = now();
      if (at < freshUntil) return { ...withoutMeta(stored), [FRESH_UNTIL]: freshUntil } as Result;
      // The refresh itself must run, not be served the answer it replaces.
      if (at - freshUntil >= revalidateMs || REFRESHING.getStore() === key) return undefined;
      return { ...withoutMeta(stored), [SERVED_STALE]: at - meta.storedAt } as Result;
    },

    async getStale(key) {
      const stored = await read(key);
      const meta = stored?.extensions?.[META] as StoredMeta | undefined;
      if (!stored || !meta) return undefined;
      const ageMs = now() - meta.storedAt;
      if (ageMs > meta.freshMs + staleMs) return undefined;
      return { result: withoutMeta(stored), ageMs };
    },
    async set(key, result, entities, ttl) {
      const storedAt = now();
      const stored = { ...result, extensions: { ...result.extensions, [META]: { storedAt, freshMs: ttl } satisfies StoredMeta } };
      // The plugin goes on with this very object: tell the Cache-Control header how long it is fresh.
      (result as Record<symbol, unknown>)[FRESH_UNTIL] = storedAt + ttl;
      const list = [...entities];
      const keepMs = ttl + Math.max(staleMs, revalidateMs);
      await guard(
        'write',
        (cache) => cache.set(key, stored, list, keepMs),
        () => (fitsInMemory(stored) ? memory.set(key, stored, list, keepMs) : undefined),
      );
    },
    async invalidate(entities) {
      const list = [...entities] as CacheEntity[];
      await memory.invalidate(list as never);
      if (!shared) return;
      if (!redis.usable()) {
        pending.push(...list);
        return;
      }
      try {
        await shared.invalidate(list as never);
      } catch (error) {
        pending.push(...list);
        redis.failed(error, 'invalidate');
      }
    },
    async clear(typenames) {
      memory = newMemory();
      if (!shared) return;
      if (!redis.usable()) {
        pendingClear = typenames;
        pending.length = 0;
        return;
      }
      try {
        await clearShared(typenames);
      } catch (error) {
        pendingClear = typenames;
        redis.failed(error, 'clear');
      }
    },
    tier: () => (active() === memory ? 'memory' : 'redis'),
  };
}

/**
 * The memory tier keeps answers up to {@link MEMORY_ANSWER_MAX_BYTES} of JSON: with at most 1,000 of them, the
 * cache stays under ~128 MiB whatever the documents, inside the old generation `npm start` gives Node (256 MiB).
 * The plugin's in-memory LRU counts entries, not bytes. Larger answers are still served, just not kept (Redis
 * keeps them).
 */
function fitsInMemory(result: Result): boolean {
  return JSON.stringify(result).length <= MEMORY_ANSWER_MAX_BYTES;
}

/** Largest answer (JSON characters) the memory tier keeps: 100 home-page posts with terms are ~80 KB. */
export const MEMORY_ANSWER_MAX_BYTES = 128 * 1024;

function withoutMeta(stored: Result): Result {
  const { [META]: _meta, ...extensions } = stored.extensions ?? {};
  const copy: Result = { ...stored };
  if (Object.keys(extensions).length) copy.extensions = extensions;
  else delete copy.extensions;
  return copy;
}
