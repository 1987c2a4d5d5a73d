/**
 * What a query costs WordPress, as `extensions.upstream` reports it and as the demo site saw it: requests,
 * sequential round trips, the `_fields` each collection was asked for, and identical GETs coalesced in flight.
 * Caches are off here (every request reaches the site), except where a test says otherwise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpstreamDispatcher } from '../../src/wordpress/dispatcher.ts';
import { type CacheHarness, DEBUG, EDITOR_AUTH, HOME, POST_PAGE, startCacheHarness } from './cache-harness.ts';

const COLD = { cacheTtlMs: 0, entityCacheTtlMs: 0 };

interface HomeData {
  posts: { nodes: { databaseId: number }[] };
}

describe('extensions.upstream', () => {
  let h: CacheHarness;
  beforeAll(async () => {
    h = await startCacheHarness({ config: COLD });
  });
  afterAll(() => h.close());

  it.each([10, 50, 100])('the home query at N = %i: 5 requests in 2 round trips, each with the planned _fields', async (n) => {
    h.demo.resetRequests();
    const answer = await h.post<HomeData>(HOME, { first: n }, DEBUG);
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.posts.nodes).toHaveLength(n);
    const upstream = answer.extensions!.upstream!;
    expect(upstream).toMatchObject({ requests: 5, roundTrips: 2, cache: { response: 'off', entity: { hits: 0, misses: 0 } } });
    expect(upstream.ms).toBeGreaterThan(0);

    // The report and the site agree, and the list went first, the four batches together after it.
    const site = h.upstream();
    expect(site).toHaveLength(5);
    expect(upstream.calls.map((c) => c.request).sort()).toEqual([...site].sort());
    const byRoute = Object.fromEntries(upstream.calls.map((c) => [c.request.split('?')[0], c]));
    expect(byRoute['GET /wp/v2/posts']!.roundTrip).toBe(1);
    for (const route of ['users', 'categories', 'tags', 'media']) expect(byRoute[`GET /wp/v2/${route}`]!.roundTrip).toBe(2);

    // `_fields` is the selection's, for every collection. `excerpt` brings `content` (an automatic excerpt of a post
    // with a more tag is WPGraphQL's trim of the whole content: src/models/excerpt.ts), which replaces the
    // `content.protected` the other fields read.
    const fields = (path: string) => h.demo.requests.find((r) => r.path === path)?.query._fields?.split(',');
    expect(fields('/wp/v2/posts')).toEqual([
      'author',
      'categories',
      'content',
      'date',
      'excerpt',
      'featured_media',
      'id',
      'link',
      'tags',
      'title',
    ]);
    expect(fields('/wp/v2/users')).toEqual(['avatar_urls', 'id', 'link', 'name']);
    expect(fields('/wp/v2/categories')).toEqual(['id', 'link', 'name']);
    expect(fields('/wp/v2/tags')).toEqual(['id', 'name']);
    expect(fields('/wp/v2/media')).toEqual(['alt_text', 'id', 'media_details', 'media_type', 'source_url']);
  });

  it('a post page (post by slug, author, terms with ancestors, comments): one round trip per relation level', async () => {
    const list = await h.post<{ posts: { nodes: { slug: string; commentCount: number | null; tags: { nodes: unknown[] } }[] } }>(
      '{ posts(first: 20) { nodes { slug commentCount tags { nodes { id } } } } }',
    );
    const slug = list.data!.posts.nodes.find((p) => p.tags.nodes.length > 0 && (p.commentCount ?? 0) > 0)!.slug;
    h.demo.resetRequests();
    const answer = await h.post(POST_PAGE, { slug }, DEBUG);
    expect(answer.errors).toBeUndefined();
    const upstream = answer.extensions!.upstream!;
    const trips = new Map<number, string[]>();
    for (const call of upstream.calls)
      trips.set(call.roundTrip, [...(trips.get(call.roundTrip) ?? []), call.request.split('?')[0]!].sort());
    // The post by slug; then author, terms and comments together; then one batch per level of category ancestors.
    expect(trips.get(1)).toEqual(['GET /wp/v2/posts']);
    expect(trips.get(2)).toEqual(['GET /wp/v2/categories', 'GET /wp/v2/comments', 'GET /wp/v2/tags', 'GET /wp/v2/users']);
    for (let trip = 3; trip <= upstream.roundTrips; trip++) expect(trips.get(trip)).toEqual(['GET /wp/v2/categories']);
    expect(upstream.requests).toBe(h.upstream().length);
    // `content` is selected, and `content.protected` is planned too: WordPress 6.1 would answer
    // `_fields=content,content.protected,…` with `content` alone, so only the parent is sent.
    const postFields = h.demo.requests.find((r) => r.path === '/wp/v2/posts')!.query._fields!.split(',');
    expect(postFields).toContain('content');
    expect(postFields).not.toContain('content.protected');
  });

  it('is absent unless asked for with x-gateway-debug: 1', async () => {
    const answer = await h.post('{ posts(first: 1) { nodes { id } } }');
    expect(answer.extensions?.upstream).toBeUndefined();
  });

  it('counts a signed-in viewer’s requests too, and says the caches were bypassed', async () => {
    const answer = await h.post('{ posts(first: 2) { nodes { title author { node { name } } } } }', undefined, {
      ...DEBUG,
      ...EDITOR_AUTH,
    });
    expect(answer.extensions!.upstream).toMatchObject({ requests: 2, roundTrips: 2, cache: { response: 'bypass' } });
  });
});

describe('the debug-upstream setting', () => {
  it('adds extensions.upstream to every answer', async () => {
    const h = await startCacheHarness({ config: { ...COLD, debugUpstream: true } });
    try {
      const answer = await h.post('{ posts(first: 1) { nodes { id } } }');
      expect(answer.extensions!.upstream).toMatchObject({ requests: 1, roundTrips: 1 });
    } finally {
      await h.close();
    }
  });
});

describe('identical in-flight GETs are coalesced across concurrent anonymous requests', () => {
  // The gateway's own dispatcher (src/wordpress/dispatcher.ts): retries, circuit breaker, and undici's
  // deduplicate interceptor outermost, skipping requests with credentials.
  let upstream: ReturnType<typeof createUpstreamDispatcher>;
  let h: CacheHarness;
  beforeAll(async () => {
    upstream = createUpstreamDispatcher();
    // Latency keeps the first request in flight while the others arrive.
    h = await startCacheHarness({ config: COLD, dispatcher: upstream.dispatcher, demoOptions: { latencyMs: 150 } });
  });
  afterAll(async () => {
    await h.close();
    await upstream.close();
  });

  it('five concurrent home queries: the site sees the 5 requests of one', async () => {
    h.demo.resetRequests();
    const answers = await Promise.all(Array.from({ length: 5 }, () => h.post<HomeData>(HOME, { first: 10 }, DEBUG)));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual(answers[0]!.data);
      // Each operation still reports the requests it made; the site saw each only once.
      expect(answer.extensions!.upstream!.requests).toBe(5);
    }
    expect(h.upstream()).toHaveLength(5);
    expect(new Set(h.upstream()).size).toBe(5);
  });

  it('requests carrying Authorization are never coalesced, not even with each other', async () => {
    h.demo.resetRequests();
    await Promise.all(Array.from({ length: 3 }, () => h.post('{ posts(first: 2) { nodes { id } } }', undefined, EDITOR_AUTH)));
    const posts = h.demo.requests.filter((r) => r.path === '/wp/v2/posts');
    expect(posts).toHaveLength(3);
    expect(posts.every((r) => r.authenticated)).toBe(true);
  });
});
