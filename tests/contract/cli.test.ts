import { readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSite, type DemoSite } from '../../demo/server.ts';

/**
 * Runs the command as a user would, collecting output and exit code: the CLI's entry point (src/bin.ts, what the
 * installed bin runs once built) through tsx, so the suite needs no build. The installed package itself (the
 * packed tarball, over dist/) is run by tests/pack/run.sh.
 */
function run(args: string[], env: Record<string, string> = {}, untilExit = true) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => ({ stdout, stderr }), untilExit };
}

let demo: DemoSite;
beforeAll(async () => {
  demo = await createDemoSite({ latencyMs: 150 });
});
afterAll(() => demo.close());

describe('wp-graphql-gateway CLI', () => {
  it('--help lists every command and setting, exit 0', async () => {
    const r = run(['--help']);
    expect(await r.exited).toBe(0);
    expect(r.output().stdout).toMatch(/serve[\s\S]*print-schema[\s\S]*check[\s\S]*--wordpress-url\s+WORDPRESS_URL/);
  });

  it('a wrong flag names it, with the usage, exit 2', async () => {
    const r = run(['serve', '--prot', '4000']);
    expect(await r.exited).toBe(2);
    expect(r.output().stderr).toMatch(/--prot/);
    expect(r.output().stderr).toMatch(/Usage:/);
  });

  it('bad values are all listed with the expected form, exit 2', async () => {
    const r = run(['serve', '--port', 'abc', '--max-depth', '0', '--wordpress-url', 'ftp://x', '--upstream-concurrency', '0']);
    expect(await r.exited).toBe(2);
    const { stderr } = r.output();
    expect(stderr).toMatch(/--port \/ PORT: expected a whole number from 0 to 65535, got "abc"/);
    expect(stderr).toMatch(/--max-depth \/ MAX_DEPTH: expected a whole number from 1/);
    expect(stderr).toMatch(/--wordpress-url \/ WORDPRESS_URL: expected a URL/);
    expect(stderr).toMatch(/--upstream-concurrency \/ UPSTREAM_CONCURRENCY: expected a whole number from 1 to 256, got "0"/);
  });

  it('a port in use: one line saying so, exit 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = run(['serve', '--port', String(port), '--wordpress-url', demo.url]);
      expect(await r.exited).toBe(1);
      expect(r.output().stderr.trim()).toBe(`Port ${port} on 127.0.0.1 is already in use: stop the other server or pass --port.`);
    } finally {
      blocker.close();
    }
  });

  it('an unreachable WordPress: one line with the URL and the reason, exit 1', async () => {
    const r = run(['serve', '--port', '0', '--wordpress-url', 'http://127.0.0.1:9']);
    expect(await r.exited).toBe(1);
    expect(r.output().stderr.trim()).toMatch(/^Cannot use WordPress at http:\/\/127\.0\.0\.1:9: .*ECONNREFUSED/);
  });

  it('check prints what it found', async () => {
    const r = run(['check', '--wordpress-url', demo.url]);
    expect(await r.exited).toBe(0);
    expect(r.output().stdout).toMatch(/WordPress REST API found at .*\/wp-json\//);
    expect(r.output().stdout).toMatch(/published posts visible anonymously: \d+/);
    // What discovery found, and what is served for each (the demo registers only the built-in types).
    expect(r.output().stdout).toMatch(/post types:\n(.|\n)*post +\/wp\/v2\/posts +Post; built in/);
    expect(r.output().stdout).toMatch(/taxonomies:\n(.|\n)*post_tag +\/wp\/v2\/tags +Tag; built in/);
    expect(r.output().stdout).toMatch(/REST namespaces: .*wp\/v2 \(read\)/);
  });

  it('print-schema --wordpress-url prints that site’s schema (the demo’s: the built-in one plus its custom types)', async () => {
    const r = run(['print-schema', '--wordpress-url', demo.url]);
    expect(await r.exited).toBe(0);
    const printed = r.output().stdout.split('\n');
    // The built-in schema, line for line and in order, with the discovered types and their fields added.
    const builtIn = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8').split('\n');
    let at = 0;
    for (const line of printed) if (at < builtIn.length && line === builtIn[at]) at++;
    expect(builtIn.slice(at, at + 3)).toEqual([]);
    for (const type of ['Book', 'Chapter', 'Genre', 'BookMeta', 'ChapterMeta', 'GenreMeta'])
      expect(printed.some((line) => line.startsWith(`type ${type} `))).toBe(true);
  });

  it('SIGTERM while requests are in flight: every request is answered whole, then exit 0', async () => {
    const r = run(['serve', '--port', '0', '--wordpress-url', demo.url]);
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${JSON.stringify(r.output())}`)), 60_000);
      r.child.stdout.on('data', () => {
        const match = /ready at (http:\/\/[\d.:]+)\/graphql/.exec(r.output().stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    // Each answer takes ≥ 2 demo round trips of 150 ms. Each asks for another amount, so each sends its own posts
    // request (nothing coalesces); SIGTERM is sent once the demo has received all eight, i.e. once every request
    // is being worked on. (A fixed sleep raced on a loaded machine: a request not yet read when SIGTERM came was
    // on a connection the server closes as idle, ECONNRESET.)
    demo.resetRequests();
    const amounts = [3, 4, 5, 6, 7, 8, 9, 10];
    const inFlight = amounts.map((first) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ posts(first: ${first}) { nodes { title author { node { name } } } } }` }),
      }).then(async (response) => ({
        first,
        status: response.status,
        body: (await response.json()) as { data?: { posts: { nodes: unknown[] } } },
      })),
    );
    const postsRequested = () => new Set(demo.requests.filter((q) => q.path === '/wp/v2/posts').map((q) => q.query.per_page)).size;
    for (let waited = 0; postsRequested() < amounts.length; waited += 10) {
      if (waited > 15_000) throw new Error(`the demo received ${postsRequested()} of ${amounts.length} posts requests`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    r.child.kill('SIGTERM');
    const answers = await Promise.all(inFlight);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.data?.posts.nodes).toHaveLength(answer.first);
    }
    expect(await r.exited).toBe(0);
  }, 90_000); // a process start on a loaded machine (a 2-core CI runner) can take tens of seconds

  it('--workers 2 serves one port from two processes, and stops both on SIGTERM', async () => {
    const r = run(['serve', '--port', '0', '--workers', '2', '--wordpress-url', demo.url]);
    const ready = await new Promise<{ pid: number; url: string }[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`workers did not start: ${JSON.stringify(r.output())}`)), 60_000);
      r.child.stdout.on('data', () => {
        const lines = r
          .output()
          .stdout.split('\n')
          .filter((l) => l.includes('ready at'));
        if (lines.length >= 2) {
          clearTimeout(timer);
          resolve(lines.map((l) => JSON.parse(l) as { pid: number; url: string }));
        }
      });
    });
    expect(new Set(ready.map((w) => w.pid)).size).toBe(2);
    expect(ready[0]!.url).toBe(ready[1]!.url);
    const answer = await fetch(ready[0]!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ generalSettings { url } }' }),
    });
    expect(((await answer.json()) as { data: { generalSettings: { url: string } } }).data.generalSettings.url).toBe(demo.url);
    r.child.kill('SIGTERM');
    expect(await r.exited).toBe(0);
  }, 90_000); // a process start on a loaded machine (a 2-core CI runner) can take tens of seconds
});
