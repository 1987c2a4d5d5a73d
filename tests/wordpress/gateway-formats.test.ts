import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import {
  decodeEntities,
  globalId,
  rest,
  restAll,
  startWordPressGateway,
  uriOf,
  type WordPressGateway,
  type Json,
} from './gateway-harness.ts';
import { wordpressTarget } from './target.ts';

// Output formats WPGraphQL defines, on the real site's awkward data: decoded titles and term names (and what
// stays encoded), site-local dates in Europe/Paris across DST with their GMT twins, relative URIs with a trailing
// slash, global ids, excerpts and content exactly as WordPress rendered them.

const wp = wordpressTarget();

const ISO_LOCAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/;

interface RestPost {
  id: number;
  date: string;
  date_gmt: string;
  modified: string;
  modified_gmt: string;
  link: string;
  slug: string;
  sticky: boolean;
  title: { rendered: string };
  excerpt: { rendered: string; protected: boolean };
  content: { rendered: string; protected: boolean };
}

describe.runIf(wp.seeded)('WPGraphQL’s output formats on the real site', () => {
  let gw: WordPressGateway;
  let restPosts: Map<number, RestPost>;

  beforeAll(async () => {
    gw = await startWordPressGateway(wp);
    const records = await restAll<RestPost>(wp, '/wp/v2/posts', {
      _fields: 'id,date,date_gmt,modified,modified_gmt,link,slug,sticky,title,excerpt,content',
    });
    restPosts = new Map(records.map((p) => [p.id, p]));
  });
  afterAll(async () => {
    await gw?.close();
  });

  describe('titles', () => {
    it('decoded from WordPress’s entities; markup, emoji and `<` kept; empty → null', async () => {
      const { posts } = await gw.data(`{ posts(where: { in: [101, 102, 103, 104, 105, 106] }) { nodes { databaseId title } } }`);
      const titles = Object.fromEntries(posts.nodes.map((p: Json) => [p.databaseId, p.title]));
      expect(titles).toEqual({
        101: 'Don’t “quote” me: Tom & Jerry <3 — déjà vu 🎉',
        102: 'It’s “straight” quotes & <em>emphasis</em>',
        103: 'Already encoded: & <b> ’',
        104: 'Emoji only title 🎉🚀 and a family 👩‍👩‍👧',
        105: decodeEntities(restPosts.get(105)!.title.rendered),
        106: null,
      });
      expect(titles[105]).toHaveLength(223);
    });

    it('every post’s title is REST’s `title.rendered`, decoded', async () => {
      const { posts } = await gw.data(`{ posts(first: 100) { nodes { databaseId title } } }`);
      for (const node of posts.nodes) {
        const rendered = restPosts.get(node.databaseId)!.title.rendered;
        expect(node.title, `post ${node.databaseId}`).toBe(rendered === '' ? null : decodeEntities(rendered));
      }
    });

    it('term names decoded; user names as stored', async () => {
      const data = await gw.data(`{
        categories(first: 100) { nodes { databaseId name description count } }
        tags(first: 100) { nodes { databaseId name } }
        users { nodes { databaseId name } }
      }`);
      const names = (nodes: Json[]) => Object.fromEntries(nodes.map((n) => [n.databaseId, n.name]));
      expect(names(data.categories.nodes)[SEED.categories.artsCulture]).toBe('Arts & Culture');
      expect(names(data.tags.nodes)).toMatchObject({
        [SEED.tags.qAndA]: 'Q&A',
        [SEED.tags.launch]: '🚀 Launch',
        [SEED.tags.quotes]: '“Quotes”',
        [SEED.tags.cafe]: 'Café',
        [SEED.tags.zurich]: 'Zürich',
      });
      expect(names(data.users.nodes)).toEqual({
        [SEED.users.admin]: SEED.userNames[1],
        [SEED.users.editor]: SEED.userNames[2],
        [SEED.users.zoe]: SEED.userNames[3],
        [SEED.users.jl]: SEED.userNames[4],
      });
      // WPGraphQL: description raw (not decoded), '' → null; count 0 → null.
      const restCategories = await rest<{ id: number; description: string; count: number }[]>(wp, '/wp/v2/categories', {
        per_page: 100,
        hide_empty: false,
        _fields: 'id,description,count',
      });
      for (const record of restCategories.body) {
        const node = data.categories.nodes.find((c: Json) => c.databaseId === record.id);
        expect({ description: node.description, count: node.count }, `category ${record.id}`).toEqual({
          description: record.description === '' ? null : record.description,
          count: record.count === 0 ? null : record.count,
        });
      }
      const arts = data.categories.nodes.find((c: Json) => c.databaseId === SEED.categories.artsCulture);
      expect(arts.description).toBe('An ampersand in a term name: WordPress stores it as &amp;.');
      expect(data.categories.nodes.find((c: Json) => c.databaseId === SEED.categories.empty).count).toBeNull();
    });
  });

  describe('dates', () => {
    it('date/modified are REST’s site-local `YYYY-MM-DDTHH:MM:SS`; dateGmt/modifiedGmt REST’s UTC ones', async () => {
      for (let page = 0; page < 3; page++) {
        const { posts } = await gw.data(`{ posts(where: { offsetPagination: { offset: ${page * 100}, size: 100 } }) {
          nodes { databaseId date dateGmt modified modifiedGmt }
        } }`);
        for (const node of posts.nodes) {
          const record = restPosts.get(node.databaseId)!;
          if (node.databaseId === SEED.posts.password) {
            // Restricted for anonymous viewers (WPGraphQL's allow-list has no dates).
            expect(node).toMatchObject({ date: null, dateGmt: null, modified: null, modifiedGmt: null });
            continue;
          }
          expect(node, `post ${node.databaseId}`).toEqual({
            databaseId: node.databaseId,
            date: record.date,
            dateGmt: record.date_gmt,
            modified: record.modified,
            modifiedGmt: record.modified_gmt,
          });
          expect(node.date).toMatch(ISO_LOCAL);
          expect(node.dateGmt).toMatch(ISO_LOCAL);
        }
      }
    });

    it('Europe/Paris: an hour ahead of GMT in winter, two in summer', async () => {
      const { posts } = await gw.data(`{ posts(where: { in: [100, 160] }) { nodes { databaseId date dateGmt } } }`);
      const byId = Object.fromEntries(posts.nodes.map((p: Json) => [p.databaseId, p]));
      expect(byId[100]).toEqual({ databaseId: 100, date: '2022-01-03T08:15:00', dateGmt: '2022-01-03T07:15:00' });
      expect(byId[160]).toEqual({ databaseId: 160, date: '2022-07-02T10:15:00', dateGmt: '2022-07-02T08:15:00' });
    });

    it('pages and media dates too', async () => {
      const page = await rest(wp, `/wp/v2/pages/${SEED.pages.about}`, { _fields: 'date,date_gmt' });
      const media = await rest(wp, `/wp/v2/media/${SEED.media.firstImage}`, { _fields: 'date,date_gmt' });
      const data = await gw.data(`{
        page(id: ${SEED.pages.about}, idType: DATABASE_ID) { date dateGmt }
        mediaItem(id: ${SEED.media.firstImage}, idType: DATABASE_ID) { date dateGmt }
      }`);
      expect(data.page).toEqual({ date: page.body.date, dateGmt: page.body.date_gmt });
      expect(data.mediaItem).toEqual({ date: media.body.date, dateGmt: media.body.date_gmt });
    });
  });

  describe('uris, links, slugs and ids', () => {
    it('every post: uri relative to home with a trailing slash; link, slug, global id', async () => {
      const { posts } = await gw.data(`{ posts(first: 100) { nodes { databaseId id uri link slug } } }`);
      for (const node of posts.nodes) {
        const record = restPosts.get(node.databaseId)!;
        expect(node, `post ${node.databaseId}`).toEqual({
          databaseId: record.id,
          id: globalId('post', record.id),
          uri: uriOf(wp, record.link),
          link: record.link,
          slug: record.slug,
        });
        expect(node.uri).toMatch(/^\/\d{4}\/\d\d\/\d\d\/[^/]+\/$/);
      }
    });

    it('pages, categories, tags, users and media: relative uris with a trailing slash', async () => {
      const data = await gw.data(`{
        pages(first: 100) { nodes { databaseId uri } }
        categories(first: 100) { nodes { databaseId uri id } }
        tags(first: 100) { nodes { databaseId uri } }
        users(first: 100) { nodes { databaseId uri id } }
        mediaItems(first: 100) { nodes { databaseId uri } }
      }`);
      for (const [field, route] of [
        ['pages', 'pages'],
        ['categories', 'categories'],
        ['tags', 'tags'],
        ['users', 'users'],
        ['mediaItems', 'media'],
      ] as const) {
        const records = await restAll<{ id: number; link: string }>(wp, `/wp/v2/${route}`, {
          _fields: 'id,link',
          ...(route === 'categories' || route === 'tags' ? { hide_empty: false } : {}),
        });
        expect(data[field].nodes.length, field).toBe(records.length);
        for (const node of data[field].nodes) {
          const record = records.find((r) => r.id === node.databaseId)!;
          expect(node.uri, `${field} ${node.databaseId}`).toBe(uriOf(wp, record.link));
          expect(node.uri, `${field} ${node.databaseId}`).toMatch(/^\/.*\/$/);
        }
      }
      const uri = (field: string, id: number) => data[field].nodes.find((n: Json) => n.databaseId === id).uri;
      expect(uri('pages', SEED.pages.leadership)).toBe('/about/team/leadership-board/');
      expect(uri('categories', SEED.categories.php)).toBe('/category/technology/programming/php/');
      expect(uri('tags', SEED.tags.qAndA)).toBe('/tag/q-and-a/');
      expect(uri('users', SEED.users.zoe)).toBe('/author/zoe/');
      expect(data.categories.nodes.find((n: Json) => n.databaseId === SEED.categories.php).id).toBe(globalId('term', SEED.categories.php));
      expect(data.users.nodes.find((n: Json) => n.databaseId === SEED.users.zoe).id).toBe(globalId('user', SEED.users.zoe));
    });

    it('content type, status and stickiness', async () => {
      const data = await gw.data(`{
        posts(where: { in: [100, 101, 250] }) { nodes { databaseId contentTypeName status isSticky } }
        page(id: ${SEED.pages.about}, idType: DATABASE_ID) { contentTypeName status }
        mediaItem(id: ${SEED.media.firstImage}, idType: DATABASE_ID) { contentTypeName status }
      }`);
      expect(data.posts.nodes).toEqual([
        { databaseId: 100, contentTypeName: 'post', status: 'publish', isSticky: true },
        { databaseId: 101, contentTypeName: 'post', status: 'publish', isSticky: false },
        { databaseId: 250, contentTypeName: 'post', status: 'publish', isSticky: true },
      ]);
      expect(data.page).toEqual({ contentTypeName: 'page', status: 'publish' });
      expect(data.mediaItem).toEqual({ contentTypeName: 'attachment', status: 'inherit' });
      for (const node of data.posts.nodes) expect(node.isSticky).toBe(restPosts.get(node.databaseId)!.sticky);
    });

    it('generalSettings: the REST index’s url and home', async () => {
      const index = await rest(wp, '/', {});
      const { generalSettings } = await gw.data(`{ generalSettings { url homeUrl } }`);
      expect(generalSettings).toEqual({ url: index.body.url, homeUrl: index.body.home });
    });
  });

  describe('excerpt and content', () => {
    it('excerpts exactly as WordPress rendered them (entities kept), hand-written and automatic', async () => {
      const { posts } = await gw.data(`{ posts(where: { in: [100, 104, 105, 110, 111] }) { nodes { databaseId excerpt } } }`);
      for (const node of posts.nodes) {
        expect(node.excerpt, `post ${node.databaseId}`).toBe(restPosts.get(node.databaseId)!.excerpt.rendered);
      }
      const byId = Object.fromEntries(posts.nodes.map((p: Json) => [p.databaseId, p.excerpt]));
      expect(byId[100]).toBe('<p>Hand-written excerpt for post 100 — “quoted” &#038; short.</p>\n');
      expect(byId[104]).toMatch(/ \[&hellip;\]<\/p>\n$/);
    });

    it('content exactly as WordPress rendered it, for a page of posts', async () => {
      const { posts } = await gw.data(`{ posts(first: 20, where: { notIn: [${SEED.posts.password}] }) { nodes { databaseId content } } }`);
      expect(posts.nodes).toHaveLength(20);
      for (const node of posts.nodes) {
        expect(node.content, `post ${node.databaseId}`).toBe(restPosts.get(node.databaseId)!.content.rendered);
      }
    });

    it('content with the date beside it (both selected)', async () => {
      const { posts } = await gw.data(
        `{ posts(first: 5, where: { notIn: [${SEED.posts.password}] }) { nodes { databaseId date content } } }`,
      );
      for (const node of posts.nodes) {
        const record = restPosts.get(node.databaseId)!;
        expect(node, `post ${node.databaseId}`).toEqual({ databaseId: record.id, date: record.date, content: record.content.rendered });
      }
    });
  });
});
