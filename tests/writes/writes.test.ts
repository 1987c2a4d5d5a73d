/**
 * Every mutation family against a real WordPress (its own site: tests/writes/run.sh), through two gateways sharing
 * one real Redis: each write is sent to gateway A, and read back from gateway B, whose answer was cached before
 * the write, so it shows the purge reached B's shared caches. Names carry the run's timestamp: the site outlives
 * a run (start.sh reuses it), so a second run must not collide with the first one's records.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, restUrl, wordpressTarget } from '../wordpress/target.ts';
import { type Json, startWordPressGateway, type WordPressGateway } from '../wordpress/gateway-harness.ts';

const wp = wordpressTarget();
const RUN = Date.now().toString(36);
const SECRET = 'writes-suite-secret-of-at-least-32-characters';
const editor = () => ({ Authorization: basicAuth(wp.auth!) });
const OPEN_POST = 339;

let redis: ChildProcess | undefined;
let a: WordPressGateway;
let b: WordPressGateway;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const readyRedis = async (g: WordPressGateway) => {
  const body = (await (await fetch(`${g.gateway.url}/ready`)).json()) as { caches?: { redis?: string } };
  return body.caches?.redis === 'ready';
};

beforeAll(async () => {
  const port = await freePort();
  redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await until(
    () =>
      spawnSync('redis-cli', ['-p', String(port), 'ping'])
        .stdout?.toString()
        .trim() === 'PONG',
    'redis-server',
  );
  const settings = { redisUrl: `redis://127.0.0.1:${port}`, authSecret: SECRET, commentRateLimit: 100 };
  a = await startWordPressGateway(wp, settings);
  b = await startWordPressGateway(wp, settings);
  await until(async () => (await readyRedis(a)) && (await readyRedis(b)), 'both gateways on Redis');
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  if (redis && redis.exitCode === null) {
    const child = redis;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
});

/** A mutation on A as the editor; fails the test on errors. */
const write = (query: string, variables: Record<string, unknown> = {}) => a.data(query, variables, editor());

describe('anonymous comments, as the site discussion settings say', () => {
  // WordPress records one address for every reader (the gateway's) and allows one comment per 15 s from it:
  // the steps below meet that flood check on purpose, then wait it out.
  const CREATE = `mutation($post: Int!, $content: String!) {
    createComment(input: { commentOn: $post, content: $content, author: "Reader ${RUN}", authorEmail: "reader-${RUN}@example.com" }) {
      success comment { databaseId content status }
    }
  }`;
  let heldAt = 0;

  it('a comment with two links is held: success, no comment, and WordPress holds it', async () => {
    const content = `Two links ${RUN}: <a href="https://a.example">a</a> <a href="https://b.example">b</a>`;
    const answer = await a.query(CREATE, { post: OPEN_POST, content });
    heldAt = Date.now();
    expect(answer.errors).toBeUndefined();
    expect(answer.data.createComment).toEqual({ success: true, comment: null });
    const held = await fetch(restUrl(wp, '/wp/v2/comments', { post: OPEN_POST, status: 'hold', search: RUN }), { headers: editor() });
    expect(((await held.json()) as Json[]).map((c: Json) => c.author_name)).toEqual([`Reader ${RUN}`]);
  });

  it('the same comment again is a duplicate, another at once is a flood; closed posts refuse', async () => {
    const duplicate = await a.query(CREATE, {
      post: OPEN_POST,
      content: `Two links ${RUN}: <a href="https://a.example">a</a> <a href="https://b.example">b</a>`,
    });
    expect(duplicate.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(duplicate.errors?.[0]?.message).toMatch(/Duplicate comment/);
    const flood = await a.query(CREATE, { post: OPEN_POST, content: `Too soon ${RUN}` });
    expect(flood.errors?.[0]).toMatchObject({
      message: 'You are posting comments too quickly. Slow down.',
      extensions: { code: 'RATE_LIMITED' },
    });
    const posts = (await (await fetch(restUrl(wp, '/wp/v2/posts', { per_page: 100, _fields: 'id,comment_status' }))).json()) as Json[];
    const closed = posts.find((p: Json) => p.comment_status === 'closed');
    const refused = await a.query(CREATE, { post: closed.id, content: `Closed ${RUN}` });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(refused.errors?.[0]?.message).toMatch(/closed/);
    const missing = await a.query(CREATE, { post: 999_999, content: `Nowhere ${RUN}` });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a plain comment is approved, returned, and seen from the other gateway', async () => {
    const LATEST = '{ comments(first: 1) { nodes { databaseId } } }';
    await b.data(LATEST);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, heldAt + 16_000 - Date.now())));
    const answer = await a.data(CREATE, { post: OPEN_POST, content: `Plain ${RUN}` });
    expect(answer.createComment).toMatchObject({ success: true, comment: { content: `<p>Plain ${RUN}</p>\n`, status: 'APPROVE' } });
    expect((await b.data(LATEST)).comments.nodes[0].databaseId).toBe(answer.createComment.comment.databaseId);
  });
});

