/**
 * The gateway over any WordPress URL, with a client the test configures (timeouts, retries, circuit breaker, an
 * injected dispatcher) — what src/server.ts's startGateway does, minus the settings it does not expose. Served
 * over real HTTP on a loopback port, so tests see the status codes a client would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from '../../src/config.ts';
import { createSiteContext } from '../../src/models/site.ts';
import { WordPressClient, type WordPressClientOptions } from '../../src/wordpress/client.ts';
import { createGatewayYoga } from '../../src/yoga.ts';

/** A GraphQL answer as tests read it. */
export interface Answer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  headers: Headers;
  /** The raw body text, for "never contains" assertions. */
  text: string;
}

export interface TestGateway {
  url: string;
  client: WordPressClient;
  server: Server;
  /** POSTs one operation as JSON. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<Answer<T>>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  wordpressUrl: string;
  client?: Omit<WordPressClientOptions, 'url'>;
  /** Settings over the defaults (which have the response and entity caches on). */
  config?: Partial<Config>;
}

/** Settings that turn every cache off, for tests that must see each request reach WordPress. */
export const NO_CACHES: Partial<Config> = { cacheTtlMs: 0, entityCacheTtlMs: 0, staleIfErrorMs: 0 };

/** Reads a gateway response the way tests want it, whatever its status and content type. */
export async function readAnswer<T>(response: Response): Promise<Answer<T>> {
  const text = await response.text();
  let body: { data?: T; errors?: Answer['errors'] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Not JSON: the assertions on `status` and `text` say what went wrong.
  }
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers, text };
}

/** Starts the gateway on a free loopback port. */
export async function startTestGateway(options: TestGatewayOptions): Promise<TestGateway> {
  const config = { ...loadConfig({}, {}), wordpressUrl: options.wordpressUrl, port: 0, ...options.config };
  const client = new WordPressClient({ url: options.wordpressUrl, ...options.client });
  const index = await client.connect();
  const site = createSiteContext(index, { baseUrl: client.siteUrl });
  const yoga = createGatewayYoga({ client, site, config });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    client,
    server,
    async query(query, variables, headers) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return readAnswer(response);
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await yoga.dispose();
      await client.close();
    },
  };
}
