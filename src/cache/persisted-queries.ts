import { createMemoryStore, createSharedStore, type KeyValueStore } from './stores.ts';
import type { RedisLink } from './redis.ts';

/**
 * Where automatic persisted queries are kept: sha256 of the document → the document. In memory by default, in
 * Redis (shared by every instance) when it is configured and answering.
 */
export interface PersistedQueryStore {
  get(sha256: string): Promise<string | undefined>;
  set(sha256: string, query: string): Promise<void>;
}

/** Options of {@link createPersistedQueryStore}. */
export interface PersistedQueryStoreOptions {
  redis: RedisLink;
  /**
   * How long a registered document is kept. Clients register again on a miss (the protocol's
   * `PersistedQueryNotFound`), so this only bounds the store.
   * @default 604_800_000 (7 days)
   */
  ttlMs?: number;
  /**
   * Most documents kept in memory.
   * @default 1_000
   */
  max?: number;
}

/** Builds the persisted-query store; see {@link PersistedQueryStore}. */
export function createPersistedQueryStore(options: PersistedQueryStoreOptions): PersistedQueryStore {
  const ttl = options.ttlMs ?? 604_800_000;
  const store: KeyValueStore<{ query: string }> = createSharedStore(options.redis, createMemoryStore({ max: options.max ?? 1_000 }));
  return {
    async get(sha256) {
      const [entry] = await store.getMany([`apq:${sha256}`]);
      return entry?.query;
    },
    async set(sha256, query) {
      await store.setMany([[`apq:${sha256}`, { query }, ttl]]);
    },
  };
}
