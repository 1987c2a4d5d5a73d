/**
 * Every mutation family against a real WordPress (its own site: tests/writes/run.sh), through two gateways sharing
 * one real Redis: each write is sent to gateway A, and read back from gateway B, whose answer was cached before
 * the write, so it shows the purge reached B's shared caches. Names carry the run's timestamp: the site outlives
 * a run (start.sh reuses it), so a second run must not collide with the first one's records.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
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
  // mediaFetchPrivate: createMediaItem's file is served from this machine (127.0.0.1) by the test itself; the
  // refusal of such addresses without the setting is tested in tests/unit/remote-file.test.ts.
  const settings = { redisUrl: `redis://127.0.0.1:${port}`, authSecret: SECRET, commentRateLimit: 100, mediaFetchPrivate: true };
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
  it('createMediaItem downloads filePath and uploads it with its metadata in one request; B sees it', async () => {
    const png = await readFile(new URL('../../docs/graphiql.png', import.meta.url));
    const files = createHttpServer((req, res) => {
      if (req.url === `/shot-${RUN}.png`) {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(png.length) });
        res.end(png);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(files.address() as { port: number }).port}`;
    try {
      const { createMediaItem } = await write(
        `mutation($path: String!) { createMediaItem(input: { filePath: $path, title: "Shot ${RUN}", altText: "Alt ${RUN}", caption: "Caption ${RUN}", parentId: "${OPEN_POST}", clientMutationId: "m1" }) {
          clientMutationId mediaItem { databaseId title altText mimeType parentDatabaseId caption } } }`,
        { path: `${origin}/shot-${RUN}.png` },
      );
      expect(createMediaItem).toEqual({
        clientMutationId: 'm1',
        mediaItem: {
          databaseId: expect.any(Number),
          title: `Shot ${RUN}`,
          altText: `Alt ${RUN}`,
          mimeType: 'image/png',
          parentDatabaseId: OPEN_POST,
          caption: `<p>Caption ${RUN}</p>\n`,
        },
      });
      const id = createMediaItem.mediaItem.databaseId;
      expect((await b.data(`{ mediaItem(id: "${id}", idType: DATABASE_ID) { title fileSize } }`)).mediaItem).toEqual({
        title: `Shot ${RUN}`,
        fileSize: png.length,
      });
      await write(`mutation { deleteMediaItem(input: { id: "${id}", forceDelete: true }) { deletedId } }`);

      // Refused before anything reaches WordPress: a missing file, another protocol, an anonymous uploader.
      const count = async () =>
        ((await (await fetch(restUrl(wp, '/wp/v2/media', { search: `Nope ${RUN}` }), { headers: editor() })).json()) as Json[]).length;
      const missing = await a.query(
        `mutation { createMediaItem(input: { filePath: "${origin}/missing.png", title: "Nope ${RUN}" }) { mediaItem { databaseId } } }`,
        {},
        editor(),
      );
      expect(missing.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/answered 404; nothing was uploaded/),
        extensions: { code: 'BAD_USER_INPUT', field: 'filePath' },
      });
      const ftp = await a.query(
        'mutation { createMediaItem(input: { filePath: "ftp://example.com/a.png" }) { mediaItem { databaseId } } }',
        {},
        editor(),
      );
      expect(ftp.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filePath' });
      const anonymous = await a.query(
        `mutation { createMediaItem(input: { filePath: "${origin}/shot-${RUN}.png", title: "Nope ${RUN}" }) { mediaItem { databaseId } } }`,
      );
      expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await count()).toBe(0);
    } finally {
      files.closeAllConnections();
      await new Promise<void>((resolve) => files.close(() => resolve()));
    }
  });

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

describe('discovered types (book, chapter, genre: tests/wordpress/mu-plugins/wpgw-discovery.php)', () => {
  it('createBook with a new genre by name and registered meta; B sees it; update appends, then replaces, terms; delete trashes', async () => {
    const LATEST = '{ books(first: 1) { nodes { databaseId title } } }';
    await b.data(LATEST);
    const { createBook } = await write(
      `mutation($title: String!, $genre: String!) {
        createBook(input: {
          title: $title, status: PUBLISH, clientMutationId: "b1",
          genres: { nodes: [{ name: $genre, description: "made by createBook" }] },
          meta: { isbn: "978-${RUN}", page_count: 321, in_print: true, editions: [2001, 2011], dimensions: { width: 1.5, height: 2 } }
        }) {
          clientMutationId
          book { databaseId title status genres { nodes { name description } } meta { isbn page_count in_print editions dimensions { width height } } }
        }
      }`,
      { title: `Book ${RUN}`, genre: `Genre ${RUN}` },
    );
    expect(createBook).toEqual({
      clientMutationId: 'b1',
      book: {
        databaseId: expect.any(Number),
        title: `Book ${RUN}`,
        status: 'publish',
        genres: { nodes: [{ name: `Genre ${RUN}`, description: 'made by createBook' }] },
        meta: { isbn: `978-${RUN}`, page_count: 321, in_print: true, editions: [2001, 2011], dimensions: { width: 1.5, height: 2 } },
      },
    });
    const id = createBook.book.databaseId;
    expect((await b.data(LATEST)).books.nodes[0]).toEqual({ databaseId: id, title: `Book ${RUN}` });

    const READ = `{ book(id: "${id}", idType: DATABASE_ID) { title genres { nodes { slug } } meta { page_count } } }`;
    await b.data(READ);
    // A second genre by slug: appended (WPGraphQL's default), the first kept.
    const other = `other-${RUN}`;
    await write(`mutation { createGenre(input: { name: "Other ${RUN}", slug: "${other}" }) { genre { databaseId } } }`);
    await write(
      `mutation { updateBook(input: { id: "${id}", title: "Book ${RUN} edited", genres: { nodes: [{ slug: "${other}" }] }, meta: { page_count: 322 } }) { book { title } } }`,
    );
    const first = (await write(`{ genres(where: { search: "Genre ${RUN}" }) { nodes { slug } } }`)).genres.nodes[0].slug;
    expect((await b.data(READ)).book).toEqual({
      title: `Book ${RUN} edited`,
      genres: { nodes: [{ slug: first }, { slug: other }].sort((x, y) => x.slug.localeCompare(y.slug)) },
      meta: { page_count: 322 },
    });
    await write(
      `mutation { updateBook(input: { id: "${id}", genres: { append: false, nodes: [{ slug: "${other}" }] } }) { book { databaseId } } }`,
    );
    expect((await b.data(READ)).book.genres).toEqual({ nodes: [{ slug: other }] });

    const { deleteBook } = await write(`mutation { deleteBook(input: { id: "${id}" }) { deletedId book { status } } }`);
    expect(deleteBook).toEqual({ deletedId: Buffer.from(`post:${id}`).toString('base64'), book: { status: 'trash' } });
    expect((await b.data(READ)).book).toBeNull();
    await write(`mutation { deleteBook(input: { id: "${id}", forceDelete: true }) { deletedId } }`);
  });

  it('createChapter under a parent with menuOrder; bad input and anonymous writers are refused, nothing written', async () => {
    const { createChapter: parent } = await write(
      `mutation { createChapter(input: { title: "Part ${RUN}", status: PUBLISH }) { chapter { databaseId } } }`,
    );
    const { createChapter } = await write(
      `mutation { createChapter(input: { title: "Chapter ${RUN}", status: PUBLISH, parentId: "${parent.chapter.databaseId}", menuOrder: 7, content: "<p>Text</p>" }) { chapter { databaseId } } }`,
    );
    const id = createChapter.chapter.databaseId;
    expect(
      (await b.data(`{ chapter(id: "${id}", idType: DATABASE_ID) { title menuOrder parent { node { databaseId } } } }`)).chapter,
    ).toEqual({
      title: `Chapter ${RUN}`,
      menuOrder: 7,
      parent: { node: { databaseId: parent.chapter.databaseId } },
    });
    const badId = await a.query('mutation { updateChapter(input: { id: "nope", title: "x" }) { chapter { databaseId } } }', {}, editor());
    expect(badId.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const anonymous = await a.query(`mutation { createBook(input: { title: "Nope ${RUN}" }) { book { databaseId } } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const oversized = await a.query(
      'mutation($c: String!) { createChapter(input: { title: "Big", content: $c }) { chapter { databaseId } } }',
      { c: 'x'.repeat(1_048_577) },
      editor(),
    );
    expect(oversized.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content' });
    const found = await fetch(restUrl(wp, '/wp/v2/books', { search: `Nope ${RUN}`, status: 'draft,publish' }), { headers: editor() });
    expect(await found.json()).toEqual([]);
    for (const chapter of [id, parent.chapter.databaseId]) {
      await write(`mutation { deleteChapter(input: { id: "${chapter}", forceDelete: true }) { deletedId } }`);
    }
  });

  it('createGenre, updateGenre (parent, meta), deleteGenre; B sees each', async () => {
    const { createGenre } = await write(
      `mutation { createGenre(input: { name: "Genre2 ${RUN}", slug: "genre2-${RUN}", meta: { color: "red" } }) { genre { databaseId name meta { color } } } }`,
    );
    expect(createGenre.genre).toMatchObject({ name: `Genre2 ${RUN}`, meta: { color: 'red' } });
    const gid = createGenre.genre.databaseId;
    const READ = `{ genre(id: "genre2-${RUN}", idType: SLUG) { name parent { node { slug } } meta { color } } }`;
    expect((await b.data(READ)).genre).toEqual({ name: `Genre2 ${RUN}`, parent: null, meta: { color: 'red' } });
    const { createGenre: top } = await write(
      `mutation { createGenre(input: { name: "Top ${RUN}", slug: "top-${RUN}" }) { genre { databaseId } } }`,
    );
    await write(
      `mutation { updateGenre(input: { id: "${gid}", name: "Genre2 ${RUN} renamed", parentDatabaseId: ${top.genre.databaseId}, meta: { color: "blue" } }) { genre { name } } }`,
    );
    expect((await b.data(READ)).genre).toEqual({
      name: `Genre2 ${RUN} renamed`,
      parent: { node: { slug: `top-${RUN}` } },
      meta: { color: 'blue' },
    });
    const { deleteGenre } = await write(`mutation { deleteGenre(input: { id: "${gid}" }) { deletedId genre { databaseId } } }`);
    expect(deleteGenre).toEqual({ deletedId: Buffer.from(`term:${gid}`).toString('base64'), genre: { databaseId: gid } });
    expect((await b.data(READ)).genre).toBeNull();
    await write(`mutation { deleteGenre(input: { id: "${top.genre.databaseId}" }) { deletedId } }`);
  });
});

describe('term inputs by name in createPost', () => {
  it('an existing category by name is used, a missing tag by name is created; append keeps the post’s terms', async () => {
    const { createPost } = await write(
      `mutation { createPost(input: { title: "Terms ${RUN}", categories: { nodes: [{ name: "News" }] }, tags: { nodes: [{ name: "Fresh ${RUN}" }] } }) {
        post { databaseId categories { nodes { slug } } tags { nodes { name } } } } }`,
    );
    expect(createPost.post).toMatchObject({ categories: { nodes: [{ slug: 'news' }] }, tags: { nodes: [{ name: `Fresh ${RUN}` }] } });
    const id = createPost.post.databaseId;
    const { updatePost } = await write(
      `mutation { updatePost(input: { id: "${id}", tags: { nodes: [{ slug: "graphql" }] } }) { post { tags { nodes { name } } } } }`,
    );
    expect(updatePost.post.tags.nodes.map((t: Json) => t.name).sort()).toEqual([`Fresh ${RUN}`, 'GraphQL'].sort());
    const tags = (await (await fetch(restUrl(wp, '/wp/v2/tags', { search: `Fresh ${RUN}` }))).json()) as Json[];
    await write(`mutation { deletePost(input: { id: "${id}", forceDelete: true }) { deletedId } }`);
    for (const tag of tags) await write(`mutation { deleteTag(input: { id: "${tag.id}" }) { deletedId } }`);
  });
});

describe('held comments are hidden from everyone but their author and moderators', () => {
  /** A new subscriber with an application password (made by the administrator through REST). */
  const subscriber = async (name: string) => {
    const admin = { Authorization: basicAuth(wp.admin!), 'content-type': 'application/json' };
    const made = await fetch(restUrl(wp, '/wp/v2/users'), {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ username: name, email: `${name}@example.test`, password: `${name}-password`, roles: ['subscriber'] }),
    });
    expect(made.status).toBe(201);
    const id = ((await made.json()) as Json).id as number;
    const app = await fetch(restUrl(wp, `/wp/v2/users/${id}/application-passwords`), {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ name: 'writes suite' }),
    });
    expect(app.status).toBe(201);
    return { id, headers: { Authorization: basicAuth({ user: name, appPassword: ((await app.json()) as Json).password }) } };
  };

  it('a subscriber’s held comment: success and the comment in the author’s payload (as WPGraphQL); null for readers, other subscribers and caches', async () => {
    const author = await subscriber(`sub-${RUN}`);
    const other = await subscriber(`other-${RUN}`);
    const LIST = `{ post(id: "${OPEN_POST}", idType: DATABASE_ID) { comments(first: 100) { nodes { databaseId } } } }`;
    const before = await b.data(LIST);
    const content = `Held ${RUN}: <a href="https://a.example">a</a> <a href="https://b.example">b</a>`;
    const { createComment } = await a.data(
      `mutation($c: String!) { createComment(input: { commentOn: ${OPEN_POST}, content: $c }) { success comment { databaseId status } } }`,
      { c: content },
      author.headers,
    );
    expect(createComment).toEqual({ success: true, comment: { databaseId: expect.any(Number), status: 'HOLD' } });
    const id = createComment.comment.databaseId;
    const READ = `{ comment(id: "${id}", idType: DATABASE_ID) { databaseId status } }`;
    // Readers (both instances, cached or not), another subscriber: nothing; the list is as it was.
    expect((await b.data(READ)).comment).toBeNull();
    expect((await a.data(READ)).comment).toBeNull();
    expect((await b.data(LIST)).post.comments.nodes).toEqual(before.post.comments.nodes);
    expect((await b.data(READ, {}, other.headers)).comment).toBeNull();
    // A moderator (the editor) finds it among held comments; that answer is theirs, not cached for readers.
    const HELD = `{ comments(first: 100, where: { statusIn: [HOLD], search: "Held ${RUN}" }) { nodes { databaseId status } } }`;
    expect((await b.data(HELD, {}, editor())).comments.nodes).toEqual([{ databaseId: id, status: 'HOLD' }]);
    expect((await b.data(READ)).comment).toBeNull();
    expect((await b.data(HELD)).comments.nodes).toEqual([]);
    expect((await a.data(LIST)).post.comments.nodes).toEqual(before.post.comments.nodes);
  });

  it('an anonymous reader’s held comment is hidden from readers on every instance', async () => {
    const held = await fetch(restUrl(wp, '/wp/v2/comments', { post: OPEN_POST, status: 'hold', search: `Two links ${RUN}` }), {
      headers: editor(),
    });
    const [comment] = (await held.json()) as Json[];
    expect(comment).toBeDefined();
    const READ = `{ comment(id: "${comment.id}", idType: DATABASE_ID) { databaseId } }`;
    expect((await a.data(READ)).comment).toBeNull();
    expect((await b.data(READ)).comment).toBeNull();
  });
});

