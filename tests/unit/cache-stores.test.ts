import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { parsePurgeRequest, purge, PurgeInputError } from '../../src/cache/purge.ts';
import type { RedisLink, RedisState } from '../../src/cache/redis.ts';
import { createResponseStore, FRESH_UNTIL, MEMORY_ANSWER_MAX_BYTES } from '../../src/cache/response-store.ts';
import { createMemoryStore, createSharedStore } from '../../src/cache/stores.ts';
import { UpstreamLedger } from '../../src/loaders/upstream-ledger.ts';
import type { WordPressClient } from '../../src/wordpress/client.ts';

/**
 * A Redis link over a fake client holding keys in a Map, which a test can take down and bring back. Only the
 * commands the stores use exist; `down` makes each of them reject, as ioredis does without an offline queue.
 */
function fakeRedis() {
  const data = new Map<string, string>();
  const listeners: (() => void)[] = [];
  const state = { down: false, failures: 0 };
  const guard = () => {
    if (state.down) throw new Error('Connection is closed.');
  };
  const client = {
    async mget(...keys: string[]) {
      guard();
      return keys.map((k) => data.get(`p:${k}`) ?? null);
    },
    pipeline() {
      const ops: (() => void)[] = [];
      const pipe = {
        set(key: string, value: string) {
          ops.push(() => data.set(`p:${key}`, value));
          return pipe;
        },
        async exec() {
          guard();
          for (const op of ops) op();
          return ops.map(() => [null, 'OK']);
        },
      };
      return pipe;
    },
    async unlink(...keys: string[]) {
      guard();
      for (const k of keys) data.delete(`p:${k}`);
      return keys.length;
    },
    async scan(_cursor: string, _match: string, pattern: string) {
      guard();
      const prefix = pattern.replace(/\*$/, '');
      return ['0', [...data.keys()].filter((k) => k.startsWith(prefix))];
    },
  };
  const link: RedisLink = {
    client: client as unknown as Redis,
    label: 'redis://fake',
    keyPrefix: 'p:',
    state: (): RedisState => (state.down ? 'unreachable' : 'ready'),
    usable: () => !state.down,
    onRecover: (listener) => void listeners.push(listener),
    failed: () => void state.failures++,
    close: async () => {},
  };
  return {
    link,
    data,
    state,
    recover: async () => {
      state.down = false;
      for (const l of listeners) l();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

describe('createSharedStore', () => {
  it('uses Redis while it answers', async () => {
    const redis = fakeRedis();
    const store = createSharedStore<{ v: number }>(redis.link);
    await store.setMany([['a', { v: 1 }, 1_000]]);
    expect(redis.data.get('p:a')).toBe('{"v":1}');
    expect(await store.getMany(['a', 'b'])).toEqual([{ v: 1 }, undefined]);
    expect(store.tier()).toBe('redis');
  });

  it('Redis down: reads and writes go to memory, nothing throws', async () => {
    const redis = fakeRedis();
    const store = createSharedStore<{ v: number }>(redis.link);
    redis.state.down = true;
    await store.setMany([['a', { v: 2 }, 1_000]]);
    expect(await store.getMany(['a'])).toEqual([{ v: 2 }]);
    expect(store.tier()).toBe('memory');
    expect(redis.data.size).toBe(0);
  });

  it('a command failing while the link looked usable: reported, and memory serves the call', async () => {
    const redis = fakeRedis();
    const failing = { ...redis.link, usable: () => true };
    const flaky = createSharedStore<{ v: number }>(failing);
    redis.state.down = true;
    await expect(flaky.getMany(['a'])).resolves.toEqual([undefined]);
    expect(redis.state.failures).toBe(1);
  });

  it('deletions made while Redis is down reach it when it is back', async () => {
    const redis = fakeRedis();
    const store = createSharedStore<{ v: number }>(redis.link);
    await store.setMany([
      ['entity:posts:1', { v: 1 }, 60_000],
      ['entity:users:1', { v: 1 }, 60_000],
      ['apq:x', { v: 1 }, 60_000],
    ]);
    redis.state.down = true;
    await store.delete(['apq:x']);
    await store.deletePrefix('entity:');
    expect(redis.data.size).toBe(3); // Redis kept its copies meanwhile
    await redis.recover();
    expect([...redis.data.keys()]).toEqual([]);
  });
});

describe('createMemoryStore', () => {
  it('honours each entry’s time to live', async () => {
    const store = createMemoryStore<{ v: number }>();
    await store.setMany([
      ['a', { v: 1 }, 20],
      ['b', { v: 2 }, 0],
    ]);
    expect(await store.getMany(['a', 'b'])).toEqual([{ v: 1 }, undefined]);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(await store.getMany(['a'])).toEqual([undefined]);
  });
});

describe('createResponseStore (memory)', () => {
  const noRedis: RedisLink = {
    client: undefined,
    label: undefined,
    keyPrefix: '',
    state: () => 'off',
    usable: () => false,
    onRecover() {},
    failed() {},
    close: async () => {},
  };

  it('fresh for the time to live, then stale (for stale-if-error only) for the window, then gone', async () => {
    let now = 0;
    const store = createResponseStore({ redis: noRedis, staleIfErrorMs: 1_000, now: () => now });
    const result = { data: { a: 1 } };
    await store.set('k', result, [{ typename: 'Post', id: 'x' }], 500);
    expect((result as Record<symbol, unknown>)[FRESH_UNTIL]).toBe(500);
    now = 499;
    expect(await store.get('k')).toMatchObject({ data: { a: 1 } });
    expect((await store.get('k'))!.extensions).toBeUndefined();
    now = 500;
    expect(await store.get('k')).toBeUndefined();
    expect(await store.getStale('k')).toEqual({ result: { data: { a: 1 } }, ageMs: 500 });
    now = 1_501;
    expect(await store.getStale('k')).toBeUndefined();
  });

  it('invalidation by entity, and clear', async () => {
    const store = createResponseStore({ redis: noRedis, staleIfErrorMs: 0 });
    await store.set('a', { data: { n: 1 } }, [{ typename: 'Post', id: 'p1' }], 60_000);
    await store.set('b', { data: { n: 2 } }, [{ typename: 'Tag', id: 't1' }], 60_000);
    await store.invalidate([{ typename: 'Post', id: 'p1' }]);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBeDefined();
    await store.clear([]);
    expect(await store.get('b')).toBeUndefined();
  });

  it('keeps answers up to MEMORY_ANSWER_MAX_BYTES of JSON in memory, and serves larger ones uncached', async () => {
    const store = createResponseStore({ redis: noRedis, staleIfErrorMs: 0 });
    // `{"data":{"s":"…"},"extensions":{…meta…}}`: the string fills all but the envelope.
    const sized = (length: number) => ({ data: { s: 'x'.repeat(length) } });
    await store.set('small', sized(MEMORY_ANSWER_MAX_BYTES - 200), [], 60_000);
    await store.set('large', sized(MEMORY_ANSWER_MAX_BYTES), [], 60_000);
    expect((await store.get('small'))?.data).toEqual(sized(MEMORY_ANSWER_MAX_BYTES - 200).data);
    expect(await store.get('large')).toBeUndefined();
  });
});

describe('parsePurgeRequest', () => {
  it('reads every accepted form', () => {
    expect(parsePurgeRequest({ all: true })).toEqual({ all: true });
    const one = parsePurgeRequest({ type: 'post_tag', id: '7' });
    expect('targets' in one && one.targets.map((t) => [t.kind.typename, t.id])).toEqual([['Tag', 7]]);
    const many = parsePurgeRequest({
      entities: [{ type: 'Post', id: Buffer.from('post:12').toString('base64') }, { type: 'attachment' }, { type: 'users', id: 3 }],
    });
    expect('targets' in many && many.targets.map((t) => [t.kind.typename, t.kind.collection, t.id])).toEqual([
      ['Post', 'posts', 12],
      ['MediaItem', 'media', undefined],
      ['User', 'users', 3],
    ]);
  });

  it('refuses the rest, saying what was expected', () => {
    for (const body of [
      null,
      [],
      {},
      { entities: [] },
      { type: 'widget' },
      { type: 'post', id: 0 },
      { type: 'post', id: 'bm9wZQ==' },
      { type: 'post', id: 1.5 },
    ]) {
      expect(() => parsePurgeRequest(body)).toThrow(PurgeInputError);
    }
  });

  it('applies to both caches: response entities by global id, records by collection and id', async () => {
    const invalidated: unknown[] = [];
    const purged: unknown[] = [];
    const report = await purge(parsePurgeRequest({ entities: [{ type: 'category', id: 4 }, { type: 'comment' }] }), {
      responses: { invalidate: async (e: unknown[]) => void invalidated.push(...e) } as never,
      entities: { purge: async (c: string, ids?: number[]) => void purged.push([c, ids]) } as never,
      typenames: [],
    });
    expect(invalidated).toEqual([{ typename: 'Category', id: Buffer.from('term:4').toString('base64') }, { typename: 'Comment' }]);
    expect(purged).toEqual([
      ['categories', [4]],
      ['comments', undefined],
    ]);
    expect(report).toEqual({ all: false, entities: [`Category:${Buffer.from('term:4').toString('base64')}`, 'Comment'] });
  });
});

describe('UpstreamLedger', () => {
  /** A client whose answers the test releases by route. */
  function controlledClient() {
    const waiting = new Map<string, () => void>();
    const client = {
      get: (route: string) => new Promise((resolve) => waiting.set(route, () => resolve({ data: [], total: 0, totalPages: 0 }))),
    } as unknown as WordPressClient;
    const release = async (route: string) => {
      waiting.get(route)!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    return { client, release };
  }

  it('requests sent together share a round trip; one sent after an answer starts the next', async () => {
    const ledger = new UpstreamLedger();
    const { client, release } = controlledClient();
    const watched = ledger.watch(client);
    const list = watched.get('/wp/v2/posts');
    await release('/wp/v2/posts');
    await list;
    const batches = [watched.get('/wp/v2/users'), watched.get('/wp/v2/tags')];
    await release('/wp/v2/users');
    // Sent while `tags` (round trip 2) is still in flight, but after `users` answered: round trip 3.
    const late = watched.get('/wp/v2/categories');
    await release('/wp/v2/tags');
    await release('/wp/v2/categories');
    await Promise.all([...batches, late]);
    expect(ledger.requests).toBe(4);
    expect(ledger.roundTrips).toBe(3);
    expect(ledger.calls.map((c) => [c.request, c.roundTrip])).toEqual([
      ['GET /wp/v2/posts', 1],
      ['GET /wp/v2/users', 2],
      ['GET /wp/v2/tags', 2],
      ['GET /wp/v2/categories', 3],
    ]);
  });

  it('a failed request is counted, with its code', async () => {
    const ledger = new UpstreamLedger();
    const client = {
      get: async () => Promise.reject(Object.assign(new Error('down'), { code: 'UPSTREAM_UNAVAILABLE' })),
    } as unknown as WordPressClient;
    await expect(ledger.watch(client).get('/wp/v2/posts', { per_page: 1 })).rejects.toThrow('down');
    expect(ledger.calls).toEqual([
      { request: 'GET /wp/v2/posts?per_page=1', error: 'UPSTREAM_UNAVAILABLE', ms: expect.any(Number), roundTrip: 1 },
    ]);
  });
});
