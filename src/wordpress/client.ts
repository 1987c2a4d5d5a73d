import { Agent, request, type Dispatcher } from 'undici';
import { errorFromResponse, WordPressError } from './errors.ts';
import type { RestIndex } from './rest-types.ts';

/** A REST query string: lists are sent comma-separated, which every WordPress list parameter accepts. */
export type RestQuery = Record<string, string | number | boolean | readonly (string | number)[] | undefined>;

/** What one REST GET gave back. Totals come from WordPress's headers and exist on collection answers only. */
export interface RestAnswer<T> {
  data: T;
  /** `X-WP-Total`: how many records match, over all pages. */
  total: number | undefined;
  /** `X-WP-TotalPages` */
  totalPages: number | undefined;
}

/** Told after every upstream request; metrics, debug extensions and tests listen here. */
export interface UpstreamRequestInfo {
  route: string;
  query: RestQuery;
  status: number | undefined;
  ms: number;
  authenticated: boolean;
}

export interface WordPressClientOptions {
  /** The site URL as a person would type it: `https://example.com` (a sub-folder install works too). */
  url: string;
  /**
   * The undici dispatcher to send through. Injected rather than set globally so tests can use a MockAgent and
   * later layers can add interceptors (retry, deduplicate) without this file knowing.
   * @default a keep-alive Agent owned (and closed) by the client
   */
  dispatcher?: Dispatcher;
  /**
   * How long to wait for WordPress's response headers; PHP renders the whole answer before sending them, so
   * this is the one that bounds a slow query.
   * @default 15_000
   */
  headersTimeoutMs?: number;
  /** @default 15_000 */
  bodyTimeoutMs?: number;
  /**
   * Largest answer accepted. 100 full posts are ~200 KB; anything near this is a broken or hostile upstream.
   * @default 20 MiB
   */
  maxResponseBytes?: number;
  /** Called after each request, successful or not. */
  onRequest?: (info: UpstreamRequestInfo) => void;
}

/** Where the REST API lives: under `/wp-json/` (pretty permalinks) or behind `?rest_route=` (plain ones). */
type RestRoot = { mode: 'path'; base: string } | { mode: 'query'; base: string };

/**
 * The gateway's only way to WordPress. It knows REST routes, headers and error bodies, and nothing about
 * GraphQL. Every request goes to the configured site's REST root; no caller can make it fetch another URL.
 */
export class WordPressClient {
  readonly siteUrl: string;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly headersTimeout: number;
  private readonly bodyTimeout: number;
  private readonly maxResponseBytes: number;
  private readonly onRequest: ((info: UpstreamRequestInfo) => void) | undefined;
  private connecting: Promise<RestIndex> | undefined;
  private root: RestRoot | undefined;
  private siteIndex: RestIndex | undefined;

