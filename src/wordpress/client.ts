import { randomUUID } from 'node:crypto';
import { request, type Dispatcher } from 'undici';
import { type CircuitBreakerOptions, CircuitOpenError } from './circuit-breaker.ts';
import { createUpstreamDispatcher, type QueuedDispatchOptions, type RetryOptions, retryAfterMs } from './dispatcher.ts';
import { errorFromResponse, isRestErrorBody, notJsonError, publicMessage, type UpstreamErrorCode, WordPressError } from './errors.ts';
import type { RestIndex } from './rest-types.ts';
import { type UpstreamLimiter, type UpstreamLimiterOptions, UpstreamOverloadedError } from './upstream-limiter.ts';

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
  /** Set for writes (`POST`, `PUT`, `DELETE`); undefined for GETs. */
  method?: WriteMethod;
}

export interface WordPressClientOptions {
  /** The site URL as a person would type it: `https://example.com` (a sub-folder install works too). */
  url: string;
  /**
   * The undici dispatcher to send through. Injected rather than set globally so tests can use a MockAgent and
   * later layers can add interceptors (deduplicate, cache) without this file knowing.
   * @default `createUpstreamDispatcher()` (src/wordpress/dispatcher.ts: keep-alive Agent, retries of idempotent
   * GETs with jittered back-off, a circuit breaker), owned and closed by the client
   */
  dispatcher?: Dispatcher;
  /**
   * Retries of a failed GET, for the default dispatcher only (an injected one brings its own).
   * @default { retries: 2 } (see RetryOptions)
   */
  retry?: RetryOptions;
  /**
   * The circuit breaker of the default dispatcher; `false` turns it off.
   * @default see CircuitBreakerOptions
   */
  circuitBreaker?: CircuitBreakerOptions | false;
  /**
   * Requests in flight at once and the queue behind them, for the default dispatcher only.
   * @default { concurrency: 6 } (see UpstreamLimiterOptions)
   */
  limit?: UpstreamLimiterOptions;
  /**
   * How long to wait for WordPress's response headers; PHP renders the whole answer before sending them, so
   * this is the one that bounds a slow query.
   * @default 15_000
   */
  headersTimeoutMs?: number;
  /**
   * Longest silence between two chunks of a body.
   * @default 15_000
   */
  bodyTimeoutMs?: number;
  /**
   * The whole budget of one call, retries and back-off included: a body trickling in a byte at a time never
   * trips `bodyTimeoutMs`, this still ends it.
   * @default the larger of headersTimeoutMs and bodyTimeoutMs
   */
  deadlineMs?: number;
  /**
   * Largest answer accepted. 100 full posts are ~200 KB; anything near this is a broken or hostile upstream.
   * @default 20 MiB
   */
  maxResponseBytes?: number;
  /** Called after each request, successful or not. */
  onRequest?: (info: UpstreamRequestInfo) => void;
}

/** Options of one GET. */
export interface GetOptions {
  /** The viewer's `Authorization` header, sent to WordPress only. */
  authorization?: string | undefined;
  /** Place in the upstream queue, smaller first (performance.now() of the GraphQL request's start). */
  priority?: number | undefined;
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
  /** The default dispatcher's limiter (metrics read it); undefined with an injected dispatcher. */
  readonly limiter: UpstreamLimiter | undefined;
  private readonly headersTimeout: number;
  private readonly bodyTimeout: number;
  private readonly deadline: number;
  private readonly maxResponseBytes: number;
  private readonly onRequest: ((info: UpstreamRequestInfo) => void) | undefined;
  private connecting: Promise<RestIndex> | undefined;
  private root: RestRoot | undefined;
  private siteIndex: RestIndex | undefined;

