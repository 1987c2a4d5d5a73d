import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import content from '../../demo/content.json' with { type: 'json' };
import type { DemoContent } from '../../demo/content-types.ts';
import { type Harness, startHarness } from './harness.ts';

// `User.comments` for viewers WordPress refuses `comments?author=` to (src/schema/comment.ts authorCommentsConnection):
// the service account reads the users' approved comments in one batch, and only comments on content the viewer may see
// are answered. On the demo: user 1 (the administrator) has approved comments 264 and 269 on the private post 2811.

const demo = content as unknown as DemoContent;
const service = demo.credentials.find((c) => c.name === 'gateway-service')!;
const editor = demo.credentials.find((c) => c.username === 'editor')!;
const serviceCredentials = `${service.username}:${service.application_password}`;
const basic = (c: { username: string; application_password: string }) =>
  `Basic ${Buffer.from(`${c.username}:${c.application_password}`).toString('base64')}`;

const PRIVATE_POST = 2811;
const published = new Set(
  [...demo.posts, ...demo.pages, ...demo.media].filter((p) => p.status === 'publish' || p.status === 'inherit').map((p) => p.id),
);

/** The user's approved comments, newest first (WPGraphQL: status approve, comment_date DESC, ties by id). */
function approvedOf(userId: number): { id: number; post: number }[] {
  return demo.comments
    .filter((c) => c.author === userId && c.status === 'approved' && c.type === 'comment')
    .sort((a, b) => ((a.date_gmt ?? '') < (b.date_gmt ?? '') ? 1 : (a.date_gmt ?? '') > (b.date_gmt ?? '') ? -1 : b.id - a.id))
    .map((c) => ({ id: c.id, post: c.post ?? 0 }));
}

const ids = (connection: { nodes: { databaseId: number }[] }) => connection.nodes.map((n) => n.databaseId);

