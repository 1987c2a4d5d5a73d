import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import { authHeaders, nodeIds, rest, restIds, startWordPressGateway, type WordPressGateway, type Json } from './gateway-harness.ts';
import { wordpressTarget } from './target.ts';

// Upstream request counts on the real site: the home query (tests/operations/home-page.graphql: N posts with
// author, categories, tags and featured image) costs one request per REST collection — posts, users,
// categories, tags, media — whatever N. Counted with `onUpstreamRequest` on a fresh gateway each time, so no
// cache from an earlier query can make the count look better than a cold request.

const wp = wordpressTarget();
const HOME = readFileSync(new URL('../operations/home-page.graphql', import.meta.url), 'utf8');

describe.runIf(wp.seeded)('upstream requests per query', () => {
  let gw: WordPressGateway | undefined;
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
  });

  it.each([10, 100])('the home query with first: %i sends 5 requests, one per collection', async (n) => {
    gw = await startWordPressGateway(wp);
    gw.resetUpstream();
    const answer = await gw.query(HOME, { first: n });
    expect(answer.errors).toBeUndefined();
    const sent = gw.upstream.map((r) => `${r.status} ${r.route}`);
    expect(sent.sort()).toEqual(
      ['/wp/v2/categories', '/wp/v2/media', '/wp/v2/posts', '/wp/v2/tags', '/wp/v2/users'].map((route) => `200 ${route}`),
    );
    expect(gw.upstream.every((r) => !r.authenticated)).toBe(true);

    // …and the answer is WordPress's first N posts.
    const truth = await rest(wp, '/wp/v2/posts', { per_page: n, _fields: 'id' });
    expect(nodeIds(answer.data.posts)).toEqual(restIds(truth.body));
    expect(answer.data.posts.pageInfo.total).toBe(SEED.counts.publishedPosts);
    expect(answer.data.posts.nodes.filter((p: Json) => p.featuredImage).length).toBeGreaterThan(0);
  });

  it('with reference collections on (the shipped default), the home query then costs 2: posts, then media', async () => {
    gw = await startWordPressGateway(wp, { referenceCollectionsMax: 500, cacheTtlMs: 0 });
    // The background load at start-up: one request per reference collection (each under 100 records here).
    const deadline = Date.now() + 15_000;
    const loaded = () => ['/wp/v2/categories', '/wp/v2/tags', '/wp/v2/users'].every((route) => gw!.upstream.some((r) => r.route === route));
    while (!loaded() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(gw.upstream.map((r) => `${r.status} ${r.route}`).sort()).toEqual([
      '200 /wp/v2/categories',
      '200 /wp/v2/tags',
      '200 /wp/v2/users',
    ]);
    gw.resetUpstream();
    const answer = await gw.query(HOME, { first: 10 });
    expect(answer.errors).toBeUndefined();
    expect(gw.upstream.map((r) => `${r.status} ${r.route}`).sort()).toEqual(['200 /wp/v2/media', '200 /wp/v2/posts']);
    // The same answer as a gateway that asks WordPress for every record.
    const plain = await startWordPressGateway(wp, { cacheTtlMs: 0, entityCacheTtlMs: 0 });
    try {
      expect(answer.data).toEqual((await plain.query(HOME, { first: 10 })).data);
    } finally {
      await plain.close();
    }
  });

  it('the home query’s second page (after a cursor) costs the same 5', async () => {
    gw = await startWordPressGateway(wp);
    const first = await gw.data(HOME, { first: 10 });
    await gw.close();
    gw = await startWordPressGateway(wp);
    gw.resetUpstream();
    const answer = await gw.query(
      HOME.replace('posts(first: $first)', 'posts(first: $first, after: $after)').replace(
        'query HomePage($first: Int = 10)',
        'query HomePage($first: Int = 10, $after: String)',
      ),
      { first: 10, after: first.posts.pageInfo.endCursor },
    );
    expect(answer.errors).toBeUndefined();
    expect(gw.upstream).toHaveLength(5);
    const truth = await rest(wp, '/wp/v2/posts', { per_page: 10, page: 2, _fields: 'id' });
    expect(nodeIds(answer.data.posts)).toEqual(restIds(truth.body));
  });

  it.runIf(wp.auth !== null)(
    'with the editor’s credentials: the same 5, plus one for the password post she may edit, every one forwarded with them',
    async () => {
      gw = await startWordPressGateway(wp);
      gw.resetUpstream();
      const answer = await gw.query(HOME, { first: 10 }, authHeaders(wp));
      expect(answer.errors).toBeUndefined();
      // The newest post (340) has a password: read again as `/wp/v2/posts/340?context=edit` (src/loaders/protected.ts).
      expect(gw.upstream).toHaveLength(6);
      expect(gw.upstream.filter((r) => r.route === `/wp/v2/posts/${SEED.posts.password}`)).toHaveLength(1);
      expect(gw.upstream.every((r) => r.authenticated)).toBe(true);
    },
  );
});