  constructor(options: WordPressClientOptions) {
    this.siteUrl = normaliseSiteUrl(options.url);
    this.ownsDispatcher = options.dispatcher === undefined;
    this.headersTimeout = options.headersTimeoutMs ?? 15_000;
    this.bodyTimeout = options.bodyTimeoutMs ?? 15_000;
    this.deadline = options.deadlineMs ?? Math.max(this.headersTimeout, this.bodyTimeout);
    this.maxResponseBytes = options.maxResponseBytes ?? 20 * 1024 * 1024;
    if (options.dispatcher) {
      this.dispatcher = options.dispatcher;
      this.limiter = undefined;
    } else {
      const upstream = createUpstreamDispatcher({
        retry: options.retry,
        circuitBreaker: options.circuitBreaker,
        limit: options.limit,
        // undici drops the socket a little past the client's own cap, so the client reports the size first.
        maxResponseSize: this.maxResponseBytes + 64 * 1024,
      });
      this.dispatcher = upstream.dispatcher;
      this.limiter = upstream.limiter;
    }
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

  /**
   * GETs a route under `/wp/v2` (or any namespace): `get('/wp/v2/posts', { per_page: 10 })`. `priority` orders
   * the call in the upstream queue (smaller first): the start time of the GraphQL request it serves.
   */
  async get<T>(route: string, query: RestQuery = {}, options: GetOptions = {}): Promise<RestAnswer<T>> {
    await this.connect();
    return this.send<T>(route, query, options.authorization, options.priority);
  }

  /**
   * Sends a write (`POST`, `PUT`, `DELETE`) to a REST route with a JSON body and the viewer's credentials, and
   * returns WordPress's JSON answer. A write is never retried (the retry decision in dispatcher.ts answers only
   * GET and HEAD), never coalesced with another (de-duplication takes GETs only), and never cached. A write whose
   * answer is lost (timeout, answer cut short) may have been applied by WordPress: its error says so.
   */
  async write<T>(method: WriteMethod, route: string, body: Record<string, unknown> | undefined, options: WriteOptions = {}): Promise<T> {
    await this.connect();
    const root = this.root;
    if (!root) throw new Error('WordPressClient used before its REST root was found');
    const answer = await this.sendWrite(method, buildUrl(root, route, options.query ?? {}), route, {
      authorization: options.authorization,
      contentType: 'application/json',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = parseJson(answer.text);
    if (answer.status < 200 || answer.status >= 300) {
      let error = errorFromResponse(answer.status, parsed, route);
      // Refusals reads never meet (409 duplicate, 410 already trashed) keep WordPress's code and message.
      // So do 501s, WordPress's "not supported" (rest_trash_not_supported; the demo site's demo_read_only): a
      // refusal of what was asked, whose message says what to do instead, not WordPress failing.
      if (isRestErrorBody(parsed) && ((!error.wpCode && answer.status >= 400 && answer.status < 500) || answer.status === 501)) {
        error = new WordPressError(publicMessage(parsed.message), 'BAD_USER_INPUT', answer.status, parsed.code, route);
      }
      throw withoutCredentials(error, options.authorization);
    }
    if (parsed === undefined) throw notJsonError(route, answer.status, answer.text, answer.contentType);
    return parsed as T;
  }

  /**
   * Uploads a file to `/wp/v2/media` as WordPress's own media form does: one `multipart/form-data` request with the
   * file (`file`) and the record's other fields (REST names), with the viewer's credentials; a write like
   * {@link write} (never retried, may-have-been-applied on a lost answer). Resolves with the new record.
   */
  async upload<T>(
    file: { bytes: Buffer; contentType: string; filename: string },
    fields: Readonly<Record<string, string | number | boolean>>,
    options: WriteOptions = {},
  ): Promise<T> {
    await this.connect();
    const root = this.root;
    if (!root) throw new Error('WordPressClient used before its REST root was found');
    const route = '/wp/v2/media';
    const boundary = `----wpgw${randomUUID().replaceAll('-', '')}`;
    const quote = (text: string) => text.replace(/["\\\r\n]/g, '');
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries(fields)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${String(value)}\r\n`, 'utf8'));
    }
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quote(file.filename)}"\r\nContent-Type: ${quote(file.contentType)}\r\n\r\n`,
        'utf8',
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
    );
    const answer = await this.sendWrite('POST', buildUrl(root, route, {}), route, {
      authorization: options.authorization,
      contentType: `multipart/form-data; boundary=${boundary}`,
      body: Buffer.concat(parts),
    });
    const parsed = parseJson(answer.text);
    if (answer.status < 200 || answer.status >= 300) {
      let error = errorFromResponse(answer.status, parsed, route);
      if (isRestErrorBody(parsed) && !error.wpCode && answer.status >= 400 && answer.status < 500) {
        error = new WordPressError(publicMessage(parsed.message), 'BAD_USER_INPUT', answer.status, parsed.code, route);
      }
      throw withoutCredentials(error, options.authorization);
    }
    if (parsed === undefined) throw notJsonError(route, answer.status, answer.text, answer.contentType);
    return parsed as T;
  }

  /**
   * POSTs WordPress's comment form (`/wp-comments-post.php`, form-encoded), the path an anonymous reader's comment
   * takes on the site itself: WordPress applies its discussion settings there (open comments, registration, name
   * and email required, moderation, flood and duplicate checks), which the REST API refuses to do for anonymous
   * writers unless a plugin allows it. Returns the status, the `Location` of a success (a redirect to the post,
   * with `#comment-<id>`) and the body of a refusal (a wp_die HTML page), for the caller to read.
   */
  async postCommentForm(fields: Record<string, string>): Promise<CommentFormAnswer> {
    await this.connect();
    const route = '/wp-comments-post.php';
    const answer = await this.sendWrite('POST', `${this.siteUrl}${route}`, route, {
      authorization: undefined,
      contentType: 'application/x-www-form-urlencoded',
      body: new URLSearchParams(fields).toString(),
    });
    return { status: answer.status, location: answer.location, text: answer.text };
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
            throw new WordPressError(`${this.siteUrl} has a REST API but not the wp/v2 namespace`, 'UPSTREAM_BAD_RESPONSE', 200);
          }
          this.siteIndex = data;
          return data;
        }
        lastError = new WordPressError(`${buildUrl(root, '/', {})} is not a WordPress REST index`, 'UPSTREAM_BAD_RESPONSE', 200);
      } catch (error) {
        lastError = error;
        // Unreachable hosts and timeouts will not get better on the other root form: stop here.
        if (
          error instanceof WordPressError &&
          (error.code === 'UPSTREAM_UNAVAILABLE' || error.code === 'UPSTREAM_TIMEOUT') &&
          error.status === undefined
        ) {
          break;
        }
      }
    }
    this.root = undefined;
    throw lastError;
  }

