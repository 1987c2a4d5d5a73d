import type { Config } from '../config.ts';
import { EntityCache, type EntityCacheValue } from './entity-cache.ts';
import { SILENT_LOG, type CacheLog } from './log.ts';
import { createPersistedQueryStore, type PersistedQueryStore } from './persisted-queries.ts';
import { connectRedis, type RedisLink, type RedisState } from './redis.ts';
import { createResponseStore, type ResponseStore } from './response-store.ts';
import { createMemoryStore, createSharedStore } from './stores.ts';

/**
 * Every cache of one gateway instance, built from the settings: the response cache's store, the entity cache,
 * the persisted-query store, and the Redis connection they share when `REDIS_URL` is set.
 */
export interface GatewayCaches {
  /** Undefined when the response cache is off (`CACHE_TTL_MS=0`). */
  responses: ResponseStore | undefined;
  /** Undefined when the entity cache is off (`ENTITY_CACHE_TTL_MS=0`). */
  entities: EntityCache | undefined;
  persistedQueries: PersistedQueryStore;
  redis: RedisLink;
  /** The clock the caches judge lifetimes by. */
  now: () => number;
  /** What `/ready` reports about the caches. */
  status(): CacheStatus;
  /** Closes the Redis connection. */
  close(): Promise<void>;
}

/** The caches' state, as `/ready` reports it. */
export interface CacheStatus {
  /** `off`: no REDIS_URL; `unreachable`: configured but not answering (the memory tier serves meanwhile). */
  redis: RedisState;
  responseCache: 'off' | 'memory' | 'redis';
  entityCache: 'off' | 'memory' | 'redis';
  persistedQueries: 'memory' | 'redis';
}

/** Options of {@link createGatewayCaches}. */
export interface GatewayCachesOptions {
  /** @default logs nothing */
  log?: CacheLog;
  /** @default Date.now */
  now?: () => number;
}

/**
 * Records (and list pages) the memory tier of the entity cache keeps: trimmed by `_fields`, a record is a few KB,
 * so this stays well inside the 256 MiB old generation `npm start` runs with, even with post content selected.
 */
const ENTITY_MEMORY_MAX = 5_000;

/** Builds the caches for a gateway from its settings (see src/config.ts: redis-url, cache-ttl-ms, …). */
export function createGatewayCaches(
  config: Pick<Config, 'redisUrl' | 'cacheTtlMs' | 'entityCacheTtlMs' | 'staleIfErrorMs' | 'staleWhileRevalidateMs'>,
  options: GatewayCachesOptions = {},
): GatewayCaches {
  const log = options.log ?? SILENT_LOG;
  const redis = connectRedis(config.redisUrl, log);
  const responses =
    config.cacheTtlMs > 0
      ? createResponseStore({
          redis,
          staleIfErrorMs: config.staleIfErrorMs,
          staleWhileRevalidateMs: config.staleWhileRevalidateMs,
          now: options.now,
        })
      : undefined;
  const entities =
    config.entityCacheTtlMs > 0
      ? new EntityCache({
          store: createSharedStore(redis, createMemoryStore<EntityCacheValue>({ max: ENTITY_MEMORY_MAX })),
          ttlMs: config.entityCacheTtlMs,
          staleMs: config.staleWhileRevalidateMs,
          now: options.now,
        })
      : undefined;
  const persistedQueries = createPersistedQueryStore({ redis });
  return {
    responses,
    entities,
    persistedQueries,
    redis,
    now: options.now ?? Date.now,
    status() {
      const tier = redis.usable() ? 'redis' : 'memory';
      return {
        redis: redis.state(),
        responseCache: responses ? tier : 'off',
        entityCache: entities ? tier : 'off',
        persistedQueries: tier,
      };
    },
    close: () => redis.close(),
  };
}