  constructor(options: WordPressClientOptions) {
    this.siteUrl = normaliseSiteUrl(options.url);
    this.ownsDispatcher = options.dispatcher === undefined;
    this.dispatcher =
      options.dispatcher ?? new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000, connections: 64 });
    this.headersTimeout = options.headersTimeoutMs ?? 15_000;
    this.bodyTimeout = options.bodyTimeoutMs ?? 15_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 20 * 1024 * 1024;
    this.onRequest = options.onRequest;
  }

  /**
   * Finds the REST root and reads the site index once; later calls share the first answer. A failure is not
   * remembered, so a WordPress that was down at start-up is found again on the next call.
   */
  connect(): Promise<RestIndex> {
    this.connecting ??= this.discover().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  /** The REST index (`/wp-json/`) once `connect()` has resolved. */
  get index(): RestIndex | undefined {
    return this.siteIndex;
  }

  /**
   * Origins whose links count as this site's own: the configured URL and the canonical `url`/`home` the index
   * reports, so a gateway that reaches WordPress by an internal address or through a proxy still follows
   * links that name the public one.
   */
  get origins(): ReadonlySet<string> {
    const origins = new Set([new URL(this.siteUrl).origin]);
    for (const candidate of [this.siteIndex?.url, this.siteIndex?.home]) {
      if (candidate) {
        try {
          origins.add(new URL(candidate).origin);
        } catch {
          // An index with a malformed url is treated as naming no extra origin.
        }
      }
    }
    return origins;
  }

  /** GETs a route under `/wp/v2` (or any namespace): `get('/wp/v2/posts', { per_page: 10 })`. */
  async get<T>(route: string, query: RestQuery = {}, options: { authorization?: string } = {}): Promise<RestAnswer<T>> {
    await this.connect();
    return this.send<T>(route, query, options.authorization);
  }

  /** The absolute URL a route and query are sent to (exported for logs and tests). */
  urlFor(route: string, query: RestQuery = {}): string {
    const root = this.root;
    if (!root) throw new Error('WordPressClient.urlFor called before connect() resolved');
    return buildUrl(root, route, query);
  }

  /** Closes the keep-alive connections the client opened. */
  async close(): Promise<void> {
    if (this.ownsDispatcher) await this.dispatcher.close();
  }

  private async discover(): Promise<RestIndex> {
    const candidates: RestRoot[] = [
      { mode: 'path', base: `${this.siteUrl}/wp-json/` },
      { mode: 'query', base: `${this.siteUrl}/` },
    ];
    let lastError: unknown;
    for (const root of candidates) {
      this.root = root;
      try {
        const { data } = await this.send<RestIndex>('/', {}, undefined);
        if (typeof data === 'object' && data !== null && Array.isArray(data.namespaces)) {
          if (!data.namespaces.includes('wp/v2')) {
            throw new WordPressError(
              `${this.siteUrl} has a REST API but not the wp/v2 namespace`,
              'UPSTREAM_BAD_RESPONSE',
              200,
            );
          }
          this.siteIndex = data;
          return data;
        }
        lastError = new WordPressError(`${buildUrl(root, '/', {})} is not a WordPress REST index`, 'UPSTREAM_BAD_RESPONSE', 200);
      } catch (error) {
        lastError = error;
        // Unreachable hosts and timeouts will not get better on the other root form: stop here.
        if (error instanceof WordPressError && (error.code === 'UPSTREAM_UNAVAILABLE' || error.code === 'UPSTREAM_TIMEOUT') && error.status === undefined) {
          break;
        }
      }
    }
    this.root = undefined;
    throw lastError;
  }

  private async send<T>(route: string, query: RestQuery, authorization: string | undefined): Promise<RestAnswer<T>> {
    const root = this.root;
    if (!root) throw new Error('WordPressClient used before its REST root was found');
    const url = buildUrl(root, route, query);
    const started = performance.now();
    let status: number | undefined;
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (authorization) headers.authorization = authorization;
      const response = await request(url, {
        method: 'GET',
        headers,
        dispatcher: this.dispatcher,
        headersTimeout: this.headersTimeout,
        bodyTimeout: this.bodyTimeout,
      });
      status = response.statusCode;
      const text = await readCapped(response.body, this.maxResponseBytes, route);
      const body = parseJson(text);
      if (status < 200 || status >= 300) {
        throw errorFromResponse(status, body, route, retryAfter(response.headers['retry-after']));
      }
      if (body === undefined) {
        throw new WordPressError(`WordPress answered ${route} with something that is not JSON`, 'UPSTREAM_BAD_RESPONSE', status, undefined, route);
      }
      return {
        data: body as T,
        total: headerNumber(response.headers['x-wp-total']),
        totalPages: headerNumber(response.headers['x-wp-totalpages']),
      };
    } catch (error) {
      throw toWordPressError(error, route);
    } finally {
      this.onRequest?.({ route, query, status, ms: performance.now() - started, authenticated: authorization !== undefined });
    }
  }
}

/** `https://example.com/blog/` → `https://example.com/blog`; rejects what is not an http(s) URL. */
export function normaliseSiteUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TypeError(`WordPress URL must be http(s): ${url}`);
  }
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString().replace(/\/+$/, '');
}

function buildUrl(root: RestRoot, route: string, query: RestQuery): string {
  const params = new URLSearchParams();
  // Sorted so that equal queries give byte-equal URLs: caches and in-flight de-duplication key on them.
  for (const key of Object.keys(query).sort()) {
    const value = query[key];
    if (value === undefined) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (root.mode === 'path') {
    const qs = params.toString();
    return `${root.base}${route.replace(/^\//, '')}${qs ? `?${qs}` : ''}`;
  }
  const qs = params.toString();
  return `${root.base}?rest_route=${encodeURIComponent(route)}${qs ? `&${qs}` : ''}`;
}

async function readCapped(body: Dispatcher.ResponseData['body'], limit: number, route: string): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw new WordPressError(`WordPress answered ${route} with more than ${limit} bytes`, 'UPSTREAM_BAD_RESPONSE', undefined, undefined, route);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function headerNumber(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : undefined;
}

function retryAfter(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}

// undici reports transport failures by `code`; map them once so callers only see WordPressError.
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

function toWordPressError(error: unknown, route: string): WordPressError {
  if (error instanceof WordPressError) return error;
  const code = (error as { code?: string } | undefined)?.code ?? '';
  if (TIMEOUT_CODES.has(code)) {
    return new WordPressError(`WordPress did not answer ${route} in time`, 'UPSTREAM_TIMEOUT', undefined, undefined, route);
  }
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return new WordPressError(`WordPress answered ${route} with too large a body`, 'UPSTREAM_BAD_RESPONSE', undefined, undefined, route);
  }
  return new WordPressError(
    `WordPress could not be reached for ${route}${code ? ` (${code})` : ''}`,
    'UPSTREAM_UNAVAILABLE',
    undefined,
    undefined,
    route,
  );
}