describe('posts, pages and terms round-trip', () => {
  it('createPost publishes with terms by slug; B sees it at the top of the list it had cached', async () => {
    const LATEST = '{ posts(first: 1) { nodes { databaseId title } } }';
    await b.data(LATEST);
    const { createPost } = await write(
      `mutation($title: String!) {
        createPost(input: { title: $title, content: "<p>Body</p>", status: PUBLISH, categories: { nodes: [{ slug: "news" }] }, tags: { nodes: [{ slug: "graphql" }] }, clientMutationId: "c1" }) {
          clientMutationId post { databaseId title status categories { nodes { slug } } tags { nodes { slug } } }
        }
      }`,
      { title: `Post ${RUN}` },
    );
    expect(createPost).toMatchObject({
      clientMutationId: 'c1',
      post: { title: `Post ${RUN}`, status: 'publish', categories: { nodes: [{ slug: 'news' }] }, tags: { nodes: [{ slug: 'graphql' }] } },
    });
    const id = createPost.post.databaseId;
    expect((await b.data(LATEST)).posts.nodes[0]).toEqual({ databaseId: id, title: `Post ${RUN}` });

    const READ = `{ post(id: "${id}", idType: DATABASE_ID) { title } }`;
    await b.data(READ);
    await write(`mutation { updatePost(input: { id: "${id}", title: "Post ${RUN} edited" }) { post { title } } }`);
    expect((await b.data(READ)).post).toEqual({ title: `Post ${RUN} edited` });

    const { deletePost } = await write(`mutation { deletePost(input: { id: "${id}" }) { deletedId post { status } } }`);
    expect(deletePost).toEqual({ deletedId: Buffer.from(`post:${id}`).toString('base64'), post: { status: 'trash' } });
    expect((await b.data(READ)).post).toBeNull();
    const again = await a.query(`mutation { deletePost(input: { id: "${id}", forceDelete: true }) { deletedId } }`, {}, editor());
    expect(again.errors).toBeUndefined();
  });

  it('pages: create, update, delete for good', async () => {
    const { createPage } = await write(
      `mutation { createPage(input: { title: "Page ${RUN}", status: PUBLISH, parentId: "1000" }) { page { databaseId title } } }`,
    );
    const id = createPage.page.databaseId;
    const READ = `{ page(id: "${id}", idType: DATABASE_ID) { title parent { node { databaseId } } } }`;
    expect((await b.data(READ)).page).toEqual({ title: `Page ${RUN}`, parent: { node: { databaseId: 1000 } } });
    await write(`mutation { updatePage(input: { id: "${id}", title: "Page ${RUN} edited" }) { page { title } } }`);
    expect((await b.data(READ)).page.title).toBe(`Page ${RUN} edited`);
    await write(`mutation { deletePage(input: { id: "${id}", forceDelete: true }) { deletedId } }`);
    expect((await b.data(READ)).page).toBeNull();
  });

  it('categories and tags: create, update, delete', async () => {
    const { createCategory } = await write(
      `mutation { createCategory(input: { name: "Cat ${RUN}", slug: "cat-${RUN}", parentDatabaseId: 2 }) { category { databaseId name parent { node { slug } } } } }`,
    );
    expect(createCategory.category).toMatchObject({ name: `Cat ${RUN}`, parent: { node: { slug: 'news' } } });
    const READ = `{ category(id: "cat-${RUN}", idType: SLUG) { name } }`;
    expect((await b.data(READ)).category).toEqual({ name: `Cat ${RUN}` });
    await write(
      `mutation { updateCategory(input: { id: "${createCategory.category.databaseId}", name: "Cat ${RUN} renamed" }) { category { name } } }`,
    );
    expect((await b.data(READ)).category).toEqual({ name: `Cat ${RUN} renamed` });
    await write(`mutation { deleteCategory(input: { id: "${createCategory.category.databaseId}" }) { deletedId } }`);
    expect((await b.data(READ)).category).toBeNull();

    const { createTag } = await write(
      `mutation { createTag(input: { name: "Tag ${RUN}", description: "first" }) { tag { databaseId slug } } }`,
    );
    const TAG = `{ tag(id: "${createTag.tag.slug}", idType: SLUG) { description } }`;
    expect((await b.data(TAG)).tag).toEqual({ description: 'first' });
    await write(`mutation { updateTag(input: { id: "${createTag.tag.databaseId}", description: "second" }) { tag { description } } }`);
    expect((await b.data(TAG)).tag).toEqual({ description: 'second' });
    await write(`mutation { deleteTag(input: { id: "${createTag.tag.databaseId}" }) { deletedId } }`);
    expect((await b.data(TAG)).tag).toBeNull();
    const duplicate = await a.query('mutation { createTag(input: { name: "GraphQL" }) { tag { databaseId } } }', {}, editor());
    expect(duplicate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a viewer without the right is FORBIDDEN or UNAUTHENTICATED, and nothing is written', async () => {
    const anonymous = await a.query(`mutation { createPost(input: { title: "Nope ${RUN}" }) { post { databaseId } } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await a.query(
      `mutation { createPost(input: { title: "Nope ${RUN}" }) { post { databaseId } } }`,
      {},
      {
        Authorization: basicAuth({ user: 'editor', appPassword: 'wrong wrong wrong wrong' }),
      },
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const found = await fetch(restUrl(wp, '/wp/v2/posts', { search: `Nope ${RUN}`, status: 'draft,publish' }), { headers: editor() });
    expect(await found.json()).toEqual([]);
  });
});

describe('media, comments by a signed-in viewer, the viewer', () => {
  it('media metadata: update, and delete only with forceDelete', async () => {
    const png = await readFile(new URL('../../docs/graphiql.png', import.meta.url));
    const uploaded = await fetch(restUrl(wp, '/wp/v2/media'), {
      method: 'POST',
      headers: { ...editor(), 'content-type': 'image/png', 'content-disposition': `attachment; filename="writes-${RUN}.png"` },
      body: png,
    });
    expect(uploaded.status).toBe(201);
    const id = ((await uploaded.json()) as Json).id as number;
    const READ = `{ mediaItem(id: "${id}", idType: DATABASE_ID) { altText title } }`;
    await b.data(READ);
    await write(
      `mutation { updateMediaItem(input: { id: "${id}", altText: "Alt ${RUN}", title: "Media ${RUN}" }) { mediaItem { altText } } }`,
    );
    expect((await b.data(READ)).mediaItem).toEqual({ altText: `Alt ${RUN}`, title: `Media ${RUN}` });
    const noTrash = await a.query(`mutation { deleteMediaItem(input: { id: "${id}" }) { deletedId } }`, {}, editor());
    expect(noTrash.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'forceDelete' });
    await write(`mutation { deleteMediaItem(input: { id: "${id}", forceDelete: true }) { deletedId mediaItem { databaseId } } }`);
    expect((await b.data(READ)).mediaItem).toBeNull();
  });

  it('createComment (REST), updateComment, deleteComment, restoreComment', async () => {
    const { createComment } = await write(
      `mutation { createComment(input: { commentOn: ${OPEN_POST}, content: "Editor ${RUN}" }) { success comment { databaseId status } } }`,
    );
    expect(createComment).toMatchObject({ success: true, comment: { status: 'APPROVE' } });
    const id = createComment.comment.databaseId;
    const READ = `{ comment(id: "${id}", idType: DATABASE_ID) { content } }`;
    expect((await b.data(READ)).comment).toEqual({ content: `<p>Editor ${RUN}</p>\n` });
    await write(`mutation { updateComment(input: { id: "${id}", content: "Edited ${RUN}" }) { comment { content } } }`);
    expect((await b.data(READ)).comment).toEqual({ content: `<p>Edited ${RUN}</p>\n` });
    await write(`mutation { deleteComment(input: { id: "${id}" }) { deletedId } }`);
    expect((await b.data(READ)).comment).toBeNull();
    const { restoreComment } = await write(`mutation { restoreComment(input: { id: "${id}" }) { restoredId comment { status } } }`);
    expect(restoreComment.comment.status).toBe('APPROVE');
    expect((await b.data(READ)).comment).toEqual({ content: `<p>Edited ${RUN}</p>\n` });
  });

  it('updateUser for the viewer', async () => {
    const READ = '{ user(id: "2", idType: DATABASE_ID) { description } }';
    await b.data(READ);
    await write(`mutation { updateUser(input: { id: "2", description: "Bio ${RUN}" }) { user { description } } }`);
    expect((await b.data(READ)).user).toEqual({ description: `Bio ${RUN}` });
  });
});

describe('login with an application password', () => {
  const LOGIN =
    'mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p, clientMutationId: "l" }) { clientMutationId authToken refreshToken user { databaseId } } }';

  it('issues tokens another instance accepts, for reads and writes; refresh gives a new one', async () => {
    const { login } = await a.data(LOGIN, { u: wp.auth!.user, p: wp.auth!.appPassword });
    expect(login).toMatchObject({ clientMutationId: 'l', user: { databaseId: 2 } });
    expect(login.authToken).not.toContain(wp.auth!.appPassword.slice(0, 4));
    const bearer = { Authorization: `Bearer ${login.authToken}` };
    expect((await b.data('{ viewer { databaseId } }', {}, bearer)).viewer).toEqual({ databaseId: 2 });
    const draft = await b.data(`mutation { createPost(input: { title: "Token ${RUN}" }) { post { databaseId status } } }`, {}, bearer);
    expect(draft.createPost.post.status).toBe('draft');
    await b.data(
      `mutation { deletePost(input: { id: "${draft.createPost.post.databaseId}", forceDelete: true }) { deletedId } }`,
      {},
      bearer,
    );
    const { refreshJwtAuthToken } = await b.data(
      'mutation($t: String!) { refreshJwtAuthToken(input: { jwtRefreshToken: $t }) { authToken } }',
      {
        t: login.refreshToken,
      },
    );
    const viewer = await a.data('{ viewer { databaseId } }', {}, { Authorization: `Bearer ${refreshJwtAuthToken.authToken}` });
    expect(viewer.viewer).toEqual({ databaseId: 2 });
  });

  it('fails alike for a wrong password, an unknown user and the account password', async () => {
    const answers = await Promise.all([
      a.query(LOGIN, { u: wp.auth!.user, p: 'abcd efgh ijkl mnop qrst uvwx' }),
      a.query(LOGIN, { u: `nobody-${RUN}`, p: 'abcd efgh ijkl mnop qrst uvwx' }),
      a.query(LOGIN, { u: 'admin', p: wp.admin!.password }),
    ]);
    for (const answer of answers) {
      expect(answer.data?.login).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(new Set(answers.map((x) => x.errors?.[0]?.message)).size).toBe(1);
  });
});
