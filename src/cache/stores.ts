import { LRUCache } from 'lru-cache';
import type { RedisLink } from './redis.ts';

/**
 * A key-value store with a time to live per entry: the storage under the entity cache and the persisted-query
 * store. Keys are namespaced by the caller (`entity:posts:12`, `apq:<sha256>`).
 *
 * Hand-written over `lru-cache` and ioredis rather than a generic cache library (keyv, cache-manager were
 * considered): what matters here is the degraded mode — Redis down means "use memory and say so", never
 * "fail the request" — and deletions (purges) that must reach both tiers; those libraries treat a second
 * store as a read-through layer and surface Redis errors to the caller.
 */
export interface KeyValueStore<V> {
  /** Values in key order; undefined for a missing or expired key. */
  getMany(keys: readonly string[]): Promise<(V | undefined)[]>;
  /** Stores each value for its own time to live, in milliseconds. */
  setMany(entries: readonly (readonly [key: string, value: V, ttlMs: number])[]): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** Deletes every key that starts with `prefix` (a purge of a whole collection, or of everything). */
  deletePrefix(prefix: string): Promise<void>;
  /** Where values live right now: for `/ready` and `extensions.upstream`. */
  tier(): 'memory' | 'redis';
}

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * Most entries kept; the least recently used go first. Bounds memory whatever the traffic.
   * @default 10_000
   */
  max?: number;
}

/** The in-memory tier: an LRU with a time to live per entry. Values are kept as given (not copied). */
export function createMemoryStore<V extends object>(options: MemoryStoreOptions = {}): KeyValueStore<V> {
  const lru = new LRUCache<string, V>({ max: options.max ?? 10_000, ttlAutopurge: false });
  return {
    async getMany(keys) {
      return keys.map((key) => lru.get(key));
    },
    async setMany(entries) {
      for (const [key, value, ttl] of entries) if (ttl > 0) lru.set(key, value, { ttl });
    },
    async delete(keys) {
      for (const key of keys) lru.delete(key);
    },
    async deletePrefix(prefix) {
      for (const key of [...lru.keys()]) if (key.startsWith(prefix)) lru.delete(key);
    },
    tier: () => 'memory',
  };
}

/**
 * Redis when it answers, memory when it does not. Reads and writes go to Redis while the link is usable; a
 * failed command is reported to the link (logged once per outage) and the call is served by memory instead.
 * Deletions go to both tiers, and those Redis could not take are replayed when it is back, so a purge made
 * during an outage is not undone by the Redis copy once it returns.
 */
export function createSharedStore<V extends object>(redis: RedisLink, memory: KeyValueStore<V> = createMemoryStore<V>()): KeyValueStore<V> {
  const client = redis.client;
  if (!client) return memory;
  const pendingKeys = new Set<string>();
  const pendingPrefixes = new Set<string>();

  const redisDelete = async (keys: readonly string[]) => {
    if (keys.length) await client.unlink(...keys);
  };
  // SCAN patterns are not prefixed by ioredis, the keys it returns carry the prefix, and UNLINK adds it again:
  // match on the full name, strip it before deleting.
  const redisDeletePrefix = async (prefix: string) => {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${escapeGlob(redis.keyPrefix + prefix)}*`, 'COUNT', 500);
      cursor = next;
      await redisDelete(keys.map((key) => key.slice(redis.keyPrefix.length)));
    } while (cursor !== '0');
  };
  redis.onRecover(() => {
    const keys = [...pendingKeys];
    const prefixes = [...pendingPrefixes];
    pendingKeys.clear();
    pendingPrefixes.clear();
    void Promise.all([redisDelete(keys), ...prefixes.map(redisDeletePrefix)]).catch((error: unknown) => {
      for (const key of keys) pendingKeys.add(key);
      for (const prefix of prefixes) pendingPrefixes.add(prefix);
      redis.failed(error, 'replaying purges');
    });
  });

  return {
    async getMany(keys) {
      if (!redis.usable() || keys.length === 0) return memory.getMany(keys);
      try {
        const raw = await client.mget(...keys);
        return raw.map((value) => (value == null ? undefined : (JSON.parse(value) as V)));
      } catch (error) {
        redis.failed(error, 'read');
        return memory.getMany(keys);
      }
    },
    async setMany(entries) {
      const live = entries.filter(([, , ttl]) => ttl > 0);
      if (!redis.usable()) return memory.setMany(live);
      try {
        const pipeline = client.pipeline();
        for (const [key, value, ttl] of live) pipeline.set(key, JSON.stringify(value), 'PX', Math.ceil(ttl));
        const results = await pipeline.exec();
        const failed = results?.find(([error]) => error);
        if (failed) throw failed[0];
      } catch (error) {
        redis.failed(error, 'write');
        await memory.setMany(live);
      }
    },
    async delete(keys) {
      await memory.delete(keys);
      if (!redis.usable()) {
        for (const key of keys) pendingKeys.add(key);
        return;
      }
      try {
        await redisDelete(keys);
      } catch (error) {
        for (const key of keys) pendingKeys.add(key);
        redis.failed(error, 'delete');
      }
    },
    async deletePrefix(prefix) {
      await memory.deletePrefix(prefix);
      if (!redis.usable()) {
        pendingPrefixes.add(prefix);
        return;
      }
      try {
        await redisDeletePrefix(prefix);
      } catch (error) {
        pendingPrefixes.add(prefix);
        redis.failed(error, 'delete');
      }
    },
    tier: () => (redis.usable() ? 'redis' : 'memory'),
  };
}

/** Escapes Redis glob characters so a prefix matches literally. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
