/**
 * The caches with REDIS_URL. Two parts:
 * - Redis unreachable (always runs): the gateway serves every request from its memory tier, says so in its logs
 *   and on /ready, and never fails a request for it.
 * - A real Redis (Debian's `redis-server`, started here on a loopback port and stopped after): two gateway
 *   instances share answers, records, persisted queries and purges; Redis going away and coming back.
 *   Skipped when `redis-server` is not installed, unless REDIS_TEST_REQUIRED=1 (`npm run test:redis`, which
 *   installs it first).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSite, type DemoSite } from '../../demo/server.ts';
import { DEBUG, HOME, startCacheHarness, type CacheHarness } from './cache-harness.ts';

/** A free loopback port (listened on, then released). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

interface Recorded {
  level: 'info' | 'warn';
  message: string;
}
const recorder = () => {
  const lines: Recorded[] = [];
  return {
    lines,
    log: {
      info: (_: object, message: string) => lines.push({ level: 'info', message }),
      warn: (_: object, message: string) => lines.push({ level: 'warn', message }),
    },
  };
};

const ready = async (h: CacheHarness) =>
  (await (await h.fetch('/ready')).json()) as { ready: boolean; degraded: boolean; caches: Record<string, string> };

describe('Redis unreachable', () => {
  let h: CacheHarness;
  const logs = recorder();
  beforeAll(async () => {
    // A port nothing listens on: every connection attempt is refused.
    h = await startCacheHarness({ config: { redisUrl: `redis://127.0.0.1:${await freePort()}`, purgeSecret: 's' }, log: logs.log });
    await until(async () => (await ready(h)).caches.redis === 'unreachable', 'the link to give up');
  });
  afterAll(() => h.close());

  it('answers every request, with the response cache in memory', async () => {
    const first = await h.post(HOME, { first: 3 }, DEBUG);
    expect(first.errors).toBeUndefined();
    const second = await h.post(HOME, { first: 3 }, DEBUG);
    expect(second.extensions!.upstream!.cache.response).toBe('hit');
    expect(second.data).toEqual(first.data);
  });

  it('/ready: ready, degraded, each cache on its memory tier', async () => {
    const response = await h.fetch('/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ready: true,
      degraded: true,
      caches: { redis: 'unreachable', responseCache: 'memory', entityCache: 'memory', persistedQueries: 'memory' },
    });
  });

  it('says so in the logs, once', () => {
    const warnings = logs.lines.filter((l) => l.level === 'warn');
    expect(warnings).toEqual([
      { level: 'warn', message: 'Redis unreachable: caches and persisted queries are served from memory until it is back' },
    ]);
  });

  it('persisted queries and purges still work', async () => {
    const query = '{ tags(first: 1) { nodes { name } } }';
    const hash = createHash('sha256').update(query).digest('hex');
    const body = (withQuery: boolean) =>
      JSON.stringify({ ...(withQuery ? { query } : {}), extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    const post = (text: string) => h.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
    expect((await post(body(true))).status).toBe(200);
    expect((await post(body(false))).status).toBe(200);
    const purge = await h.fetch('/cache/purge', { method: 'POST', headers: { authorization: 'Bearer s' }, body: '{"all":true}' });
    expect(purge.status).toBe(200);
  });
});

const haveRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!haveRedis && process.env.REDIS_TEST_REQUIRED === '1') throw new Error('REDIS_TEST_REQUIRED=1 but redis-server is not installed');

describe.skipIf(!haveRedis)('a real Redis shared by two gateways', () => {
  let redis: ChildProcess | undefined;
  let port: number;
  let demo: DemoSite;
  let a: CacheHarness;
  let b: CacheHarness;
  const logs = recorder();

  const startRedis = async () => {
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
      { stdio: 'ignore' },
    );
    await until(
      () =>
        spawnSync('redis-cli', ['-p', String(port), 'ping'])
          .stdout?.toString()
          .trim() === 'PONG',
      'redis-server to start',
    );
  };
  const stopRedis = async () => {
    const child = redis;
    redis = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  };

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    demo = await createDemoSite();
    const config = { redisUrl: `redis://127.0.0.1:${port}`, purgeSecret: 's' };
    a = await startCacheHarness({ demo, config, log: logs.log });
    b = await startCacheHarness({ demo, config, log: logs.log });
    await until(async () => (await ready(a)).caches.redis === 'ready' && (await ready(b)).caches.redis === 'ready', 'both links ready');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await demo?.close();
    await stopRedis();
  });

  it('/ready reports the shared tier', async () => {
    expect(await ready(a)).toEqual({
      ready: true,
      degraded: false,
      caches: { redis: 'ready', responseCache: 'redis', entityCache: 'redis', persistedQueries: 'redis' },
    });
  });

  it('an answer one instance cached is a hit on the other; a purge on one clears it for both', async () => {
    const first = await a.post(HOME, { first: 4 }, DEBUG);
    expect(first.extensions!.upstream!.cache.response).toBe('miss');
    demo.resetRequests();
    const other = await b.post(HOME, { first: 4 }, DEBUG);
    expect(other.extensions!.upstream!.cache.response).toBe('hit');
    expect(other.data).toEqual(first.data);
    expect(demo.requests).toEqual([]);

    const id = (first.data as { posts: { nodes: { databaseId: number }[] } }).posts.nodes[0]!.databaseId;
    const purge = await b.fetch('/cache/purge', {
      method: 'POST',
      headers: { authorization: 'Bearer s' },
      body: JSON.stringify({ type: 'post', id }),
    });
    expect(purge.status).toBe(200);
    const after = await a.post(HOME, { first: 4 }, DEBUG);
    expect(after.extensions!.upstream!.cache.response).toBe('miss');
  });

  it('records and list pages one instance fetched serve the other', async () => {
    await a.post(HOME, { first: 6 });
    await new Promise((resolve) => setTimeout(resolve, 50)); // entity writes are not awaited by the answer
    demo.resetRequests();
    const other = await b.post(
      '{ posts(first: 5) { nodes { title author { node { name } } tags { nodes { name } } } } }',
      undefined,
      DEBUG,
    );
    expect(other.errors).toBeUndefined();
    expect(demo.requests.map((r) => r.path)).toEqual(['/wp/v2/posts']);
    expect(other.extensions!.upstream!.cache.entity.misses).toBe(0);
    // The list page A fetched is shared too: over it, B asks WordPress nothing.
    demo.resetRequests();
    const same = await b.post('{ posts(first: 6) { nodes { title author { node { name } } } } }', undefined, DEBUG);
    expect(same.extensions!.upstream!.requests).toBe(0);
    expect(demo.requests).toEqual([]);
  });

  it('a query persisted through one instance is known to the other', async () => {
    const query = '{ categories(first: 2) { nodes { name } } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    const post = (h: CacheHarness, body: object) =>
      h.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post(b, { extensions })).status).toBe(404);
    expect((await post(a, { query, extensions })).status).toBe(200);
    expect((await post(b, { extensions })).status).toBe(200);
  });

  it('Redis going away: both keep answering from memory and say so; when it is back, they use it again', async () => {
    await stopRedis();
    await until(async () => (await ready(a)).caches.redis === 'unreachable', 'the outage to be noticed');
    const during = await a.post(HOME, { first: 2 }, DEBUG);
    expect(during.errors).toBeUndefined();
    expect((await a.post(HOME, { first: 2 }, DEBUG)).extensions!.upstream!.cache.response).toBe('hit');
    expect(logs.lines.some((l) => l.level === 'warn' && /Redis unreachable/.test(l.message))).toBe(true);

    await startRedis();
    await until(
      async () => (await ready(a)).caches.redis === 'ready' && (await ready(b)).caches.redis === 'ready',
      'the links to recover',
      10_000,
    );
    expect(logs.lines.some((l) => l.level === 'info' && /Redis reachable again/.test(l.message))).toBe(true);
    const first = await a.post(HOME, { first: 2 }, DEBUG);
    expect(first.extensions!.upstream!.cache.response).toBe('miss'); // the new Redis is empty
    expect((await b.post(HOME, { first: 2 }, DEBUG)).extensions!.upstream!.cache.response).toBe('hit');
  });
});
