import { loadConfig, type Config } from '../../src/config.ts';
import { startGateway, type RunningGateway } from '../../src/server.ts';
import type { UpstreamRequestInfo } from '../../src/wordpress/client.ts';
import { basicAuth, restUrl, type WordPressCredentials, type WordPressTarget } from './target.ts';

/**
 * The gateway against the real WordPress of this suite, and the same WordPress read directly with plain
 * `fetch`: every gateway-*.test.ts compares the two. Not a test file (no `.test.ts`): shared by them.
 */

/**
 * A GraphQL or REST answer as the tests read it: loosely, asserting field by field what they rely on. Typing every
 * document's answer would restate the schema in each test; `unknown` would need a cast at every step.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above — answers are asserted, not trusted.
export type Json = any;

/** A GraphQL answer as the tests read it. */
export interface GraphQLAnswer<T = Json> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface WordPressGateway {
  gateway: RunningGateway;
  /** POSTs a document to `${url}/graphql` over real HTTP. */
  query<T = Json>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLAnswer<T>>;
  /** Like `query`, but fails the test on GraphQL errors and returns `data`. */
  data<T = Json>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T>;
  /** Every line the gateway logged (JSON, as pino writes it), oldest first; also written to standard output. */
  log: string[];
  /** Every request the gateway sent to WordPress since the last `resetUpstream()`, oldest first. */
  upstream: UpstreamRequestInfo[];
  resetUpstream(): void;
  close(): Promise<void>;
}

/**
 * Starts the gateway on a free loopback port over `target`. Defaults are the shipped ones (as `npm start`
 * would run), so caches, when they are wired in, are part of what is tested; except reference collections (off
 * unless a test turns them on, see below).
 */
export async function startWordPressGateway(target: WordPressTarget, overrides: Partial<Config> = {}): Promise<WordPressGateway> {
  const upstream: UpstreamRequestInfo[] = [];
  const log: string[] = [];
  const gateway = await startGateway(
    // referenceCollectionsMax 0 unless a test asks: the suites count each request's upstream calls, and the
    // background load of categories, tags and users would land among them (gateway-request-counts tests it on).
    {
      ...loadConfig({}, {}),
      logLevel: 'warn',
      referenceCollectionsMax: 0,
      ...overrides,
      wordpressUrl: target.url,
      port: 0,
      host: '127.0.0.1',
    },
    {
      onUpstreamRequest: (info) => upstream.push(info),
      logDestination: {
        write: (line: string) => {
          log.push(line);
          process.stdout.write(line);
        },
      },
    },
  );
  const query = async <T>(
    document: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLAnswer<T>> => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query: document, variables }),
    });
    const text = await response.text();
    let body: { data?: T; errors?: GraphQLAnswer['errors'] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`gateway answered ${response.status} with something that is not JSON: ${text.slice(0, 300)}`);
    }
    return { status: response.status, data: body.data, errors: body.errors };
  };
  upstream.length = 0;
  return {
    gateway,
    query,
    async data<T>(document: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T> {
      const answer = await query<T>(document, variables, headers);
      if (answer.errors?.length || answer.data === undefined) {
        throw new Error(
          `GraphQL errors (HTTP ${answer.status}): ${JSON.stringify(answer.errors)}\nvariables: ${JSON.stringify(variables)}\n${document}`,
        );
      }
      return answer.data;
    },
    log,
    upstream,
    resetUpstream: () => {
      upstream.length = 0;
    },
    close: () => gateway.close(),
  };
}

/** A REST answer read directly from WordPress. */
export interface RestAnswer<T = Json> {
  status: number;
  headers: Headers;
  body: T;
  /** `X-WP-Total` as a number (undefined when absent). */
  total: number | undefined;
}

/** Plain `fetch` of a REST route of `target`, optionally with an application password. */
export async function rest<T = Json>(
  target: WordPressTarget,
  route: string,
  query: Record<string, string | number | boolean> = {},
  auth?: WordPressCredentials | null,
): Promise<RestAnswer<T>> {
  const response = await fetch(restUrl(target, route, query), { headers: auth ? { Authorization: basicAuth(auth) } : {} });
  const text = await response.text();
  let body: T;
  try {
    body = JSON.parse(text) as T;
  } catch {
    throw new Error(`${route}: not JSON (${response.status}): ${text.slice(0, 200)}`);
  }
  const total = response.headers.get('x-wp-total');
  return { status: response.status, headers: response.headers, body, total: total === null ? undefined : Number(total) };
}

/** Every record of a REST collection query, page after page (per_page=100). */
export async function restAll<T extends { id: number } = Json>(
  target: WordPressTarget,
  route: string,
  query: Record<string, string | number | boolean> = {},
  auth?: WordPressCredentials | null,
): Promise<T[]> {
  const all: T[] = [];
  for (let page = 1; ; page++) {
    const answer = await rest<T[]>(target, route, { ...query, per_page: 100, page }, auth);
    if (answer.status !== 200) throw new Error(`${route} page ${page}: ${answer.status} ${JSON.stringify(answer.body)}`);
    all.push(...answer.body);
    const pages = Number(answer.headers.get('x-wp-totalpages') ?? '1');
    if (page >= pages) return all;
  }
}

/** REST record ids, in the order WordPress gave them. */
export const restIds = (records: Array<{ id: number }>): number[] => records.map((r) => r.id);

/** The gateway's `databaseId`s of a connection's nodes, in order. */
export const nodeIds = (connection: { nodes: Array<{ databaseId: number }> }): number[] => connection.nodes.map((n) => n.databaseId);

/** What WPGraphQL's `uri` is for a REST `link`: the path relative to the home URL (`str_ireplace( home_url(), '', link )`). */
export function uriOf(target: WordPressTarget, link: string): string {
  return link.startsWith(target.url) ? link.slice(target.url.length) || '/' : link;
}

/** WPGraphQL's global id: base64("type:id"). */
export const globalId = (type: string, id: number | string): string => Buffer.from(`${type}:${id}`).toString('base64');

/** The Authorization header of the editor's application password (null target.auth: no header). */
export function authHeaders(target: WordPressTarget): Record<string, string> {
  return target.auth ? { Authorization: basicAuth(target.auth) } : {};
}

/**
 * `html_entity_decode( $s, ENT_QUOTES )` for what the seeded titles and names contain: what WPGraphQL prints
 * for a title or term name. Deliberately tiny: the expected values in the tests are mostly literal strings;
 * this is for comparing whole lists against `title.rendered`.
 */
export function decodeEntities(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', hellip: '…', ndash: '–', mdash: '—', nbsp: '\u00a0' };
  return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number(entity.slice(1));
      return String.fromCodePoint(code);
    }
    return named[entity.toLowerCase()] ?? whole;
  });
}
