/**
 * Two gateway *processes* (the CLI, as deployed) sharing a real Redis (Debian's redis-server on a loopback port,
 * started here): a miss on A is a hit on B, and a purge sent to A is seen by B. Skipped when redis-server is not
 * installed, except under `npm run test:redis` (REDIS_TEST_REQUIRED=1), which installs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSite, type DemoSite } from '../../demo/server.ts';

const haveRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!haveRedis && process.env.REDIS_TEST_REQUIRED === '1') throw new Error('REDIS_TEST_REQUIRED=1 but redis-server is not installed');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface GatewayProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** Starts `wp-graphql-gateway serve` and waits for its "ready at" line. */
async function startProcess(args: string[]): Promise<GatewayProcess> {
  // The CLI's entry point through tsx (no build needed); the built bin is tests/pack/run.sh's.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'serve', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'info' },
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway did not start: ${output}`)), 20_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const match = /ready at (http:\/\/[\d.:]+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
  });
  return { child, url, exited };
}

const QUERY = '{ posts(first: 3) { nodes { databaseId title } } }';

async function ask(gateway: GatewayProcess) {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-gateway-debug': '1' },
    body: JSON.stringify({ query: QUERY }),
  });
  return (await response.json()) as {
    data: { posts: { nodes: { databaseId: number }[] } };
    extensions: { upstream: { cache: { response: string } } };
  };
}

describe.skipIf(!haveRedis)('two gateway processes on one Redis', () => {
  let redis: ChildProcess;
  let demo: DemoSite;
  let a: GatewayProcess;
  let b: GatewayProcess;
  let redisPort: number;

  /**
   * The response cache stores an answer after sending it, so A's entry reaches Redis a moment after A answered:
   * wait until an answer key (`wpgw:rc:<sha256>`, or `wpgw:rc:<schema tag>:<sha256>` when discovery served more
   * than the built-in schema — the demo site has custom types) is there, so B's hit can only come from what A stored.
   */
  const untilAnswerStored = async () => {
    for (let i = 0; i < 100; i++) {
      const keys = spawnSync('redis-cli', ['-p', String(redisPort), '--scan', '--pattern', 'wpgw:rc:*']).stdout?.toString() ?? '';
      if (/^wpgw:rc:(?:[0-9a-f]{16}:)?[0-9a-f]{64}$/m.test(keys)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('A never stored its answer in Redis');
  };

  beforeAll(async () => {
    const port = await freePort();
    redisPort = port;
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (
      let i = 0;
      i < 100 &&
      spawnSync('redis-cli', ['-p', String(port), 'ping'])
        .stdout?.toString()
        .trim() !== 'PONG';
      i++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    demo = await createDemoSite();
    const args = ['--wordpress-url', demo.url, '--redis-url', `redis://127.0.0.1:${port}`, '--purge-secret', 'two-process-secret'];
    [a, b] = await Promise.all([startProcess(args), startProcess(args)]);
    // A process serves before its Redis link is up (from memory meanwhile): wait until both say Redis is ready.
    for (const gateway of [a, b]) {
      for (let i = 0; i < 200; i++) {
        const body = (await (await fetch(`${gateway.url}/ready`)).json()) as { caches?: { redis?: string } };
        if (body.caches?.redis === 'ready') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }, 60_000);

  afterAll(async () => {
    for (const gateway of [a, b]) {
      if (gateway && gateway.child.exitCode === null) {
        gateway.child.kill('SIGTERM');
        await gateway.exited;
      }
    }
    await demo?.close();
    if (redis && redis.exitCode === null) {
      const gone = new Promise((resolve) => redis.once('exit', resolve));
      redis.kill('SIGTERM');
      await gone;
    }
  });

  it('a miss on A is a hit on B; a purge on A is seen by B', async () => {
    const first = await ask(a);
    expect(first.extensions.upstream.cache.response).toBe('miss');
    await untilAnswerStored();

    demo.resetRequests();
    const second = await ask(b);
    expect(second.extensions.upstream.cache.response).toBe('hit');
    expect(second.data).toEqual(first.data);
    expect(demo.requests).toEqual([]);

    const purge = await fetch(`${a.url}/cache/purge`, {
      method: 'POST',
      headers: { authorization: 'Bearer two-process-secret', 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'post', id: first.data.posts.nodes[0]!.databaseId }),
    });
    expect(purge.status).toBe(200);
    const third = await ask(b);
    expect(third.extensions.upstream.cache.response).toBe('miss');
  });
});
