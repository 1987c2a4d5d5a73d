import { createDemoSite, type DemoSite } from '../../demo/server.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { startGateway, type RunningGateway } from '../../src/server.ts';

/** A GraphQL answer as the tests read it. */
export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  headers: Headers;
}

export interface Harness {
  demo: DemoSite;
  gateway: RunningGateway;
  /** POSTs a document to the gateway over real HTTP. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLAnswer<T>>;
  /** The REST requests the demo site received since the last reset: `GET /wp/v2/posts?…`, sorted. */
  upstream(): string[];
  close(): Promise<void>;
}

/**
 * The gateway against the embedded demo site, both on loopback ports, talking real HTTP. The demo site logs
 * every REST request it answers, which is how tests count what reached the upstream.
 */
export async function startHarness(overrides: Partial<Config> = {}, options: { keepStartRequests?: boolean } = {}): Promise<Harness> {
  const demo = await createDemoSite();
  // referenceCollectionsMax 0: tests here count each request's upstream calls exactly, and the background load of
  // categories, tags and users would land among them at random. tests/contract/reference-collections.test.ts
  // covers it on.
  const gateway = await startGateway({
    ...loadConfig({}, {}),
    logLevel: 'silent',
    referenceCollectionsMax: 0,
    wordpressUrl: demo.url,
    port: 0,
    ...overrides,
  });
  // Requests made while starting (the REST index) are not the tests' business, unless a test asks to see them
  // (the background load of reference collections starts with the server).
  if (!options.keepStartRequests) demo.resetRequests();
  return {
    demo,
    gateway,
    async query(query, variables, headers) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: never; errors?: never };
      return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
    },
    upstream() {
      return demo.requests.map((r) => {
        const qs = new URLSearchParams(Object.entries(r.query).sort(([a], [b]) => a.localeCompare(b))).toString();
        return `${r.method} ${r.path}${qs ? `?${decodeURIComponent(qs)}` : ''}`;
      });
    },
    async close() {
      await gateway.close();
      await demo.close();
    },
  };
}
