import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import { authHeaders, globalId, rest, startWordPressGateway, uriOf, type Json, type WordPressGateway } from './gateway-harness.ts';
import { wordpressTarget } from './target.ts';

// Previews (issue #12 item 6): `asPreview: true` answers a post's or page's newest revision or autosave (the seed's
// revisions 5000–5004, wpgw_seed_revisions() in seed.php) as WPGraphQL 2.20 does on this site — null for anonymous
// viewers when there is one, the node itself when there is none — and `previewRevisionDatabaseId` names it for
// viewers who may edit posts. Each answer is compared with the revision WordPress serves the editor directly, and
// each test asserts the exact requests the gateway sent: the parent once (with its `_links`), the revision once,
// with the editor's credentials only, nothing for anonymous viewers.

const wp = wordpressTarget();
const R = SEED.revisions;

const PREVIEW_FIELDS = `__typename databaseId id isPreview isRevision previewRevisionDatabaseId previewRevisionId title content
  date dateGmt modified modifiedGmt slug status link uri guid authorDatabaseId contentTypeName isRestricted hasPassword
  commentStatus featuredImageDatabaseId`;
const POST_PREVIEW = `query($id: ID!, $asPreview: Boolean) {
  post(id: $id, idType: DATABASE_ID, asPreview: $asPreview) { ${PREVIEW_FIELDS} excerpt pingStatus isSticky categories { nodes { databaseId } } }
}`;
const PAGE_PREVIEW = `query($id: ID!) { page(id: $id, idType: DATABASE_ID, asPreview: true) { ${PREVIEW_FIELDS} parentDatabaseId isFrontPage } }`;
const CONTENT_NODE_PREVIEW = `query($id: ID!) {
  contentNode(id: $id, idType: DATABASE_ID, asPreview: true) { __typename databaseId isPreview status ... on NodeWithAuthor { authorDatabaseId } ... on Post { title } }
}`;