// The `_embed` planner (src/loaders/embed-plan.ts, docs/capacity.md): a lookup by slug embeds the relations whose
// selected fields WordPress's embed context has, in the post's own request; the rest are asked as usual.
describe.runIf(wp.seeded)('a post page by slug embeds its author, terms and featured image', () => {
  let gw: WordPressGateway | undefined;
  afterEach(async () => {
    await gw?.close();
    gw = undefined;
  });

  const RELATIONS = `
    author { node { databaseId name uri avatar { url } } }
    categories { nodes { databaseId name uri } }
    tags { nodes { databaseId name uri } }
    featuredImage { node { databaseId sourceUrl altText mediaDetails { width height } } }`;

  /** A published post with a featured image, categories, tags and comments, not password-protected. */
  async function fullPost(): Promise<{ id: number; slug: string; comments: number }> {
    const { body } = await rest(wp, '/wp/v2/posts', { per_page: 30, _fields: 'id,slug,featured_media,tags,content.protected' });
    const comments = await rest(wp, '/wp/v2/comments', { per_page: 100, _fields: 'post' });
    const count = (id: number) => (comments.body as Json[]).filter((c) => c.post === id).length;
    const post = (body as Json[]).find((p) => p.featured_media > 0 && p.tags.length > 0 && !p.content.protected && count(p.id) > 0);
    expect(post).toBeDefined();
    return { id: post.id, slug: post.slug, comments: count(post.id) };
  }

  it('1 request: the post with _embed of its relations and replies (and _links, _embedded in _fields); the same answer as by id', async () => {
    const post = await fullPost();
    gw = await startWordPressGateway(wp, { cacheTtlMs: 0, entityCacheTtlMs: 0 });
    gw.resetUpstream();
    const bySlug = await gw.data(
      `query ($slug: ID!) { post(id: $slug, idType: SLUG) { databaseId title ${RELATIONS} comments(first: 20) { nodes { databaseId } } } }`,
      {
        slug: post.slug,
      },
    );
    const sent = gw.upstream.map((r) => ({ route: r.route, embed: r.query._embed, fields: r.query._fields }));
    expect(sent[0]).toEqual({
      route: '/wp/v2/posts',
      embed: ['author', 'wp:term', 'wp:featuredmedia', 'replies'],
      fields: expect.arrayContaining(['_embedded', '_links', 'author', 'categories', 'tags', 'featured_media']),
    });
    // WordPress embeds at most 10 replies: fewer are all of them; 10 may not be, and the comments are asked.
    expect(post.comments).toBeGreaterThan(0);
    expect(sent.map((r) => r.route)).toEqual(post.comments < 10 ? ['/wp/v2/posts'] : ['/wp/v2/posts', '/wp/v2/comments']);
    expect(bySlug.post.comments.nodes).toHaveLength(Math.min(post.comments, 20));
    // By database id the post is loaded by `include=` and its relations by one request per collection: the
    // embedded records must give exactly what those give.
    gw.resetUpstream();
    const byId = await gw.data(
      `query ($id: ID!) { post(id: $id, idType: DATABASE_ID) { databaseId title ${RELATIONS} comments(first: 20) { nodes { databaseId } } } }`,
      {
        id: String(post.id),
      },
    );
    expect(gw.upstream.map((r) => r.route).sort()).toEqual(
      ['/wp/v2/categories', '/wp/v2/comments', '/wp/v2/media', '/wp/v2/posts', '/wp/v2/tags', '/wp/v2/users'].sort(),
    );
    expect(bySlug).toEqual(byId);
    expect(bySlug.post.featuredImage.node.sourceUrl).toMatch(/^http/);
    expect(bySlug.post.tags.nodes.length).toBeGreaterThan(0);
  });

  it('a selected field outside the embed context (a category’s count) leaves that relation to its own request', async () => {
    const post = await fullPost();
    gw = await startWordPressGateway(wp, { cacheTtlMs: 0, entityCacheTtlMs: 0 });
    gw.resetUpstream();
    const answer = await gw.data(
      'query ($slug: ID!) { post(id: $slug, idType: SLUG) { author { node { name } } categories { nodes { name count } } } }',
      { slug: post.slug },
    );
    expect(answer.post.categories.nodes.length).toBeGreaterThan(0);
    const sent = gw.upstream.map((r) => ({ route: r.route, embed: r.query._embed }));
    // Terms come in one `wp:term` embed for categories and tags alike, so `count` keeps both out of it.
    expect(sent).toEqual([
      { route: '/wp/v2/posts', embed: ['author'] },
      { route: '/wp/v2/categories', embed: undefined },
    ]);
  });

  it.runIf(wp.auth !== null)('with the editor’s credentials: the same plan, every request forwarded with them', async () => {
    const post = await fullPost();
    gw = await startWordPressGateway(wp, { cacheTtlMs: 0, entityCacheTtlMs: 0 });
    gw.resetUpstream();
    await gw.data(`query ($slug: ID!) { post(id: $slug, idType: SLUG) { databaseId ${RELATIONS} } }`, { slug: post.slug }, authHeaders(wp));
    expect(gw.upstream).toHaveLength(1);
    expect(gw.upstream[0]!.query._embed).toEqual(['author', 'wp:term', 'wp:featuredmedia']);
    expect(gw.upstream.every((r) => r.authenticated)).toBe(true);
  });
});
