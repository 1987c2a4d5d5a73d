import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, type Json, rest, restIds, startWordPressGateway, type WordPressGateway } from './gateway-harness.ts';
import { mergeNewestFirst } from '../../src/schema/content-nodes.ts';
import { wordpressTarget } from './target.ts';

// Issue #13, the rest of discovery's read side on the real site (tests/wordpress/mu-plugins/wpgw-discovery.php):
// ContentType and Taxonomy nodes of discovered types, the user's connection to them, and one query walking every
// discovered type, taxonomy, meta key and SEO field with the exact upstream requests it costs.

const wp = wordpressTarget();

/** `[route, _fields]` of each request since the last reset, sorted. */
const sent = (gw: WordPressGateway) => gw.upstream.map((r) => `${r.route} ${String(r.query._fields ?? '')}`).sort();

describe.runIf(wp.seeded)('discovered types: content types, taxonomies, users', () => {
  let gw: WordPressGateway;
  beforeAll(async () => {
    gw = await startWordPressGateway(wp, { cacheTtlMs: 0, entityCacheTtlMs: 0 });
  });
  afterAll(() => gw?.close());

  it('contentTypes and taxonomies list the built-in then the discovered types, from the site’s facts (no request)', async () => {
    const types = (await rest(wp, '/wp/v2/types')).body as Record<string, Json>;
    gw.resetUpstream();
    const data = await gw.data(`{
      contentTypes { nodes { id name graphqlSingleName graphqlPluralName hierarchical restBase isPostsPage isFrontPage } }
      taxonomies { nodes { id name graphqlSingleName graphqlPluralName hierarchical restBase } }
      byName: contentType(id: "chapter", idType: NAME) { name hierarchical }
      byEnumName: contentType(id: "BOOK", idType: NAME) { name }
      byId: contentType(id: "${globalId('post_type', 'book')}") { name }
      notAType: contentType(id: "${globalId('taxonomy', 'genre')}") { name }
      genre: taxonomy(id: "genre", idType: NAME) { name graphqlPluralName }
      node(id: "${globalId('taxonomy', 'genre')}") { __typename ... on Taxonomy { name } }
    }`);
    expect(gw.upstream).toEqual([]);
    expect(data.contentTypes.nodes.map((n: Json) => n.name)).toEqual(['post', 'page', 'attachment', 'book', 'chapter']);
    const book = data.contentTypes.nodes.find((n: Json) => n.name === 'book');
    expect(book).toEqual({
      id: globalId('post_type', 'book'),
      name: 'book',
      graphqlSingleName: 'book',
      graphqlPluralName: 'books',
      hierarchical: types.book.hierarchical,
      restBase: types.book.rest_base,
      isPostsPage: false,
      isFrontPage: false,
    });
    expect(data.taxonomies.nodes.map((n: Json) => n.name)).toEqual(['category', 'post_tag', 'genre']);
    expect(data.taxonomies.nodes[2]).toEqual({
      id: globalId('taxonomy', 'genre'),
      name: 'genre',
      graphqlSingleName: 'genre',
      graphqlPluralName: 'genres',
      hierarchical: true,
      restBase: 'genres',
    });
    expect(data.byName).toEqual({ name: 'chapter', hierarchical: true });
    expect(data.byEnumName).toEqual({ name: 'book' });
    expect(data.byId).toEqual({ name: 'book' });
    expect(data.notAType).toBeNull();
    expect(data.genre).toEqual({ name: 'genre', graphqlPluralName: 'genres' });
    expect(data.node).toEqual({ __typename: 'Taxonomy', name: 'genre' });
  });

  it('a discovered record’s contentType and a discovered term’s taxonomy', async () => {
    const data = await gw.data(`{
      book(id: "3000", idType: DATABASE_ID) { contentType { node { name graphqlPluralName } } genres { nodes { taxonomy { node { name } } } } }
      chapter(id: "3100", idType: DATABASE_ID) { contentType { node { name hierarchical } } }
    }`);
    expect(data.book.contentType.node).toEqual({ name: 'book', graphqlPluralName: 'books' });
    expect(data.book.genres.nodes.map((n: Json) => n.taxonomy.node.name)).toEqual(['genre']);
    expect(data.chapter.contentType.node).toEqual({ name: 'chapter', hierarchical: true });
  });

  it('User.books: the books of each user, as REST lists them by author', async () => {
    const books = (await rest(wp, '/wp/v2/books', { per_page: 100, _fields: 'id,author' })).body as Json[];
    const authors = [...new Set(books.map((b) => b.author as number))].sort((a, b) => a - b);
    expect(authors.length).toBeGreaterThan(0);
    for (const author of authors) {
      const truth = await rest(wp, '/wp/v2/books', { author, _fields: 'id' });
      gw.resetUpstream();
      const data = await gw.data(
        `{ user(id: "${author}", idType: DATABASE_ID) { books { nodes { databaseId author { node { databaseId } } } } } }`,
      );
      expect(data.user.books.nodes.map((n: Json) => n.databaseId)).toEqual(restIds(truth.body));
      for (const n of data.user.books.nodes) expect(n.author.node.databaseId).toBe(author);
      const asked = gw.upstream.filter((r) => r.route === '/wp/v2/books');
      expect(asked.map((r) => String(r.query.author))).toEqual([String(author)]);
    }
  });

  it('terms and termNode read discovered taxonomies too (TaxonomyEnum.GENRE)', async () => {
    const genres = (await rest(wp, '/wp/v2/genres', { per_page: 100, orderby: 'name', _fields: 'id,name,slug' })).body as Json[];
    gw.resetUpstream();
    const data = await gw.data(`{
      only: terms(first: 100, where: { taxonomies: [GENRE] }) { pageInfo { total } nodes { __typename databaseId } }
      all: terms(first: 100) { pageInfo { total } nodes { __typename } }
      bySlug: termNode(id: "mystery", idType: SLUG, taxonomy: GENRE) { __typename ... on Genre { databaseId } }
      byId: termNode(id: "${globalId('term', genres[0].id)}") { __typename databaseId }
    }`);
    expect(data.only.nodes.map((n: Json) => n.databaseId)).toEqual(restIds(genres));
    expect(data.only.pageInfo.total).toBe(genres.length);
    expect(new Set(data.only.nodes.map((n: Json) => n.__typename))).toEqual(new Set(['Genre']));
    // Without `taxonomies`, the built-in ones only (the recorded WPGraphQL answers' site has no genre in GraphQL).
    expect(new Set(data.all.nodes.map((n: Json) => n.__typename))).toEqual(new Set(['Category', 'Tag']));
    expect(data.bySlug).toEqual({ __typename: 'Genre', databaseId: genres.find((g) => g.slug === 'mystery').id });
    expect(data.byId).toEqual({ __typename: 'Genre', databaseId: genres[0].id });
  });

  it('contentNodes(where: { contentTypes }): one type is its collection; several are merged newest first', async () => {
    const books = (await rest(wp, '/wp/v2/books', { per_page: 100, _fields: 'id,date_gmt' })).body as Json[];
    const postsAnswer = await rest(wp, '/wp/v2/posts', { per_page: 100, _fields: 'id,date_gmt' });
    const posts = postsAnswer.body as Json[];
    // REST's newest-first lists merged by date, the earlier list first on a tie (as the gateway merges them).
    const newest = mergeNewestFirst([posts, books].map((list) => list.map((r) => ({ ...r, dateGmt: r.date_gmt }))));
    gw.resetUpstream();
    const data = await gw.data(`{
      books: contentNodes(first: 100, where: { contentTypes: [BOOK] }) { pageInfo { total } nodes { __typename databaseId } }
      mixed: contentNodes(first: 12, where: { contentTypes: [POST, BOOK] }) { pageInfo { total hasNextPage } nodes { __typename databaseId } }
    }`);
    expect(data.books.nodes.map((n: Json) => n.databaseId)).toEqual(restIds(books));
    expect(new Set(data.books.nodes.map((n: Json) => n.__typename))).toEqual(new Set(['Book']));
    expect(data.mixed.nodes.map((n: Json) => n.databaseId)).toEqual(newest.slice(0, 12).map((r) => r.id));
    expect(data.mixed.pageInfo).toEqual({ total: books.length + postsAnswer.total!, hasNextPage: true });
    // One list per collection and field: books (twice: two fields), posts once.
    expect(gw.upstream.map((r) => r.route).sort()).toEqual(['/wp/v2/books', '/wp/v2/books', '/wp/v2/posts']);
    const refused = await gw.query(
      '{ contentNodes(where: { contentTypes: [POST, BOOK], orderby: [{ field: TITLE, order: ASC }] }) { nodes { id } } }',
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe.runIf(wp.seeded)('discovered types: one query walks them all', () => {
  let gw: WordPressGateway;
  beforeAll(async () => {
    gw = await startWordPressGateway(wp, { cacheTtlMs: 0, entityCacheTtlMs: 0 });
  });
  afterAll(() => gw?.close());

  const SEO =
    'title metaDesc canonical metaRobotsNoindex opengraphTitle opengraphType readingTime breadcrumbs { text } schema { raw } fullHead';
  /** The SEO fields above, from a record's `yoast_head_json` and `yoast_head` as REST gives them. */
  const seoOf = (record: Json, post: boolean) => {
    const head = record.yoast_head_json;
    const graph = head.schema?.['@graph'] ?? [];
    const crumbs = graph.find((n: Json) => n['@type'] === 'BreadcrumbList')?.itemListElement;
    return {
      title: head.title,
      metaDesc: head.description ?? null,
      canonical: head.canonical ?? null,
      metaRobotsNoindex: head.robots?.index ?? null,
      opengraphTitle: head.og_title ?? null,
      opengraphType: head.og_type ?? null,
      ...(post ? { readingTime: Number.parseFloat(head.twitter_misc['Est. reading time']) } : {}),
      breadcrumbs: crumbs ? crumbs.map((c: Json) => ({ text: c.name })) : null,
      schema: { raw: JSON.stringify(head.schema) },
      fullHead: record.yoast_head,
    };
  };

  it('books and chapters with their meta, SEO, content type, authors and genres (with theirs): one request per collection per level', async () => {
    const fields = 'id,author,genres,meta,parent,yoast_head_json,yoast_head';
    const books = (await rest(wp, '/wp/v2/books', { per_page: 10, _fields: fields })).body as Json[];
    const chapters = (await rest(wp, '/wp/v2/chapters', { per_page: 10, _fields: fields })).body as Json[];
    const genreIds = [...new Set(books.flatMap((b) => b.genres as number[]))];
    const genres = (await rest(wp, '/wp/v2/genres', { include: genreIds.join(','), _fields: 'id,meta,yoast_head_json' })).body as Json[];
    gw.resetUpstream();
    const data = await gw.data(`{
      contentTypes { nodes { name } }
      taxonomies { nodes { name } }
      books(first: 10) {
        nodes {
          databaseId
          meta { isbn page_count rating in_print editions dimensions { width height } }
          seo { ${SEO} }
          contentType { node { name } }
          author { node { databaseId } }
          genres { nodes { databaseId meta { color } seo { title } taxonomy { node { name } } } }
        }
      }
      chapters(first: 10) {
        nodes { databaseId meta { word_count } seo { ${SEO} } contentType { node { name } } parent { node { databaseId } } }
      }
    }`);
    expect(data.contentTypes.nodes.map((n: Json) => n.name)).toEqual(['post', 'page', 'attachment', 'book', 'chapter']);
    expect(data.taxonomies.nodes.map((n: Json) => n.name)).toEqual(['category', 'post_tag', 'genre']);
    expect(data.books.nodes.map((n: Json) => n.databaseId)).toEqual(restIds(books));
    for (const [i, record] of books.entries()) {
      const node = data.books.nodes[i];
      expect(node.meta).toEqual(record.meta);
      expect(node.seo).toEqual(seoOf(record, true));
      expect(node.contentType.node.name).toBe('book');
      expect(node.author.node.databaseId).toBe(record.author);
      expect(node.genres.nodes.map((g: Json) => g.databaseId).sort()).toEqual([...record.genres].sort());
      for (const genre of node.genres.nodes) {
        const truth = genres.find((g) => g.id === genre.databaseId);
        expect(genre).toEqual({
          databaseId: truth.id,
          meta: { color: truth.meta.color },
          seo: { title: truth.yoast_head_json.title },
          taxonomy: { node: { name: 'genre' } },
        });
      }
    }
    expect(data.chapters.nodes.map((n: Json) => n.databaseId)).toEqual(restIds(chapters));
    for (const [i, record] of chapters.entries()) {
      const node = data.chapters.nodes[i];
      expect(node.meta).toEqual({ word_count: record.meta.word_count });
      expect(node.seo).toEqual(seoOf(record, true));
      expect(node.contentType.node.name).toBe('chapter');
      expect(node.parent?.node.databaseId ?? 0).toBe(record.parent);
    }
    // Level 1: one list per collection (content types and taxonomies are the site's facts: no request). Level 2:
    // every book's author in one request, every book's genres in one (`include`); chapters' parents are records of
    // the chapters list already read, so no request.
    expect(sent(gw)).toEqual([
      '/wp/v2/books author,content.protected,genres,id,meta,type,yoast_head,yoast_head_json',
      '/wp/v2/chapters content.protected,id,meta,parent,type,yoast_head,yoast_head_json',
      '/wp/v2/genres id,meta,taxonomy,yoast_head,yoast_head_json',
      '/wp/v2/users id',
    ]);
    const include = (route: string) =>
      String(gw.upstream.find((r) => r.route === route)!.query.include)
        .split(',')
        .map(Number)
        .sort();
    expect(include('/wp/v2/genres')).toEqual([...genreIds].sort());
    expect(include('/wp/v2/users')).toEqual([...new Set(books.map((b) => b.author as number))].sort());
  });

  it('genres with their meta, SEO, parents and taxonomy: one request', async () => {
    const genres = (await rest(wp, '/wp/v2/genres', { per_page: 10, _fields: 'id,parent,meta,yoast_head_json,yoast_head' })).body as Json[];
    gw.resetUpstream();
    const data = await gw.data(`{
      genres(first: 10) { nodes { databaseId meta { color } seo { title metaDesc canonical breadcrumbs { text } schema { raw } fullHead } parent { node { databaseId } } taxonomy { node { name } } } }
    }`);
    expect(data.genres.nodes.map((n: Json) => n.databaseId)).toEqual(restIds(genres));
    for (const [i, record] of genres.entries()) {
      const { readingTime: _, metaRobotsNoindex: __, opengraphTitle: ___, opengraphType: ____, ...seo } = seoOf(record, false) as Json;
      expect(data.genres.nodes[i]).toEqual({
        databaseId: record.id,
        meta: record.meta,
        seo,
        parent: record.parent ? { node: { databaseId: record.parent } } : null,
        taxonomy: { node: { name: 'genre' } },
      });
    }
    // Parents are terms of the list already read.
    expect(sent(gw)).toEqual(['/wp/v2/genres id,meta,parent,taxonomy,yoast_head,yoast_head_json']);
  });
});

describe.runIf(wp.seeded && wp.source === 'harness')('registered meta and Yoast SEO of users and media', () => {
  // A must-use plugin this test writes and removes (as gateway-discovery.test.ts's rediscovery test does), so the
  // permanent fixture — and the demo site that mirrors it — keep users and media as WordPress serves them.
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const stateDir = process.env.WORDPRESS_STATE_DIR ?? `${root}.wordpress`;
  const hash = createHash('md5').update(stateDir).digest('hex').slice(0, 12);
  const plugin = `/var/lib/wordpress/wpgw-sites/${hash}/wp-content/mu-plugins/wpgw-discovery-users-media.php`;
  let gw: WordPressGateway;
  beforeAll(async () => {
    gw = await startWordPressGateway(wp, { cacheTtlMs: 0, entityCacheTtlMs: 0 });
  });
  afterAll(async () => {
    rmSync(plugin, { force: true });
    await gw?.close();
  });

  it('user meta, attachment meta and SEOUser are discovered, served and asked for only when selected', async () => {
    writeFileSync(
      plugin,
      `<?php
add_action('init', static function () {
    register_meta('user', 'twitter_handle', ['type' => 'string', 'single' => true, 'show_in_rest' => true, 'default' => '@wpgw']);
    register_post_meta('attachment', 'credit', ['type' => 'string', 'single' => true, 'show_in_rest' => true, 'default' => 'Photo: wpgw']);
    register_post_meta('attachment', 'license_year', ['type' => 'integer', 'single' => true, 'show_in_rest' => true, 'default' => 2024]);
});
add_action('rest_api_init', static function () {
    // Yoast SEO's author archive head (its documented yoast_head_json keys for a user).
    register_rest_field('user', 'yoast_head_json', [
        'get_callback' => static fn (array $r) => [
            'title' => $r['name'] . ', Author at ' . get_bloginfo('name'),
            'robots' => ['index' => 'noindex', 'follow' => 'follow'],
            'canonical' => $r['link'],
            'og_title' => $r['name'] . ', Author at ' . get_bloginfo('name'),
            'og_url' => $r['link'],
            'schema' => ['@context' => 'https://schema.org', '@graph' => [['@type' => 'ProfilePage', '@id' => $r['link']]]],
        ],
        'schema' => ['type' => 'object', 'context' => ['view', 'edit', 'embed']],
    ]);
});
`,
    );
    try {
      expect(await gw.gateway.live!.refresh()).toBe(true);
      const users = (await rest(wp, '/wp/v2/users', { per_page: 10, _fields: 'id,meta,yoast_head_json' })).body as Json[];
      const media = (await rest(wp, '/wp/v2/media', { per_page: 5, _fields: 'id,meta' })).body as Json[];
      expect(users[0].meta).toEqual({ twitter_handle: '@wpgw' });
      gw.resetUpstream();
      const data = await gw.data(`{
        users(first: 10) { nodes { databaseId meta { twitter_handle } seo { title metaRobotsNoindex metaRobotsNofollow canonical opengraphTitle schema { raw } } } }
        mediaItems(first: 5) { nodes { databaseId meta { credit license_year } } }
      }`);
      // The gateway orders users as WPGraphQL does (by login), REST by name: compare by id.
      expect(data.users.nodes.map((n: Json) => n.databaseId).sort()).toEqual(restIds(users).sort());
      for (const record of users) {
        const head = record.yoast_head_json;
        expect(data.users.nodes.find((n: Json) => n.databaseId === record.id)).toEqual({
          databaseId: record.id,
          meta: record.meta,
          seo: {
            title: head.title,
            metaRobotsNoindex: 'noindex',
            metaRobotsNofollow: 'follow',
            canonical: head.canonical,
            opengraphTitle: head.og_title,
            schema: { raw: JSON.stringify(head.schema) },
          },
        });
      }
      expect(data.mediaItems.nodes).toEqual(media.map((m) => ({ databaseId: m.id, meta: m.meta })));
      expect(sent(gw)).toEqual(['/wp/v2/media id,meta', '/wp/v2/users id,meta,yoast_head_json']);
      // Not selected, not asked for.
      gw.resetUpstream();
      await gw.data('{ users(first: 1) { nodes { name } } mediaItems(first: 1) { nodes { title } } }');
      for (const r of gw.upstream) expect(String(r.query._fields)).not.toMatch(/meta|yoast/);
      // The report `check` prints: users and media with their meta keys.
      const report = gw.gateway.live!.report;
      expect(report.find((r) => r.slug === '(users)')).toMatchObject({
        typeName: 'User',
        seo: true,
        meta: [
          // WordPress's own, edit context only.
          { key: 'persisted_preferences', field: undefined, note: 'not served: REST shows it only in the edit context' },
          { key: 'twitter_handle', field: 'meta.twitter_handle', note: 'served' },
        ],
      });
      expect(report.find((r) => r.slug === 'attachment')?.meta.map((m) => m.field)).toEqual(['meta.credit', 'meta.license_year']);
    } finally {
      rmSync(plugin, { force: true });
    }
    expect(await gw.gateway.live!.refresh()).toBe(true);
    expect((await gw.query('{ users(first: 1) { nodes { meta { twitter_handle } } } }')).errors?.[0]?.message).toMatch(/meta/);
  });
});
