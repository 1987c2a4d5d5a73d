import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import { nodeIds, rest, restAll, restIds, startWordPressGateway, type WordPressGateway } from './gateway-harness.ts';
import { wordpressTarget } from './target.ts';

// Lists and pagination: the gateway's connections against the same lists read from REST directly. Ids, their
// order and the totals must be WordPress's, for the first page and later ones, by cursor and by offset.

const wp = wordpressTarget();

const PAGE_INFO = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor total offsetPagination { total hasMore hasPrevious } }`;

/** A root connection of `field` with every pagination argument as a variable. */
const listQuery = (field: string, whereType: string) => `
  query List($first: Int, $after: String, $last: Int, $before: String, $where: ${whereType}) {
    list: ${field}(first: $first, after: $after, last: $last, before: $before, where: $where) {
      ${PAGE_INFO}
      edges { cursor node { databaseId } }
      nodes { databaseId }
    }
  }`;

const POSTS = listQuery('posts', 'RootQueryToPostConnectionWhereArgs');

interface Page {
  list: {
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
      total: number | null;
      offsetPagination: { total: number | null; hasMore: boolean; hasPrevious: boolean };
    };
    edges: { cursor: string; node: { databaseId: number } }[];
    nodes: { databaseId: number }[];
  };
}

describe.runIf(wp.seeded)('the gateway’s lists against REST', () => {
  let gw: WordPressGateway;
  /** Every published post, as REST orders them by default (newest first). */
  let allPosts: number[];

  beforeAll(async () => {
    gw = await startWordPressGateway(wp);
    allPosts = restIds(await restAll(wp, '/wp/v2/posts', { _fields: 'id' }));
  });
  afterAll(async () => {
    await gw?.close();
  });

  describe('posts', () => {
    it('has WordPress’s published posts, newest first, over three REST pages', () => {
      expect(allPosts).toHaveLength(SEED.counts.publishedPosts);
      expect(allPosts[0]).toBe(SEED.posts.password);
    });

    it('first page: ids, order and total are REST’s page 1', async () => {
      const restPage = await rest(wp, '/wp/v2/posts', { per_page: 10, _fields: 'id' });
      const { list } = await gw.data<Page>(POSTS, { first: 10 });
      expect(nodeIds(list)).toEqual(restIds(restPage.body));
      expect(list.edges.map((e) => e.node.databaseId)).toEqual(restIds(restPage.body));
      expect(list.pageInfo).toMatchObject({
        hasNextPage: true,
        hasPreviousPage: false,
        total: restPage.total,
        startCursor: list.edges[0]!.cursor,
        endCursor: list.edges.at(-1)!.cursor,
      });
      expect(list.pageInfo.total).toBe(SEED.counts.publishedPosts);
    });

    it('without first/last: WPGraphQL’s 10, REST’s default page', async () => {
      const restPage = await rest(wp, '/wp/v2/posts', { _fields: 'id' });
      const { list } = await gw.data<Page>(POSTS, {});
      expect(nodeIds(list)).toEqual(restIds(restPage.body));
      expect(list.nodes).toHaveLength(10);
    });

    it('second page by cursor: REST’s page 2', async () => {
      const first = await gw.data<Page>(POSTS, { first: 10 });
      const second = await gw.data<Page>(POSTS, { first: 10, after: first.list.pageInfo.endCursor });
      const restPage2 = await rest(wp, '/wp/v2/posts', { per_page: 10, page: 2, _fields: 'id' });
      expect(nodeIds(second.list)).toEqual(restIds(restPage2.body));
      expect(second.list.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true, total: restPage2.total });
    });

    it('every post exactly once when following cursors with first: 100', async () => {
      const seen: number[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const { list }: Page = await gw.data<Page>(POSTS, { first: 100, after });
        pages++;
        seen.push(...nodeIds(list));
        if (!list.pageInfo.hasNextPage) break;
        after = list.pageInfo.endCursor;
        if (pages > 5) throw new Error('hasNextPage never became false');
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(allPosts);
    });

    it('the third REST page of 100 by cursor', async () => {
      const first = await gw.data<Page>(POSTS, { first: 100 });
      const second = await gw.data<Page>(POSTS, { first: 100, after: first.list.pageInfo.endCursor });
      const third = await gw.data<Page>(POSTS, { first: 100, after: second.list.pageInfo.endCursor });
      const restPage3 = await rest(wp, '/wp/v2/posts', { per_page: 100, page: 3, _fields: 'id' });
      expect(nodeIds(third.list)).toEqual(restIds(restPage3.body));
      expect(third.list.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    });

    it('last: 10 is the oldest ten, still newest first', async () => {
      const { list } = await gw.data<Page>(POSTS, { last: 10 });
      expect(nodeIds(list)).toEqual(allPosts.slice(-10));
      expect(list.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true, total: allPosts.length });
    });

    it('last: 5, before a cursor: the five before it', async () => {
      const { list: head } = await gw.data<Page>(POSTS, { first: 25 });
      const before = head.edges[20]!.cursor; // the 21st post
      const { list } = await gw.data<Page>(POSTS, { last: 5, before });
      expect(nodeIds(list)).toEqual(allPosts.slice(15, 20));
      expect(list.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    });

    it('offsetPagination: REST’s offset=, with totals', async () => {
      const restOffset = await rest(wp, '/wp/v2/posts', { offset: 20, per_page: 10, _fields: 'id' });
      const restPage3 = await rest(wp, '/wp/v2/posts', { per_page: 10, page: 3, _fields: 'id' });
      expect(restIds(restOffset.body)).toEqual(restIds(restPage3.body));
      const { list } = await gw.data<Page>(POSTS, { where: { offsetPagination: { offset: 20, size: 10 } } });
      expect(nodeIds(list)).toEqual(restIds(restOffset.body));
      expect(list.pageInfo.offsetPagination).toEqual({ total: restOffset.total, hasMore: true, hasPrevious: true });
      expect(list.pageInfo.total).toBe(SEED.counts.publishedPosts);
    });

    it('offsetPagination: first and last pages', async () => {
      const { list: start } = await gw.data<Page>(POSTS, { where: { offsetPagination: { offset: 0, size: 5 } } });
      expect(nodeIds(start)).toEqual(allPosts.slice(0, 5));
      expect(start.pageInfo.offsetPagination).toEqual({ total: SEED.counts.publishedPosts, hasMore: true, hasPrevious: false });
      const restEnd = await rest(wp, '/wp/v2/posts', { offset: 235, per_page: 10, _fields: 'id' });
      const { list: end } = await gw.data<Page>(POSTS, { where: { offsetPagination: { offset: 235, size: 10 } } });
      expect(nodeIds(end)).toEqual(restIds(restEnd.body));
      expect(nodeIds(end)).toEqual(allPosts.slice(235));
      expect(end.pageInfo.offsetPagination).toEqual({ total: SEED.counts.publishedPosts, hasMore: false, hasPrevious: true });
      expect(end.pageInfo.hasNextPage).toBe(false);
    });

    it('offsetPagination past the end: no posts', async () => {
      const { list } = await gw.data<Page>(POSTS, { where: { offsetPagination: { offset: 300, size: 10 } } });
      expect(list.nodes).toEqual([]);
      expect(list.pageInfo.offsetPagination.hasMore).toBe(false);
      expect(list.pageInfo.hasNextPage).toBe(false);
    });

    it('cursors from offset pages continue where the offset page ended', async () => {
      const { list } = await gw.data<Page>(POSTS, { where: { offsetPagination: { offset: 30, size: 10 } } });
      const next = await gw.data<Page>(POSTS, { first: 10, after: list.pageInfo.endCursor });
      expect(nodeIds(next.list)).toEqual(allPosts.slice(40, 50));
    });

    it('serves first over 100 as WordPress’s first 100 (as WPGraphQL); refuses a foreign cursor, as BAD_USER_INPUT', async () => {
      const big = await gw.data<Page>(POSTS, { first: 101 });
      expect(nodeIds(big.list)).toEqual(allPosts.slice(0, 100));
      expect(big.list.pageInfo.hasNextPage).toBe(true);
      const bad = await gw.query(POSTS, { first: 10, after: 'not-a-cursor' });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('other collections', () => {
    it('pages: REST’s published pages and total', async () => {
      const restPages = await rest(wp, '/wp/v2/pages', { per_page: 100, _fields: 'id' });
      const { list } = await gw.data<Page>(listQuery('pages', 'RootQueryToPageConnectionWhereArgs'), { first: 100 });
      expect(nodeIds(list)).toEqual(restIds(restPages.body));
      expect(list.pageInfo.total).toBe(SEED.counts.publishedPages);
      expect(restPages.total).toBe(SEED.counts.publishedPages);
    });

    it('pages: second page of 2 by cursor', async () => {
      const query = listQuery('pages', 'RootQueryToPageConnectionWhereArgs');
      const first = await gw.data<Page>(query, { first: 2 });
      const second = await gw.data<Page>(query, { first: 2, after: first.list.pageInfo.endCursor });
      const restPage2 = await rest(wp, '/wp/v2/pages', { per_page: 2, page: 2, _fields: 'id' });
      expect(nodeIds(second.list)).toEqual(restIds(restPage2.body));
      expect(second.list.pageInfo.hasNextPage).toBe(false);
    });

    it('categories: all twelve (the empty one too), by name', async () => {
      const query = listQuery('categories', 'RootQueryToCategoryConnectionWhereArgs');
      const restAllCategories = await rest(wp, '/wp/v2/categories', { per_page: 100, hide_empty: false, _fields: 'id' });
      const { list } = await gw.data<Page>(query, { first: 100 });
      expect(nodeIds(list)).toEqual(restIds(restAllCategories.body));
      expect(nodeIds(list)).toContain(SEED.categories.empty);
      expect(list.pageInfo.total).toBe(SEED.counts.categories);
    });

    // WordPress registers no `offset` parameter on hierarchical taxonomies (categories): it is ignored there.
    it('categories: page 2 by cursor is REST’s page 2', async () => {
      const query = listQuery('categories', 'RootQueryToCategoryConnectionWhereArgs');
      const first = await gw.data<Page>(query, { first: 5 });
      const second = await gw.data<Page>(query, { first: 5, after: first.list.pageInfo.endCursor });
      const restPage2 = await rest(wp, '/wp/v2/categories', { per_page: 5, page: 2, hide_empty: false, _fields: 'id' });
      expect(nodeIds(second.list)).toEqual(restIds(restPage2.body));
      expect(second.list.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true, total: restPage2.total });
    });

    it('categories: offsetPagination skips what it says', async () => {
      const query = listQuery('categories', 'RootQueryToCategoryConnectionWhereArgs');
      const all = restIds((await rest(wp, '/wp/v2/categories', { per_page: 100, hide_empty: false, _fields: 'id' })).body);
      const { list } = await gw.data<Page>(query, { where: { offsetPagination: { offset: 7, size: 3 } } });
      expect(nodeIds(list)).toEqual(all.slice(7, 10));
      expect(list.pageInfo.offsetPagination).toEqual({ total: SEED.counts.categories, hasMore: true, hasPrevious: true });
    });

    it('tags: by name, offset pages', async () => {
      const query = listQuery('tags', 'RootQueryToTagConnectionWhereArgs');
      const restTags = await rest(wp, '/wp/v2/tags', { per_page: 100, hide_empty: false, _fields: 'id' });
      const { list } = await gw.data<Page>(query, { first: 100 });
      expect(nodeIds(list)).toEqual(restIds(restTags.body));
      expect(list.pageInfo.total).toBe(SEED.counts.tags);
      const restPage2 = await rest(wp, '/wp/v2/tags', { page: 2, per_page: 5, hide_empty: false, _fields: 'id' });
      const { list: offset } = await gw.data<Page>(query, { where: { offsetPagination: { offset: 5, size: 5 } } });
      expect(nodeIds(offset)).toEqual(restIds(restPage2.body));
      expect(nodeIds(offset)).toEqual(nodeIds(list).slice(5, 10));
      expect(offset.pageInfo.offsetPagination).toEqual({ total: SEED.counts.tags, hasMore: true, hasPrevious: true });
    });

    it('users: the four with published posts, by slug (WPGraphQL: by login)', async () => {
      const restUsers = await rest(wp, '/wp/v2/users', { per_page: 100, orderby: 'slug', _fields: 'id' });
      const { list } = await gw.data<Page>(listQuery('users', 'RootQueryToUserConnectionWhereArgs'), { first: 100 });
      expect(nodeIds(list)).toEqual(restIds(restUsers.body));
      expect(list.pageInfo.total).toBe(SEED.counts.usersAnonymous);
      const { list: page2 } = await gw.data<Page>(listQuery('users', 'RootQueryToUserConnectionWhereArgs'), {
        first: 2,
        after: list.edges[1]!.cursor,
      });
      const restPage2 = await rest(wp, '/wp/v2/users', { per_page: 2, page: 2, orderby: 'slug', _fields: 'id' });
      expect(nodeIds(page2)).toEqual(restIds(restPage2.body));
    });

    it('media: first page, page 3 by cursor, total', async () => {
      const query = listQuery('mediaItems', 'RootQueryToMediaItemConnectionWhereArgs');
      const restPage1 = await rest(wp, '/wp/v2/media', { per_page: 10, _fields: 'id' });
      const first = await gw.data<Page>(query, { first: 10 });
      expect(nodeIds(first.list)).toEqual(restIds(restPage1.body));
      expect(first.list.pageInfo.total).toBe(SEED.counts.media);
      const second = await gw.data<Page>(query, { first: 10, after: first.list.pageInfo.endCursor });
      const third = await gw.data<Page>(query, { first: 10, after: second.list.pageInfo.endCursor });
      const restPage3 = await rest(wp, '/wp/v2/media', { per_page: 10, page: 3, _fields: 'id' });
      expect(nodeIds(third.list)).toEqual(restIds(restPage3.body));
      expect(third.list.pageInfo.hasNextPage).toBe(false);
    });

    // WordPress pages comments in SQL and then drops the ones the viewer may not read (the comment on the
    // password post, the newest): REST's page 1 has 9 comments, page 2 starts at the 11th row. A cursor after
    // page 1 must continue with REST's page 2, not repeat the last comment of page 1.
    it('comments: newest first, page 2 by cursor, REST’s X-WP-Total', async () => {
      const query = listQuery('comments', 'RootQueryToCommentConnectionWhereArgs');
      const restPage1 = await rest(wp, '/wp/v2/comments', { per_page: 10, _fields: 'id' });
      const first = await gw.data<Page>(query, { first: 10 });
      expect(nodeIds(first.list)).toEqual(restIds(restPage1.body));
      expect(first.list.pageInfo.total).toBe(restPage1.total);
      const second = await gw.data<Page>(query, { first: 10, after: first.list.pageInfo.endCursor });
      const restPage2 = await rest(wp, '/wp/v2/comments', { per_page: 10, page: 2, _fields: 'id' });
      expect(nodeIds(second.list)).toEqual(restIds(restPage2.body));
    });

    it('comments: every one REST shows, following cursors, none twice', async () => {
      const query = listQuery('comments', 'RootQueryToCommentConnectionWhereArgs');
      const restComments = restIds(await restAll(wp, '/wp/v2/comments', { _fields: 'id' }));
      expect(restComments).toHaveLength(SEED.counts.commentsVisibleAnonymously);
      const seen: number[] = [];
      let after: string | null = null;
      for (let i = 0; i < 5; i++) {
        const { list }: Page = await gw.data<Page>(query, { first: 100, after });
        seen.push(...nodeIds(list));
        if (!list.pageInfo.hasNextPage) break;
        after = list.pageInfo.endCursor;
      }
      expect(seen).toEqual(restComments);
    });
  });
});
