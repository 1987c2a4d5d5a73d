/**
 * Upstream faults, end to end: the gateway over a fault-injecting proxy in front of the demo site. Each fault
 * hits `/wp/v2/posts` only, so the answer must carry a typed error on `posts` and still the data that did not
 * need that call (`generalSettings` comes from the REST index read at start-up). Retries, timeouts and the size
 * cap are set small so every case is decided by injected behaviour, never by how fast the machine is.
 */
import type { LookupFunction } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDemoSite, type DemoSite } from '../../demo/server.ts';
import { createUpstreamDispatcher, type UpstreamDispatcher } from '../../src/wordpress/dispatcher.ts';
import { startFaultServer, type Fault, type FaultServer } from '../support/fault-server.ts';
import { NO_CACHES, startTestGateway, type TestGateway } from '../support/gateway.ts';
import { startTrapServer, type TrapServer } from '../support/trap-server.ts';

const QUERY = `{
  generalSettings { url }
  posts(first: 2) { nodes { databaseId title author { node { name } } } }
}`;

/** Words of the injected bodies that must never reach a client. */
const UPSTREAM_TEXT = ['Injected fault', '/var/www', 'Maintenance', 'unterminated', 'SQLSTATE', 'wp_posts'];

const RETRIES = 2;
const MAX_BYTES = 1024 * 1024;

let demo: DemoSite;
let fault: FaultServer;
let trap: TrapServer;
let upstream: UpstreamDispatcher;
let gateway: TestGateway;
let dnsUp = true;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** Resolves `wordpress.test` to loopback while `dnsUp`, else fails as a resolver would: no DNS traffic at all. */
const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  if (hostname !== 'wordpress.test' || !dnsUp) {
    callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }));
    return;
  }
  if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
}) as unknown as LookupFunction;

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  demo = await createDemoSite();
  fault = await startFaultServer({ upstream: demo.url });
  trap = await startTrapServer();
  upstream = createUpstreamDispatcher({
    retry: { retries: RETRIES, baseDelayMs: 1, maxDelayMs: 50 },
    // The breaker has its own tests below; here every fault must reach the fault server.
    circuitBreaker: false,
    connect: { lookup },
  });
  gateway = await startTestGateway({
    // By name, through the lookup above, so the DNS case can take the name away.
    wordpressUrl: `http://wordpress.test:${fault.port}`,
    client: { dispatcher: upstream.dispatcher, headersTimeoutMs: 300, bodyTimeoutMs: 300, deadlineMs: 400, maxResponseBytes: MAX_BYTES },
    // Caches would answer repeated queries without asking WordPress (and serve stale answers on failure).
    config: NO_CACHES,
  });
});

afterEach(async () => {
  fault.setRule(undefined);
  fault.resetRequests();
  dnsUp = true;
  // Whatever the fault, the request is over: no request left active, pending or queued on any origin once the
  // destroyed sockets have closed (a leaked request would stay "running" and fail this).
  await vi.waitFor(() => {
    for (const stats of Object.values(upstream.agent.stats)) {
      // `size`: requests active, pending or queued.
      expect({ running: stats.running, size: stats.size }).toEqual({ running: 0, size: 0 });
    }
  });
});

