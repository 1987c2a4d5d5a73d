import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import { authHeaders, decodeEntities, rest, startWordPressGateway, uriOf, type Json, type WordPressGateway } from './gateway-harness.ts';
import { wordpressTarget } from './target.ts';

// `revisions`, `preview` and `revisionOf` (issue #12 item 6) on the seed's revisions 5000–5004 (post 337: revisions
// 5000, 5001 and the autosave 5002; page 1003: 5003; draft 342: 5004), as WPGraphQL 2.20 answers them on this site:
// nothing for anonymous viewers, every revision (newest first) for the editor, read with the editor's credentials
// from /wp/v2/<type>/<id>/revisions. Each answer is compared with what WordPress serves the editor directly, and each
// test asserts the exact requests the gateway sent.

const wp = wordpressTarget();
const R = SEED.revisions;

const POST_REVISIONS = `query($id: ID!, $where: PostToRevisionConnectionWhereArgs, $first: Int, $last: Int) {
  post(id: $id, idType: DATABASE_ID) {
    databaseId isRevision revisionOf { node { databaseId } }
    preview { node { databaseId isPreview isRevision revisionOf { node { __typename databaseId } } } }
    revisions(where: $where, first: $first, last: $last) {
      pageInfo { hasNextPage hasPreviousPage }
      nodes {
        databaseId isPreview isRevision title slug status uri link contentTypeName authorDatabaseId
        categories { nodes { databaseId } }
        revisionOf { node { __typename databaseId } }
      }
    }
  }
}`;
const PAGE_REVISIONS = `query($id: ID!) {
  page(id: $id, idType: DATABASE_ID) {
    preview { node { databaseId parentDatabaseId uri } }
    revisions { nodes { databaseId isPreview title uri parentDatabaseId revisionOf { node { __typename databaseId } } } }
  }
}`;

