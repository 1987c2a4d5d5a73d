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

/**
 * Turns a non-2xx answer into a typed error. 4xx with a WordPress body keep its message (it is WordPress's
 * public, translated text, safe to show: "Invalid post ID."); 5xx and anything unparseable get a generic one.
 */
export function errorFromResponse(
  status: number,
  body: unknown,
  route: string,
  retryAfterSeconds?: number,
): WordPressError {
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
    return new WordPressError(body.message, mapped, status, body.code, route);
  }
  if (status >= 500) {
    return new WordPressError(
      `WordPress failed with status ${status} (${route})`,
      'UPSTREAM_UNAVAILABLE',
      status,
      isRestErrorBody(body) ? body.code : undefined,
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
