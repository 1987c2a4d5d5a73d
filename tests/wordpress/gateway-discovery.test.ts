import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { buildSchema, parse, validate } from 'graphql';
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authHeaders,
  decodeEntities,
  globalId,
  type Json,
  rest,
  restIds,
  startWordPressGateway,
  uriOf,
  type WordPressGateway,
} from './gateway-harness.ts';
import { SEED } from './seed-ids.ts';
import { wordpressTarget } from './target.ts';

// Issue #13: what the site registers (tests/wordpress/mu-plugins/wpgw-discovery.php: the flat `book` and the
// hierarchical `chapter` post types, the hierarchical `genre` taxonomy on books and posts, registered meta of each
// kind, Yoast's `yoast_head_json`), served with no code, checked against REST read directly.

const wp = wordpressTarget();

/** `[route, _fields]` of each request since the last reset, sorted. */
const sent = (gw: WordPressGateway) => gw.upstream.map((r) => `${r.route} ${String(r.query._fields ?? '')}`).sort();

describe.runIf(wp.seeded)('discovered types on the real site', () => {
  let gw: WordPressGateway;
  beforeAll(async () => {
    gw = await startWordPressGateway(wp, { cacheTtlMs: 0, entityCacheTtlMs: 0 });
  });
  afterAll(() => gw?.close());

  it('discovery found the fixture types and served them', () => {
    const report = gw.gateway.live!.report;
    const served = Object.fromEntries(report.map((r) => [r.slug, r.typeName ?? null]));
    expect(served).toMatchObject({ book: 'Book', chapter: 'Chapter', genre: 'Genre', post: 'Post', page: 'Page' });
    expect(report.find((r) => r.slug === 'wp_block')?.typeName).toBeUndefined();
    expect(gw.gateway.live!.status().state).toBe('ok');
  });

  it('books: fields as REST gives them, one request per collection per level', async () => {
    const truth = await rest(wp, '/wp/v2/books', { per_page: 10, _fields: 'id,title,link,author,genres,meta,featured_media' });
    gw.resetUpstream();
    const data = await gw.data(`{
      books(first: 10) {
        pageInfo { total }
        nodes {
          __typename databaseId bookId title uri
          author { node { databaseId } }
          featuredImage { node { databaseId } }
          genres { nodes { databaseId name } }
          meta { isbn page_count rating in_print editions dimensions { width height } }
        }
      }
    }`);
    expect(data.books.nodes.map((n: Json) => n.databaseId)).toEqual(restIds(truth.body));
    expect(data.books.pageInfo.total).toBe(3);
    for (const [i, record] of (truth.body as Json[]).entries()) {
      const node = data.books.nodes[i];
      expect(node.__typename).toBe('Book');
      expect(node.bookId).toBe(record.id);
      expect(node.title).toBe(decodeEntities(record.title.rendered));
      expect(node.uri).toBe(uriOf(wp, record.link));
      expect(node.author.node.databaseId).toBe(record.author);
      expect(node.featuredImage?.node.databaseId ?? 0).toBe(record.featured_media);
      expect(node.genres.nodes.map((g: Json) => g.databaseId).sort()).toEqual([...record.genres].sort());
      expect(node.meta).toEqual(record.meta);
    }
    // One request per REST collection for the whole level: books, then users, media and genres batched by include.
    expect(sent(gw)).toEqual([
      '/wp/v2/books author,content.protected,featured_media,genres,id,link,meta,title',
      '/wp/v2/genres id,name',
      '/wp/v2/media id',
      '/wp/v2/users id',
    ]);
    const genres = gw.upstream.find((r) => r.route === '/wp/v2/genres')!;
    expect(String(genres.query.include).split(',').length).toBe(3);
  });

  it('seo: yoast_head_json asked for only with `seo`, and answered in WPGraphQL Yoast SEO’s shape', async () => {
    const truth = (await rest(wp, '/wp/v2/books/3001', { _fields: 'yoast_head_json,yoast_head' })).body;
    gw.resetUpstream();
    const data = await gw.data(`{ book(id: "3001", idType: DATABASE_ID) {
      seo { title metaDesc canonical metaRobotsNoindex metaRobotsNofollow opengraphTitle opengraphDescription opengraphUrl
            opengraphSiteName opengraphType opengraphPublisher opengraphPublishedTime opengraphModifiedTime twitterTitle
            twitterDescription readingTime breadcrumbs { text url } schema { raw } fullHead }
    } }`);
    const head = truth.yoast_head_json;
    expect(data.book.seo).toEqual({
      title: head.title,
      metaDesc: head.description,
      canonical: head.canonical,
      metaRobotsNoindex: 'noindex',
      metaRobotsNofollow: 'follow',
      opengraphTitle: head.og_title,
      opengraphDescription: head.og_description,
      opengraphUrl: head.og_url,
      opengraphSiteName: head.og_site_name,
      opengraphType: 'article',
      opengraphPublisher: head.article_publisher,
      opengraphPublishedTime: head.article_published_time,
      opengraphModifiedTime: head.article_modified_time,
      twitterTitle: head.twitter_title,
      twitterDescription: head.twitter_description,
      readingTime: 1,
      breadcrumbs: [
        { text: 'Home', url: `${wp.url}/` },
        { text: 'Murder & REST', url: null },
      ],
      schema: { raw: JSON.stringify(head.schema) },
      fullHead: truth.yoast_head,
    });
    expect(String(gw.upstream[0]!.query._fields)).toContain('yoast_head_json');
    gw.resetUpstream();
    await gw.data('{ book(id: "3001", idType: DATABASE_ID) { title } }');
    expect(String(gw.upstream[0]!.query._fields)).not.toContain('yoast');
  });

  it('chapters: hierarchy (parent, children, ancestors) and lookups by URI', async () => {
    const data = await gw.data(`{
      chapter(id: "3103", idType: DATABASE_ID) {
        title parentDatabaseId
        parent { node { ... on Chapter { databaseId } } }
        ancestors { nodes { databaseId } }
      }
      top: chapters(where: { parent: 0 }) { nodes { databaseId children { nodes { databaseId } } } }
      byUri: chapter(id: "/chapters/part-one/chapter-2-batches/", idType: URI) { databaseId menuOrder }
    }`);
    expect(data.chapter).toMatchObject({ title: 'Section 1.1: Include', parentDatabaseId: 3101, parent: { node: { databaseId: 3101 } } });
    expect(data.chapter.ancestors.nodes.map((n: Json) => n.databaseId)).toEqual([3101, 3100]);
    expect(data.top.nodes.map((n: Json) => n.databaseId)).toEqual([3100]);
    expect(data.top.nodes[0].children.nodes.map((n: Json) => n.databaseId).sort()).toEqual([3101, 3102]);
    expect(data.byUri).toEqual({ databaseId: 3102, menuOrder: 2 });
  });

  it('genres: terms ↔ content both ways', async () => {
    const fiction = (await rest(wp, '/wp/v2/genres', { slug: 'fiction' })).body[0];
    const booksTruth = await rest(wp, '/wp/v2/books', { 'genres[terms]': fiction.id, 'genres[include_children]': 'true', _fields: 'id' });
    const data = await gw.data(`{
      genre(id: "fiction", idType: SLUG) {
        databaseId genreId name description uri
        children { nodes { slug parent { node { slug } } } }
        books { nodes { databaseId genres { nodes { slug } } } }
        meta { color }
        seo { title }
      }
    }`);
    expect(data.genre).toMatchObject({ databaseId: fiction.id, genreId: fiction.id, name: 'Fiction', uri: uriOf(wp, fiction.link) });
    expect(data.genre.children.nodes).toEqual([{ slug: 'mystery', parent: { node: { slug: 'fiction' } } }]);
    // Books of Fiction and of its child Mystery, as WordPress lists them.
    expect(data.genre.books.nodes.map((n: Json) => n.databaseId)).toEqual(restIds(booksTruth.body));
    expect(data.genre.books.nodes.flatMap((n: Json) => n.genres.nodes.map((g: Json) => g.slug)).sort()).toEqual([
      'fiction',
      'fiction',
      'mystery',
      'poetry',
    ]);
    expect(data.genre.meta).toEqual({ color: '#aa3300' });
    expect(data.genre.seo.title).toBe('Fiction Archives - WPGraphQL Gateway test site');
  });

  it('node and nodeByUri find discovered records', async () => {
    const data = await gw.data(`{
      a: node(id: "${globalId('post', 3000)}") { __typename ... on Book { databaseId } }
      b: nodeByUri(uri: "/books/murder-rest/") { __typename ... on Book { databaseId } }
      c: nodeByUri(uri: "/genre/poetry/") { __typename ... on Genre { slug } }
      d: contentNode(id: "3100", idType: DATABASE_ID) { __typename }
    }`);
    expect(data.a).toEqual({ __typename: 'Book', databaseId: 3000 });
    expect(data.b).toEqual({ __typename: 'Book', databaseId: 3001 });
    expect(data.c).toEqual({ __typename: 'Genre', slug: 'poetry' });
    expect(data.d).toEqual({ __typename: 'Chapter' });
  });

  it('visibility: a draft book is hidden anonymously by every path, visible to the editor', async () => {
    const anonymous = await gw.data(`{
      a: book(id: "3003", idType: DATABASE_ID) { title }
      b: node(id: "${globalId('post', 3003)}") { id }
      c: books(where: { in: [3003] }) { nodes { databaseId } }
    }`);
    expect(anonymous).toEqual({ a: null, b: null, c: { nodes: [] } });
    if (!wp.auth) return;
    const editor = await gw.data('{ book(id: "3003", idType: DATABASE_ID) { title status } }', undefined, authHeaders(wp));
    expect(editor.book).toEqual({ title: 'Untitled Draft Book', status: 'draft' });
  });
});