describe('User.comments with the service account (demo)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ serviceCredentials });
  });
  afterAll(() => h.close());

  it('the demo holds what these tests rely on: user 1 has approved comments on the private post 2811', () => {
    const all = approvedOf(1);
    expect(all.filter((c) => c.post === PRIVATE_POST).map((c) => c.id)).toEqual([269, 264]);
    expect(all.length).toBeGreaterThan(20);
  });

  it('anonymously: every user on a page in one batched request, comments on a private post left out', async () => {
    h.demo.resetRequests();
    const answer = await h.query<{ users: { nodes: { databaseId: number; comments: { nodes: { databaseId: number }[] } }[] } }>(
      '{ users(first: 100) { nodes { databaseId comments(first: 100) { nodes { databaseId } } } } }',
    );
    expect(answer.errors).toBeUndefined();
    for (const user of answer.data!.users.nodes) {
      const expected = approvedOf(user.databaseId)
        .filter((c) => published.has(c.post))
        .slice(0, 100)
        .map((c) => c.id);
      expect(ids(user.comments), `user ${user.databaseId}`).toEqual(expected);
    }
    const user1 = answer.data!.users.nodes.find((u) => u.databaseId === 1)!;
    expect(ids(user1.comments)).not.toContain(264);
    expect(ids(user1.comments)).not.toContain(269);
    const upstream = h.upstream();
    expect(upstream.filter((r) => r.startsWith('GET /wp/v2/comments'))).toEqual([
      'GET /wp/v2/comments?_fields=_links,author,id,post&author=6,4,1,3,5,2&order=desc&orderby=date&per_page=100&status=approve',
      'GET /wp/v2/comments?_fields=_links,author,id,post&author=6,4,1,3,5,2&order=desc&orderby=date&page=2&per_page=100&status=approve',
    ]);
    // The comments with the service account; every visibility check anonymous (one batched posts lookup).
    const comments = h.demo.requests.filter((r) => r.path === '/wp/v2/comments');
    expect(comments.map((r) => r.authenticated)).toEqual([true, true]);
    const others = h.demo.requests.filter((r) => r.path !== '/wp/v2/comments');
    expect(others.map((r) => `${r.path} ${r.authenticated}`)).toEqual(['/wp/v2/users false', '/wp/v2/posts false']);
    expect(JSON.stringify(answer)).not.toContain(service.application_password);
  });

  it('paging runs over the approved list, and a page keeps its place when hidden comments leave it short', async () => {
    const all = approvedOf(1);
    const query = `query($after: String) { user(id: 1, idType: DATABASE_ID) { comments(first: 10, after: $after) {
      pageInfo { hasNextPage endCursor } nodes { databaseId } } } }`;
    type Page = { user: { comments: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { databaseId: number }[] } } };
    const first = await h.query<Page>(query);
    expect(first.errors).toBeUndefined();
    expect(ids(first.data!.user.comments)).toEqual(all.slice(0, 10).map((c) => c.id));
    const second = await h.query<Page>(query, { after: first.data!.user.comments.pageInfo.endCursor });
    expect(second.errors).toBeUndefined();
    // Positions 10–19 of the approved list, without 269 and 264 (on the private post): 8 nodes, more to come.
    expect(all.slice(10, 12).map((c) => c.id)).toEqual([269, 264]);
    expect(ids(second.data!.user.comments)).toEqual(all.slice(12, 20).map((c) => c.id));
    expect(second.data!.user.comments.pageInfo.hasNextPage).toBe(true);
  });

  it('with where-args: that user’s window with the service account, filtered the same way', async () => {
    h.demo.resetRequests();
    const answer = await h.query<{ user: { comments: { nodes: { databaseId: number }[] } } }>(
      `{ user(id: 1, idType: DATABASE_ID) {
        onPrivate: comments(where: { contentId: ${PRIVATE_POST} }) { nodes { databaseId } }
        ascending: comments(first: 3, where: { order: ASC }) { nodes { databaseId } }
      } }`,
    );
    expect(answer.errors).toBeUndefined();
    const data = answer.data as unknown as Record<string, { comments: never }> & {
      user: Record<string, { nodes: { databaseId: number }[] }>;
    };
    expect(ids(data.user.onPrivate!)).toEqual([]);
    const oldest = [...approvedOf(1)].reverse();
    expect(ids(data.user.ascending!)).toEqual(oldest.slice(0, 3).map((c) => c.id));
    expect(
      h
        .upstream()
        .filter((r) => r.startsWith('GET /wp/v2/comments'))
        .sort(),
    ).toEqual([
      'GET /wp/v2/comments?_fields=_links,author,id,post&author=1&order=asc&per_page=3&status=approve',
      `GET /wp/v2/comments?_fields=_links,author,id,post&author=1&per_page=10&post=${PRIVATE_POST}&status=approve`,
    ]);
  });

  it('a viewer who may filter by author (the editor) reads with their own credentials: private comments they may see stay', async () => {
    h.demo.resetRequests();
    const answer = await h.query<{ user: { comments: { nodes: { databaseId: number }[] } } }>(
      '{ user(id: 1, idType: DATABASE_ID) { comments(first: 100) { nodes { databaseId } } } }',
      undefined,
      { authorization: basic(editor) },
    );
    expect(answer.errors).toBeUndefined();
    expect(ids(answer.data!.user.comments)).toEqual(approvedOf(1).map((c) => c.id));
    const comments = h.demo.requests.filter((r) => r.path === '/wp/v2/comments');
    expect(comments.map((r) => [r.query.author, r.query.status, r.authenticated])).toEqual([['1', undefined, true]]);
  });
});

describe('User.comments without a service account (demo)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ serviceCredentials: undefined, menusCredentials: undefined });
  });
  afterAll(() => h.close());

  it('anonymously: FORBIDDEN naming the setting, and no comments request', async () => {
    h.demo.resetRequests();
    const answer = await h.query('{ user(id: 1, idType: DATABASE_ID) { name comments(first: 100) { nodes { databaseId } } } }');
    expect(answer.data).toEqual({ user: { name: expect.any(String), comments: null } });
    expect(answer.errors).toEqual([
      {
        message: expect.stringContaining('Set SERVICE_CREDENTIALS (--service-credentials)'),
        path: ['user', 'comments'],
        locations: expect.any(Array),
        extensions: { code: 'FORBIDDEN', setting: 'service-credentials' },
      },
    ]);
    expect(h.upstream().filter((r) => r.startsWith('GET /wp/v2/comments'))).toEqual([]);
  });
});

describe('User.comments with a service account WordPress refuses (demo)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ serviceCredentials: `${service.username}:wrong password for the demo` });
  });
  afterAll(() => h.close());

  it('the same FORBIDDEN error, never the credentials', async () => {
    const answer = await h.query('{ user(id: 1, idType: DATABASE_ID) { comments(first: 100) { nodes { databaseId } } } }');
    expect(answer.data).toEqual({ user: { comments: null } });
    expect(answer.errors?.map((e) => [e.extensions?.code, e.extensions?.setting])).toEqual([['FORBIDDEN', 'service-credentials']]);
    expect(JSON.stringify(answer)).not.toContain('wrong password');
  });
});
