import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import { globalId, nodeIds, rest, restIds, startWordPressGateway, uriOf, type WordPressGateway, type Json } from './gateway-harness.ts';
import { wordpressTarget } from './target.ts';

// Comments: the thread on post 110 (three levels, held/spam/trashed ones among them), its output formats, and the
// comments and counts of a page of posts, each against REST's comments read directly.

const wp = wordpressTarget();

const c = SEED.comments;

interface RestComment {
  id: number;
  post: number;
  parent: number;
  date: string;
  date_gmt: string;
  link: string;
  status: string;
  type: string;
  author_name: string;
  content: { rendered: string };
}

describe.runIf(wp.seeded)('the gateway’s comments against REST', () => {
  let gw: WordPressGateway;
  let thread: RestComment[];

  beforeAll(async () => {
    gw = await startWordPressGateway(wp);
    thread = (await rest<RestComment[]>(wp, '/wp/v2/comments', { post: SEED.posts.threadedComments, per_page: 100 })).body;
  });
  afterAll(async () => {
    await gw?.close();
  });

  it('REST shows the approved comments of post 110 only', () => {
    expect(restIds(thread).sort((a, b) => a - b)).toEqual([c.top, c.reply, c.replyToReply, c.secondTopLevel, c.secondReply]);
  });

  it('post.comments: REST’s comments of the post, newest first; held, spam and trashed ones absent', async () => {
    const { post } = await gw.data(`{ post(id: ${SEED.posts.threadedComments}, idType: DATABASE_ID) {
      commentCount
      comments(first: 100) { pageInfo { total } nodes { databaseId } }
    } }`);
    expect(nodeIds(post.comments)).toEqual(restIds(thread));
    for (const hidden of [c.hold, c.holdReply, c.spam, c.trash]) expect(nodeIds(post.comments)).not.toContain(hidden);
    expect(post.commentCount).toBe(thread.length);
  });

  it('each comment’s parent and replies: REST’s `parent`', async () => {
    const { post } = await gw.data(`{ post(id: ${SEED.posts.threadedComments}, idType: DATABASE_ID) {
      comments(first: 100) { nodes {
        databaseId parentDatabaseId parentId
        parent { node { databaseId } }
        replies(first: 100) { nodes { databaseId } }
      } }
    } }`);
    for (const comment of post.comments.nodes) {
      const record = thread.find((r) => r.id === comment.databaseId)!;
      // WPGraphQL: parentDatabaseId 0 (not null) at the top level; parentId and parent null there.
      expect(comment.parentDatabaseId, `comment ${record.id}`).toBe(record.parent);
      expect(comment.parentId, `comment ${record.id}`).toBe(record.parent ? globalId('comment', record.parent) : null);
      expect(comment.parent?.node.databaseId ?? 0, `comment ${record.id}`).toBe(record.parent);
      const replies = await rest<RestComment[]>(wp, '/wp/v2/comments', { parent: record.id, per_page: 100, _fields: 'id' });
      expect(nodeIds(comment.replies), `replies of ${record.id}`).toEqual(restIds(replies.body));
    }
  });

  it('the thread, built from top-level comments down: 2 → (9, 3 → 4), 5', async () => {
    const { post } = await gw.data(`{ post(id: ${SEED.posts.threadedComments}, idType: DATABASE_ID) {
      comments(first: 10, where: { parent: 0 }) { nodes {
        databaseId
        replies(first: 5) { nodes { databaseId replies(first: 5) { nodes { databaseId replies(first: 5) { nodes { databaseId } } } } } }
      } }
    } }`);
    const tree = (nodes: Json[]): unknown =>
      nodes.map((n) => (n.replies?.nodes.length ? { [n.databaseId]: tree(n.replies.nodes) } : n.databaseId));
    // Newest first at every level, as WPGraphQL orders comments (comment_date DESC).
    expect(tree(post.comments.nodes)).toEqual([c.secondTopLevel, { [c.top]: [c.secondReply, { [c.reply]: [c.replyToReply] }] }]);
  });

  it('formats: dates `YYYY-MM-DD HH:MM:SS` (site time and GMT), uri with the fragment, content as rendered', async () => {
    const { post } = await gw.data(`{ post(id: ${SEED.posts.threadedComments}, idType: DATABASE_ID) {
      comments(first: 100) { nodes { databaseId id date dateGmt uri link content status approved type author { name } } }
    } }`);
    for (const comment of post.comments.nodes) {
      const record = thread.find((r) => r.id === comment.databaseId)!;
      expect(comment, `comment ${record.id}`).toEqual({
        databaseId: record.id,
        id: globalId('comment', record.id),
        date: record.date.replace('T', ' '),
        dateGmt: record.date_gmt.replace('T', ' '),
        uri: uriOf(wp, record.link),
        link: record.link,
        content: record.content.rendered,
        status: 'APPROVE',
        approved: true,
        type: 'comment',
        author: { name: record.author_name },
      });
      expect(comment.date).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(comment.uri).toMatch(/^\/2022\/02\/02\/[^/]+\/#comment-\d+$/);
    }
    // 2022-02-02 is winter time in Paris: an hour ahead of GMT.
    const nine = post.comments.nodes.find((n: Json) => n.databaseId === c.secondReply);
    expect(nine).toMatchObject({ date: '2022-02-02 22:30:00', dateGmt: '2022-02-02 21:30:00' });
  });

  it('comments and commentCount of a page of posts (no password post): REST’s comments?post=<id> of each', async () => {
    const posts = await rest<{ id: number }[]>(wp, '/wp/v2/posts', { per_page: 30, exclude: SEED.posts.password, _fields: 'id' });
    const data = await gw.data(
      `{ posts(first: 30, where: { notIn: [${SEED.posts.password}] }) { nodes { databaseId commentCount comments { nodes { databaseId } } } } }`,
    );
    expect(data.posts.nodes.map((p: Json) => p.databaseId)).toEqual(restIds(posts.body));
    let withComments = 0;
    for (const node of data.posts.nodes) {
      const truth = await rest<RestComment[]>(wp, '/wp/v2/comments', { post: node.databaseId, per_page: 100, _fields: 'id' });
      expect(nodeIds(node.comments), `post ${node.databaseId}`).toEqual(restIds(truth.body));
      expect(node.commentCount, `post ${node.databaseId}`).toBe(truth.total);
      if (truth.body.length) withComments++;
    }
    expect(withComments).toBeGreaterThan(10);
  });

  // The newest post is the password post: WordPress answers `comments?post=<ids>` with 401
  // rest_cannot_read_post when any of the ids is a password post the viewer may not read, so a batch over a
  // home page must not fail every other post's comments with it.
  it('comments and commentCount of the first page of posts (the password post among them)', async () => {
    const posts = await rest<{ id: number }[]>(wp, '/wp/v2/posts', { per_page: 10, _fields: 'id' });
    expect(posts.body[0]!.id).toBe(SEED.posts.password);
    const answer = await gw.query(`{ posts(first: 10) { nodes { databaseId commentCount comments { nodes { databaseId } } } } }`);
    expect(answer.errors).toBeUndefined();
    for (const node of answer.data.posts.nodes) {
      if (node.databaseId === SEED.posts.password) {
        // Restricted (WPGraphQL): commentCount null.
        expect(node.commentCount).toBeNull();
        continue;
      }
      const truth = await rest<RestComment[]>(wp, '/wp/v2/comments', { post: node.databaseId, per_page: 100, _fields: 'id' });
      expect(nodeIds(node.comments), `post ${node.databaseId}`).toEqual(restIds(truth.body));
      expect(node.commentCount, `post ${node.databaseId}`).toBe(truth.total);
    }
  });

  it('the password post alone: no error; commentCount null (restricted)', async () => {
    // REST refuses the password post's comments to anonymous clients (401 rest_cannot_read_post); WPGraphQL
    // would list comment 12 here. What REST cannot give must not turn into an error.
    const refused = await rest(wp, '/wp/v2/comments', { post: SEED.posts.password });
    expect(refused.status).toBe(401);
    const answer = await gw.query(
      `{ post(id: ${SEED.posts.password}, idType: DATABASE_ID) { commentCount comments { nodes { databaseId } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.post.commentCount).toBeNull();
  });

  it('root comments(where: { contentId }) equals post.comments', async () => {
    const data = await gw.data(`{
      root: comments(first: 100, where: { contentId: ${SEED.posts.threadedComments} }) { pageInfo { total } nodes { databaseId } }
      post(id: ${SEED.posts.threadedComments}, idType: DATABASE_ID) { comments(first: 100) { nodes { databaseId } } }
    }`);
    expect(nodeIds(data.root)).toEqual(nodeIds(data.post.comments));
    expect(data.root.pageInfo.total).toBe(thread.length);
  });

  it('pagination inside post.comments: first 2, then after', async () => {
    const query = `query($after: String) { post(id: ${SEED.posts.threadedComments}, idType: DATABASE_ID) {
      comments(first: 2, after: $after) { pageInfo { hasNextPage endCursor } nodes { databaseId } }
    } }`;
    const first = await gw.data(query);
    const second = await gw.data(query, { after: first.post.comments.pageInfo.endCursor });
    expect([...nodeIds(first.post.comments), ...nodeIds(second.post.comments)]).toEqual(restIds(thread).slice(0, 4));
    expect(second.post.comments.pageInfo.hasNextPage).toBe(true);
  });
});