describe.runIf(wp.seeded && wp.source === 'harness')('rediscovery on the real site', () => {
  // This site's wp-content, as tests/wordpress/instance.sh names it from the state directory.
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const stateDir = process.env.WORDPRESS_STATE_DIR ?? `${root}.wordpress`;
  const hash = createHash('md5').update(stateDir).digest('hex').slice(0, 12);
  const plugin = `/var/lib/wordpress/wpgw-sites/${hash}/wp-content/mu-plugins/wpgw-discovery-podcast.php`;
  let gw: WordPressGateway;
  beforeAll(async () => {
    gw = await startWordPressGateway(wp);
  });
  afterAll(async () => {
    rmSync(plugin, { force: true });
    await gw?.close();
  });

  it('a post type, a taxonomy on posts and Yoast on posts registered after start-up are served after refresh()', async () => {
    expect((await gw.query('{ podcasts { nodes { title } } }')).errors?.[0]?.message).toMatch(/podcasts/);
    expect((await gw.query('{ post(id: "100", idType: DATABASE_ID) { seo { title } } }')).errors?.[0]?.message).toMatch(/seo/);
    writeFileSync(
      plugin,
      `<?php
add_action('init', static function () {
    register_post_type('podcast', ['public' => true, 'show_in_rest' => true, 'rest_base' => 'podcasts', 'label' => 'Podcasts', 'supports' => ['title']]);
    register_taxonomy_for_object_type('genre', 'post');
}, 20);
add_action('rest_api_init', static function () {
    register_rest_field('post', 'yoast_head_json', ['get_callback' => static fn (array $r) => wpgw_yoast_for_post($r), 'schema' => ['type' => 'object', 'context' => ['view', 'edit', 'embed']]]);
});
`,
    );
    try {
      expect(await gw.gateway.live!.refresh()).toBe(true);
      expect((await gw.data('{ podcasts { nodes { title } } }')).podcasts.nodes).toEqual([]);
      // Built-in Post gains the custom taxonomy (both ways) and seo.
      const truth = (await rest(wp, '/wp/v2/posts/101', { _fields: 'genres,yoast_head_json' })).body;
      gw.resetUpstream();
      const data = await gw.data(`{
        posts(where: { in: [100, 101] }) { nodes { databaseId genres { nodes { slug } } seo { title metaRobotsNoindex } } }
        genre(id: "fiction", idType: SLUG) { posts { nodes { databaseId } } }
      }`);
      expect([...data.posts.nodes].sort((a: Json, b: Json) => b.databaseId - a.databaseId)).toEqual([
        {
          databaseId: 101,
          genres: { nodes: [{ slug: 'mystery' }] },
          seo: { title: truth.yoast_head_json.title, metaRobotsNoindex: 'noindex' },
        },
        {
          databaseId: 100,
          genres: { nodes: [{ slug: 'fiction' }] },
          seo: { title: expect.stringMatching(/^Post 100/), metaRobotsNoindex: 'index' },
        },
      ]);
      expect(truth.genres).toHaveLength(1);
      expect(data.genre.posts.nodes.map((n: Json) => n.databaseId).sort()).toEqual([100, 101]);
      // Old queries keep working on the new schema.
      expect((await gw.data('{ books(first: 1) { nodes { __typename } } }')).books.nodes).toEqual([{ __typename: 'Book' }]);
    } finally {
      rmSync(plugin, { force: true });
    }
    expect(await gw.gateway.live!.refresh()).toBe(true);
    expect((await gw.query('{ podcasts { nodes { title } } }')).errors?.[0]?.message).toMatch(/podcasts/);
    expect(SEED.posts.password).toBe(340);
  });
});

