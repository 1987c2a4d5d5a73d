import { describe, expect, it } from 'vitest';
import { covers, EntityCache, type EntityCacheValue } from '../../src/cache/entity-cache.ts';
import { createMemoryStore } from '../../src/cache/stores.ts';
import { loadRecordsById, restFields, type UpstreamRequestScope } from '../../src/loaders/records.ts';
import type { RestQuery, WordPressClient } from '../../src/wordpress/client.ts';
import type { Collection } from '../../src/wordpress/rest-types.ts';

/** A WordPress holding users 1..9, and the batches (`include` ids) it was asked for. */
function fakeWordPress() {
  const calls: { ids: number[]; fields: string | undefined; authorization: string | undefined }[] = [];
  const client = {
    async get(_route: string, query: RestQuery, options: { authorization?: string } = {}) {
      const ids = (query.include as number[]).slice();
      const fields = (query._fields as string[] | undefined)?.join(',');
      calls.push({ ids, fields, authorization: options.authorization });
      const data = ids.filter((id) => id < 10).map((id) => ({ id, name: `User ${id}`, slug: `user-${id}`, description: `About ${id}` }));
      return { data, total: data.length, totalPages: 1 };
    },
  } as unknown as WordPressClient;
  return { client, calls };
}

function scopeOf(client: WordPressClient, fields: string[] | undefined, cache?: EntityCache, authorization?: string): UpstreamRequestScope {
  return { client, authorization, fieldsFor: () => fields, entityCache: cache, entityStats: { hits: 0, misses: 0 } };
}

function cacheWithClock(ttlMs = 30_000) {
  const clock = { now: 1_000 };
  const cache = new EntityCache({ store: createMemoryStore<EntityCacheValue>(), ttlMs, now: () => clock.now });
  return { cache, clock };
}

