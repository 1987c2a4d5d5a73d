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

  it.runIf(wp.auth !== null)('with the editor’s credentials: the same 5, every one forwarded with them', async () => {
    gw = await startWordPressGateway(wp);
    gw.resetUpstream();
    const answer = await gw.query(HOME, { first: 10 }, authHeaders(wp));
    expect(answer.errors).toBeUndefined();
    expect(gw.upstream).toHaveLength(5);
    expect(gw.upstream.every((r) => r.authenticated)).toBe(true);
  });
});