  private async sendWrite(
    method: WriteMethod,
    url: string,
    route: string,
    outgoing: {
      authorization: string | undefined;
      contentType: string;
      body: string | Buffer | undefined;
    },
  ): Promise<{ status: number; location: string | undefined; text: string; contentType: string | undefined }> {
    const started = performance.now();
    let status: number | undefined;
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (outgoing.body !== undefined) headers['content-type'] = outgoing.contentType;
      if (outgoing.authorization) headers.authorization = outgoing.authorization;
      const upstreamQueue: QueuedDispatchOptions['upstreamQueue'] = { deadline: started + this.deadline };
      const response = await request(url, {
        method,
        headers,
        body: outgoing.body,
        dispatcher: this.dispatcher,
        headersTimeout: this.headersTimeout,
        bodyTimeout: this.bodyTimeout,
        signal: AbortSignal.timeout(this.deadline),
        ...{ upstreamQueue },
      });
      status = response.statusCode;
      const text = await readCapped(response.body, response.headers['content-length'], this.maxResponseBytes, route, status);
      return { status, location: headerText(response.headers.location), text, contentType: headerText(response.headers['content-type']) };
    } catch (error) {
      throw withoutCredentials(mayHaveBeenApplied(toWordPressError(error, route, status), error), outgoing.authorization);
    } finally {
      this.onRequest?.({
        route,
        query: {},
        status,
        ms: performance.now() - started,
        authenticated: outgoing.authorization !== undefined,
        method,
      });
    }
  }

  private async send<T>(route: string, query: RestQuery, authorization: string | undefined, priority?: number): Promise<RestAnswer<T>> {
    const root = this.root;
    if (!root) throw new Error('WordPressClient used before its REST root was found');
    const url = buildUrl(root, route, query);
    const started = performance.now();
    let status: number | undefined;
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      // The viewer's credentials go to the configured site's REST root and nowhere else: `url` is built from it,
      // and the dispatcher follows no redirects.
      if (authorization) headers.authorization = authorization;
      // The deadline starts before the wait for a slot, so time queued counts in it.
      const upstreamQueue: QueuedDispatchOptions['upstreamQueue'] = { priority, deadline: started + this.deadline };
      const response = await request(url, {
        method: 'GET',
        headers,
        dispatcher: this.dispatcher,
        headersTimeout: this.headersTimeout,
        bodyTimeout: this.bodyTimeout,
        signal: AbortSignal.timeout(this.deadline),
        ...{ upstreamQueue },
      });
      status = response.statusCode;
      const text = await readCapped(response.body, response.headers['content-length'], this.maxResponseBytes, route, status);
      const body = parseJson(text);
      if (status < 200 || status >= 300) {
        const advised = retryAfterMs(response.headers['retry-after']);
        throw errorFromResponse(status, body, route, advised === undefined ? undefined : Math.ceil(advised / 1000));
      }
      if (body === undefined) throw notJsonError(route, status, text, headerText(response.headers['content-type']));
      return {
        data: body as T,
        total: headerNumber(response.headers['x-wp-total']),
        totalPages: headerNumber(response.headers['x-wp-totalpages']),
      };
    } catch (error) {
      throw withoutCredentials(toWordPressError(error, route, status), authorization);
    } finally {
      this.onRequest?.({ route, query, status, ms: performance.now() - started, authenticated: authorization !== undefined });
    }
  }
}

