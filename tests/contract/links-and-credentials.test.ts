/**
 * SSRF and credentials: an upstream that plants `_links` to another loopback port, where a trap server records
 * every connection, must not make the gateway fetch anything there — not even when its REST index claims the trap
 * as its own origin. The viewer's `Authorization` goes to the configured WordPress only, and never into logs or
 * error messages, whatever fails.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import content from '../../demo/content.json' with { type: 'json' };
import { createDemoSite, type DemoSite } from '../../demo/server.ts';
import { createSiteContext } from '../../src/models/site.ts';
import { WordPressClient } from '../../src/wordpress/client.ts';
import { createGatewayYoga } from '../../src/yoga.ts';
import { loadConfig } from '../../src/config.ts';
import { startFaultServer, type FaultServer } from '../support/fault-server.ts';
import { NO_CACHES, startTestGateway, type TestGateway } from '../support/gateway.ts';
import { startTrapServer, type TrapServer } from '../support/trap-server.ts';

const credential = content.credentials[0]!;
const PASSWORD = credential.application_password;
const TOKEN = Buffer.from(`${credential.username}:${PASSWORD}`).toString('base64');
const AUTH = { authorization: `Basic ${TOKEN}` };
const SECRETS = [TOKEN, PASSWORD, PASSWORD.replace(/\s+/g, '')];

const QUERY = `{
  posts(first: 3) { nodes { databaseId title author { node { name } } featuredImage { node { sourceUrl } }
    categories { nodes { name } }
    comments(first: 2) { nodes { databaseId author { node { name } } commentedOn { node { databaseId } } } } } }
  pages(first: 5) { nodes { databaseId parent { node { databaseId } } children { nodes { databaseId } } } }
}`;

let demo: DemoSite;
let fault: FaultServer;
let trap: TrapServer;
let gateway: TestGateway;

/** Every `_links` href (and `link`) of a record, moved to the trap's origin with the same path. */
function toTrap(record: unknown): unknown {
  if (Array.isArray(record)) return record.map(toTrap);
  if (!record || typeof record !== 'object') return record;
  const copy = { ...(record as Record<string, unknown>) };
  const move = (href: string) => href.replace(/^https?:\/\/[^/]+/, trap.origin);
  if (typeof copy.link === 'string') copy.link = move(copy.link);
  if (copy._links && typeof copy._links === 'object') {
    copy._links = Object.fromEntries(
      Object.entries(copy._links as Record<string, { href: string }[]>).map(([rel, links]) => [
        rel,
        links.map((l) => ({ ...l, href: move(l.href) })),
      ]),
    );
  }
  return copy;
}

beforeAll(async () => {
  demo = await createDemoSite();
  trap = await startTrapServer();
  fault = await startFaultServer({ upstream: demo.url });
  fault.setRule((r) => (r.route.startsWith('/wp/v2/') ? { kind: 'rewrite', transform: toTrap } : undefined));
  gateway = await startTestGateway({ wordpressUrl: fault.url, config: NO_CACHES });
});

afterEach(() => {
  fault.resetRequests();
});

afterAll(async () => {
  await gateway?.close();
  await fault?.close();
  await trap?.close();
  await demo?.close();
});

describe('links to foreign origins are never fetched', () => {
  it('refuses every planted link, fails only those fields, and the trap sees no connection', async () => {
    type Answer = {
      posts: {
        nodes: { title: string; author: { node: { name: string } } | null; comments: { nodes: { commentedOn: unknown }[] } }[];
      };
    };
    const answer = await gateway.query<Answer>(QUERY, undefined, AUTH);
    expect(answer.status).toBe(200);
    const posts = answer.data!.posts.nodes;
    expect(posts.map((n) => typeof n.title)).toEqual(['string', 'string', 'string']);
    // Authors are read from the records' `author` ids (the collection is fixed: users), never from planted links.
    expect(posts.map((n) => typeof n.author?.node.name)).toEqual(['string', 'string', 'string']);
    // A comment's `up` link names the collection of what it is on: that one is followed, so the planted one fails.
    const comments = posts.flatMap((p) => p.comments.nodes);
    expect(comments.length).toBeGreaterThan(0);
    expect(comments.map((c) => c.commentedOn)).toEqual(comments.map(() => null));
    const refused = answer.errors?.filter((e) => e.path?.at(-1) === 'commentedOn') ?? [];
    expect(refused).toHaveLength(comments.length);
    for (const e of refused) {
      expect(e.extensions?.code).toBe('UPSTREAM_BAD_RESPONSE');
      expect(e.message).toContain('outside the site');
    }
    expect(answer.errors?.length).toBe(refused.length);
    expect(trap.connections()).toBe(0);
    expect(trap.requests).toEqual([]);
  });

  it('follows links as routes to the configured site even when the upstream claims the trap as its origin', async () => {
    // A compromised WordPress reports the trap as its canonical URL: its links are then "the site's own", and are
    // still read as REST routes sent to the configured URL, never fetched where they point.
    const liar = await startFaultServer({ upstream: demo.url });
    liar.setRule((r) =>
      r.route === '/'
        ? { kind: 'rewrite', transform: (index) => ({ ...(index as object), url: trap.origin, home: trap.origin }) }
        : r.route.startsWith('/wp/v2/')
          ? { kind: 'rewrite', transform: toTrap }
          : undefined,
    );
    const lied = await startTestGateway({ wordpressUrl: liar.url, config: NO_CACHES });
    try {
      type Answer = {
        posts: { nodes: { databaseId: number; comments: { nodes: { commentedOn: { node: { databaseId: number } } | null }[] } }[] };
      };
      const answer = await lied.query<Answer>(QUERY, undefined, AUTH);
      const onPosts = answer.data!.posts.nodes.flatMap((p) => p.comments.nodes.map((c) => [c.commentedOn?.node.databaseId, p.databaseId]));
      expect(onPosts.length).toBeGreaterThan(0);
      for (const [on, post] of onPosts) expect(on).toBe(post);
      expect(trap.connections()).toBe(0);
    } finally {
      await lied.close();
      await liar.close();
    }
  });
});