/** Lets the not-awaited cache writes of a load finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('covers', () => {
  it('a whole record covers any field set; a trimmed one only its fields and what they nest', () => {
    expect(covers(null, undefined)).toBe(true);
    expect(covers(null, ['id', 'name'])).toBe(true);
    expect(covers(['id', 'name'], undefined)).toBe(false);
    expect(covers(['id', 'name', 'slug'], ['id', 'name'])).toBe(true);
    expect(covers(['id', 'name'], ['id', 'description'])).toBe(false);
    expect(covers(['content', 'id'], ['content.protected', 'id'])).toBe(true);
    expect(covers(['content.protected', 'id'], ['content', 'id'])).toBe(false);
  });
});

describe('loadRecordsById with the entity cache', () => {
  it('asks WordPress only for ids the cache does not hold: [[1, 2, 3]], then [[4]]', async () => {
    const { client, calls } = fakeWordPress();
    const { cache } = cacheWithClock();
    const first = scopeOf(client, ['id', 'name'], cache);
    expect((await loadRecordsById(first, 'users', [1, 2, 3])).map((u) => u?.id)).toEqual([1, 2, 3]);
    await settle();
    const second = scopeOf(client, ['id', 'name'], cache);
    const users = await loadRecordsById(second, 'users', [3, 4, 1]);
    expect(users.map((u) => u?.name)).toEqual(['User 3', 'User 4', 'User 1']);
    expect(calls.map((c) => c.ids)).toEqual([[1, 2, 3], [4]]);
    expect(second.entityStats).toEqual({ hits: 2, misses: 1 });
  });

  it('all held: no request at all', async () => {
    const { client, calls } = fakeWordPress();
    const { cache } = cacheWithClock();
    await loadRecordsById(scopeOf(client, ['id', 'name'], cache), 'users', [1, 2]);
    await settle();
    await loadRecordsById(scopeOf(client, ['id'], cache), 'users', [2, 1]);
    expect(calls).toHaveLength(1);
  });

  it('held with fewer fields than asked: fetched again, then held with both field sets', async () => {
    const { client, calls } = fakeWordPress();
    const { cache } = cacheWithClock();
    await loadRecordsById(scopeOf(client, ['id', 'name'], cache), 'users', [1]);
    await settle();
    const more = await loadRecordsById(scopeOf(client, ['description', 'id'], cache), 'users', [1]);
    expect(more[0]).toMatchObject({ description: 'About 1' });
    await settle();
    const both = await loadRecordsById(scopeOf(client, ['description', 'id', 'name'], cache), 'users', [1]);
    expect(both[0]).toMatchObject({ name: 'User 1', description: 'About 1' });
    expect(calls.map((c) => c.fields)).toEqual(['id,name', 'description,id']);
  });

  it('whole records (no _fields) are only served by whole records', async () => {
    const { client, calls } = fakeWordPress();
    const { cache } = cacheWithClock();
    await loadRecordsById(scopeOf(client, ['id', 'name'], cache), 'users', [1]);
    await settle();
    await loadRecordsById(scopeOf(client, undefined, cache), 'users', [1]);
    await settle();
    await loadRecordsById(scopeOf(client, ['id', 'slug'], cache), 'users', [1]);
    expect(calls.map((c) => c.fields)).toEqual(['id,name', undefined]);
  });

  it('records expire after the time to live; a merge keeps the older expiry', async () => {
    const { client, calls } = fakeWordPress();
    const { cache, clock } = cacheWithClock(30_000);
    await loadRecordsById(scopeOf(client, ['id', 'name'], cache), 'users', [1]);
    await settle();
    clock.now += 20_000;
    await loadRecordsById(scopeOf(client, ['description', 'id'], cache), 'users', [1]); // merged, expires at 31_000
    await settle();
    clock.now += 15_000;
    await loadRecordsById(scopeOf(client, ['id', 'name'], cache), 'users', [1]);
    expect(calls).toHaveLength(3);
  });

  it('ids WordPress did not return are not cached (asked again next time)', async () => {
    const { client, calls } = fakeWordPress();
    const { cache } = cacheWithClock();
    expect(await loadRecordsById(scopeOf(client, ['id'], cache), 'users', [1, 42])).toEqual([
      { id: 1, name: 'User 1', slug: 'user-1', description: 'About 1' },
      null,
    ]);
    await settle();
    await loadRecordsById(scopeOf(client, ['id'], cache), 'users', [1, 42]);
    expect(calls.map((c) => c.ids)).toEqual([[1, 42], [42]]);
  });

  it('without a cache in the scope (a signed-in viewer) every id goes to WordPress, and nothing is kept', async () => {
    const { client, calls } = fakeWordPress();
    const { cache } = cacheWithClock();
    await loadRecordsById(scopeOf(client, ['id', 'name'], undefined, 'Basic abc'), 'users', [1, 2]);
    await settle();
    expect(await cache.read('users', [1, 2], ['id'])).toEqual({ hits: new Map(), partial: new Map(), stale: [] });
    await loadRecordsById(scopeOf(client, ['id', 'name'], cache), 'users', [1, 2]);
    expect(calls.map((c) => [c.ids, c.authorization])).toEqual([
      [[1, 2], 'Basic abc'],
      [[1, 2], undefined],
    ]);
  });
});

describe('EntityCache purge', () => {
  it('by ids, by collection, everything', async () => {
    const { cache } = cacheWithClock();
    const put = (collection: Collection, ids: number[]) =>
      cache.write(
        collection,
        ids.map((id) => ({ id })),
        ['id'],
        new Map(),
      );
    await put('users', [1, 2]);
    await put('posts', [1]);
    await cache.purge('users', [1]);
    expect([...(await cache.read('users', [1, 2], ['id'])).hits.keys()]).toEqual([2]);
    await cache.purge('users');
    expect((await cache.read('users', [2], ['id'])).hits.size).toBe(0);
    expect((await cache.read('posts', [1], ['id'])).hits.size).toBe(1);
    await cache.clear();
    expect((await cache.read('posts', [1], ['id'])).hits.size).toBe(0);
  });
});

describe('EntityCache list pages', () => {
  const query = { per_page: 2, order: 'desc', _fields: ['id', 'title'] };

  it('the same query (whatever its _fields) with every record held: answered in order, with its total', async () => {
    const { cache } = cacheWithClock();
    await cache.writeList(
      'posts',
      query,
      [
        { id: 9, title: 'a' },
        { id: 7, title: 'b' },
      ],
      40,
      ['id', 'title'],
    );
    expect(await cache.readList('posts', { order: 'desc', per_page: 2, _fields: ['id'] }, ['id'])).toEqual({
      records: [
        { id: 9, title: 'a' },
        { id: 7, title: 'b' },
      ],
      total: 40,
      stale: false,
    });
    expect(await cache.readList('posts', { per_page: 3, order: 'desc' }, ['id'])).toBeUndefined();
  });

  it('a record missing, or lacking a field: undefined (the list goes to WordPress)', async () => {
    const { cache } = cacheWithClock();
    await cache.writeList(
      'posts',
      query,
      [
        { id: 9, title: 'a' },
        { id: 7, title: 'b' },
      ],
      40,
      ['id', 'title'],
    );
    expect(await cache.readList('posts', query, ['id', 'slug'])).toBeUndefined();
    await cache.purge('posts', [7]);
    expect(await cache.readList('posts', query, ['id'])).toBeUndefined();
  });

  it('a purge of any record of the collection drops its list pages; other collections keep theirs', async () => {
    const { cache } = cacheWithClock();
    await cache.writeList('posts', query, [{ id: 9 }], 1, ['id']);
    await cache.writeList('tags', { per_page: 1 }, [{ id: 3 }], 1, ['id']);
    await cache.purge('posts', [12345]);
    expect(await cache.readList('posts', query, ['id'])).toBeUndefined();
    expect(await cache.readList('tags', { per_page: 1 }, ['id'])).toBeDefined();
  });

  it('expires with the time to live', async () => {
    const { cache, clock } = cacheWithClock(1_000);
    await cache.writeList('posts', query, [{ id: 9 }], 1, ['id']);
    clock.now += 1_000;
    expect(await cache.readList('posts', query, ['id'])).toBeUndefined();
  });
});

describe('restFields', () => {
  it('never names a field with one of its own sub-fields (WordPress 6.1 then drops every other field)', () => {
    expect(restFields(['title', 'content.protected', 'content', 'id', 'id'])).toEqual(['content', 'id', 'title']);
    expect(restFields(['content.protected', 'excerpt.protected', 'id'])).toEqual(['content.protected', 'excerpt.protected', 'id']);
    expect(restFields(['a.b.c', 'a.b', 'a.bc'])).toEqual(['a.b', 'a.bc']);
    expect(restFields(undefined)).toBeUndefined();
  });
});

describe('stale-while-revalidate', () => {
  const staleCache = () => {
    const clock = { now: 1_000 };
    const cache = new EntityCache({ store: createMemoryStore<EntityCacheValue>(), ttlMs: 1_000, staleMs: 10_000, now: () => clock.now });
    return { cache, clock };
  };
  const drain = async () => {
    for (let i = 0; i < 5; i++) await settle();
  };

  it('past its lifetime a record is served at once and refreshed once in the background; past the window, a miss', async () => {
    const { client, calls } = fakeWordPress();
    const { cache, clock } = staleCache();
    await loadRecordsById(scopeOf(client, ['id', 'name'], cache), 'users', [1, 2]);
    await drain();
    clock.now += 5_000;
    // Two requests read them stale at the same time: both are answered from the cache, one refresh serves both.
    const first = scopeOf(client, ['id', 'name'], cache);
    const second = scopeOf(client, ['id', 'name'], cache);
    const [a, b] = await Promise.all([loadRecordsById(first, 'users', [1, 2]), loadRecordsById(second, 'users', [2])]);
    expect(a.map((u) => u?.name)).toEqual(['User 1', 'User 2']);
    expect(b.map((u) => u?.name)).toEqual(['User 2']);
    expect(first.entityStats).toEqual({ hits: 2, misses: 0 });
    await drain();
    expect(calls.map((c) => c.ids)).toEqual([
      [1, 2],
      [1, 2],
    ]);
    // The refresh made them fresh again: nothing more is asked.
    await loadRecordsById(scopeOf(client, ['id', 'name'], cache), 'users', [1, 2]);
    await drain();
    expect(calls).toHaveLength(2);
    // Past the lifetime and the window: not served, asked on the request's own path.
    clock.now += 20_000;
    const late = scopeOf(client, ['id', 'name'], cache);
    await loadRecordsById(late, 'users', [1]);
    expect(late.entityStats).toEqual({ hits: 0, misses: 1 });
    expect(calls.map((c) => c.ids).at(-1)).toEqual([1]);
  });

  it('claims: a record or list page being refreshed is not claimed again until the refresh is done', () => {
    const { cache } = staleCache();
    const one = cache.claim('users', { ids: [1, 2] });
    expect(one.ids).toEqual([1, 2]);
    expect(cache.claim('users', { ids: [2, 3] }).ids).toEqual([3]);
    one.done();
    expect(cache.claim('users', { ids: [1] }).ids).toEqual([1]);
    const list = cache.claim('posts', { query: { per_page: 10 } });
    expect(list.list).toBe(true);
    expect(cache.claim('posts', { query: { per_page: 10 } }).list).toBe(false);
    list.done();
    expect(cache.claim('posts', { query: { per_page: 10 } }).list).toBe(true);
  });

  it('a list page past its lifetime is served and reported stale; past the window, not served', async () => {
    const { cache, clock } = staleCache();
    await cache.writeList(
      'users',
      { per_page: 2 },
      [
        { id: 1, name: 'A' },
        { id: 2, name: 'B' },
      ],
      9,
      ['id', 'name'],
    );
    expect((await cache.readList('users', { per_page: 2 }, ['id', 'name']))?.stale).toBe(false);
    clock.now += 5_000;
    const stale = await cache.readList('users', { per_page: 2 }, ['id', 'name']);
    expect(stale).toMatchObject({ total: 9, stale: true });
    expect(stale?.records.map((r) => r.name)).toEqual(['A', 'B']);
    clock.now += 10_000;
    expect(await cache.readList('users', { per_page: 2 }, ['id', 'name'])).toBeUndefined();
  });
});
