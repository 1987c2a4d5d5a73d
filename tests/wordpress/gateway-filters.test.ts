import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import { decodeEntities, nodeIds, rest, restAll, restIds, startWordPressGateway, type WordPressGateway } from './gateway-harness.ts';
import { wordpressTarget } from './target.ts';

// Filters: each where-argument against the REST query that means the same thing in WordPress (WP_Query's
// semantics, which WPGraphQL uses), and where REST has no direct equivalent, against a ground truth computed from
// every record read directly (dates, slugs, titles).

const wp = wordpressTarget();

type Query = Record<string, string | number | boolean>;

interface Connection {
  pageInfo: { total: number | null; hasNextPage: boolean; endCursor: string | null };
  nodes: { databaseId: number }[];
}

const connectionQuery = (field: string, whereType: string, extra = '') => `
  query Filtered($first: Int, $after: String, $where: ${whereType}) {
    list: ${field}(first: $first, after: $after, where: $where) {
      pageInfo { total hasNextPage endCursor }
      nodes { databaseId ${extra} }
    }
  }`;

const POSTS = connectionQuery('posts', 'RootQueryToPostConnectionWhereArgs');

interface RestPostRow {
  id: number;
  date: string;
  slug: string;
  title: { rendered: string };
  sticky: boolean;
  author: number;
  categories: number[];
  tags: number[];
}