describe('rate limits are shared through Redis by the instances using it', () => {
  it('failed sign-ins for one user name count on both instances together: the sixth is refused on either', async () => {
    const LOGIN = 'mutation($u: String!) { login(input: { username: $u, password: "abcd efgh ijkl mnop qrst uvwx" }) { authToken } }';
    const user = `flood-${RUN}`;
    const codes: unknown[] = [];
    for (const gateway of [a, b, a, b, a]) codes.push((await gateway.query(LOGIN, { u: user })).errors?.[0]?.extensions?.code);
    expect(codes).toEqual(Array(5).fill('UNAUTHENTICATED'));
    for (const gateway of [b, a]) {
      const refused = await gateway.query(LOGIN, { u: user });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    }
  });
});

describe.runIf(wp.source === 'harness')('a custom taxonomy and meta on built-in posts (issue #14)', () => {
  // The fixture registers `genre` on books only; this must-use plugin (written here, removed after) registers it
  // on posts too, and one meta key on posts, as a site would. A gateway started after it discovers both.
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const stateDir = process.env.WORDPRESS_STATE_DIR ?? `${root}.wordpress`;
  const hash = createHash('md5').update(stateDir).digest('hex').slice(0, 12);
  const plugin = `/var/lib/wordpress/wpgw-sites/${hash}/wp-content/mu-plugins/wpgw-writes-genre-on-posts.php`;
  let g: WordPressGateway;
  const writesSent = () => g.upstream.filter((r) => r.method).map((r) => `${r.method} ${r.route} ${r.status}`);
  const genresNamed = async (name: string) =>
    ((await (await fetch(restUrl(wp, '/wp/v2/genres', { search: name, per_page: 100 }))).json()) as Json[]).filter((t: Json) =>
      t.name.includes(name),
    );

  beforeAll(async () => {
    writeFileSync(
      plugin,
      `<?php
add_action('init', static function () {
    register_taxonomy_for_object_type('genre', 'post');
    register_post_meta('post', 'wpgw_subtitle', ['type' => 'string', 'single' => true, 'show_in_rest' => true, 'default' => '']);
}, 20);
`,
    );
    g = await startWordPressGateway(wp, { cacheTtlMs: 0, entityCacheTtlMs: 0 });
  });
  afterAll(async () => {
    rmSync(plugin, { force: true });
    await g?.close();
  });

  it('createPost with a genre by name (created after the post) and meta; WordPress has both', async () => {
    const name = `PostGenre ${RUN}`;
    g.resetUpstream();
    const { createPost } = await g.data<Json>(
      `mutation($name: String!) { createPost(input: { title: "Genres ${RUN}", status: PUBLISH, genres: { nodes: [{ slug: "fiction" }, { name: $name }] }, meta: { wpgw_subtitle: "Sub ${RUN}" } }) {
        post { databaseId genres { nodes { name } } meta { wpgw_subtitle } } } }`,
      { name },
      editor(),
    );
    const id = createPost.post.databaseId;
    expect(createPost.post.genres.nodes.map((n: Json) => n.name).sort()).toEqual(['Fiction', name].sort());
    expect(createPost.post.meta).toEqual({ wpgw_subtitle: `Sub ${RUN}` });
    const created = await genresNamed(name);
    expect(created.map((t: Json) => t.name)).toEqual([name]);
    // The post first (with the genre that exists), then the new genre, then the post again with both.
    expect(writesSent()).toEqual(['POST /wp/v2/posts 201', 'POST /wp/v2/genres 201', `POST /wp/v2/posts/${id} 200`]);
    const record = (await (await fetch(restUrl(wp, `/wp/v2/posts/${id}`, { _fields: 'genres,meta' }))).json()) as Json;
    const fiction = ((await (await fetch(restUrl(wp, '/wp/v2/genres', { slug: 'fiction' }))).json()) as Json[])[0].id;
    expect([...record.genres].sort()).toEqual([fiction, created[0].id].sort());
    expect(record.meta).toEqual({ wpgw_subtitle: `Sub ${RUN}` });
    await g.data(`mutation { deletePost(input: { id: "${id}", forceDelete: true }) { deletedId } }`, {}, editor());
    await g.data(`mutation { deleteGenre(input: { id: "${created[0].id}" }) { deletedId } }`, {}, editor());
  });

  it('a post (or book) WordPress refuses leaves no new term behind: the refused write is the only one', async () => {
    const name = `Refused ${RUN}`;
    g.resetUpstream();
    const answer = await g.query(
      `mutation($name: String!) { createPost(input: { title: "Refused ${RUN}", authorId: "999999", genres: { nodes: [{ name: $name }] } }) { post { databaseId } } }`,
      { name },
      editor(),
    );
    expect(answer.errors?.[0]).toMatchObject({ message: 'Invalid author ID.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(writesSent()).toEqual(['POST /wp/v2/posts 400']);
    g.resetUpstream();
    const book = await g.query(
      `mutation($name: String!) { createBook(input: { title: "Refused ${RUN}", authorId: "999999", genres: { nodes: [{ name: $name }] } }) { book { databaseId } } }`,
      { name },
      editor(),
    );
    expect(book.errors?.[0]).toMatchObject({ message: 'Invalid author ID.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(writesSent()).toEqual(['POST /wp/v2/books 400']);
    expect(await genresNamed(name)).toEqual([]);
    const posts = (await (
      await fetch(restUrl(wp, '/wp/v2/posts', { search: `Refused ${RUN}`, status: 'any' }), { headers: editor() })
    ).json()) as Json[];
    expect(posts).toEqual([]);
  });
});
