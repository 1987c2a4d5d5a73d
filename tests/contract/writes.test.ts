/**
 * Mutations end to end over a fault-injecting proxy in front of the demo site: the demo site is read-only, so
 * each test answers the writes it sends as WordPress would (a saved record, a refusal, its comment form's
 * redirect or wp_die answer, silence) and checks what the gateway sends, how often, and what the client hears.
 * Round trips against a real WordPress are in tests/writes/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSite, type DemoSite } from '../../demo/server.ts';
import { AUTH_TOKEN_SECONDS, createTokenSealer } from '../../src/auth/tokens.ts';
import { startFaultServer, type FaultRequest, type FaultServer } from '../support/fault-server.ts';
import { readAnswer, startTestGateway, type TestGateway } from '../support/gateway.ts';

const SECRET = 'a-secret-of-at-least-32-characters-for-tests';
const EDITOR = `Basic ${Buffer.from('editor:abcd efgh ijkl mnop qrst uvwx').toString('base64')}`;

let demo: DemoSite;
let fault: FaultServer;
let gateway: TestGateway;
let post: Record<string, unknown>;
let comment: Record<string, unknown>;

const writes = (): FaultRequest[] => fault.requests.filter((r) => r.method !== 'GET');

beforeAll(async () => {
  demo = await createDemoSite();
  fault = await startFaultServer({ upstream: demo.url });
  gateway = await startTestGateway({
    wordpressUrl: fault.url,
    client: { retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5 }, headersTimeoutMs: 300, bodyTimeoutMs: 300, circuitBreaker: false },
    config: { commentRateLimit: 5, authSecret: SECRET },
  });
  const posts = (await (await fetch(`${demo.url}/wp-json/wp/v2/posts?per_page=1`)).json()) as Record<string, unknown>[];
  post = posts[0]!;
  const comments = (await (await fetch(`${demo.url}/wp-json/wp/v2/comments?per_page=1`)).json()) as Record<string, unknown>[];
  comment = comments[0]!;
});

afterEach(() => {
  fault.setRule(undefined);
  fault.resetRequests();
});

afterAll(async () => {
  await gateway?.close();
  await fault?.close();
  await demo?.close();
});

const UPDATE_POST = `mutation($id: ID!, $title: String) {
  updatePost(input: { id: $id, title: $title, clientMutationId: "m1" }) { clientMutationId post { databaseId title } }
}`;

describe('a write reaches WordPress once, as sent', () => {
  it('is a POST with the viewer credentials and a JSON body, answered with the saved record', async () => {
    fault.setRule((r) =>
      r.method === 'POST' ? { kind: 'status', status: 200, body: JSON.stringify({ ...post, title: { rendered: 'Saved' } }) } : undefined,
    );
    const answer = await gateway.query(UPDATE_POST, { id: String(post.id), title: 'Saved' }, { authorization: EDITOR });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ updatePost: { clientMutationId: 'm1', post: { databaseId: post.id, title: 'Saved' } } });
    expect(writes().map((r) => `${r.method} ${r.route}`)).toEqual([`POST /wp/v2/posts/${post.id}`]);
    expect(writes()[0]!.headers.authorization).toBe(EDITOR);
    expect(writes()[0]!.headers['content-type']).toBe('application/json');
  });

  it('is never retried: a 503 or a reset is sent once and reported (a reset may have been applied), for POST and DELETE alike', async () => {
    fault.setRule((r) => (r.method !== 'GET' ? { kind: 'status', status: 503 } : undefined));
    const answer = await gateway.query(UPDATE_POST, { id: String(post.id), title: 'x' }, { authorization: EDITOR });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    const deleted = await gateway.query('mutation { deleteTag(input: { id: "3" }) { deletedId } }', {}, { authorization: EDITOR });
    expect(deleted.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    fault.setRule((r) => (r.method !== 'GET' ? { kind: 'reset' } : undefined));
    const reset = await gateway.query(UPDATE_POST, { id: String(post.id), title: 'x' }, { authorization: EDITOR });
    expect(reset.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(reset.errors?.[0]?.message).toMatch(/may have been applied/);
    expect(answer.errors?.[0]?.message).not.toMatch(/may have been applied/);
    expect(writes().map((r) => r.method)).toEqual(['POST', 'DELETE', 'POST']);
  });

  it('whose answer is lost is UPSTREAM_TIMEOUT saying it may have been applied, and is not sent again', async () => {
    fault.setRule((r) => (r.method === 'POST' ? { kind: 'hang' } : undefined));
    const answer = await gateway.query(UPDATE_POST, { id: String(post.id), title: 'x' }, { authorization: EDITOR });
    expect(answer.errors?.[0]?.extensions?.code).toBe('UPSTREAM_TIMEOUT');
    expect(answer.errors?.[0]?.message).toMatch(/may have been applied/);
    expect(writes()).toHaveLength(1);
  });

  it('is never coalesced: two identical mutations at once are two requests', async () => {
    fault.setRule((r) => (r.method === 'POST' ? { kind: 'status', status: 200, body: JSON.stringify(post) } : undefined));
    await Promise.all([1, 2].map(() => gateway.query(UPDATE_POST, { id: String(post.id), title: 'same' }, { authorization: EDITOR })));
    expect(writes()).toHaveLength(2);
  });

  it("maps WordPress's refusals to typed errors naming the input field", async () => {
    const refuse = (status: number, body: unknown) =>
      fault.setRule((r) => (r.method === 'POST' ? { kind: 'status', status, body: JSON.stringify(body) } : undefined));
    refuse(400, {
      code: 'rest_invalid_param',
      message: 'Invalid parameter(s): status',
      data: { status: 400, params: { status: 'status is not one of publish, draft.' } },
    });
    let answer = await gateway.query(
      `mutation { createPost(input: { title: "t", status: TRASH }) { post { databaseId } } }`,
      {},
      { authorization: EDITOR },
    );
    expect(answer.errors?.[0]).toMatchObject({
      message: 'input.status: status is not one of publish, draft.',
      extensions: { code: 'BAD_USER_INPUT', field: 'status' },
    });
    refuse(401, { code: 'rest_cannot_create', message: 'Sorry, you are not allowed to create posts as this user.', data: { status: 401 } });
    answer = await gateway.query(`mutation { createPost(input: { title: "t" }) { post { databaseId } } }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    refuse(403, { code: 'rest_cannot_edit', message: 'Sorry, you are not allowed to edit this post.', data: { status: 403 } });
    answer = await gateway.query(UPDATE_POST, { id: String(post.id) }, { authorization: EDITOR });
    expect(answer.errors?.[0]).toMatchObject({
      message: 'Sorry, you are not allowed to edit this post.',
      extensions: { code: 'FORBIDDEN' },
    });
    refuse(404, { code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } });
    answer = await gateway.query(UPDATE_POST, { id: '999999' }, { authorization: EDITOR });
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    refuse(501, {
      code: 'rest_trash_not_supported',
      message: 'The post does not support trashing. Set force=true to delete.',
      data: { status: 501 },
    });
    fault.setRule((r) =>
      r.method === 'DELETE'
        ? {
            kind: 'status',
            status: 501,
            body: JSON.stringify({ code: 'rest_trash_not_supported', message: 'No trash.', data: { status: 501 } }),
          }
        : undefined,
    );
    answer = await gateway.query(`mutation { deleteMediaItem(input: { id: "12" }) { deletedId } }`, {}, { authorization: EDITOR });
    expect(answer.errors?.[0]).toMatchObject({
      message: 'No trash. Send forceDelete: true to delete it for good.',
      extensions: { code: 'BAD_USER_INPUT', field: 'forceDelete' },
    });
  });

  it('refuses bad input before sending anything: invalid ids, oversized fields', async () => {
    let answer = await gateway.query(UPDATE_POST, { id: 'not-an-id' }, { authorization: EDITOR });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    answer = await gateway.query(
      `mutation($c: String) { createPost(input: { title: "t", content: $c }) { post { databaseId } } }`,
      { c: 'x'.repeat(1_048_577) },
      { authorization: EDITOR },
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content' });
    answer = await gateway.query(`mutation($c: String) { createComment(input: { commentOn: 1, content: $c }) { success } }`, {
      c: 'x'.repeat(65_526),
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content' });
    expect(writes()).toEqual([]);
  });
});

describe('anonymous comments through WordPress comment form', () => {
  const CREATE = `mutation($content: String!) {
    createComment(input: { commentOn: ${1}, content: $content, author: "Reader", authorEmail: "reader@example.com" }) { success comment { databaseId } }
  }`;
  const form = (status: number, body: string, headers: Record<string, string> = {}) =>
    fault.setRule((r) => (r.route === '/wp-comments-post.php' ? { kind: 'status', status, body, headers } : undefined));

  it('posts the form without credentials; a held comment is success with no comment', async () => {
    form(302, '', { location: `${fault.url}/?p=1&unapproved=77&moderation-hash=abc#comment-77` });
    const answer = await gateway.query(CREATE, { content: 'Held one' }, { 'x-forwarded-for': '203.0.113.9' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ createComment: { success: true, comment: null } });
    expect(writes().map((r) => `${r.method} ${r.route}`)).toEqual(['POST /wp-comments-post.php']);
    expect(writes()[0]!.headers.authorization).toBeUndefined();
    expect(writes()[0]!.headers['x-forwarded-for']).toBeUndefined();
  });

  it('an approved one is read back', async () => {
    form(302, '', { location: `${fault.url}/?p=1#comment-${comment.id}` });
    const answer = await gateway.query(CREATE, { content: 'Approved one' });
    expect(answer.data).toEqual({ createComment: { success: true, comment: { databaseId: comment.id } } });
  });

  it("maps the form's refusals (duplicate, flood, closed), then the gateway's own limit", async () => {
    const die = (message: string, status: number) => JSON.stringify({ code: 'wp_die', message: `<p>${message}</p>`, data: { status } });
    form(409, die('Duplicate comment detected; it looks as though you&#8217;ve already said that!', 409));
    let answer = await gateway.query(CREATE, { content: 'a' });
    expect(answer.errors?.[0]).toMatchObject({
      message: 'Duplicate comment detected; it looks as though you’ve already said that!',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    form(429, die('You are posting comments too quickly. Slow down.', 429));
    answer = await gateway.query(CREATE, { content: 'b' });
    expect(answer.errors?.[0]).toMatchObject({
      message: 'You are posting comments too quickly. Slow down.',
      extensions: { code: 'RATE_LIMITED' },
    });
    form(403, die('Sorry, comments are closed for this item.', 403));
    answer = await gateway.query(CREATE, { content: 'c' });
    expect(answer.errors?.[0]).toMatchObject({ message: 'Sorry, comments are closed for this item.', extensions: { code: 'FORBIDDEN' } });
    // The gateway's own limit (5 a minute here) is spent by now: the next one is refused before WordPress.
    fault.resetRequests();
    answer = await gateway.query(CREATE, { content: 'd' });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(answer.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(writes()).toEqual([]);
  });
});

describe('the HTTP rules of a mutation', () => {
  const MUTATION = 'mutation { deleteTag(input: { id: "1" }) { deletedId } }';

  it('is refused over GET (405), and as a form POST without a CSRF header (403)', async () => {
    const get = await fetch(`${gateway.url}/graphql?query=${encodeURIComponent(MUTATION)}`, { headers: { accept: 'application/json' } });
    expect(get.status).toBe(405);
    const form = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `query=${encodeURIComponent(MUTATION)}`,
    });
    expect(form.status).toBe(403);
    expect(writes()).toEqual([]);
  });

  it('is never cached, and a successful one purges the answers it touched', async () => {
    const READ = `{ post(id: "${post.id}", idType: DATABASE_ID) { title } }`;
    await gateway.query(READ);
    fault.resetRequests();
    await gateway.query(READ);
    expect(fault.restRequests()).toEqual([]);
    fault.setRule((r) => (r.method === 'POST' ? { kind: 'status', status: 200, body: JSON.stringify(post) } : undefined));
    await gateway.query(UPDATE_POST, { id: String(post.id), title: 't' }, { authorization: EDITOR });
    await gateway.query(UPDATE_POST, { id: String(post.id), title: 't' }, { authorization: EDITOR });
    expect(writes()).toHaveLength(2);
    fault.resetRequests();
    await gateway.query(READ);
    expect(fault.restRequests().length).toBeGreaterThan(0);
  });

  it('a refused write purges nothing', async () => {
    const READ = `{ post(id: "${post.id}", idType: DATABASE_ID) { title } }`;
    await gateway.query(READ);
    fault.setRule((r) =>
      r.method === 'POST'
        ? { kind: 'status', status: 403, body: JSON.stringify({ code: 'rest_cannot_edit', message: 'No.', data: { status: 403 } }) }
        : undefined,
    );
    await gateway.query(UPDATE_POST, { id: String(post.id), title: 't' }, { authorization: EDITOR });
    fault.resetRequests();
    await gateway.query(READ);
    expect(fault.restRequests()).toEqual([]);
  });
});

describe('sign-in tokens', () => {
  const sealer = createTokenSealer(SECRET);
  const claims = { userId: 2, username: 'editor', password: 'abcd efgh ijkl mnop qrst uvwx' };

  it('a Bearer token of the gateway is sent to WordPress as the Basic credential inside it', async () => {
    const answer = await gateway.query(
      '{ viewer { databaseId } }',
      {},
      { authorization: `Bearer ${sealer.issue({ ...claims, kind: 'auth' })}` },
    );
    expect(answer.status).toBe(200);
    const me = fault.requests.find((r) => r.route === '/wp/v2/users/me');
    expect(me?.headers.authorization).toBe(EDITOR);
  });

  it('an expired, altered or refresh token is refused with 401 UNAUTHENTICATED, never served as anonymous', async () => {
    const expired = sealer.issue({ ...claims, kind: 'auth' }, Date.now() - (AUTH_TOKEN_SECONDS + 1) * 1000);
    const altered = `${sealer.issue({ ...claims, kind: 'auth' }).slice(0, -2)}AA`;
    const refresh = sealer.issue({ ...claims, kind: 'refresh' });
    for (const token of [expired, altered, refresh]) {
      const answer = await gateway.query('{ posts(first: 1) { nodes { databaseId } } }', {}, { authorization: `Bearer ${token}` });
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.text).not.toContain('abcd');
    }
    expect(fault.restRequests()).toEqual([]);
  });

  it('failed logins look alike and are limited per user name', async () => {
    fault.setRule((r) =>
      r.route === '/wp/v2/users/me'
        ? {
            kind: 'status',
            status: 401,
            body: JSON.stringify({ code: 'incorrect_password', message: 'The password you entered is incorrect.', data: { status: 401 } }),
          }
        : undefined,
    );
    const LOGIN = 'mutation($u: String!) { login(input: { username: $u, password: "wrong" }) { authToken } }';
    const messages = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const answer = await gateway.query(LOGIN, { u: 'editor' });
      expect(performance.now() - started).toBeGreaterThanOrEqual(390);
      expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      messages.add(answer.errors![0]!.message);
    }
    fault.setRule((r) =>
      r.route === '/wp/v2/users/me'
        ? {
            kind: 'status',
            status: 401,
            body: JSON.stringify({ code: 'invalid_username', message: 'Unknown username.', data: { status: 401 } }),
          }
        : undefined,
    );
    messages.add((await gateway.query(LOGIN, { u: 'nobody' })).errors![0]!.message);
    expect(messages.size).toBe(1);
    fault.resetRequests();
    const limited = await gateway.query(LOGIN, { u: 'editor' });
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(fault.restRequests()).toEqual([]);
  });
});

describe('without auth-secret', () => {
  it('login names the setting, and a gateway token is refused', async () => {
    const plain = await startTestGateway({ wordpressUrl: demo.url });
    try {
      const answer = await plain.query('mutation { login(input: { username: "a", password: "b" }) { authToken } }');
      expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', setting: 'auth-secret' } });
      expect(answer.errors?.[0]?.message).toMatch(/auth-secret/);
      const token = createTokenSealer(SECRET).issue({ kind: 'auth', userId: 1, username: 'a', password: 'b' });
      const refused = await readAnswer(
        await fetch(`${plain.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ viewer { name } }' }),
        }),
      );
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.message).toMatch(/auth-secret/);
    } finally {
      await plain.close();
    }
  });
});

describe('the client address behind a proxy', () => {
  it('with trust-proxy, the last X-Forwarded-For entry keys the comment limit; without it, the connection', async () => {
    const CREATE =
      'mutation { createComment(input: { commentOn: 1, content: "Hi", author: "R", authorEmail: "r@example.com" }) { success } }';
    fault.setRule((r) =>
      r.route === '/wp-comments-post.php' ? { kind: 'status', status: 302, body: '', headers: { location: '/?p=1#comment-9' } } : undefined,
    );
    const codes = async (g: TestGateway, forwarded: string[]) => {
      const out: unknown[] = [];
      for (const address of forwarded)
        out.push((await g.query(CREATE, {}, { 'x-forwarded-for': address })).errors?.[0]?.extensions?.code ?? 'ok');
      return out;
    };
    const trusting = await startTestGateway({ wordpressUrl: fault.url, config: { commentRateLimit: 1, trustProxy: true } });
    const plain = await startTestGateway({ wordpressUrl: fault.url, config: { commentRateLimit: 1 } });
    try {
      expect(await codes(trusting, ['198.51.100.1, 203.0.113.1', '203.0.113.2', '198.51.100.1, 203.0.113.1'])).toEqual([
        'ok',
        'ok',
        'RATE_LIMITED',
      ]);
      expect(await codes(plain, ['203.0.113.1', '203.0.113.2'])).toEqual(['ok', 'RATE_LIMITED']);
    } finally {
      await trusting.close();
      await plain.close();
    }
  });
});

describe('over the read-only demo site (npm start without a WordPress URL)', () => {
  it('says the site is read-only, for a REST write and for an anonymous comment alike, and nothing is "may have been saved"', async () => {
    // The demo's real editor credentials (EDITOR above is refused by the demo; the fault rules answer for it).
    const editor = `Basic ${Buffer.from('editor:abcd EFGH ijkl MNOP qrst UVWX').toString('base64')}`;
    // A gateway of its own, straight on the demo site (the one above spent its comment limit on earlier tests).
    const plain = await startTestGateway({ wordpressUrl: demo.url });
    try {
      let answer = await plain.query(
        `mutation { createPost(input: { title: "t" }) { post { databaseId } } }`,
        {},
        { authorization: editor },
      );
      expect(answer.errors?.[0]).toMatchObject({
        message: 'The demo site is read-only.',
        extensions: { code: 'BAD_USER_INPUT', wordpressCode: 'demo_read_only' },
      });
      answer = await plain.query(
        `mutation($on: Int!) { createComment(input: { commentOn: $on, content: "Hello", author: "A", authorEmail: "a@example.com" }) { success } }`,
        { on: post.id },
      );
      expect(answer.errors?.[0]).toMatchObject({
        message: 'The demo site is read-only: it accepts no comments.',
        extensions: { code: 'FORBIDDEN' },
      });
    } finally {
      await plain.close();
    }
  });
});