describe.runIf(wp.seeded)('previews: asPreview, isPreview, isRevision, previewRevisionDatabaseId', () => {
  let gw: WordPressGateway;
  let editor: Record<string, string>;
  const revision = async (type: 'posts' | 'pages', parent: number, id: number): Promise<Json> =>
    (await rest(wp, `/wp/v2/${type}/${parent}/revisions/${id}`, {}, wp.auth)).body;
  const record = async (type: 'posts' | 'pages', id: number, auth = false): Promise<Json> =>
    (await rest(wp, `/wp/v2/${type}/${id}`, {}, auth ? wp.auth : null)).body;
  const sent = () => gw.upstream.map((r) => `${r.authenticated ? 'editor' : 'anonymous'} ${r.status} ${r.route}`);

  beforeAll(async () => {
    gw = await startWordPressGateway(wp);
    editor = wp.auth ? authHeaders(wp) : {};
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('the seed holds what the tests below rely on (WordPress names the newest revision in _links to anyone)', async () => {
    const post = await record('posts', R.post);
    expect(post._links['version-history'][0].count).toBe(3);
    expect(post._links['predecessor-version'][0].id).toBe(R.postAutosave);
    expect((await record('pages', R.page))._links['predecessor-version'][0].id).toBe(R.pageRevision);
    expect((await rest(wp, `/wp/v2/posts/${R.post}/revisions`)).status).toBe(401);
    expect((await record('posts', 110))._links['predecessor-version']).toBeUndefined();
  });

  describe('anonymous', () => {
    it('gets null for a post or page that has revisions, without WordPress being asked for them', async () => {
      gw.resetUpstream();
      const answer = await gw.query(POST_PREVIEW, { id: String(R.post), asPreview: true });
      expect(answer.errors).toBeUndefined();
      expect(answer.data.post).toBeNull();
      expect(sent()).toEqual(['anonymous 200 /wp/v2/posts']);
      // The record is read once, with its `_links` (where the newest revision is named).
      expect(String(gw.upstream[0]!.query._fields).split(',')).toContain('_links');
      gw.resetUpstream();
      expect((await gw.data(PAGE_PREVIEW, { id: String(R.page) })).page).toBeNull();
      expect(sent()).toEqual(['anonymous 200 /wp/v2/pages']);
      expect((await gw.data(CONTENT_NODE_PREVIEW, { id: String(R.post) })).contentNode).toBeNull();
    });

    it('gets the published node itself when it has no revisions, or when asPreview is not true', async () => {
      const plain = await gw.data(POST_PREVIEW, { id: '110', asPreview: true });
      expect(plain.post).toMatchObject({ databaseId: 110, isPreview: false, isRevision: false, previewRevisionDatabaseId: null });
      for (const asPreview of [false, null, undefined]) {
        const { post } = await gw.data(POST_PREVIEW, { id: String(R.post), asPreview });
        expect(post, String(asPreview)).toMatchObject({ databaseId: R.post, isPreview: false, isRevision: false, status: 'publish' });
        // The newest revision is named only to viewers who may edit posts.
        expect(post.previewRevisionDatabaseId).toBeNull();
        expect(post.previewRevisionId).toBeNull();
      }
    });
  });

  describe.runIf(wp.auth !== null)('signed in as the editor', () => {
    it("post(asPreview: true) is the post's newest revision (the editor's autosave), as WordPress stores it", async () => {
      const parent = await record('posts', R.post, true);
      const autosave = await revision('posts', R.post, R.postAutosave);
      gw.resetUpstream();
      const { post } = await gw.data(POST_PREVIEW, { id: String(R.post), asPreview: true }, editor);
      const link = `${parent.link}?preview=true`;
      expect(post).toEqual({
        __typename: 'Post',
        databaseId: R.postAutosave,
        id: globalId('post', R.postAutosave),
        isPreview: true,
        isRevision: true,
        previewRevisionDatabaseId: null,
        previewRevisionId: null,
        title: autosave.title.rendered,
        content: autosave.content.rendered,
        date: autosave.date,
        dateGmt: autosave.date_gmt,
        modified: autosave.modified,
        modifiedGmt: autosave.modified_gmt,
        slug: `${R.post}-autosave-v1`,
        status: 'inherit',
        link,
        uri: uriOf(wp, link),
        guid: autosave.guid.rendered,
        // A preview's author, featured image and terms are its parent's.
        authorDatabaseId: parent.author,
        contentTypeName: 'revision',
        isRestricted: false,
        hasPassword: false,
        commentStatus: 'closed',
        pingStatus: 'closed',
        isSticky: false,
        featuredImageDatabaseId: parent.featured_media,
        // No excerpt was written: WordPress's automatic one, from the revision's content.
        excerpt: `<p>${autosave.content.rendered.replace(/<[^>]*>/g, '').trim()}</p>\n`,
        categories: { nodes: parent.categories.map((id: number) => ({ databaseId: id })) },
      });
      const requests = sent();
      expect(requests.filter((r) => !r.endsWith('/wp/v2/comments') && !r.endsWith('/wp/v2/categories'))).toEqual([
        'editor 200 /wp/v2/posts',
        `editor 200 /wp/v2/posts/${R.post}/revisions/${R.postAutosave}`,
      ]);
      expect(gw.upstream.every((r) => r.authenticated)).toBe(true);
      // The revision is asked only for what a revision has and this query reads.
      const revisionRequest = gw.upstream.find((r) => r.route.includes('/revisions/'))!;
      expect(String(revisionRequest.query._fields).split(',').sort()).toEqual(
        ['content', 'date', 'date_gmt', 'excerpt', 'guid', 'id', 'modified', 'modified_gmt', 'slug', 'title'].sort(),
      );
    });

    it("page(asPreview: true) is the page's revision, whose parent is the page", async () => {
      const parent = await record('pages', R.page, true);
      const revised = await revision('pages', R.page, R.pageRevision);
      const { page } = await gw.data(PAGE_PREVIEW, { id: String(R.page) }, editor);
      expect(page).toMatchObject({
        __typename: 'Page',
        databaseId: R.pageRevision,
        isPreview: true,
        isRevision: true,
        title: revised.title.rendered,
        content: revised.content.rendered,
        slug: `${R.page}-revision-v1`,
        status: 'inherit',
        link: `${parent.link}?preview=true`,
        authorDatabaseId: parent.author,
        parentDatabaseId: R.page,
        isFrontPage: false,
        contentTypeName: 'revision',
      });
    });

    it("contentNode(asPreview: true) of a draft is the draft's revision, with the draft's author", async () => {
      const draft = await record('posts', R.draft, true);
      const revised = await revision('posts', R.draft, R.draftRevision);
      expect(revised.author).not.toBe(draft.author);
      const { contentNode } = await gw.data(CONTENT_NODE_PREVIEW, { id: String(R.draft) }, editor);
      expect(contentNode).toEqual({
        __typename: 'Post',
        databaseId: R.draftRevision,
        isPreview: true,
        status: 'inherit',
        authorDatabaseId: draft.author,
        title: revised.title.rendered,
      });
    });

    it('previewRevisionDatabaseId names the newest revision to a viewer who may edit posts', async () => {
      const { a, b } = await gw.data(
        `{ a: post(id: ${R.post}, idType: DATABASE_ID) { previewRevisionDatabaseId previewRevisionId isPreview }
           b: post(id: 110, idType: DATABASE_ID) { previewRevisionDatabaseId previewRevisionId } }`,
        {},
        editor,
      );
      expect(a).toEqual({
        previewRevisionDatabaseId: R.postAutosave,
        previewRevisionId: globalId('post', R.postAutosave),
        isPreview: false,
      });
      expect(b).toEqual({ previewRevisionDatabaseId: null, previewRevisionId: null });
    });

    it("Faust.js's flow: the seed node's databaseId is the revision's, and the template asks for it by that id", async () => {
      const fresh = await startWordPressGateway(wp);
      try {
        const GET_POST = `query($id: ID!) { post(id: $id, idType: DATABASE_ID, asPreview: true) { databaseId isPreview isRevision title } }`;
        // A gateway that has not read the parent's links cannot find a revision by its id (REST reads revisions
        // only under their parent): null, where WPGraphQL answers the revision.
        expect((await fresh.data(GET_POST, { id: String(R.postAutosave) }, editor)).post).toBeNull();
        const seed = await fresh.data(
          `query($id: ID!) { contentNode(id: $id, idType: DATABASE_ID, asPreview: true) { databaseId uri contentType { node { name } } } }`,
          { id: String(R.post) },
          editor,
        );
        expect(seed.contentNode).toMatchObject({ databaseId: R.postAutosave, contentType: { node: { name: 'post' } } });
        fresh.resetUpstream();
        const { post } = await fresh.data(GET_POST, { id: String(seed.contentNode.databaseId) }, editor);
        const autosave = await revision('posts', R.post, R.postAutosave);
        expect(post).toEqual({ databaseId: R.postAutosave, isPreview: true, isRevision: true, title: autosave.title.rendered });
        // The id is not a post (REST lists no revisions), then the parent, then its revision: all as the editor.
        expect(fresh.upstream.map((r) => `${r.authenticated ? 'editor' : 'anonymous'} ${r.status} ${r.route}`)).toEqual([
          'editor 200 /wp/v2/posts',
          'editor 200 /wp/v2/posts',
          `editor 200 /wp/v2/posts/${R.post}/revisions/${R.postAutosave}`,
        ]);
        expect(fresh.upstream[0]!.query.include).toEqual([R.postAutosave]);
        expect(fresh.upstream[1]!.query.include).toEqual([R.post]);
        // Anonymous viewers still get null for it, without a request for the revision.
        fresh.resetUpstream();
        expect((await fresh.data(GET_POST, { id: String(R.postAutosave) })).post).toBeNull();
        expect(fresh.upstream.every((r) => !r.route.includes('/revisions/') && !r.authenticated)).toBe(true);
      } finally {
        await fresh.close();
      }
    });

    it('a preview never reaches an anonymous viewer, with requests interleaved on one gateway', async () => {
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) => gw.query(POST_PREVIEW, { id: String(R.post), asPreview: true }, i % 2 ? editor : {})),
      );
      answers.forEach((answer, i) => {
        expect(answer.errors).toBeUndefined();
        if (i % 2) expect(answer.data.post.databaseId).toBe(R.postAutosave);
        else expect(answer.data.post).toBeNull();
      });
      // And after the editor's, an anonymous request with the same document is still null (no shared cache).
      expect((await gw.data(POST_PREVIEW, { id: String(R.post), asPreview: true })).post).toBeNull();
    });
  });
});
