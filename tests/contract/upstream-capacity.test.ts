/**
 * WordPress's capacity is the budget: the gateway over a fake origin that serves connections as Apache prefork
 * does (tests/support/prefork-server.ts: N workers, each pinned by an open connection until its keep-alive
 * timeout). Under 64 concurrent page views the gateway never has more requests in flight than its limit, every
 * page view ends, and none times out. The same load from a client that opens a socket per request in flight
 * (the gateway's earlier pool of 64) stalls behind connections parked on busy workers: that case shows the fake
 * reproduces the failure the limit prevents.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSite, type DemoSite } from '../../demo/server.ts';
import { createUpstreamDispatcher } from '../../src/wordpress/dispatcher.ts';
import { NO_CACHES, startTestGateway, type TestGateway } from '../support/gateway.ts';
import { startPreforkServer, type PreforkServer } from '../support/prefork-server.ts';

const HOME = readFileSync(new URL('../operations/home-page.graphql', import.meta.url), 'utf8');
const POST = readFileSync(new URL('../operations/post-page.graphql', import.meta.url), 'utf8');
const ARCHIVE = readFileSync(new URL('../operations/archive-page.graphql', import.meta.url), 'utf8');

const WORKERS = 4;
let demo: DemoSite;

beforeAll(async () => {
  demo = await createDemoSite();
});
afterAll(async () => {
  await demo.close();
});

interface PageView {
  query: string;
  variables: Record<string, unknown>;
}

/** 64 page views: home pages, posts by slug and category archives, interleaved. */
async function pageViews(gateway: TestGateway): Promise<PageView[]> {
  const listing = await gateway.query<{ posts: { nodes: { slug: string }[] }; categories: { nodes: { slug: string }[] } }>(
    '{ posts(first: 40) { nodes { slug } } categories(first: 10) { nodes { slug } } }',
  );
  const slugs = listing.data?.posts.nodes.map((p) => p.slug) ?? [];
  const categories = listing.data?.categories.nodes.map((c) => c.slug) ?? [];
  expect(slugs.length).toBe(40);
  expect(categories.length).toBeGreaterThan(3);
  const views: PageView[] = [];
  for (let i = 0; i < 64; i++) {
    if (i % 4 === 0) views.push({ query: HOME, variables: { first: 10 } });
    else if (i % 4 === 3) views.push({ query: ARCHIVE, variables: { slug: categories[i % categories.length], offset: 0, size: 10 } });
    else views.push({ query: POST, variables: { slug: slugs[i % slugs.length] } });
  }
  return views;
}

describe('under a prefork origin with keep-alive', () => {
  let prefork: PreforkServer;
  let gateway: TestGateway;

  beforeAll(async () => {
    prefork = await startPreforkServer({ upstream: demo.url, workers: WORKERS, keepAliveMs: 5_000, serviceMs: 15 });
    gateway = await startTestGateway({
      wordpressUrl: prefork.url,
      // The limit at the origin's worker count, as the README tells operators to set it.
      client: { limit: { concurrency: WORKERS }, headersTimeoutMs: 4_000, bodyTimeoutMs: 4_000 },
      config: NO_CACHES,
    });
  });
  afterAll(async () => {
    await gateway.close();
    await prefork.close();
  });

  it('64 concurrent page views: never more than the limit in flight, every one answered, none timed out', async () => {
    const views = await pageViews(gateway);
    const before = prefork.requests;
    const answers = await Promise.all(views.map((v) => gateway.query(v.query, v.variables)));
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
    }
    expect(answers.filter((a) => a.data?.post).length).toBe(32);
    // Each page view needs at least two requests (the page, then its relations).
    expect(prefork.requests - before).toBeGreaterThanOrEqual(64 * 2);
    expect(prefork.peakInFlight).toBeLessThanOrEqual(WORKERS);
    expect(gateway.client.limiter?.stats.peakInFlight).toBeLessThanOrEqual(WORKERS);
    // The limit was reached: the queue did the waiting, not WordPress's backlog.
    expect(gateway.client.limiter?.stats.peakInFlight).toBe(WORKERS);
    // No connection ever waited for a worker to be freed by another connection's keep-alive timeout.
    expect(prefork.longestBacklogWaitMs).toBeLessThan(5_000);
    expect(gateway.client.limiter?.stats).toMatchObject({ inFlight: 0, queued: 0, shed: 0 });
  });
});

describe('the fake origin reproduces the stall the limit prevents', () => {
  it('a client with a socket per request in flight (64) and long keep-alive times out behind parked connections', async () => {
    // Apache's 5 s: undici keeps a socket idle for the server's hint less 2 s (here 3 s), longer than the deadline.
    const prefork = await startPreforkServer({ upstream: demo.url, workers: WORKERS, keepAliveMs: 5_000, serviceMs: 15 });
    const upstream = createUpstreamDispatcher({ limit: { concurrency: 64, adaptive: false }, keepAliveMs: 10_000, circuitBreaker: false });
    const gateway = await startTestGateway({
      wordpressUrl: prefork.url,
      client: { dispatcher: upstream.dispatcher, headersTimeoutMs: 1_000, bodyTimeoutMs: 1_000, retry: { retries: 0 } },
      config: NO_CACHES,
    });
    try {
      const views = await pageViews(gateway);
      const answers = await Promise.all(views.map((v) => gateway.query(v.query, v.variables)));
      const codes = answers.flatMap((a) => (a.errors ?? []).map((e) => e.extensions?.code));
      expect(codes).toContain('UPSTREAM_TIMEOUT');
      expect(prefork.peakInFlight).toBeLessThanOrEqual(WORKERS);
    } finally {
      await gateway.close();
      await upstream.close();
      await prefork.close();
    }
  });
});

describe('overload', () => {
  it('a full queue is refused at once with UPSTREAM_OVERLOADED and retryAfterSeconds, never a hang; the circuit stays closed', async () => {
    const prefork = await startPreforkServer({ upstream: demo.url, workers: 1, keepAliveMs: 5_000 });
    const gateway = await startTestGateway({
      wordpressUrl: prefork.url,
      client: { limit: { concurrency: 1, queue: 2, adaptive: false } },
      config: NO_CACHES,
    });
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          gateway.query('query ($first: Int) { posts(first: $first) { nodes { databaseId } } }', { first: i + 1 }),
        ),
      );
      const overloaded = answers.flatMap((a) => (a.errors ?? []).filter((e) => e.extensions?.code === 'UPSTREAM_OVERLOADED'));
      const served = answers.filter((a) => a.errors === undefined);
      expect(overloaded.length).toBeGreaterThan(0);
      expect(served.length).toBeGreaterThanOrEqual(3);
      expect(overloaded.length + served.length).toBe(12);
      for (const error of overloaded) {
        expect(error.extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(error.message).toMatch(/already waiting/);
        expect(error.path).toEqual(['posts']);
      }
      expect(gateway.client.limiter?.stats.shed).toBe(overloaded.length);
      expect(prefork.peakInFlight).toBe(1);
      // Sheds are the gateway's own refusals, not WordPress failing: the circuit breaker stays closed and the next
      // request is served (an open circuit would answer UPSTREAM_UNAVAILABLE without asking).
      const after = await gateway.query('{ posts(first: 1) { nodes { databaseId } } }');
      expect(after.errors).toBeUndefined();
    } finally {
      await gateway.close();
      await prefork.close();
    }
  });
});