describe('the viewer’s Authorization', () => {
  it('reaches WordPress on every REST request of the query, and nothing else', async () => {
    await gateway.query(QUERY, undefined, AUTH);
    const rest = fault.restRequests();
    expect(rest.length).toBeGreaterThan(3);
    expect(rest.every((r) => r.headers.authorization === AUTH.authorization)).toBe(true);
    expect(trap.connections()).toBe(0);
  });

  it('is never logged nor put in an error, whatever fails', async () => {
    // A gateway whose every log line, at every level, is kept: pino (trace) for the gateway's logs, and the console
    // and process streams for Yoga's logger and anything else.
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const spies = [
      ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((m) =>
        vi.spyOn(console, m).mockImplementation((...args) => void lines.push(args.map(String).join(' '))),
      ),
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        lines.push(String(chunk));
        return true;
      }),
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
        lines.push(String(chunk));
        return true;
      }),
    ];
    const echo = await startFaultServer({ upstream: demo.url });
    const client = new WordPressClient({ url: echo.url, deadlineMs: 300, retry: { retries: 1, baseDelayMs: 1 } });
    const config = { ...loadConfig({}, {}), ...NO_CACHES, logLevel: 'trace', wordpressUrl: echo.url };
    const yoga = createGatewayYoga({
      client,
      site: createSiteContext(await client.connect(), { baseUrl: client.siteUrl }),
      config,
      log: pino({ level: 'trace' }, sink),
    });
    const bodies: string[] = [];
    try {
      const faults = [
        // A broken plugin (or proxy) echoing the request's header into a WordPress error message.
        (r: { headers: { authorization?: string } }) => ({
          kind: 'status' as const,
          status: 401,
          body: JSON.stringify({
            code: 'rest_forbidden',
            message: `Bad credentials: ${r.headers.authorization} (${PASSWORD})`,
            data: { status: 401 },
          }),
        }),
        () => ({ kind: 'status' as const, status: 503 }),
        () => ({ kind: 'hang' as const }),
        () => ({ kind: 'invalid-json' as const }),
        () => ({ kind: 'truncate' as const }),
        () => ({ kind: 'redirect' as const, location: `${trap.url}/steal` }),
      ];
      for (const make of faults) {
        echo.setRule((r) => (r.route.startsWith('/wp/v2/') ? make(r) : undefined));
        const response = await yoga.fetch('http://gateway.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...AUTH },
          body: JSON.stringify({ query: QUERY }),
        });
        bodies.push(await response.text());
      }
    } finally {
      await yoga.dispose();
      await client.close();
      await echo.close();
      for (const spy of spies) spy.mockRestore();
    }
    // The faults did happen and were reported (so the checks below looked at real failures)…
    expect(bodies.join('\n')).toContain('UNAUTHENTICATED');
    expect(bodies.join('\n')).toContain('[redacted]');
    expect(bodies.join('\n')).toContain('UPSTREAM_TIMEOUT');
    expect(lines.length).toBeGreaterThan(0);
    // …and no trace of the credentials anywhere.
    for (const secret of SECRETS) {
      for (const body of bodies) expect(body).not.toContain(secret);
      for (const line of lines) expect(line).not.toContain(secret);
    }
    expect(trap.connections()).toBe(0);
  });
});
