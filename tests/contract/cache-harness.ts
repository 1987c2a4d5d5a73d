/**
 * The gateway over the demo site for the cache tests: like ./harness.ts, but the test chooses the cache settings,
 * can inject the undici dispatcher (to prove in-flight coalescing) and the caches themselves (two gateways over
 * one Redis), and sees each answer's headers and `extensions`. Everything on loopback; `close()` ends the
 * servers, the client's sockets and the caches' Redis connection.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatcher } from 'undici';
import content from '../../demo/content.json' with { type: 'json' };
import { createGatewayCaches, type GatewayCaches } from '../../src/cache/index.ts';
import type { CacheLog } from '../../src/cache/log.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { createDemoSite, type DemoSite, type DemoSiteOptions } from '../../demo/server.ts';
import { createSiteContext } from '../../src/models/site.ts';
import { WordPressClient } from '../../src/wordpress/client.ts';
import { createGatewayYoga } from '../../src/yoga.ts';

/** An answer as the cache tests read it. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown> & { upstream?: UpstreamExtension; stale?: { ageMs: number; reason: string } };
  headers: Headers;
}

/** `extensions.upstream` (src/plugins/use-upstream-debug.ts). */
export interface UpstreamExtension {
  requests: number;
  roundTrips: number;
  ms: number;
  cache: { response: string; entity: { hits: number; misses: number } };
  calls: { request: string; roundTrip: number; error?: string }[];
}

export interface CacheHarness {
  demo: DemoSite;
  /** The gateway's base URL. */
  url: string;
  caches: GatewayCaches;
  /** POSTs an operation. */
  post<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
  /** GETs an operation (`/graphql?query=…&variables=…`), as a CDN-cached client would. */
  get<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
  /** Any request to the gateway. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** REST requests the demo received since the last reset, `GET /wp/v2/posts?…` with sorted parameters. */
  upstream(): string[];
  close(): Promise<void>;
}

export interface CacheHarnessOptions {
  /** Settings over the defaults (which have every cache on). */
  config?: Partial<Config>;
  /** The demo site to use (shared by two gateways), else one is started (and closed) with `demoOptions`. */
  demo?: DemoSite;
  demoOptions?: DemoSiteOptions;
  dispatcher?: Dispatcher;
  log?: CacheLog;
  /** The caches' clock (time to live, stale-if-error). @default Date.now */
  now?: () => number;
}

/** The demo site's editor credentials (an application password), as an Authorization header. */
export const EDITOR_AUTH = {
  authorization: `Basic ${Buffer.from(`${content.credentials[0]!.username}:${content.credentials[0]!.application_password}`).toString('base64')}`,
};

/** A GET needs a header no HTML form can set (src/plugins/browser-requests.ts); Apollo Client sends this one. */
export const CSRF = { 'apollo-require-preflight': 'true' };

/** The debug header that asks for `extensions.upstream`. */
export const DEBUG = { 'x-gateway-debug': '1' };

/** Starts the demo site (unless given) and the gateway on loopback ports. */
export async function startCacheHarness(options: CacheHarnessOptions = {}): Promise<CacheHarness> {
  const demo = options.demo ?? (await createDemoSite(options.demoOptions));
  // No background load of reference collections (see harness.ts): these tests count upstream calls exactly.
  const config: Config = { ...loadConfig({}, {}), referenceCollectionsMax: 0, wordpressUrl: demo.url, port: 0, ...options.config };
  const client = new WordPressClient({ url: demo.url, dispatcher: options.dispatcher });
  const site = createSiteContext(await client.connect(), { baseUrl: client.siteUrl });
  const log = options.log ?? { info() {}, warn() {} };
  const caches = createGatewayCaches(config, { log, now: options.now });
  const yoga = createGatewayYoga({ client, site, config, caches, log });
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  demo.resetRequests();

  const read = async <T>(response: Response): Promise<Answer<T>> => {
    const text = await response.text();
    const body = (text ? JSON.parse(text) : {}) as Omit<Answer<T>, 'status' | 'headers'>;
    return { status: response.status, data: body.data, errors: body.errors, extensions: body.extensions, headers: response.headers };
  };
  return {
    demo,
    url,
    caches,
    async post(query, variables, headers) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return read(response);
    },
    async get(query, variables, headers) {
      const params = new URLSearchParams({ query });
      if (variables) params.set('variables', JSON.stringify(variables));
      const response = await fetch(`${url}/graphql?${params}`, { headers: { accept: 'application/json', ...CSRF, ...headers } });
      return read(response);
    },
    fetch: (path, init) => fetch(`${url}${path}`, init),
    upstream() {
      return demo.requests
        .filter((r) => r.path !== '/')
        .map((r) => {
          const qs = Object.entries(r.query)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => `${k}=${v}`)
            .join('&');
          return `${r.method} ${r.path}${qs ? `?${qs}` : ''}`;
        });
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await yoga.dispose();
      await caches.close();
      await client.close();
      // A test may have stopped the site already (WordPress down).
      if (!options.demo) await demo.close().catch(() => {});
    },
  };
}

/** tests/operations/home-page.graphql: N posts with author, terms and featured image (`$first`). */
export const HOME = readFileSync(new URL('../operations/home-page.graphql', import.meta.url), 'utf8');
/** tests/operations/post-page.graphql: a post by slug with author, terms and comments (`$slug`). */
export const POST_PAGE = readFileSync(new URL('../operations/post-page.graphql', import.meta.url), 'utf8');
