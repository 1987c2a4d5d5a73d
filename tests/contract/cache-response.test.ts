/**
 * The response cache over the demo site: hits cost WordPress nothing; ETag / If-None-Match → 304;
 * Cache-Control on GET answers; answers to signed-in viewers never shared; purges; stale-if-error.
 * The entity cache is off here, so every miss shows up whole at the site.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import content from '../../demo/content.json' with { type: 'json' };
import { CSRF, DEBUG, EDITOR_AUTH, HOME, startCacheHarness, type CacheHarness } from './cache-harness.ts';

const SECRET = 'purge-secret-for-tests';
const draft = content.posts.find((p) => p.status === 'draft')!;

let h: CacheHarness;
beforeAll(async () => {
  h = await startCacheHarness({ config: { entityCacheTtlMs: 0, cacheTtlMs: 60_000, purgeSecret: SECRET } });
});
afterAll(() => h.close());
afterEach(async () => {
  // Each test starts from an empty cache.
  const response = await h.fetch('/cache/purge', { method: 'POST', headers: { authorization: `Bearer ${SECRET}` }, body: '{"all":true}' });
  expect(response.status).toBe(200);
  h.demo.resetRequests();
});

const purge = (body: unknown, secret: string | null = SECRET) =>
  h.fetch('/cache/purge', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { authorization: `Bearer ${secret}` }) },
    body: JSON.stringify(body),
  });

describe('hits', () => {
  it('the same document and variables again: served from the cache, nothing asked of WordPress', async () => {
    const first = await h.post(HOME, { first: 10 }, DEBUG);
    expect(first.extensions!.upstream).toMatchObject({ requests: 5, cache: { response: 'miss' } });
    h.demo.resetRequests();
    const second = await h.post(HOME, { first: 10 }, DEBUG);
    expect(h.upstream()).toEqual([]);
    expect(second.data).toEqual(first.data);
    expect(second.extensions!.upstream).toMatchObject({ requests: 0, roundTrips: 0, cache: { response: 'hit' } });
  });

  it('other variables are another answer', async () => {
    await h.post(HOME, { first: 3 });
    h.demo.resetRequests();
    await h.post(HOME, { first: 4 });
    expect(h.upstream()).toHaveLength(5);
  });

  it('answers with errors are not stored', async () => {
    const failing = '{ posts(first: 2) { nodes { id } } node(id: "bm90LWFuLWlk") { id } }';
    await h.post(failing);
    const again = await h.post(failing, undefined, DEBUG);
    expect(again.errors).toBeDefined();
    expect(again.extensions!.upstream!.cache.response).toBe('miss');
  });
});

describe('ETag and 304', () => {
  it('If-None-Match with the ETag of a cached answer: 304, no body, nothing asked of WordPress', async () => {
    const first = await h.get(HOME, { first: 2 });
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^rc:[0-9a-f]{64}$/);
    expect(first.headers.get('last-modified')).toBeTruthy();
    h.demo.resetRequests();
    const params = new URLSearchParams({ query: HOME, variables: JSON.stringify({ first: 2 }) });
    const response = await h.fetch(`/graphql?${params}`, { headers: { 'if-none-match': etag!, ...CSRF } });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
    expect(h.upstream()).toEqual([]);
  });

  it('once the answer is purged, the same ETag gets a full answer', async () => {
    const first = await h.post(HOME, { first: 2 });
    expect((await purge({ all: true })).status).toBe(200);
    const response = await h.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-none-match': first.headers.get('etag')! },
      body: JSON.stringify({ query: HOME, variables: { first: 2 } }),
    });
    expect(response.status).toBe(200);
  });

  it('a signed-in viewer never gets a 304 from the shared cache', async () => {
    const first = await h.get(HOME, { first: 2 });
    const params = new URLSearchParams({ query: HOME, variables: JSON.stringify({ first: 2 }) });
    const response = await h.fetch(`/graphql?${params}`, {
      headers: { 'if-none-match': first.headers.get('etag')!, ...CSRF, ...EDITOR_AUTH },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBeNull();
  });
});

describe('Cache-Control', () => {
  it('a cached GET answer may be kept by a CDN for the rest of its lifetime', async () => {
    const miss = await h.get(HOME, { first: 1 });
    expect(miss.headers.get('cache-control')).toMatch(/^public, max-age=(59|60), stale-if-error=300$/);
    const hit = await h.get(HOME, { first: 1 });
    expect(hit.headers.get('cache-control')).toMatch(/^public, max-age=(5\d|60), stale-if-error=300$/);
  });

  it('signed-in viewers: private, no-store; answers with errors: no-store', async () => {
    expect((await h.get(HOME, { first: 1 }, EDITOR_AUTH)).headers.get('cache-control')).toBe('private, no-store');
    expect((await h.post(HOME, { first: 1 }, EDITOR_AUTH)).headers.get('cache-control')).toBe('private, no-store');
    expect((await h.get('{ posts(first: -1) { nodes { id } } }')).headers.get('cache-control')).toBe('no-store');
  });

  it('introspection is not cached', async () => {
    expect((await h.get('{ __schema { queryType { name } } }')).headers.get('cache-control')).toBe('no-store');
  });
});

describe('answers to signed-in viewers are never shared', () => {
  const DRAFT = `{ post(id: "${draft.id}", idType: DATABASE_ID) { databaseId status title } }`;

  it('what an editor fetched is not stored: an anonymous request asks WordPress itself and sees no draft', async () => {
    const editor = await h.post<{ post: { status: string } | null }>(DRAFT, undefined, EDITOR_AUTH);
    expect(editor.data!.post!.status).toBe('draft');
    h.demo.resetRequests();
    const anonymous = await h.post<{ post: null }>(DRAFT, undefined, DEBUG);
    expect(anonymous.data).toEqual({ post: null });
    expect(anonymous.extensions!.upstream!.cache.response).toBe('miss');
    expect(h.demo.requests.length).toBeGreaterThan(0);
    expect(h.demo.requests.every((r) => !r.authenticated)).toBe(true);
  });

  it('an anonymous answer in the cache is not served to an editor: the editor’s request goes to WordPress', async () => {
    await h.post(DRAFT);
    await h.post(DRAFT);
    h.demo.resetRequests();
    const editor = await h.post<{ post: { status: string } }>(DRAFT, undefined, { ...EDITOR_AUTH, ...DEBUG });
    expect(editor.data!.post.status).toBe('draft');
    expect(editor.extensions!.upstream!.cache.response).toBe('bypass');
    expect(h.demo.requests.length).toBeGreaterThan(0);
    expect(h.demo.requests.every((r) => r.authenticated)).toBe(true);
  });
});

describe('POST /cache/purge', () => {
  const A = '{ posts(first: 2) { nodes { databaseId title } } }';
  const B = '{ tags(first: 2) { nodes { databaseId name } } }';

  const missesOf = async (query: string) => {
    h.demo.resetRequests();
    await h.post(query);
    return h.upstream().length;
  };

  it('without the secret, or with a wrong one: 401 and nothing purged', async () => {
    await h.post(A);
    for (const secret of [null, 'wrong']) {
      const response = await purge({ all: true }, secret);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect(await missesOf(A)).toBe(0);
  });

  it('by type and database id: answers holding that record go, others stay', async () => {
    const answer = await h.post<{ posts: { nodes: { databaseId: number }[] } }>(A);
    await h.post(B);
    const id = answer.data!.posts.nodes[0]!.databaseId;
    const response = await purge({ type: 'post', id });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ purged: { all: false, entities: [`Post:${Buffer.from(`post:${id}`).toString('base64')}`] } });
    expect(await missesOf(B)).toBe(0);
    expect(await missesOf(A)).toBe(1);
  });

  it('by type alone (a newly published post changes lists that did not hold it)', async () => {
    await h.post(A);
    await h.post(B);
    expect((await purge({ entities: [{ type: 'Post' }] })).status).toBe(200);
    expect(await missesOf(A)).toBe(1);
    expect(await missesOf(B)).toBe(0);
  });

  it('everything', async () => {
    await h.post(A);
    await h.post(B);
    expect((await purge({ all: true })).status).toBe(200);
    expect(await missesOf(A)).toBe(1);
    expect(await missesOf(B)).toBe(1);
  });

  it('bad bodies: 400 naming the problem; GET: 405', async () => {
    const bad = await purge({ type: 'widget', id: 1 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/type: expected one of Post, Page/);
    expect((await purge({ type: 'post', id: -3 })).status).toBe(400);
    expect((await h.fetch('/cache/purge', { headers: { authorization: `Bearer ${SECRET}` } })).status).toBe(405);
  });

  it('is off (404) when no purge secret is set', async () => {
    const off = await startCacheHarness({ demo: h.demo, config: { entityCacheTtlMs: 0 } });
    try {
      expect(
        (await off.fetch('/cache/purge', { method: 'POST', headers: { authorization: 'Bearer x' }, body: '{"all":true}' })).status,
      ).toBe(404);
    } finally {
      await off.close();
    }
  });
});

describe('stale-if-error', () => {
  it('WordPress failing: the last good answer is served, flagged, within the window; after it, the error', async () => {
    let clock = 1_000_000;
    // Stale-while-revalidate off: this case is about the answer after the lifetime, when WordPress fails.
    const s = await startCacheHarness({
      config: { entityCacheTtlMs: 0, cacheTtlMs: 1_000, staleIfErrorMs: 10_000, staleWhileRevalidateMs: 0 },
      now: () => clock,
    });
    try {
      const good = await s.post(HOME, { first: 3 });
      expect(good.errors).toBeUndefined();
      clock += 5_000; // past the time to live: the next request executes
      await s.demo.close();
      const stale = await s.post(HOME, { first: 3 }, DEBUG);
      expect(stale.status).toBe(200);
      expect(stale.errors).toBeUndefined();
      expect(stale.data).toEqual(good.data);
      expect(stale.extensions!.stale).toEqual({ ageMs: 5_000, reason: 'UPSTREAM_UNAVAILABLE' });
      expect(stale.extensions!.upstream!.cache.response).toBe('stale');
      expect(stale.headers.get('cache-control')).toBeNull(); // POST

      clock += 10_000; // past the stale-if-error window too
      const failed = await s.post(HOME, { first: 3 });
      expect(failed.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
      expect(failed.extensions?.stale).toBeUndefined();
    } finally {
      await s.close();
    }
  });
});

describe('stale-while-revalidate', () => {
  it('past its lifetime an answer is served at once and refreshed once in the background; past the window, a miss', async () => {
    let clock = 1_000_000;
    const s = await startCacheHarness({
      config: { entityCacheTtlMs: 0, cacheTtlMs: 1_000, staleIfErrorMs: 0, staleWhileRevalidateMs: 10_000 },
      now: () => clock,
    });
    try {
      const first = await s.post(HOME, { first: 3 }, DEBUG);
      expect(first.extensions!.upstream!.cache.response).toBe('miss');
      const perExecution = s.upstream().length;
      expect(perExecution).toBeGreaterThan(0);
      s.demo.resetRequests();

      clock += 5_000; // past the lifetime, inside the window
      // Several readers at once while it is stale: each is answered from the cache, without waiting for WordPress.
      const readers = await Promise.all([1, 2, 3, 4].map(() => s.post(HOME, { first: 3 }, DEBUG)));
      for (const r of readers) {
        expect(r.errors).toBeUndefined();
        expect(r.data).toEqual(first.data);
        expect(r.extensions!.upstream!.cache.response).toBe('revalidating');
        expect(r.extensions!.upstream!.requests).toBe(0);
      }
      // The refresh lands: the next reader gets a fresh hit (polled, bounded; readers meanwhile get the stale one).
      let next = await s.post(HOME, { first: 3 }, DEBUG);
      for (let i = 0; i < 100 && next.extensions!.upstream!.cache.response !== 'hit'; i++) {
        expect(next.extensions!.upstream!.cache.response).toBe('revalidating');
        await new Promise((r) => setTimeout(r, 20));
        next = await s.post(HOME, { first: 3 }, DEBUG);
      }
      expect(next.extensions!.upstream!.cache.response).toBe('hit');
      // One refresh for all those readers: WordPress saw exactly one execution's requests.
      expect(s.upstream().length).toBe(perExecution);
      s.demo.resetRequests();

      clock += 1_000 + 10_000; // the refreshed answer is past its lifetime and the whole window
      const late = await s.post(HOME, { first: 3 }, DEBUG);
      expect(late.extensions!.upstream!.cache.response).toBe('miss');
      expect(s.upstream().length).toBe(perExecution);
    } finally {
      await s.close();
    }
  });

  it('a stale answer sent by GET is not offered to a CDN as fresh', async () => {
    let clock = 1_000_000;
    const s = await startCacheHarness({
      config: { entityCacheTtlMs: 0, cacheTtlMs: 1_000, staleIfErrorMs: 0, staleWhileRevalidateMs: 10_000 },
      now: () => clock,
    });
    try {
      const fresh = await s.get(HOME, { first: 2 }, CSRF);
      expect(fresh.headers.get('cache-control')).toMatch(/^public, max-age=/);
      clock += 2_000;
      const stale = await s.get(HOME, { first: 2 }, CSRF);
      expect(stale.data).toEqual(fresh.data);
      expect(stale.headers.get('cache-control')).toBe('no-store');
    } finally {
      await s.close();
    }
  });
});
