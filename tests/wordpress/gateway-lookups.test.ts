import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import { decodeEntities, globalId, rest, startWordPressGateway, uriOf, type WordPressGateway, type Json } from './gateway-harness.ts';
import { wordpressTarget } from './target.ts';

// Single-node lookups: `post`, `page`, `mediaItem`, `category`, `tag`, `user`, `comment` by each idType,
// `node(id)`, `contentNode`, `termNode` and `nodeByUri` for every kind of URI, each checked against the record
// REST gives for the same thing.

const wp = wordpressTarget();

const operation = (name: string) => readFileSync(new URL(`../operations/${name}.graphql`, import.meta.url), 'utf8');

describe.runIf(wp.seeded)('the gateway’s lookups against REST', () => {
  let gw: WordPressGateway;
  let post160: Json;
  let post101: Json;
  let password: Json;
  let leadership: Json;
  let image: Json;
  let europe: Json;
  let arts: Json;
  let qAndA: Json;
  let zoe: Json;

  beforeAll(async () => {
    gw = await startWordPressGateway(wp);
    const fields = { _fields: 'id,slug,link,title,date,date_gmt,content,excerpt,name' };
    [post160, post101, password, leadership, image, europe, arts, qAndA, zoe] = await Promise.all([
      rest(wp, '/wp/v2/posts/160', fields),
      rest(wp, '/wp/v2/posts/101', fields),
      rest(wp, `/wp/v2/posts/${SEED.posts.password}`, fields),
      rest(wp, `/wp/v2/pages/${SEED.pages.leadership}`, fields),
      rest(wp, `/wp/v2/media/${SEED.media.firstImage}`, fields),
      rest(wp, `/wp/v2/categories/${SEED.categories.europe}`, fields),
      rest(wp, `/wp/v2/categories/${SEED.categories.artsCulture}`, fields),
      rest(wp, `/wp/v2/tags/${SEED.tags.qAndA}`, fields),
      rest(wp, `/wp/v2/users/${SEED.users.zoe}`, fields),
    ]).then((answers) => answers.map((a) => a.body));
  });
  afterAll(async () => {
    await gw?.close();
  });

  describe('post(id, idType)', () => {
    const POST = `query($id: ID!, $idType: PostIdType) { post(id: $id, idType: $idType) { databaseId id slug title uri date dateGmt content } }`;

    it.each([
      ['DATABASE_ID', () => '160'],
      ['SLUG', () => post160.slug],
      ['URI', () => uriOf(wp, post160.link)],
      ['URI (full URL)', () => post160.link],
      ['ID', () => globalId('post', 160)],
    ])('by %s: the REST record', async (idType, id) => {
      const { post } = await gw.data(POST, { id: id(), idType: idType.split(' ')[0] });
      expect(post).toEqual({
        databaseId: 160,
        id: globalId('post', 160),
        slug: post160.slug,
        title: decodeEntities(post160.title.rendered),
        uri: uriOf(wp, post160.link),
        date: post160.date,
        dateGmt: post160.date_gmt,
        content: post160.content.rendered,
      });
    });

    it('by DATABASE_ID, the title WordPress renders with entities, decoded', async () => {
      const { post } = await gw.data(POST, { id: '101', idType: 'DATABASE_ID' });
      expect(post.title).toBe('Don’t “quote” me: Tom & Jerry <3 — déjà vu 🎉');
      expect(post.title).toBe(decodeEntities(post101.title.rendered));
    });

    it('the password post by SLUG and URI: restricted (content null, title present)', async () => {
      for (const [id, idType] of [
        [password.slug, 'SLUG'],
        [uriOf(wp, password.link), 'URI'],
      ]) {
        const { post } = await gw.data(POST, { id, idType });
        expect(post, idType).toMatchObject({ databaseId: SEED.posts.password, title: password.title.rendered, content: null, date: null });
      }
    });

    it('null for what does not exist or may not be read', async () => {
      for (const [id, idType] of [
        ['99999', 'DATABASE_ID'],
        [String(SEED.posts.draft), 'DATABASE_ID'],
        ['no-such-post', 'SLUG'],
        ['/2022/01/03/no-such-post/', 'URI'],
        [globalId('post', 99999), 'ID'],
      ]) {
        const answer = await gw.query(POST, { id, idType });
        expect(answer.errors, `${idType} ${id}`).toBeUndefined();
        expect(answer.data.post, `${idType} ${id}`).toBeNull();
      }
    });

    it('a page’s id is not a post', async () => {
      const { post } = await gw.data(POST, { id: String(SEED.pages.about), idType: 'DATABASE_ID' });
      expect(post).toBeNull();
    });

    it('the PostPage operation (tests/operations) by slug', async () => {
      const truth = await rest(wp, '/wp/v2/posts', { slug: post160.slug, _fields: 'id,content,modified,author' });
      const { post } = await gw.data(operation('post-page'), { slug: post160.slug });
      expect(post).toMatchObject({
        id: globalId('post', 160),
        title: decodeEntities(post160.title.rendered),
        content: truth.body[0].content.rendered,
        date: post160.date,
        modified: truth.body[0].modified,
        uri: uriOf(wp, post160.link),
      });
      const author = await rest(wp, `/wp/v2/users/${truth.body[0].author}`, { _fields: 'name' });
      expect(post.author.node.name).toBe(author.body.name);
    });
  });

  describe('page, mediaItem, comment', () => {
    it('page by DATABASE_ID, URI (three levels) and ID', async () => {
      const PAGE = `query($id: ID!, $idType: PageIdType) { page(id: $id, idType: $idType) { databaseId title uri isFrontPage } }`;
      for (const [id, idType] of [
        [String(SEED.pages.leadership), 'DATABASE_ID'],
        [uriOf(wp, leadership.link), 'URI'],
        [globalId('post', SEED.pages.leadership), 'ID'],
      ]) {
        const { page } = await gw.data(PAGE, { id, idType });
        expect(page, idType).toEqual({
          databaseId: SEED.pages.leadership,
          title: decodeEntities(leadership.title.rendered),
          uri: '/about/team/leadership-board/',
          isFrontPage: false,
        });
      }
      // The last segment alone is not the page's URI.
      const { page } = await gw.data(PAGE, { id: '/leadership-board/', idType: 'URI' });
      expect(page).toBeNull();
    });

    it('mediaItem by DATABASE_ID, SLUG, URI and ID', async () => {
      const MEDIA = `query($id: ID!, $idType: MediaItemIdType) { mediaItem(id: $id, idType: $idType) { databaseId slug uri title } }`;
      for (const [id, idType] of [
        [String(SEED.media.firstImage), 'DATABASE_ID'],
        [image.slug, 'SLUG'],
        [uriOf(wp, image.link), 'URI'],
        [globalId('post', SEED.media.firstImage), 'ID'],
      ]) {
        const { mediaItem } = await gw.data(MEDIA, { id, idType });
        expect(mediaItem, idType).toEqual({
          databaseId: SEED.media.firstImage,
          slug: image.slug,
          uri: uriOf(wp, image.link),
          title: decodeEntities(image.title.rendered),
        });
      }
    });

    it('comment by DATABASE_ID and ID; a held one is null anonymously', async () => {
      const COMMENT = `query($id: ID!, $idType: CommentNodeIdTypeEnum) { comment(id: $id, idType: $idType) { databaseId } }`;
      expect((await gw.data(COMMENT, { id: '9', idType: 'DATABASE_ID' })).comment).toEqual({ databaseId: 9 });
      expect((await gw.data(COMMENT, { id: globalId('comment', 9) })).comment).toEqual({ databaseId: 9 });
      expect((await gw.data(COMMENT, { id: String(SEED.comments.hold), idType: 'DATABASE_ID' })).comment).toBeNull();
    });
  });

  describe('terms and users', () => {
    const CATEGORY = `query($id: ID!, $idType: CategoryIdType) { category(id: $id, idType: $idType) { databaseId name slug uri } }`;
    const TAG = `query($id: ID!, $idType: TagIdType) { tag(id: $id, idType: $idType) { databaseId name slug uri } }`;
    const USER = `query($id: ID!, $idType: UserNodeIdTypeEnum) { user(id: $id, idType: $idType) { databaseId name slug uri } }`;

    it('category by SLUG, NAME, URI, DATABASE_ID and ID', async () => {
      const expected = { databaseId: SEED.categories.europe, name: 'Europe', slug: europe.slug, uri: '/category/news/world/europe/' };
      expect(uriOf(wp, europe.link)).toBe(expected.uri);
      for (const [id, idType] of [
        [europe.slug, 'SLUG'],
        ['Europe', 'NAME'],
        [expected.uri, 'URI'],
        [europe.link, 'URI'],
        [String(SEED.categories.europe), 'DATABASE_ID'],
        [globalId('term', SEED.categories.europe), 'ID'],
      ]) {
        expect((await gw.data(CATEGORY, { id, idType })).category, `${idType} ${id}`).toEqual(expected);
      }
    });

    it('category by NAME with an ampersand (stored as `&amp;`)', async () => {
      expect(arts.name).toBe('Arts &amp; Culture');
      const { category } = await gw.data(CATEGORY, { id: 'Arts & Culture', idType: 'NAME' });
      expect(category).toMatchObject({ databaseId: SEED.categories.artsCulture, name: 'Arts & Culture' });
    });

    it('a nested category’s URI must be the whole path', async () => {
      expect((await gw.data(CATEGORY, { id: '/category/europe/', idType: 'URI' })).category).toBeNull();
      expect((await gw.data(CATEGORY, { id: 'no-such-category', idType: 'SLUG' })).category).toBeNull();
    });

    it('tag by SLUG, NAME (entities, emoji), URI and DATABASE_ID', async () => {
      const expected = { databaseId: SEED.tags.qAndA, name: 'Q&A', slug: qAndA.slug, uri: uriOf(wp, qAndA.link) };
      for (const [id, idType] of [
        [qAndA.slug, 'SLUG'],
        ['Q&A', 'NAME'],
        [expected.uri, 'URI'],
        [String(SEED.tags.qAndA), 'DATABASE_ID'],
      ]) {
        expect((await gw.data(TAG, { id, idType })).tag, `${idType} ${id}`).toEqual(expected);
      }
      expect((await gw.data(TAG, { id: '🚀 Launch', idType: 'NAME' })).tag?.databaseId).toBe(SEED.tags.launch);
      expect((await gw.data(TAG, { id: 'Café', idType: 'NAME' })).tag?.databaseId).toBe(SEED.tags.cafe);
    });

    it('termNode by SLUG with a taxonomy', async () => {
      const data = await gw.data(`{ termNode(id: "php", idType: SLUG, taxonomy: CATEGORY) { __typename databaseId } }`);
      expect(data.termNode).toEqual({ __typename: 'Category', databaseId: SEED.categories.php });
    });

    it('user by SLUG, URI, DATABASE_ID and ID', async () => {
      const expected = { databaseId: SEED.users.zoe, name: zoe.name, slug: zoe.slug, uri: uriOf(wp, zoe.link) };
      expect(expected.uri).toBe('/author/zoe/');
      for (const [id, idType] of [
        [zoe.slug, 'SLUG'],
        [expected.uri, 'URI'],
        [String(SEED.users.zoe), 'DATABASE_ID'],
        [globalId('user', SEED.users.zoe), 'ID'],
      ]) {
        expect((await gw.data(USER, { id, idType })).user, `${idType} ${id}`).toEqual(expected);
      }
    });

    it('a user without published posts is null anonymously, by every idType', async () => {
      for (const [id, idType] of [
        ['hidden', 'SLUG'],
        ['/author/hidden/', 'URI'],
        [String(SEED.users.hidden), 'DATABASE_ID'],
        [globalId('user', SEED.users.hidden), 'ID'],
      ]) {
        const answer = await gw.query(USER, { id, idType });
        expect(answer.errors, idType).toBeUndefined();
        expect(answer.data.user, idType).toBeNull();
      }
    });
  });

  describe('node(id) and contentNode', () => {
    it('node(id) for each kind', async () => {
      const data = await gw.data(`{
        post: node(id: "${globalId('post', 160)}") { __typename ... on Post { databaseId } }
        page: node(id: "${globalId('post', SEED.pages.team)}") { __typename ... on Page { databaseId } }
        media: node(id: "${globalId('post', SEED.media.pdf)}") { __typename ... on MediaItem { databaseId } }
        category: node(id: "${globalId('term', SEED.categories.php)}") { __typename ... on Category { databaseId } }
        tag: node(id: "${globalId('term', SEED.tags.video)}") { __typename ... on Tag { databaseId } }
        user: node(id: "${globalId('user', SEED.users.jl)}") { __typename ... on User { databaseId } }
        comment: node(id: "${globalId('comment', 9)}") { __typename ... on Comment { databaseId } }
        draft: node(id: "${globalId('post', SEED.posts.draft)}") { __typename }
      }`);
      expect(data).toEqual({
        post: { __typename: 'Post', databaseId: 160 },
        page: { __typename: 'Page', databaseId: SEED.pages.team },
        media: { __typename: 'MediaItem', databaseId: SEED.media.pdf },
        category: { __typename: 'Category', databaseId: SEED.categories.php },
        tag: { __typename: 'Tag', databaseId: SEED.tags.video },
        user: { __typename: 'User', databaseId: SEED.users.jl },
        comment: { __typename: 'Comment', databaseId: 9 },
        draft: null,
      });
    });

    it('contentNode by URI and DATABASE_ID finds pages and posts', async () => {
      const data = await gw.data(`{
        a: contentNode(id: "/about/team/", idType: URI) { __typename databaseId }
        b: contentNode(id: "160", idType: DATABASE_ID) { __typename databaseId }
      }`);
      expect(data).toEqual({ a: { __typename: 'Page', databaseId: SEED.pages.team }, b: { __typename: 'Post', databaseId: 160 } });
    });
  });

  describe('nodeByUri', () => {
    const BY_URI = operation('node-by-uri');

    it('a post’s URI: the Post', async () => {
      const { nodeByUri } = await gw.data(BY_URI, { uri: uriOf(wp, post160.link) });
      expect(nodeByUri).toEqual({
        __typename: 'Post',
        id: globalId('post', 160),
        uri: uriOf(wp, post160.link),
        title: decodeEntities(post160.title.rendered),
      });
    });

    it('a post’s full permalink, and without the trailing slash', async () => {
      expect((await gw.data(BY_URI, { uri: post160.link })).nodeByUri?.id).toBe(globalId('post', 160));
      expect((await gw.data(BY_URI, { uri: uriOf(wp, post160.link).replace(/\/$/, '') })).nodeByUri?.id).toBe(globalId('post', 160));
    });

    it('a plain permalink /?p=<id>', async () => {
      expect((await gw.data(BY_URI, { uri: '/?p=160' })).nodeByUri?.id).toBe(globalId('post', 160));
    });

    it('the password post’s URI: the Post with its title', async () => {
      const { nodeByUri } = await gw.data(
        `query($uri: String!) { nodeByUri(uri: $uri) { __typename ... on Post { databaseId title content hasPassword isRestricted } } }`,
        {
          uri: uriOf(wp, password.link),
        },
      );
      expect(nodeByUri).toEqual({
        __typename: 'Post',
        databaseId: SEED.posts.password,
        title: password.title.rendered,
        content: null,
        hasPassword: true,
        isRestricted: true,
      });
    });

    it('a nested page’s URI: the Page', async () => {
      const { nodeByUri } = await gw.data(BY_URI, { uri: '/about/team/leadership-board/' });
      expect(nodeByUri).toEqual({
        __typename: 'Page',
        id: globalId('post', SEED.pages.leadership),
        uri: '/about/team/leadership-board/',
        title: decodeEntities(leadership.title.rendered),
        isFrontPage: false,
      });
    });

    it('an attachment page’s URI: the MediaItem', async () => {
      const { nodeByUri } = await gw.data(BY_URI, { uri: uriOf(wp, image.link) });
      expect(nodeByUri).toMatchObject({ __typename: 'MediaItem', id: globalId('post', SEED.media.firstImage), uri: uriOf(wp, image.link) });
    });

    it('a category archive (three levels): the Category', async () => {
      const { nodeByUri } = await gw.data(BY_URI, { uri: '/category/news/world/europe/' });
      expect(nodeByUri).toEqual({
        __typename: 'Category',
        id: globalId('term', SEED.categories.europe),
        uri: '/category/news/world/europe/',
        name: 'Europe',
      });
    });

    it('a tag archive: the Tag', async () => {
      const { nodeByUri } = await gw.data(BY_URI, { uri: uriOf(wp, qAndA.link) });
      expect(nodeByUri).toEqual({ __typename: 'Tag', id: globalId('term', SEED.tags.qAndA), uri: uriOf(wp, qAndA.link), name: 'Q&A' });
    });

    it('an author archive: the User', async () => {
      const { nodeByUri } = await gw.data(BY_URI, { uri: '/author/zoe/' });
      expect(nodeByUri).toEqual({ __typename: 'User', id: globalId('user', SEED.users.zoe), uri: '/author/zoe/', name: zoe.name });
    });

    // This site shows its latest posts on the front page (no static front page): WPGraphQL answers the `post`
    // ContentType there, a type outside the served subset, so the gateway answers null, without an error.
    it('the home URI (latest posts): the post ContentType as WPGraphQL, as / and as the full home URL', async () => {
      for (const uri of ['/', `${wp.url}/`, wp.url]) {
        const answer = await gw.query(BY_URI, { uri });
        expect(answer.errors, uri).toBeUndefined();
        expect(answer.data.nodeByUri, uri).toMatchObject({ __typename: 'ContentType', id: globalId('post_type', 'post') });
      }
    });

    it('URIs that name nothing, or only what anonymous viewers may not see: null', async () => {
      for (const uri of ['/no/such/thing/', '/2022/01/03/no-such-post/', '/author/hidden/', '/category/no-such/', '/tag/no-such/']) {
        const answer = await gw.query(BY_URI, { uri });
        expect(answer.errors, uri).toBeUndefined();
        expect(answer.data.nodeByUri, uri).toBeNull();
      }
    });
  });
});
