import type { RestErrorBody } from './rest-types.ts';

/**
 * The codes a client of the gateway sees in `extensions.code` when WordPress is the reason a field failed.
 * One place maps upstream outcomes to these (as apollo's datasource-rest does with its status→code map), so
 * resolvers never invent their own.
 */
export type UpstreamErrorCode =
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'UPSTREAM_RATE_LIMITED'
  /** The gateway's own queue to WordPress is full, or would not serve the call before its deadline. */
  | 'UPSTREAM_OVERLOADED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND';

/**
 * An answer from WordPress that was not the JSON we asked for, or no answer at all.
 * `wpCode` is WordPress's own code (`rest_post_invalid_id`) when it sent an error body; the body itself is kept
 * for logs only and never reaches a client, because upstream bodies may hold paths, SQL or notices.
 */
export class WordPressError extends Error {
  override readonly name = 'WordPressError';
  constructor(
    message: string,
    readonly code: UpstreamErrorCode,
    readonly status: number | undefined,
    readonly wpCode?: string,
    readonly route?: string,
    readonly retryAfterSeconds?: number,
    /** The request parameters WordPress named as invalid (`rest_invalid_param`'s `data.params`), for writes. */
    readonly invalidParams?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

// WordPress answers 401 to anonymous and 403 to signed-in viewers for the same `rest_forbidden*` codes.
const STATUS_TO_CODE: Record<number, UpstreamErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  429: 'UPSTREAM_RATE_LIMITED',
};

/** True when the value looks like WordPress's `{ code, message, data }` error body. */
export function isRestErrorBody(value: unknown): value is RestErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RestErrorBody).code === 'string' &&
    typeof (value as RestErrorBody).message === 'string'
  );
}

/** The longest WordPress message passed on to clients. */
const MAX_PUBLIC_MESSAGE = 200;

/**
 * A WordPress error message as clients may see it: tags stripped (`<strong>Error:</strong> …`), whitespace
 * collapsed, cut to 200 characters. WordPress's 4xx messages are fixed, translated strings ("Invalid post ID.")
 * that tell the viewer what to fix; the cut bounds what a broken plugin's message could carry.
 */
export function publicMessage(message: string): string {
  const text = message
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_PUBLIC_MESSAGE ? `${text.slice(0, MAX_PUBLIC_MESSAGE - 1)}…` : text;
}

/**
 * Turns a non-2xx answer into a typed error. 4xx with a WordPress body keep its message (see publicMessage);
 * 5xx, redirects and anything unparseable get a generic one. Bodies never reach the message.
 */
export function errorFromResponse(status: number, body: unknown, route: string, retryAfterSeconds?: number): WordPressError {
  const mapped = STATUS_TO_CODE[status];
  if (status === 429) {
    return new WordPressError(
      `WordPress is rate limiting the gateway (${route})`,
      'UPSTREAM_RATE_LIMITED',
      status,
      isRestErrorBody(body) ? body.code : undefined,
      route,
      retryAfterSeconds,
    );
  }
  if (mapped && isRestErrorBody(body)) {
    const params = body.data?.params;
    const invalid =
      params && typeof params === 'object'
        ? Object.fromEntries(Object.entries(params).map(([name, why]) => [name, publicMessage(String(why))]))
        : undefined;
    return new WordPressError(publicMessage(body.message), mapped, status, body.code, route, undefined, invalid);
  }
  if (status >= 500) {
    return new WordPressError(
      `WordPress failed with status ${status} (${route})`,
      'UPSTREAM_UNAVAILABLE',
      status,
      isRestErrorBody(body) ? body.code : undefined,
      route,
      retryAfterSeconds,
    );
  }
  if (status >= 300 && status < 400) {
    // Following it would send the viewer's credentials wherever the Location says; the configured URL is wrong
    // (http vs https, www, a moved site) or something in front of WordPress is misbehaving.
    return new WordPressError(
      `WordPress redirected ${route} (status ${status}); the gateway does not follow redirects, check the configured WordPress URL`,
      'UPSTREAM_BAD_RESPONSE',
      status,
      undefined,
      route,
    );
  }
  return new WordPressError(
    `WordPress answered status ${status} without a REST error body (${route})`,
    'UPSTREAM_BAD_RESPONSE',
    status,
    undefined,
    route,
  );
}

/**
 * A 2xx answer that is not JSON, said as precisely as the text allows without quoting it: PHP output before the
 * JSON (a plugin with `display_errors` on), an HTML page (a maintenance page, a cache or firewall in front), or
 * plain garbage (a truncated or corrupted answer).
 */
export function notJsonError(route: string, status: number, text: string, contentType: string | undefined): WordPressError {
  const head = text.slice(0, 2048).trimStart();
  let what: string;
  if (
    /<b>(?:Notice|Warning|Deprecated|Fatal error|Parse error|Strict Standards)<\/b>|^(?:PHP )?(?:Notice|Warning|Deprecated|Fatal error):/m.test(
      head,
    )
  ) {
    what = 'with PHP notices or warnings printed before its JSON (turn off display_errors on the WordPress site)';
  } else if (/^<(?:!doctype|html|head|body)/i.test(head) || /text\/html/i.test(contentType ?? '')) {
    what = 'with an HTML page instead of JSON (a maintenance, cache or firewall page?)';
  } else if (text.length === 0) {
    what = 'with an empty body';
  } else {
    what = 'with something that is not valid JSON';
  }
  return new WordPressError(`WordPress answered ${route} ${what}`, 'UPSTREAM_BAD_RESPONSE', status, undefined, route);
}
