import { describe, expect, it } from 'vitest';
import { EntityCache, type EntityCacheValue } from '../../src/cache/entity-cache.ts';
import { createMemoryStore } from '../../src/cache/stores.ts';
import { ReferenceCollections } from '../../src/loaders/reference-collections.ts';
import type { GetOptions, RestQuery, WordPressClient } from '../../src/wordpress/client.ts';

/** A WordPress whose tags collection holds `count` records (ids 1..count), and every request it was sent. */
function fakeWordPress(count: number, fail?: string) {
  const calls: { route: string; page: number; fields: string | undefined; priority: number | undefined }[] = [];
  const client = {
    async get(route: string, query: RestQuery, options: GetOptions = {}) {
      const page = query.page as number;
      calls.push({ route, page, fields: (query._fields as string[] | undefined)?.join(','), priority: options.priority });
      if (fail) throw new Error(fail);
      const perPage = query.per_page as number;
      const ids = Array.from({ length: count }, (_, i) => i + 1).slice((page - 1) * perPage, page * perPage);
      return { data: ids.map((id) => ({ id, name: `Tag ${id}` })), total: count, totalPages: Math.max(1, Math.ceil(count / perPage)) };
    },
  } as unknown as WordPressClient;
  return { client, calls };
}

function setUp(count: number, max: number, fail?: string) {
  const { client, calls } = fakeWordPress(count, fail);
  const cache = new EntityCache({ store: createMemoryStore<EntityCacheValue>(), ttlMs: 30_000 });
  const logs: string[] = [];
  const log = {
    info: (_: object, message: string) => logs.push(`info: ${message}`),
    warn: (_: object, message: string) => logs.push(`warn: ${message}`),
  };
  const reference = new ReferenceCollections({
    client,
    cache,
    max,
    intervalMs: 30_000,
    fieldsFor: () => ['name', 'id'],
    log,
    collections: ['tags'],
  });
  return { reference, calls, cache, logs };
}

describe('ReferenceCollections', () => {
  it('loads every page of a collection within the bound, behind every page view in the queue, and holds each record', async () => {
    const { reference, calls, cache } = setUp(250, 500);
    expect(await reference.load()).toEqual([{ collection: 'tags', held: 250 }]);
    // Page 1 first (it tells the total), then pages 2 and 3 together; `_fields` sorted as restFields sends them.
    expect(calls.map((c) => c.page)).toEqual([1, 2, 3]);
    expect(new Set(calls.map((c) => `${c.route} ${c.fields} ${c.priority}`))).toEqual(
      new Set([`/wp/v2/tags id,name ${Number.MAX_SAFE_INTEGER}`]),
    );
    const found = await cache.read('tags', [1, 100, 250, 251], ['id', 'name']);
    expect([...found.hits.keys()].sort((a, b) => a - b)).toEqual([1, 100, 250]);
  });

  it('holds nothing of a collection over the bound (after one request), and says so once', async () => {
    const { reference, calls, cache, logs } = setUp(501, 500);
    expect(await reference.load()).toEqual([{ collection: 'tags', skipped: 'too-large', total: 501 }]);
    await reference.load();
    expect(calls.map((c) => c.page)).toEqual([1, 1]);
    expect((await cache.read('tags', [1], ['id', 'name'])).hits.size).toBe(0);
    expect(logs).toEqual(['info: reference collection larger than reference-collections-max: loaded per request instead']);
  });

  it('never rejects: a failing WordPress is an outcome and a warning, and the next load tries again', async () => {
    const { reference, calls, logs } = setUp(10, 500, 'connection refused');
    expect(await reference.load()).toEqual([{ collection: 'tags', skipped: 'failed', error: 'connection refused' }]);
    await reference.load();
    expect(calls).toHaveLength(2);
    expect(logs).toEqual(['warn: reference collection not loaded; trying again later']);
  });

  it('shares one load between calls made while it runs', async () => {
    const { reference, calls } = setUp(10, 500);
    const [a, b] = await Promise.all([reference.load(), reference.load()]);
    expect(a).toBe(b);
    expect(calls).toHaveLength(1);
  });
});