describe.runIf(wp.seeded)('revisions, preview, revisionOf', () => {
  let gw: WordPressGateway;
  let editor: Record<string, string>;
  const sent = () => gw.upstream.map((r) => `${r.authenticated ? 'editor' : 'anonymous'} ${r.status} ${r.route}`);
  const revisionsOf = async (type: 'posts' | 'pages', id: number): Promise<Json[]> =>
    (await rest(wp, `/wp/v2/${type}/${id}/revisions`, { per_page: 100 }, wp.auth)).body;

  beforeAll(async () => {
    gw = await startWordPressGateway(wp);
    editor = wp.auth ? authHeaders(wp) : {};
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('anonymous: an empty connection and no preview, without WordPress being asked for revisions', async () => {
    gw.resetUpstream();
    const { post } = await gw.data(POST_REVISIONS, { id: String(R.post) });
    expect(post).toEqual({
      databaseId: R.post,
      isRevision: false,
      revisionOf: null,
      preview: null,
      revisions: { pageInfo: { hasNextPage: false, hasPreviousPage: false }, nodes: [] },
    });
    expect(sent()).toEqual(['anonymous 200 /wp/v2/posts']);
    // WordPress refuses the list to anonymous viewers too.
    expect((await rest(wp, `/wp/v2/posts/${R.post}/revisions`)).status).toBe(401);
  });

  it.runIf(!!wp.auth)('the editor: every revision newest first, the autosave as the preview, with the exact requests', async () => {
    const expected = await revisionsOf('posts', R.post);
    expect(expected.map((r) => r.id)).toEqual([R.postAutosave, ...[...R.postRevisions].reverse()]);
    const parent = (await rest(wp, `/wp/v2/posts/${R.post}`)).body;
    gw.resetUpstream();
    const { post } = await gw.data(POST_REVISIONS, { id: String(R.post) }, editor);
    expect(post.revisionOf).toBeNull();
    expect(post.preview).toEqual({
      node: {
        databaseId: R.postAutosave,
        isPreview: true,
        isRevision: true,
        revisionOf: { node: { __typename: 'Post', databaseId: R.post } },
      },
    });
    expect(post.revisions.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false });
    expect(post.revisions.nodes).toEqual(
      expected.map((r, i) => {
        // The newest is the preview (the parent's link with ?preview=true, author and categories); older ones are
        // themselves (WPGraphQL reads the revision row: its own permalink and author, no terms).
        const link = i === 0 ? `${parent.link}?preview=true` : `${wp.url}/?p=${r.id}`;
        return {
          databaseId: r.id,
          isPreview: i === 0,
          isRevision: true,
          title: decodeEntities(r.title.rendered),
          slug: r.slug,
          status: 'inherit',
          uri: uriOf(wp, link),
          link,
          contentTypeName: 'revision',
          authorDatabaseId: i === 0 ? parent.author : r.author,
          categories: { nodes: i === 0 ? parent.categories.map((id: number) => ({ databaseId: id })) : [] },
          revisionOf: { node: { __typename: 'Post', databaseId: R.post } },
        };
      }),
    );
    // The post, then concurrently: the preview (one revision), the list (one request for the parent) and the
    // preview's categories (batched).
    expect(sent().sort()).toEqual([
      'editor 200 /wp/v2/categories',
      'editor 200 /wp/v2/posts',
      `editor 200 /wp/v2/posts/${R.post}/revisions`,
      `editor 200 /wp/v2/posts/${R.post}/revisions/${R.postAutosave}`,
    ]);
    expect(sent()[0]).toBe('editor 200 /wp/v2/posts');
    const list = gw.upstream.find((r) => r.route.endsWith('/revisions'))!;
    expect(list.query.per_page).toBe(100);
    expect(String(list.query._fields).split(',').sort()).toEqual(['author', 'id', 'slug', 'title']);
  });

  it.runIf(!!wp.auth)('where: search, in, notIn and orderby go to REST; last/first slice the list', async () => {
    const ids = async (variables: Record<string, unknown>) =>
      (await gw.data(POST_REVISIONS, { id: String(R.post), ...variables }, editor)).post.revisions.nodes.map((n: Json) => n.databaseId);
    gw.resetUpstream();
    expect(await ids({ where: { search: 'once' } })).toEqual([R.postRevisions[0]]);
    expect(gw.upstream.find((r) => r.route.endsWith('/revisions'))!.query.search).toBe('once');
    expect(await ids({ where: { in: [R.postRevisions[1], R.postAutosave], orderby: [{ field: 'TITLE', order: 'ASC' }] } })).toEqual([
      R.postAutosave,
      R.postRevisions[1],
    ]);
    expect(await ids({ where: { notIn: [R.postAutosave] } })).toEqual([R.postRevisions[1], R.postRevisions[0]]);
    expect(await ids({ last: 1 })).toEqual([R.postRevisions[0]]);
    expect(await ids({ first: 1 })).toEqual([R.postAutosave]);
    const bad = await gw.query(POST_REVISIONS, { id: String(R.post), where: { orderby: [{ field: 'AUTHOR', order: 'ASC' }] } }, editor);
    expect(bad.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it.runIf(!!wp.auth)('a page and a draft: their revisions, the page revision a child of its page', async () => {
    const [page] = await revisionsOf('pages', R.page);
    const { page: answer } = await gw.data(PAGE_REVISIONS, { id: String(R.page) }, editor);
    expect(answer.preview).toEqual({ node: { databaseId: R.pageRevision, parentDatabaseId: R.page, uri: '/contact/?preview=true' } });
    expect(answer.revisions.nodes).toEqual([
      {
        databaseId: R.pageRevision,
        isPreview: true,
        title: decodeEntities(page!.title.rendered),
        uri: '/contact/?preview=true',
        parentDatabaseId: R.page,
        revisionOf: { node: { __typename: 'Page', databaseId: R.page } },
      },
    ]);
    const { post: draft } = await gw.data(POST_REVISIONS, { id: String(R.draft) }, editor);
    expect(draft.revisions.nodes.map((n: Json) => [n.databaseId, n.isPreview])).toEqual([[R.draftRevision, true]]);
    // A post without revisions has none, and no preview.
    const { post: plain } = await gw.data(POST_REVISIONS, { id: '110' }, editor);
    expect([plain.preview, plain.revisions.nodes]).toEqual([null, []]);
  });

  it.runIf(!!wp.auth)("one viewer's revisions never reach another: editor, anonymous, editor on one gateway", async () => {
    for (const headers of [editor, {}, editor]) {
      gw.resetUpstream();
      const { post } = await gw.data(POST_REVISIONS, { id: String(R.post) }, headers);
      const signedIn = headers === editor;
      expect(post.revisions.nodes.length).toBe(signedIn ? 3 : 0);
      expect(post.preview?.node.databaseId ?? null).toBe(signedIn ? R.postAutosave : null);
      // Every revisions request carried the editor's credentials; the anonymous query sent none.
      const revisionRequests = gw.upstream.filter((r) => r.route.includes('/revisions'));
      expect(revisionRequests.map((r) => r.authenticated)).toEqual(signedIn ? [true, true] : []);
    }
  });
});