afterAll(async () => {
  await gateway?.close();
  await upstream?.close();
  // Every socket the gateway opened to the fault server is gone once the gateway has closed.
  await vi.waitFor(() => expect(fault.openSockets()).toBe(0));
  await fault?.close();
  await trap?.close();
  await demo?.close();
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

const onPosts = (f: Fault) => (r: { route: string }) => (r.route === '/wp/v2/posts' ? f : undefined);
const postsCalls = () => fault.restRequests().filter((r) => r.route === '/wp/v2/posts').length;

/** Runs the query and checks the shape every fault must give: partial data, one typed error on `posts`. */
async function expectPostsFailure(code: string) {
  const answer = await gateway.query<{ generalSettings: { url: string }; posts: unknown }>(QUERY);
  expect(answer.status).toBe(200);
  expect(answer.data?.generalSettings.url).toBeTruthy();
  expect(answer.data?.posts).toBeNull();
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors?.[0]?.path).toEqual(['posts']);
  expect(answer.errors?.[0]?.extensions?.code).toBe(code);
  for (const word of UPSTREAM_TEXT) expect(answer.text).not.toContain(word);
  expect(answer.text).not.toMatch(/\bat .+\.(?:ts|js):\d+/); // no stack frames
  return answer.errors?.[0] as { message: string; extensions: Record<string, unknown> };
}

describe('each upstream fault ends in a typed GraphQL error, with partial data', () => {
  it('passes through untouched without a fault (the control case)', async () => {
    const answer = await gateway.query<{ posts: { nodes: unknown[] } }>(QUERY);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.posts.nodes).toHaveLength(2);
    expect(postsCalls()).toBe(1);
  });

  it('connection refused → UPSTREAM_UNAVAILABLE, retried', async () => {
    await fault.stopListening();
    try {
      const error = await expectPostsFailure('UPSTREAM_UNAVAILABLE');
      expect(error.message).toContain('ECONNREFUSED');
    } finally {
      await fault.listen();
    }
    expect(postsCalls()).toBe(0);
  });

  it('DNS failure → UPSTREAM_UNAVAILABLE', async () => {
    // Drop pooled sockets so the next request must resolve the name again.
    await fault.stopListening();
    await fault.listen();
    dnsUp = false;
    const error = await expectPostsFailure('UPSTREAM_UNAVAILABLE');
    expect(error.message).toContain('ENOTFOUND');
    expect(postsCalls()).toBe(0);
  });

  it('connection reset before any answer → UPSTREAM_UNAVAILABLE after the bounded retries', async () => {
    fault.setRule(onPosts({ kind: 'reset' }));
    await expectPostsFailure('UPSTREAM_UNAVAILABLE');
    expect(postsCalls()).toBe(1 + RETRIES);
  });

  it('slow headers → UPSTREAM_TIMEOUT, not retried', async () => {
    fault.setRule(onPosts({ kind: 'hang' }));
    await expectPostsFailure('UPSTREAM_TIMEOUT');
    expect(postsCalls()).toBe(1);
  });

  it('a body that stops half-way → UPSTREAM_TIMEOUT, not retried', async () => {
    fault.setRule(onPosts({ kind: 'stall-body' }));
    await expectPostsFailure('UPSTREAM_TIMEOUT');
    expect(postsCalls()).toBe(1);
  });

  it('a body trickling in forever → UPSTREAM_TIMEOUT at the call deadline', async () => {
    fault.setRule(onPosts({ kind: 'trickle-body', intervalMs: 20 }));
    await expectPostsFailure('UPSTREAM_TIMEOUT');
    expect(postsCalls()).toBe(1);
  });

  it.each([500, 502, 503, 504])('status %i every time → UPSTREAM_UNAVAILABLE after the bounded retries', async (status) => {
    fault.setRule(
      onPosts({
        kind: 'status',
        status,
        body: JSON.stringify({ code: 'internal_server_error', message: 'SQLSTATE[42000]: syntax error near wp_posts', data: { status } }),
      }),
    );
    const error = await expectPostsFailure('UPSTREAM_UNAVAILABLE');
    expect(error.message).toContain(String(status));
    expect(postsCalls()).toBe(1 + RETRIES);
  });

  it('a 503 that clears on the retry gives the full answer', async () => {
    let calls = 0;
    fault.setRule((r) => (r.route === '/wp/v2/posts' && ++calls === 1 ? { kind: 'status', status: 503 } : undefined));
    const answer = await gateway.query<{ posts: { nodes: unknown[] } }>(QUERY);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.posts.nodes).toHaveLength(2);
    expect(postsCalls()).toBe(2);
  });

  it('429 with a long Retry-After → UPSTREAM_RATE_LIMITED with retryAfterSeconds, not retried', async () => {
    fault.setRule(onPosts({ kind: 'status', status: 429, headers: { 'retry-after': '120' } }));
    const error = await expectPostsFailure('UPSTREAM_RATE_LIMITED');
    expect(error.extensions.retryAfterSeconds).toBe(120);
    expect(postsCalls()).toBe(1);
  });

  it('429 with a short Retry-After is honoured and retried', async () => {
    fault.setRule(onPosts({ kind: 'status', status: 429, headers: { 'retry-after': '0' } }));
    const error = await expectPostsFailure('UPSTREAM_RATE_LIMITED');
    expect(error.extensions.retryAfterSeconds).toBe(0);
    expect(postsCalls()).toBe(1 + RETRIES);
  });

  it('invalid JSON with status 200 → UPSTREAM_BAD_RESPONSE', async () => {
    fault.setRule(onPosts({ kind: 'invalid-json' }));
    const error = await expectPostsFailure('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toContain('not valid JSON');
    expect(postsCalls()).toBe(1);
  });

  it('an HTML page with status 200 → UPSTREAM_BAD_RESPONSE naming HTML', async () => {
    fault.setRule(onPosts({ kind: 'html' }));
    const error = await expectPostsFailure('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toContain('HTML page');
  });

  it('PHP notices printed before the JSON → UPSTREAM_BAD_RESPONSE naming the cause, not the notice', async () => {
    fault.setRule(onPosts({ kind: 'php-notice' }));
    const error = await expectPostsFailure('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toContain('PHP notices');
  });

  it('a truncated body (connection closed short of Content-Length) → UPSTREAM_BAD_RESPONSE, not retried', async () => {
    fault.setRule(onPosts({ kind: 'truncate' }));
    const error = await expectPostsFailure('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toContain('cut short');
    expect(postsCalls()).toBe(1);
  });

  it('a huge body with a Content-Length → UPSTREAM_BAD_RESPONSE before reading it', async () => {
    fault.setRule(onPosts({ kind: 'huge', bytes: 50 * MAX_BYTES }));
    const error = await expectPostsFailure('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toContain(`more than ${MAX_BYTES} bytes`);
  });

  it('a huge chunked body → UPSTREAM_BAD_RESPONSE once the cap is passed', async () => {
    fault.setRule(onPosts({ kind: 'huge', bytes: 50 * MAX_BYTES, chunked: true }));
    const error = await expectPostsFailure('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toContain(`more than ${MAX_BYTES} bytes`);
  });

  it('a redirect is not followed (the viewer’s credentials stay home) → UPSTREAM_BAD_RESPONSE', async () => {
    fault.setRule(onPosts({ kind: 'redirect', location: `${trap.url}/wp-json/wp/v2/posts` }));
    const error = await expectPostsFailure('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toContain('does not follow redirects');
    await gateway.query(QUERY, undefined, { authorization: 'Basic c2VjcmV0OnNlY3JldA==' });
    expect(trap.connections()).toBe(0);
  });

  it('a failed relation fails only that field: posts stand, each author carries the error', async () => {
    fault.setRule((r) => (r.route === '/wp/v2/users' ? { kind: 'status', status: 503 } : undefined));
    const answer = await gateway.query<{ posts: { nodes: { title: string; author: unknown }[] } }>(QUERY);
    expect(answer.status).toBe(200);
    expect(answer.data?.posts.nodes.map((n) => typeof n.title)).toEqual(['string', 'string']);
    expect(answer.data?.posts.nodes.map((n) => n.author)).toEqual([null, null]);
    expect(answer.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['posts', 'nodes', 0, 'author'], 'UPSTREAM_UNAVAILABLE'],
      [['posts', 'nodes', 1, 'author'], 'UPSTREAM_UNAVAILABLE'],
    ]);
    // One batched users call (the loader), retried: the failure was not multiplied per post.
    expect(fault.restRequests().filter((r) => r.route === '/wp/v2/users')).toHaveLength(1 + RETRIES);
  });
});