describe.runIf(wp.seeded)('check and print-schema on the real site', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../src/bin.ts', import.meta.url)), ...args], {
      encoding: 'utf8',
      env: { ...process.env, WORDPRESS_URL: '' },
      timeout: 60_000,
    });

  it('check lists post types, taxonomies, meta keys and namespaces with what is served', () => {
    const r = cli(['check', '--wordpress-url', wp.url]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/book +\/wp\/v2\/books +Book — book\(id, idType\), books\(…\)/);
    expect(r.stdout).toMatch(/chapter +\/wp\/v2\/chapters +Chapter/);
    expect(r.stdout).toMatch(/genre +\/wp\/v2\/genres +Genre/);
    expect(r.stdout).toMatch(/meta page_count: served as meta\.page_count/);
    expect(r.stdout).toMatch(/wp_block +\/wp\/v2\/blocks +WordPress internal type/);
    // Users and media, for their registered meta (WordPress's own edit-only user meta is listed with the reason).
    expect(r.stdout).toMatch(/ users:\n +\(users\) +\/wp\/v2\/users +User; built in \(hand-written\)/);
    expect(r.stdout).toMatch(/meta persisted_preferences: not served: REST shows it only in the edit context/);
    expect(r.stdout).toMatch(/attachment +\/wp\/v2\/media +MediaItem; built in/);
    expect(r.stdout).toMatch(/REST namespaces: .*yoast\/v1 \(Yoast SEO/);
  });

  it('print-schema --wordpress-url prints the site’s schema, and documents validate against it', () => {
    const r = cli(['print-schema', '--wordpress-url', wp.url]);
    expect(r.status).toBe(0);
    const site = buildSchema(r.stdout);
    const document = parse(
      '{ books { nodes { title genres { nodes { name } } meta { isbn } seo { title } } } chapters { nodes { parent { node { id } } } } }',
    );
    expect(validate(site, document)).toEqual([]);
  });
});

describe.runIf(wp.seeded)('purge of discovered types', () => {
  let gw: WordPressGateway;
  beforeAll(async () => {
    gw = await startWordPressGateway(wp, { purgeSecret: 'discovery-secret' });
  });
  afterAll(() => gw?.close());

  it('a book purged by its post type and id is asked of WordPress again', async () => {
    const q = '{ book(id: "3000", idType: DATABASE_ID) { databaseId title } }';
    await gw.data(q);
    gw.resetUpstream();
    await gw.data(q);
    expect(gw.upstream).toHaveLength(0);
    const response = await fetch(`${gw.gateway.url}/cache/purge`, {
      method: 'POST',
      headers: { authorization: 'Bearer discovery-secret', 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'book', id: 3000 }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ purged: { entities: [`Book:${globalId('post', 3000)}`] } });
    await gw.data(q);
    expect(gw.upstream.map((r) => r.route)).toEqual(['/wp/v2/books']);
  });
});
