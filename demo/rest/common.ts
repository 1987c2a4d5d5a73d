/**
 * What every collection controller shares in WordPress: the `context`/`page`/`per_page`/`search` args of
 * `WP_REST_Controller::get_collection_params()`, the totals and `Link` headers of `get_items()`, the
 * `context=edit` gate, the write endpoints a read-only demo declines, and MySQL-like ordering helpers.
 */
import type { Viewer } from './auth.ts';
import { authCode, forbidden, WpError } from './errors.ts';
import { absint, type ArgSchema, sanitizeKey, sanitizeTextField } from './params.ts';
import { collectionPageUrl } from './php.ts';
import type { Endpoint, RestRequest } from './types.ts';

/**
 * The `context` arg of `get_context_param()`: the contexts the controller's schema uses, deduplicated and
 * `rsort`ed — `view, embed, edit` whatever order the schema names them in (which is what messages such as
 * "context is not one of view, embed, and edit." and the index show).
 */
export function contextArg(contexts: readonly string[]): ArgSchema {
  return {
    description: 'Scope under which the request is made; determines fields present in response.',
    type: 'string',
    sanitize: (v) => sanitizeKey(v),
    validate: true,
    enum: [...new Set(contexts)].sort().reverse(),
    default: 'view',
  };
}

/** `page`, `per_page` and `search`, exactly as `WP_REST_Controller::get_collection_params()` registers them. */
export const PAGING_ARGS: Record<'page' | 'per_page' | 'search', ArgSchema> = {
  page: { description: 'Current page of the collection.', type: 'integer', default: 1, sanitize: absint, validate: true, minimum: 1 },
  per_page: {
    description: 'Maximum number of items to be returned in result set.',
    type: 'integer',
    default: 10,
    minimum: 1,
    maximum: 100,
    sanitize: absint,
    validate: true,
  },
  search: { description: 'Limit results to those matching a string.', type: 'string', sanitize: sanitizeTextField, validate: true },
};

/** `include`/`exclude` id lists. */
export const idListArg = (description: string, withDefault = true): ArgSchema => ({
  description,
  type: 'array',
  items: { type: 'integer' },
  ...(withDefault ? { default: [] } : {}),
});

/** `order`. */
export const orderArg = (defaultValue: 'asc' | 'desc', description = 'Order sort attribute ascending or descending.'): ArgSchema => ({
  description,
  type: 'string',
  default: defaultValue,
  enum: ['asc', 'desc'],
});

/** A number param as an array of ids (`wp_parse_id_list` after schema sanitising). */
export const ids = (value: unknown): number[] =>
  Array.isArray(value) ? value.map((v) => Math.abs(Number(v))).filter((n) => Number.isFinite(n)) : [];

/** `sanitize_title_for_query`: lowercase, non-ASCII percent-encoded, no accents removed. */
export function slugForQuery(value: string): string {
  return Array.from(value.toLowerCase().trim())
    .map((ch) => (ch.charCodeAt(0) < 0x80 ? ch : encodeURIComponent(ch).toLowerCase()))
    .join('')
    .replace(/%(?![0-9a-f]{2})/g, '')
    .replace(/&.+?;/g, '')
    .replace(/\./g, '-')
    .replace(/[^%a-z0-9 _-]/g, '')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: false });

/**
 * MySQL/MariaDB's `utf8mb4_unicode_ci` (UCA 4.0.0) gives every character outside the Basic Multilingual Plane
 * (emoji, supplementary CJK, …) the same weight, 0xFFFD, above every BMP character's: `🚀 Launch` sorts after
 * `Zürich`. ICU's U+FFFF has the highest primary weight there is, so it stands in for each of them.
 */
const bmpOnly = (text: string): string => text.replace(/[\u{10000}-\u{10FFFF}]/gu, '\uffff');

/**
 * Compares strings as a `utf8mb4_unicode_ci` column sorts them: case- and accent-insensitive (ICU's root
 * order at primary strength, punctuation not ignored), characters beyond the BMP after all others and equal to
 * each other.
 */
export const compareText = (a: string, b: string): number => collator.compare(bmpOnly(a), bmpOnly(b));

/**
 * `X-WP-Total`, `X-WP-TotalPages` and `Link` rel prev/next, as each `get_items()` sets them. The links carry
 * `$request->get_query_params()` — the query as sent, with each registered parameter replaced by its
 * sanitised value (`sanitize_params()` writes them back), which `req.params` holds under the same keys.
 */
export function paginationHeaders(
  req: RestRequest,
  collectionRoute: string,
  total: number,
  perPage: number,
  page: number,
): Record<string, string> {
  const maxPages = Math.ceil(total / perPage);
  const headers: Record<string, string> = { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(maxPages) };
  const base = req.site.restUrl(collectionRoute);
  const queryParams = new Map(
    [...req.query.keys()].map((k): [string, unknown] => [k, req.params.has(k) ? req.params.get(k) : req.query.get(k)]),
  );
  const links: string[] = [];
  if (page > 1) {
    const prev = Math.min(page - 1, maxPages);
    links.push(`<${collectionPageUrl(base, queryParams, prev)}>; rel="prev"`);
  }
  if (maxPages > page) links.push(`<${collectionPageUrl(base, queryParams, page + 1)}>; rel="next"`);
  if (links.length > 0) headers.Link = links.join(', ');
  return headers;
}

/**
 * `context=edit` needs the capability to edit; anonymous callers get WordPress's error. The demo does not
 * render raw (`edit`) fields, so capable callers get an explicit 501 instead of a view record in disguise.
 */
export function editContextGate(viewer: Viewer | null, context: unknown, allowed: boolean, message: string): WpError | null {
  if (context !== 'edit') return null;
  if (!viewer || !allowed) return new WpError('rest_forbidden_context', message, { status: authCode(viewer) });
  return new WpError('demo_context_unsupported', 'The demo site does not serve context=edit.', { status: 501 });
}

/** Write endpoints: listed (so `Allow` and the index look like WordPress) and declined — the demo is read-only. */
export function writeEndpoints(methods: string[], can: (viewer: Viewer | null) => boolean): Endpoint {
  return {
    methods,
    args: {},
    permission: (req) => (can(req.viewer) ? true : forbidden(req.viewer)),
    callback: () => new WpError('demo_read_only', 'The demo site is read-only.', { status: 501 }),
  };
}

/** Pages a sorted result: WordPress's `LIMIT offset, per_page`. */
export function slicePage<T>(items: T[], offset: number, perPage: number): T[] {
  return items.slice(offset, offset + perPage);
}
