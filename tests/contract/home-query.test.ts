import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

const HOME = readFileSync(new URL('../operations/home-page.graphql', import.meta.url), 'utf8');

let h: Harness;
beforeAll(async () => {
  // Cold: no response or entity cache, so every request counted here is what one query costs on its own.
  h = await startHarness({ cacheTtlMs: 0, entityCacheTtlMs: 0 });
});
afterAll(() => h.close());

interface HomeData {
  posts: {
    pageInfo: { total: number; hasNextPage: boolean };
    nodes: {
      databaseId: number;
      author: { node: { id: string } } | null;
      categories: { nodes: { id: string }[] };
      tags: { nodes: { id: string }[] };
      featuredImage: { node: { id: string } } | null;
    }[];
  };
}

/** The ids a REST request asked for with `include=…`, sorted. */
function included(request: string): number[] {
  const match = /include=([\d,]+)/.exec(request);
  return match
    ? match[1]!
        .split(',')
        .map(Number)
        .sort((a, b) => a - b)
    : [];
}

describe.each([10, 100])('the home query with N = %i', (n) => {
  it('costs exactly 5 upstream requests: the posts page, then one batch per related collection', async () => {
    h.demo.resetRequests();
    const answer = await h.query<HomeData>(HOME, { first: n });
    expect(answer.errors).toBeUndefined();
    const posts = answer.data!.posts.nodes;
    expect(posts).toHaveLength(n);

    const requests = h.upstream();
    expect(requests).toHaveLength(5);
    const byRoute = Object.fromEntries(requests.map((r) => [r.split('?')[0]!.replace('GET ', ''), r]));
    expect(Object.keys(byRoute).sort()).toEqual(['/wp/v2/categories', '/wp/v2/media', '/wp/v2/posts', '/wp/v2/tags', '/wp/v2/users']);
    expect(byRoute['/wp/v2/posts']).toContain(`per_page=${n}`);

    // Each batch asks for exactly the ids the posts name, once each.
    const expectIds = (route: string, ids: number[]) => expect(included(byRoute[route]!)).toEqual([...new Set(ids)].sort((a, b) => a - b));
    const decode = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);
    expectIds(
      '/wp/v2/users',
      posts.flatMap((p) => (p.author ? [decode(p.author.node.id)] : [])),
    );
    expectIds(
      '/wp/v2/categories',
      posts.flatMap((p) => p.categories.nodes.map((c) => decode(c.id))),
    );
    expectIds(
      '/wp/v2/tags',
      posts.flatMap((p) => p.tags.nodes.map((t) => decode(t.id))),
    );
    expectIds(
      '/wp/v2/media',
      posts.flatMap((p) => (p.featuredImage ? [decode(p.featuredImage.node.id)] : [])),
    );
  });
});

describe('_fields', () => {
  it('asks each collection only for the REST fields the selection needs', async () => {
    h.demo.resetRequests();
    await h.query('{ posts(first: 3) { nodes { title author { node { name } } } } }');
    const fields = (route: string) =>
      h.demo.requests
        .find((r) => r.path === route)
        ?.query._fields?.split(',')
        .sort();
    expect(fields('/wp/v2/posts')).toEqual(['author', 'content.protected', 'id', 'title']);
    expect(fields('/wp/v2/users')).toEqual(['id', 'name']);
  });

  it('uses one field set per collection for the whole request, so loaders stay coherent', async () => {
    h.demo.resetRequests();
    await h.query('{ a: posts(first: 2) { nodes { title } } b: posts(first: 2, after: "YXJyYXljb25uZWN0aW9uOjE=") { nodes { slug } } }');
    const sets = h.demo.requests.filter((r) => r.path === '/wp/v2/posts').map((r) => r.query._fields);
    expect(sets).toHaveLength(2);
    expect(sets[0]).toBe(sets[1]);
    expect(sets[0]?.split(',')).toEqual(expect.arrayContaining(['title', 'slug']));
  });
});

describe('comments of many posts', () => {
  it('come in one batched query when they fit in a few pages', async () => {
    h.demo.resetRequests();
    const answer = await h.query<{ posts: { nodes: { commentCount: number; comments: { nodes: unknown[] } }[] } }>(
      '{ posts(first: 20) { nodes { commentCount comments(first: 3) { nodes { databaseId } } } } }',
    );
    expect(answer.errors).toBeUndefined();
    const comments = h.demo.requests.filter((r) => r.path === '/wp/v2/comments');
    expect(comments).toHaveLength(1);
    expect(comments[0]!.query.post!.split(',')).toHaveLength(20);
    for (const post of answer.data!.posts.nodes) expect(post.comments.nodes.length).toBe(Math.min(3, post.commentCount));
  });
});
