import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED } from './seed-ids.ts';
import { nodeIds, rest, restIds, startWordPressGateway, type WordPressGateway } from './gateway-harness.ts';
import { basicAuth, restUrl, type WordPressCredentials, wordpressTarget } from './target.ts';

// `User.comments` for viewers WordPress refuses `comments?author=` to (rest_forbidden_param): the approved comments
// read with the service account (here the administrator), batched over users, and only those on content the viewer may
// see. WPGraphQL 2.20 (Type/Connection/Comments.php: `user_id`, CommentConnectionResolver: `status => approve`,
// `orderby => comment_date` DESC; Model/Comment.php is_private: a comment on a private post is hidden) lists them to
// anyone. The seed has no user's comment on a private post, so this file adds one (the editor's, on the private post
// 341, approved) through REST as the administrator and deletes it afterwards.

const wp = wordpressTarget();
const pair = (c: WordPressCredentials) => `${c.user}:${c.appPassword}`;
const USER_COMMENTS = `{ user(id: ${SEED.users.editor}, idType: DATABASE_ID) { comments(first: 100) { nodes { databaseId } } } }`;

describe.runIf(wp.seeded && wp.admin !== null && wp.auth !== null)(
  'User.comments: the service account, filtered by what the viewer may see',
  () => {
    let gw: WordPressGateway | undefined;
    let onPrivate: number;
    const admin = () => wp.admin!;
    const secrets = (c: WordPressCredentials) => [c.appPassword, Buffer.from(pair(c)).toString('base64')];

    beforeAll(async () => {
      const response = await fetch(restUrl(wp, '/wp/v2/comments'), {
        method: 'POST',
        headers: { Authorization: basicAuth(admin()), 'content-type': 'application/json' },
        body: JSON.stringify({
          post: SEED.posts.private,
          author: SEED.users.editor,
          content: 'The editor, on the private post (gateway-user-comments.test.ts).',
          status: 'approved',
        }),
      });
      const body = (await response.json()) as { id: number; status: string };
      expect(response.status).toBe(201);
      expect(body.status).toBe('approved');
      onPrivate = body.id;
    });
    afterAll(async () => {
      await gw?.close();
      if (onPrivate) {
        const response = await fetch(restUrl(wp, `/wp/v2/comments/${onPrivate}`, { force: true }), {
          method: 'DELETE',
          headers: { Authorization: basicAuth(admin()) },
        });
        expect(response.status).toBe(200);
      }
    });

    it('WordPress: the account sees the comment on the private post, an anonymous client may not filter by author', async () => {
      const truth = await rest(
        wp,
        '/wp/v2/comments',
        { author: SEED.users.editor, status: 'approve', per_page: 100, _fields: 'id' },
        admin(),
      );
      expect(restIds(truth.body)).toEqual([onPrivate, SEED.comments.reply]);
      const anonymous = await rest(wp, '/wp/v2/comments', { author: SEED.users.editor, _fields: 'id' });
      expect([anonymous.status, anonymous.body.code]).toEqual([401, 'rest_forbidden_param']);
    });

    it('anonymously: the approved comments minus the one on the private post, one batched request for every user', async () => {
      gw = await startWordPressGateway(wp, { serviceCredentials: pair(admin()), debugUpstream: true });
      expect(nodeIds((await gw.data(USER_COMMENTS)).user.comments)).toEqual([SEED.comments.reply]);
      // A page is cut from the account's list before hidden comments are dropped, as WPGraphQL pages over its ids first:
      // with this comment added, WPGraphQL 2.20 answered `first: 1` anonymously with no node and hasNextPage true.
      const firstOne = await gw.data(
        `{ user(id: ${SEED.users.editor}, idType: DATABASE_ID) { comments(first: 1) { pageInfo { hasNextPage } nodes { databaseId } } } }`,
      );
      expect(firstOne.user.comments).toEqual({ pageInfo: { hasNextPage: true }, nodes: [] });

      gw.resetUpstream();
      const users = await gw.data('{ users(first: 100) { nodes { databaseId comments(first: 100) { nodes { databaseId } } } } }');
      // As WPGraphQL answers the seed (goldens/gatsby-users.json): 2 → [3], 3 → [4], 1 and 4 none.
      expect(
        users.users.nodes.map((u: { databaseId: number; comments: { nodes: { databaseId: number }[] } }) => [
          u.databaseId,
          nodeIds(u.comments),
        ]),
      ).toEqual([
        [SEED.users.admin, []],
        [SEED.users.editor, [SEED.comments.reply]],
        [SEED.users.jl, []],
        [SEED.users.zoe, [SEED.comments.replyToReply]],
      ]);
      const comments = gw.upstream.filter((r) => r.route === '/wp/v2/comments');
      expect(
        comments.map((r) => [r.authenticated, r.query.author, r.query.status, r.query.orderby, r.query.order, r.query.per_page]),
      ).toEqual([[true, [SEED.users.admin, SEED.users.editor, SEED.users.jl, SEED.users.zoe], 'approve', 'date', 'desc', 100]]);
      // Everything else anonymous: the users list and the look-up of the commented posts (the private one among them).
      const others = gw.upstream.filter((r) => r.route !== '/wp/v2/comments');
      expect(others.map((r) => [r.route, r.authenticated])).toEqual([
        ['/wp/v2/users', false],
        ['/wp/v2/posts', false],
      ]);
      // (Post 110 came from the entity cache, filled by the previous request's anonymous look-up.)
      expect(others[1]!.query.include).toContain(SEED.posts.private);

      const text = JSON.stringify(users) + gw.log.join('');
      for (const secret of secrets(admin())) expect(text).not.toContain(secret);
    });

    it('the editor (who may filter by author) reads with their own credentials, and sees their comment on the private post', async () => {
      gw ??= await startWordPressGateway(wp, { serviceCredentials: pair(admin()) });
      gw.resetUpstream();
      const answer = await gw.data(USER_COMMENTS, undefined, { authorization: basicAuth(wp.auth!) });
      expect(nodeIds(answer.user.comments)).toEqual([onPrivate, SEED.comments.reply]);
      const comments = gw.upstream.filter((r) => r.route === '/wp/v2/comments');
      expect(comments.map((r) => [r.authenticated, r.query.author, r.query.status])).toEqual([[true, [SEED.users.editor], undefined]]);
    });

    it('a subscriber (REST refuses them the author filter): the service account, filtered by what the subscriber may see', async () => {
      const created = await fetch(restUrl(wp, `/wp/v2/users/${SEED.users.subscriber}/application-passwords`), {
        method: 'POST',
        headers: { Authorization: basicAuth(admin()), 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'gateway-user-comments.test.ts' }),
      });
      expect(created.status).toBe(201);
      const { uuid, password } = (await created.json()) as { uuid: string; password: string };
      try {
        const sam: WordPressCredentials = { user: 'sam', appPassword: password };
        gw ??= await startWordPressGateway(wp, { serviceCredentials: pair(admin()) });
        gw.resetUpstream();
        const answer = await gw.data(USER_COMMENTS, undefined, { authorization: basicAuth(sam) });
        expect(nodeIds(answer.user.comments)).toEqual([SEED.comments.reply]);
        const comments = gw.upstream.filter((r) => r.route === '/wp/v2/comments');
        // The subscriber's own try (refused), then the service account's batch.
        expect(comments.map((r) => [r.status, r.query.author, r.query.status])).toEqual([
          [403, [SEED.users.editor], undefined],
          [200, [SEED.users.editor], 'approve'],
        ]);
        // The posts were looked up with the subscriber's own credentials, who may not read the private one (a signed-in
        // look-up asks `status=any` first, refused to a subscriber, then without: src/loaders/status-fallback.ts).
        expect(
          gw.upstream.filter((r) => r.route === '/wp/v2/posts').map((r) => [r.authenticated, r.status, r.query.include, r.query.status]),
        ).toEqual([
          [true, 400, [SEED.posts.private, SEED.posts.threadedComments], 'any'],
          [true, 200, [SEED.posts.private, SEED.posts.threadedComments], undefined],
        ]);
      } finally {
        const removed = await fetch(restUrl(wp, `/wp/v2/users/${SEED.users.subscriber}/application-passwords/${uuid}`), {
          method: 'DELETE',
          headers: { Authorization: basicAuth(admin()) },
        });
        expect(removed.status).toBe(200);
      }
    });

    it('without a service account: FORBIDDEN naming the setting; with a refused one the same, never the credentials', async () => {
      await gw?.close();
      gw = await startWordPressGateway(wp, {});
      const without = await gw.query(USER_COMMENTS);
      expect(without.data).toEqual({ user: { comments: null } });
      expect(without.errors?.map((e) => [e.path, e.extensions?.code, e.extensions?.setting])).toEqual([
        [['user', 'comments'], 'FORBIDDEN', 'service-credentials'],
      ]);
      expect(without.errors?.[0]?.message).toContain('SERVICE_CREDENTIALS');
      await gw.close();

      const wrong: WordPressCredentials = { user: admin().user, appPassword: 'WrongServicePassw0rdXyzA' };
      gw = await startWordPressGateway(wp, { serviceCredentials: pair(wrong), debugUpstream: true });
      const refused = await gw.query(USER_COMMENTS);
      expect(refused.data).toEqual({ user: { comments: null } });
      expect(refused.errors?.map((e) => [e.extensions?.code, e.extensions?.setting])).toEqual([['FORBIDDEN', 'service-credentials']]);
      const text = JSON.stringify(refused) + gw.log.join('');
      for (const secret of secrets(wrong)) expect(text).not.toContain(secret);
    });
  },
);