describe.runIf(wp.seeded)('the gateway’s filters against REST', () => {
  let gw: WordPressGateway;
  /** Every published post, newest first, with what the filters look at. */
  let all: RestPostRow[];

  beforeAll(async () => {
    gw = await startWordPressGateway(wp);
    all = await restAll<RestPostRow>(wp, '/wp/v2/posts', { _fields: 'id,date,slug,title,sticky,author,categories,tags' });
  });
  afterAll(async () => {
    await gw?.close();
  });

  /** The gateway's posts for `where` (first `first`), and REST's `/wp/v2/posts` for `query` (per_page `first`). */
  async function both(where: Record<string, unknown>, query: Query, first = 20, route = '/wp/v2/posts', document = POSTS) {
    const restPage = await rest(wp, route, { ...query, per_page: first, _fields: 'id' });
    expect(restPage.status, JSON.stringify(restPage.body)).toBe(200);
    const { list } = await gw.data<{ list: Connection }>(document, { first, where });
    return { gateway: nodeIds(list), total: list.pageInfo.total, rest: restIds(restPage.body), restTotal: restPage.total! };
  }

  /** Asserts the gateway equals REST for this where/query pair (ids, order, total) and that it filtered something. */
  async function expectSame(where: Record<string, unknown>, query: Query, first = 20) {
    const r = await both(where, query, first);
    expect(r.gateway, `where ${JSON.stringify(where)} vs ${JSON.stringify(query)}`).toEqual(r.rest);
    expect(r.total, `total for ${JSON.stringify(where)}`).toBe(r.restTotal);
    expect(r.restTotal, 'the filter should narrow the list').toBeLessThan(SEED.counts.publishedPosts);
    return r;
  }

  describe('posts', () => {
    it('categoryIn: category__in, without children (REST `categories=`)', async () => {
      const r = await expectSame({ categoryIn: [SEED.categories.php] }, { categories: SEED.categories.php });
      expect(r.restTotal).toBe(40);
      await expectSame(
        { categoryIn: [SEED.categories.news, SEED.categories.javascript] },
        { categories: `${SEED.categories.news},${SEED.categories.javascript}` },
      );
    });

    it('categoryIn: ids match the records’ categories', () => {
      const inPhp = all.filter((p) => p.categories.includes(SEED.categories.php)).map((p) => p.id);
      expect(inPhp).toHaveLength(40);
    });

    it('categoryNotIn: REST `categories_exclude=`', async () => {
      await expectSame({ categoryNotIn: [SEED.categories.uncategorized] }, { categories_exclude: SEED.categories.uncategorized });
    });

    // WPGraphQL maps categoryId to WP_Query `cat` and categoryName to `category_name`: both include the
    // category's children (WP_Query sets include_children), unlike categoryIn.
    it('categoryId: WP_Query `cat`, children included', async () => {
      const r = await expectSame(
        { categoryId: SEED.categories.news },
        { 'categories[terms]': SEED.categories.news, 'categories[include_children]': true },
      );
      expect(r.restTotal).toBe(101);
    });

    it('categoryName: WP_Query `category_name` (a slug), children included', async () => {
      const r = await expectSame(
        { categoryName: 'news' },
        { 'categories[terms]': SEED.categories.news, 'categories[include_children]': true },
      );
      expect(r.restTotal).toBe(101);
    });

    it('search: REST `search=` (ids, order, total), second page by cursor', async () => {
      // `quoted` is in the hand-written excerpts (every fifth post): several pages of matches.
      const r = await expectSame({ search: 'quoted' }, { search: 'quoted' });
      expect(r.restTotal).toBeGreaterThan(20);
      const { list: page1 } = await gw.data<{ list: Connection }>(POSTS, { first: 10, where: { search: 'quoted' } });
      const { list: page2 } = await gw.data<{ list: Connection }>(POSTS, {
        first: 10,
        after: page1.pageInfo.endCursor,
        where: { search: 'quoted' },
      });
      const restPage2 = await rest(wp, '/wp/v2/posts', { search: 'quoted', per_page: 10, page: 2, _fields: 'id' });
      expect(nodeIds(page2)).toEqual(restIds(restPage2.body));
      // Accents are searched as WordPress searches them.
      await expectSame({ search: 'Tom & Jerry' }, { search: 'Tom & Jerry' });
      const accented = await both({ search: 'déjà' }, { search: 'déjà' });
      expect(accented.gateway).toEqual(accented.rest);
    });

    it('search with no match: empty, total 0', async () => {
      const { list } = await gw.data<{ list: Connection }>(POSTS, { first: 10, where: { search: 'zzqqxxnomatch' } });
      expect(list.nodes).toEqual([]);
      expect(list.pageInfo.total).toBe(0);
    });

    it('tagIn, tagNotIn, tagId: REST `tags=`, `tags_exclude=`', async () => {
      await expectSame({ tagIn: [SEED.tags.cafe, SEED.tags.zurich] }, { tags: `${SEED.tags.cafe},${SEED.tags.zurich}` });
      await expectSame({ tagNotIn: [SEED.tags.graphql] }, { tags_exclude: SEED.tags.graphql });
      await expectSame({ tagId: String(SEED.tags.video) }, { tags: SEED.tags.video });
    });

    it('tagSlugIn and tag (slugs): REST `tags=` with the ids of those slugs', async () => {
      await expectSame({ tagSlugIn: ['cafe', 'zurich'] }, { tags: `${SEED.tags.cafe},${SEED.tags.zurich}` });
      await expectSame({ tag: 'q-and-a' }, { tags: SEED.tags.qAndA });
    });

    it('tagSlugAnd: every named tag (REST `tags[operator]=AND`)', async () => {
      const both2 = all.filter((p) => p.tags.includes(SEED.tags.cafe) && p.tags.includes(SEED.tags.zurich)).map((p) => p.id);
      expect(both2.length).toBeGreaterThan(0);
      const r = await expectSame(
        { tagSlugAnd: ['cafe', 'zurich'] },
        { 'tags[terms]': `${SEED.tags.cafe},${SEED.tags.zurich}`, 'tags[operator]': 'AND' },
        100,
      );
      expect(r.gateway).toEqual(both2);
      const none = await gw.data<{ list: Connection }>(POSTS, { first: 10, where: { tagSlugAnd: ['cafe', 'interview'] } });
      expect(none.list.nodes).toEqual([]);
    });

    it('a slug that names no tag matches nothing (not everything)', async () => {
      const { list } = await gw.data<{ list: Connection }>(POSTS, { first: 10, where: { tagSlugIn: ['no-such-tag'] } });
      expect(list.nodes).toEqual([]);
    });

    it('author, authorIn, authorNotIn: REST `author=`, `author_exclude=`', async () => {
      await expectSame({ author: SEED.users.zoe }, { author: SEED.users.zoe });
      await expectSame({ authorIn: [SEED.users.zoe, SEED.users.jl] }, { author: `${SEED.users.zoe},${SEED.users.jl}` });
      await expectSame({ authorNotIn: [SEED.users.admin] }, { author_exclude: SEED.users.admin });
    });

    it('authorName: WP_Query `author_name` (the nicename)', async () => {
      const r = await expectSame({ authorName: 'zoe' }, { author: SEED.users.zoe });
      const zoes = all.filter((p) => p.author === SEED.users.zoe).map((p) => p.id);
      expect(r.restTotal).toBe(zoes.length);
    });

    it('dateQuery { year, month }: the posts dated that month in site time', async () => {
      const july = all.filter((p) => p.date.startsWith('2022-07-')).map((p) => p.id);
      expect(july.length).toBeGreaterThan(5);
      const { list } = await gw.data<{ list: Connection }>(POSTS, { first: 100, where: { dateQuery: { year: 2022, month: 7 } } });
      expect(nodeIds(list)).toEqual(july);
      expect(list.pageInfo.total).toBe(july.length);
      // REST's equivalent: strictly after the last second of June, strictly before the first of August.
      const restJuly = await rest(wp, '/wp/v2/posts', {
        after: '2022-06-30T23:59:59',
        before: '2022-08-01T00:00:00',
        per_page: 100,
        _fields: 'id',
      });
      expect(restIds(restJuly.body)).toEqual(july);
    });

    it('dateQuery { year, month, day } across a DST change, and { year }', async () => {
      // 2022-10-30: clocks go back in Paris.
      const day = all.filter((p) => p.date.startsWith('2022-10-30')).map((p) => p.id);
      const { list } = await gw.data<{ list: Connection }>(POSTS, { first: 100, where: { dateQuery: { year: 2022, month: 10, day: 30 } } });
      expect(nodeIds(list)).toEqual(day);
      const year = all.filter((p) => p.date.startsWith('2023-')).map((p) => p.id);
      const { list: list2023 } = await gw.data<{ list: Connection }>(POSTS, { first: 100, where: { dateQuery: { year: 2023 } } });
      expect(list2023.pageInfo.total).toBe(year.length);
      expect(nodeIds(list2023)).toEqual(year.slice(0, 100));
    });

    it('dateQuery { after, before }: WP_Date_Query bounds (after the whole day, before its start)', async () => {
      const expected = all.filter((p) => p.date >= '2023-06-02' && p.date < '2023-07-01').map((p) => p.id);
      expect(expected.length).toBeGreaterThan(3);
      const { list } = await gw.data<{ list: Connection }>(POSTS, {
        first: 100,
        where: { dateQuery: { after: { year: 2023, month: 6, day: 1 }, before: { year: 2023, month: 7, day: 1 } } },
      });
      expect(nodeIds(list)).toEqual(expected);
    });

    it('in: REST `include=` in the order given; notIn: `exclude=`', async () => {
      const ids = [105, 101, 200, 340];
      const r = await both({ in: ids }, { include: ids.join(','), orderby: 'include' });
      expect(r.gateway).toEqual(r.rest);
      expect(r.gateway).toEqual(ids);
      expect(r.total).toBe(4);
      await expectSame({ notIn: [SEED.posts.password, 339] }, { exclude: `${SEED.posts.password},339` });
    });

    it('in with an id nobody may read: dropped', async () => {
      const { list } = await gw.data<{ list: Connection }>(POSTS, { first: 10, where: { in: [SEED.posts.draft, 150] } });
      expect(nodeIds(list)).toEqual([150]);
    });

    it('isSticky: REST `sticky=`', async () => {
      const sticky = await expectSame({ isSticky: true }, { sticky: true });
      expect([...sticky.gateway].sort()).toEqual([...SEED.posts.sticky].sort());
      const notSticky = await expectSame({ isSticky: false }, { sticky: false });
      expect(notSticky.total).toBe(SEED.counts.publishedPosts - SEED.posts.sticky.length);
    });

    it('name and nameIn: REST `slug=`', async () => {
      const slugs = [all[5]!.slug, all[50]!.slug];
      await expectSame({ name: slugs[0] }, { slug: slugs[0]! });
      const r = await both({ nameIn: slugs }, { slug: slugs.join(',') });
      expect([...r.gateway].sort()).toEqual([all[5]!.id, all[50]!.id].sort());
    });

    it('orderby TITLE ASC: REST `orderby=title&order=asc`, first and second page', async () => {
      const where = { orderby: [{ field: 'TITLE', order: 'ASC' }] };
      const first = await both(where, { orderby: 'title', order: 'asc' });
      expect(first.gateway).toEqual(first.rest);
      expect(first.total).toBe(SEED.counts.publishedPosts);
      expect(first.gateway[0]).toBe(SEED.posts.emptyTitle); // '' sorts first
      const { list: page1 } = await gw.data<{ list: Connection }>(POSTS, { first: 20, where });
      const { list: page2 } = await gw.data<{ list: Connection }>(POSTS, { first: 20, after: page1.pageInfo.endCursor, where });
      const restPage2 = await rest(wp, '/wp/v2/posts', { orderby: 'title', order: 'asc', per_page: 20, page: 2, _fields: 'id' });
      expect(nodeIds(page2)).toEqual(restIds(restPage2.body));
    });

    it('orderby TITLE DESC and SLUG ASC', async () => {
      const desc = await both({ orderby: [{ field: 'TITLE', order: 'DESC' }] }, { orderby: 'title', order: 'desc' });
      expect(desc.gateway).toEqual(desc.rest);
      const bySlug = await both({ orderby: [{ field: 'SLUG', order: 'ASC' }] }, { orderby: 'slug', order: 'asc' });
      expect(bySlug.gateway).toEqual(bySlug.rest);
      const slugs = [...all]
        .sort((a, b) => (a.slug < b.slug ? -1 : 1))
        .slice(0, 20)
        .map((p) => p.id);
      expect(bySlug.gateway).toEqual(slugs);
    });

    it('orderby DATE ASC: oldest first', async () => {
      const r = await both({ orderby: [{ field: 'DATE', order: 'ASC' }] }, { orderby: 'date', order: 'asc' });
      expect(r.gateway).toEqual(r.rest);
      expect(r.gateway).toEqual(
        [...all]
          .reverse()
          .slice(0, 20)
          .map((p) => p.id),
      );
    });

    it('filters combine: category, tag and author together', async () => {
      const expected = all.filter((p) => p.categories.includes(SEED.categories.europe) && p.author === SEED.users.admin).map((p) => p.id);
      const r = await expectSame(
        { categoryIn: [SEED.categories.europe], author: SEED.users.admin },
        { categories: SEED.categories.europe, author: SEED.users.admin },
        100,
      );
      expect(r.gateway).toEqual(expected);
    });

    it('titles stay WordPress’s through a filter (decoded)', async () => {
      const data = await gw.data(`{ posts(where: { in: [101, 102] }) { nodes { databaseId title } } }`);
      for (const node of data.posts.nodes) {
        const record = all.find((p) => p.id === node.databaseId)!;
        expect(node.title).toBe(decodeEntities(record.title.rendered));
      }
    });
  });

  describe('pages, media, terms, users, comments', () => {
    it('pages: parent (REST `parent=`), search', async () => {
      const PAGES = connectionQuery('pages', 'RootQueryToPageConnectionWhereArgs');
      const r = await both({ parent: SEED.pages.about }, { parent: SEED.pages.about }, 20, '/wp/v2/pages', PAGES);
      expect(r.gateway).toEqual(r.rest);
      expect(r.gateway).toEqual([SEED.pages.team]);
      const s = await both({ search: 'team' }, { search: 'team' }, 20, '/wp/v2/pages', PAGES);
      expect(s.gateway).toEqual(s.rest);
      expect(s.gateway.length).toBeGreaterThan(0);
    });

    it('media: mimeType (REST `mime_type=`), search', async () => {
      const MEDIA = connectionQuery('mediaItems', 'RootQueryToMediaItemConnectionWhereArgs');
      const png = await both({ mimeType: 'IMAGE_PNG' }, { mime_type: 'image/png' }, 100, '/wp/v2/media', MEDIA);
      expect(png.gateway).toEqual(png.rest);
      expect(png.gateway.length).toBeGreaterThan(1);
      const pdf = await both({ mimeType: 'APPLICATION_PDF' }, { mime_type: 'application/pdf' }, 100, '/wp/v2/media', MEDIA);
      expect(pdf.gateway).toEqual([SEED.media.pdf]);
    });

    it('categories: search, parent, include, slug, hideEmpty, orderby', async () => {
      const CATEGORIES = connectionQuery('categories', 'RootQueryToCategoryConnectionWhereArgs');
      const cases: [Record<string, unknown>, Query][] = [
        [{ search: 'ro' }, { search: 'ro', hide_empty: false }],
        [{ parent: SEED.categories.news }, { parent: SEED.categories.news, hide_empty: false }],
        [{ include: [8, 3, 11] }, { include: '8,3,11', hide_empty: false }],
        [{ slug: ['php', 'music'] }, { slug: 'php,music', hide_empty: false }],
        [{ hideEmpty: true }, { hide_empty: true }],
        [
          { orderby: 'NAME', order: 'DESC' },
          { orderby: 'name', order: 'desc', hide_empty: false },
        ],
        [
          { orderby: 'SLUG', order: 'ASC' },
          { orderby: 'slug', order: 'asc', hide_empty: false },
        ],
      ];
      for (const [where, query] of cases) {
        const r = await both(where, query, 100, '/wp/v2/categories', CATEGORIES);
        expect(r.gateway, JSON.stringify(where)).toEqual(r.rest);
        expect(r.total, JSON.stringify(where)).toBe(r.restTotal);
      }
      const empty = await both({ hideEmpty: true }, { hide_empty: true }, 100, '/wp/v2/categories', CATEGORIES);
      expect(empty.gateway).not.toContain(SEED.categories.empty);
    });

    it('tags: search and slug', async () => {
      const TAGS = connectionQuery('tags', 'RootQueryToTagConnectionWhereArgs');
      const s = await both({ search: 'launch' }, { search: 'launch', hide_empty: false }, 100, '/wp/v2/tags', TAGS);
      expect(s.gateway).toEqual([SEED.tags.launch]);
      const slug = await both({ slug: ['zurich'] }, { slug: 'zurich', hide_empty: false }, 100, '/wp/v2/tags', TAGS);
      expect(slug.gateway).toEqual([SEED.tags.zurich]);
    });

    it('users: search, include, nicename', async () => {
      const USERS = connectionQuery('users', 'RootQueryToUserConnectionWhereArgs');
      const s = await both({ search: 'zoe' }, { search: 'zoe' }, 100, '/wp/v2/users', USERS);
      expect(s.gateway).toEqual(s.rest);
      expect(s.gateway).toEqual([SEED.users.zoe]);
      const inc = await both({ include: [4, 1] }, { include: '4,1', orderby: 'slug' }, 100, '/wp/v2/users', USERS);
      expect(inc.gateway).toEqual(inc.rest);
      const nice = await both({ nicename: 'jl' }, { slug: 'jl' }, 100, '/wp/v2/users', USERS);
      expect(nice.gateway).toEqual([SEED.users.jl]);
    });

    it('comments: contentId, parent (top level), commentIn, search, orderby', async () => {
      const COMMENTS = connectionQuery('comments', 'RootQueryToCommentConnectionWhereArgs');
      const post = SEED.posts.threadedComments;
      const cases: [Record<string, unknown>, Query][] = [
        [{ contentId: post }, { post }],
        [
          { contentId: post, parent: 0 },
          { post, parent: 0 },
        ],
        [{ parentIn: [SEED.comments.top] }, { parent: SEED.comments.top }],
        [{ commentIn: [9, 3, 40] }, { include: '9,3,40' }],
        [{ search: 'Søren' }, { search: 'Søren' }],
        [
          { contentId: post, orderby: 'COMMENT_ID', order: 'ASC' },
          { post, orderby: 'id', order: 'asc' },
        ],
      ];
      for (const [where, query] of cases) {
        const r = await both(where, query, 100, '/wp/v2/comments', COMMENTS);
        expect(r.gateway, JSON.stringify(where)).toEqual(r.rest);
        expect(r.total, JSON.stringify(where)).toBe(r.restTotal);
        expect(r.gateway.length, JSON.stringify(where)).toBeGreaterThan(0);
      }
      const top = await both({ contentId: post, parent: 0 }, { post, parent: 0 }, 100, '/wp/v2/comments', COMMENTS);
      expect([...top.gateway].sort((a, b) => a - b)).toEqual([SEED.comments.top, SEED.comments.secondTopLevel]);
    });
  });
});
