import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** What the demo site lists directly, as WordPress would: ids of a REST page and the total header. */
async function rest(path: string): Promise<{ ids: number[]; total: number }> {
  const response = await fetch(`${h.demo.url}/wp-json/wp/v2/${path}`);
  const body = (await response.json()) as { id: number }[];
  return { ids: body.map((r) => r.id), total: Number(response.headers.get('x-wp-total')) };
}

type Page = { posts: { pageInfo: Record<string, unknown> & { endCursor: string; startCursor: string }; nodes: { databaseId: number }[] } };

describe('posts pagination', () => {
  it('walks pages by cursor in WordPress order, with the total', async () => {
    const first = await h.query<Page>(
      '{ posts(first: 7) { pageInfo { total hasNextPage hasPreviousPage endCursor startCursor } nodes { databaseId } } }',
    );
    const rest1 = await rest('posts?per_page=7&page=1');
    expect(first.data!.posts.nodes.map((n) => n.databaseId)).toEqual(rest1.ids);
    expect(first.data!.posts.pageInfo).toMatchObject({ total: rest1.total, hasNextPage: true, hasPreviousPage: false });

    const second = await h.query<Page>(
      'query($after: String) { posts(first: 7, after: $after) { pageInfo { hasNextPage hasPreviousPage endCursor startCursor } nodes { databaseId } } }',
      {
        after: first.data!.posts.pageInfo.endCursor,
      },
    );
    expect(second.data!.posts.nodes.map((n) => n.databaseId)).toEqual((await rest('posts?per_page=7&page=2')).ids);
    expect(second.data!.posts.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });

  it('gives the last items with `last`, and pages backwards with `before`', async () => {
    const { total } = await rest('posts?per_page=1');
    const last = await h.query<Page>('{ posts(last: 3) { pageInfo { hasPreviousPage hasNextPage startCursor } nodes { databaseId } } }');
    const all = (await rest(`posts?per_page=3&offset=${total - 3}`)).ids;
    expect(last.data!.posts.nodes.map((n) => n.databaseId)).toEqual(all);
    expect(last.data!.posts.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });

    const before = await h.query<Page>('query($before: String) { posts(last: 2, before: $before) { nodes { databaseId } } }', {
      before: last.data!.posts.pageInfo.startCursor,
    });
    expect(before.data!.posts.nodes.map((n) => n.databaseId)).toEqual((await rest(`posts?per_page=2&offset=${total - 5}`)).ids);
  });

  it('serves page numbers through where.offsetPagination, with totals', async () => {
    const answer = await h.query<{ posts: { pageInfo: { offsetPagination: unknown }; nodes: { databaseId: number }[] } }>(
      '{ posts(where: { offsetPagination: { offset: 20, size: 5 } }) { pageInfo { offsetPagination { total hasMore hasPrevious } } nodes { databaseId } } }',
    );
    const expected = await rest('posts?per_page=5&offset=20');
    expect(answer.data!.posts.nodes.map((n) => n.databaseId)).toEqual(expected.ids);
    expect(answer.data!.posts.pageInfo.offsetPagination).toEqual({ total: expected.total, hasMore: true, hasPrevious: true });
  });

  it('defaults to 10 items, as WPGraphQL', async () => {
    const answer = await h.query<Page>('{ posts { nodes { databaseId } } }');
    expect(answer.data!.posts.nodes).toHaveLength(10);
  });
});

describe('where-args reach WordPress as its own filters', () => {
  it('maps search, categoryIn, tag slugs, author and dateQuery', async () => {
    h.demo.resetRequests();
    const tags = (await (await fetch(`${h.demo.url}/wp-json/wp/v2/tags?per_page=2&orderby=count&order=desc`)).json()) as {
      id: number;
      slug: string;
    }[];
    const answer = await h.query<Page>(
      `query($slugs: [String]) { posts(first: 5, where: { search: "the", tagSlugIn: $slugs, dateQuery: { year: 2025, month: 5 }, orderby: [{ field: TITLE, order: ASC }] }) { nodes { databaseId } } }`,
      { slugs: tags.map((t) => t.slug) },
    );
    expect(answer.errors).toBeUndefined();
    const list = h.demo.requests.find((r) => r.path === '/wp/v2/posts')!;
    expect(list.query.tags?.split(',').map(Number).sort()).toEqual(tags.map((t) => t.id).sort());
    expect(list.query).toMatchObject({
      search: 'the',
      after: '2025-04-30T23:59:59',
      before: '2025-06-01T00:00:00',
      orderby: 'title',
      order: 'asc',
    });
    const expected = await rest(
      `posts?per_page=5&search=the&tags=${tags.map((t) => t.id).join(',')}&after=2025-04-30T23:59:59&before=2025-06-01T00:00:00&orderby=title&order=asc`,
    );
    expect(answer.data!.posts.nodes.map((n) => n.databaseId)).toEqual(expected.ids);
  });

  it('keeps the order of `in`, as WPGraphQL does', async () => {
    const ids = (await rest('posts?per_page=4')).ids.reverse();
    const answer = await h.query<Page>('query($in: [ID]) { posts(where: { in: $in }) { nodes { databaseId } } }', { in: ids });
    expect(answer.data!.posts.nodes.map((n) => n.databaseId)).toEqual(ids);
  });
});