/** The methods of a write; see WordPressClient.write. */
export type WriteMethod = 'POST' | 'PUT' | 'DELETE';

/** Options of one write. */
export interface WriteOptions {
  /** The viewer's `Authorization` header, sent to WordPress only. */
  authorization?: string | undefined;
  /** Query parameters (`force=true` on a DELETE). */
  query?: RestQuery;
}

/** WordPress's answer to its comment form; see WordPressClient.postCommentForm. */
export interface CommentFormAnswer {
  status: number;
  location: string | undefined;
  text: string;
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

/**
 * Reads a body as text, refusing more than `limit` bytes: a declared Content-Length over the cap is refused before
 * reading, a body that grows past it is cut off. Either way the socket is destroyed rather than drained.
 */
async function readCapped(
  body: Dispatcher.ResponseData['body'],
  contentLength: string | string[] | undefined,
  limit: number,
  route: string,
  status: number,
): Promise<string> {
  const tooLarge = () =>
    new WordPressError(`WordPress answered ${route} with more than ${limit} bytes`, 'UPSTREAM_BAD_RESPONSE', status, undefined, route);
  const declared = headerNumber(contentLength);
  if (declared !== undefined && declared > limit) {
    body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      throw tooLarge();
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

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The parts of an `Authorization` header worth hiding: the whole value, its token, and for Basic the decoded
 * `user:password` and the password (with and without the spaces application passwords are shown with).
 */
function secretsOf(authorization: string): string[] {
  const [scheme = '', token = ''] = authorization.trim().split(/\s+/, 2);
  const secrets = [authorization, token];
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const password = decoded.slice(decoded.indexOf(':') + 1);
    secrets.push(decoded, password, password.replace(/\s+/g, ''));
  }
  // Very short fragments would blank out ordinary words, and are no secret worth the name.
  return [...new Set(secrets)].filter((s) => s.length >= 6).sort((a, b) => b.length - a.length);
}

/**
 * The error with every trace of the viewer's credentials removed from its message. WordPress never echoes them,
 * but a 4xx message is passed on to the client (src/wordpress/errors.ts), and a broken plugin or a proxy in front
 * could put a request header into it.
 */
function withoutCredentials(error: WordPressError, authorization: string | undefined): WordPressError {
  if (!authorization) return error;
  let message = error.message;
  for (const secret of secretsOf(authorization)) message = message.split(secret).join('[redacted]');
  if (message === error.message) return error;
  return new WordPressError(message, error.code, error.status, error.wpCode, error.route, error.retryAfterSeconds, error.invalidParams);
}

/** Transport failures that happen before a request is sent: WordPress cannot have seen it. */
const NEVER_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * A write's failure as the client should hear it: when WordPress may have received it (no answer in time, an
 * answer cut short, a connection reset after sending), it may have been applied, and asking again could apply
 * it twice; the caller must check. A write refused before sending (open circuit, full queue, no connection) is
 * left as it is.
 */
function mayHaveBeenApplied(error: WordPressError, cause: unknown): WordPressError {
  if (cause instanceof CircuitOpenError || cause instanceof UpstreamOverloadedError) return error;
  const code = typeof (cause as { code?: unknown } | undefined)?.code === 'string' ? (cause as { code: string }).code : '';
  const lost =
    error.code === 'UPSTREAM_TIMEOUT' ||
    (error.code === 'UPSTREAM_BAD_RESPONSE' && error.status !== undefined) ||
    (error.code === 'UPSTREAM_UNAVAILABLE' && error.status === undefined && !NEVER_SENT_CODES.has(code));
  if (!lost) return error;
  return new WordPressError(
    `${error.message}; the write may have been applied: read it back before sending it again`,
    error.code,
    error.status,
    error.wpCode,
    error.route,
    error.retryAfterSeconds,
    error.invalidParams,
  );
}

/** A request the gateway refused before sending it (open circuit, full queue): no status, a whole-second retry hint. */
function notSent(message: string, code: UpstreamErrorCode, route: string, retryAfterMs: number): WordPressError {
  return new WordPressError(message, code, undefined, undefined, route, Math.max(1, Math.ceil(retryAfterMs / 1000)));
}

// undici reports transport failures by `code`; map them once so callers only see WordPressError.
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

/**
 * Any failure of one call as a WordPressError. `status` is set when the headers had arrived, so a failure after
 * it happened while reading the body: the answer was cut short.
 */
function toWordPressError(error: unknown, route: string, status: number | undefined): WordPressError {
  if (error instanceof WordPressError) return error;
  if (error instanceof CircuitOpenError) {
    return notSent(
      `WordPress has been failing, so the gateway is not sending it requests for a moment (${route})`,
      'UPSTREAM_UNAVAILABLE',
      route,
      error.retryAfterMs,
    );
  }
  if (error instanceof UpstreamOverloadedError) {
    return notSent(
      `The gateway is not sending ${route} to WordPress now: ${error.message}; ask again shortly`,
      'UPSTREAM_OVERLOADED',
      route,
      error.retryAfterMs,
    );
  }
  const failure = error as { code?: unknown; name?: unknown; statusCode?: unknown } | undefined;
  const code = typeof failure?.code === 'string' ? failure.code : '';
  // AbortSignal.timeout() rejects with a DOMException named TimeoutError: the call's whole deadline passed.
  if (TIMEOUT_CODES.has(code) || failure?.name === 'TimeoutError') {
    return new WordPressError(`WordPress did not answer ${route} in time`, 'UPSTREAM_TIMEOUT', status, undefined, route);
  }
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return new WordPressError(`WordPress answered ${route} with too large a body`, 'UPSTREAM_BAD_RESPONSE', status, undefined, route);
  }
  const retriedStatus = typeof failure?.statusCode === 'number' ? failure.statusCode : undefined;
  if (code === 'UND_ERR_REQ_RETRY' && retriedStatus !== undefined && retriedStatus >= 500) {
    return new WordPressError(
      `WordPress failed with status ${retriedStatus} (${route})`,
      'UPSTREAM_UNAVAILABLE',
      retriedStatus,
      undefined,
      route,
    );
  }
  if (status !== undefined || retriedStatus !== undefined) {
    return new WordPressError(
      `WordPress's answer to ${route} was cut short${code ? ` (${code})` : ''}`,
      'UPSTREAM_BAD_RESPONSE',
      status ?? retriedStatus,
      undefined,
      route,
    );
  }
  return new WordPressError(
    `WordPress could not be reached for ${route}${code ? ` (${code})` : ''}`,
    'UPSTREAM_UNAVAILABLE',
    undefined,
    undefined,
    route,
  );
}
