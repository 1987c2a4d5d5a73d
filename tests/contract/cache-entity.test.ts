/**
 * The entity cache over the demo site: records seen by anonymous requests serve later ones (a new query shape
 * over seen records costs only its list call), per field set; purges clear it; what a signed-in viewer fetched
 * is never kept, and a signed-in viewer is never served from it. The response cache is off here.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import content from '../../demo/content.json' with { type: 'json' };
import { DEBUG, EDITOR_AUTH, HOME, startCacheHarness, type CacheHarness } from './cache-harness.ts';

const SECRET = 'purge-secret-for-tests';
const draft = content.posts.find((p) => p.status === 'draft')!;

let h: CacheHarness;
beforeAll(async () => {
  h = await startCacheHarness({ config: { cacheTtlMs: 0, entityCacheTtlMs: 30_000, purgeSecret: SECRET } });
});
afterAll(() => h.close());
afterEach(async () => {
  await h.fetch('/cache/purge', { method: 'POST', headers: { authorization: `Bearer ${SECRET}` }, body: '{"all":true}' });
  h.demo.resetRequests();
});

const routes = () => h.upstream().map((r) => r.split('?')[0]);

describe('a new query shape over records already seen', () => {
  it('through another list: costs only the list call', async () => {
    const first = await h.post(HOME, { first: 10 }, DEBUG);
    expect(first.extensions!.upstream!.cache.entity.hits).toBe(0);
    h.demo.resetRequests();

    // Another document, over a page of the same posts, asking a subset of the fields of each related record.
    const second = await h.post(
      `{ posts(first: 6) { nodes { slug author { node { name } } categories { nodes { name } } featuredImage { node { altText } } } } }`,
      undefined,
      DEBUG,
    );
    expect(second.errors).toBeUndefined();
    expect(routes()).toEqual(['GET /wp/v2/posts']);
    const upstream = second.extensions!.upstream!;
    expect(upstream).toMatchObject({ requests: 1, roundTrips: 1, cache: { lists: { hits: 0, misses: 1 } } });
    expect(upstream.cache.entity.hits).toBeGreaterThan(6);
    expect(upstream.cache.entity.misses).toBe(0);
  });

  it('through the same list: the list page is held too, nothing is asked of WordPress', async () => {
    await h.post(HOME, { first: 10 });
    h.demo.resetRequests();
    const second = await h.post(
      `{ posts(first: 10) { nodes { title author { node { name } } tags { nodes { name } } } } }`,
      undefined,
      DEBUG,
    );
    expect(second.errors).toBeUndefined();
    expect(routes()).toEqual([]);
    expect(second.extensions!.upstream!).toMatchObject({ requests: 0, cache: { lists: { hits: 1, misses: 0 }, entity: { misses: 0 } } });
  });

  it('a list page is answered from the cache only when every record is held with the fields asked', async () => {
    await h.post('{ posts(first: 3) { nodes { title } } }');
    h.demo.resetRequests();
    await h.post('{ posts(first: 3) { nodes { title slug } } }'); // slug was not fetched: the list goes to WordPress
    expect(routes()).toEqual(['GET /wp/v2/posts']);
  });

  it('a lookup by id of a record a list brought costs nothing', async () => {
    const list = await h.post<{ posts: { nodes: { databaseId: number }[] } }>('{ posts(first: 3) { nodes { databaseId title } } }');
    h.demo.resetRequests();
    const id = list.data!.posts.nodes[2]!.databaseId;
    const one = await h.post<{ post: { title: string } }>(`{ post(id: "${id}", idType: DATABASE_ID) { title } }`);
    expect(one.data!.post.title).toBeTruthy();
    expect(routes()).toEqual([]);
  });

  it('records asked for with more fields are fetched again (only the missing ids) and kept merged', async () => {
    await h.post('{ posts(first: 5) { nodes { author { node { name } } } } }');
    h.demo.resetRequests();
    await h.post('{ posts(first: 5) { nodes { author { node { name description } } } } }');
    const users = h.demo.requests.filter((r) => r.path === '/wp/v2/users');
    expect(users).toHaveLength(1);
    expect(users[0]!.query._fields!.split(',')).toContain('description');
    h.demo.resetRequests();
    // Both field sets are now held: either query costs nothing.
    await h.post('{ posts(first: 5) { nodes { author { node { name description } } } } }');
    await h.post('{ posts(first: 5) { nodes { author { node { name } } } } }');
    expect(routes()).toEqual([]);
  });

  it('only ids it does not hold are asked for', async () => {
    type Home = { posts: { nodes: { tags: { nodes: { id: string }[] } }[] } };
    const databaseId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString().split(':')[1]);
    const tagIds = (answer: { data?: Home | null }) =>
      new Set(answer.data!.posts.nodes.flatMap((p) => p.tags.nodes.map((t) => databaseId(t.id))));
    const five = tagIds(await h.post<Home>(HOME, { first: 5 }));
    h.demo.resetRequests();
    const twenty = tagIds(await h.post<Home>(HOME, { first: 20 }));
    const asked =
      h.demo.requests
        .find((r) => r.path === '/wp/v2/tags')
        ?.query.include?.split(',')
        .map(Number) ?? [];
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.sort((a, b) => a - b)).toEqual([...twenty].filter((id) => !five.has(id)).sort((a, b) => a - b));
  });
});

describe('purge clears it', () => {
  it('by type and id: that record is asked for again, the others are not', async () => {
    const first = await h.post<{ posts: { nodes: { author: { node: { databaseId: number } } }[] } }>(
      '{ posts(first: 10) { nodes { author { node { databaseId name } } } } }',
    );
    const authors = [...new Set(first.data!.posts.nodes.map((p) => p.author.node.databaseId))];
    const purge = await h.fetch('/cache/purge', {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'user', id: authors[0] }),
    });
    expect(purge.status).toBe(200);
    h.demo.resetRequests();
    await h.post('{ posts(first: 10) { nodes { author { node { databaseId name } } } } }');
    expect(h.demo.requests.find((r) => r.path === '/wp/v2/users')?.query.include).toBe(String(authors[0]));
  });
});

describe('signed-in viewers never share it', () => {
  const DRAFT = `{ post(id: "${draft.id}", idType: DATABASE_ID) { databaseId status title author { node { name } } } }`;

  it('records an editor fetched are not kept: anonymous requests ask WordPress, and see no draft', async () => {
    const editor = await h.post<{ post: { status: string } }>(
      `{ posts(first: 5) { nodes { title author { node { name } } } } } ${''}`,
      undefined,
      EDITOR_AUTH,
    );
    expect(editor.errors).toBeUndefined();
    const editorDraft = await h.post<{ post: { status: string } }>(DRAFT, undefined, EDITOR_AUTH);
    expect(editorDraft.data!.post.status).toBe('draft');
    h.demo.resetRequests();

    const anonymous = await h.post<{ post: null }>(DRAFT, undefined, DEBUG);
    expect(anonymous.data).toEqual({ post: null });
    expect(anonymous.extensions!.upstream!.cache.entity.hits).toBe(0);
    const list = await h.post('{ posts(first: 5) { nodes { title author { node { name } } } } }', undefined, DEBUG);
    expect(list.extensions!.upstream!.cache.entity.hits).toBe(0);
    expect(routes()).toContain('GET /wp/v2/users');
    expect(h.demo.requests.every((r) => !r.authenticated)).toBe(true);
  });

  it('an editor is never served records anonymous requests left: every request goes to WordPress with credentials', async () => {
    await h.post('{ posts(first: 5) { nodes { title author { node { name } } } } }');
    h.demo.resetRequests();
    const editor = await h.post('{ posts(first: 5) { nodes { title author { node { name } } } } }', undefined, {
      ...EDITOR_AUTH,
      ...DEBUG,
    });
    expect(editor.extensions!.upstream!.cache.entity).toEqual({ hits: 0, misses: 0 });
    expect(routes().sort()).toEqual(['GET /wp/v2/posts', 'GET /wp/v2/users']);
    expect(h.demo.requests.every((r) => r.authenticated)).toBe(true);
  });
});
