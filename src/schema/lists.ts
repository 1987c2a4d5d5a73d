import type { GatewayContext } from '../context.ts';
import { type ListPage, loadListPage } from '../loaders/lists.ts';
import { MAX_PER_PAGE } from '../loaders/records.ts';
import { WordPressError } from '../wordpress/errors.ts';
import type { RestQuery } from '../wordpress/client.ts';
import type { Collection, CollectionRecord } from '../wordpress/rest-types.ts';
import { pagedConnection, type ConnectionArgs, type ConnectionShape } from './connections.ts';
import { prime, toModel } from './refs.ts';

/**
 * The order each collection is read in when the query names none, as WPGraphQL orders it: content and comments
 * newest first, terms by name, users by name (WPGraphQL uses the login, which REST does not expose).
 */
const DEFAULT_ORDER: Record<Collection, 'asc' | 'desc'> = {
  posts: 'desc',
  pages: 'desc',
  media: 'desc',
  comments: 'desc',
  categories: 'asc',
  tags: 'asc',
  users: 'asc',
};

/**
 * Collections whose REST route does not register `offset` (WordPress leaves it out for hierarchical taxonomies):
 * their windows are read by page number instead.
 */
const NO_OFFSET: ReadonlySet<Collection> = new Set(['categories']);

/**
 * One window of a list query: `per_page`/`offset` where the route takes an offset, page numbers otherwise (one
 * page when the window is page-aligned or fits in the first 100, else the two pages around it).
 */
async function loadWindow<C extends Collection>(context: GatewayContext, collection: C, query: RestQuery, offset: number, limit: number) {
  if (!NO_OFFSET.has(collection) || offset === 0) {
    return loadListPage(context.scope, collection, { ...query, per_page: limit, offset: offset || undefined });
  }
  if (offset % limit === 0) return loadListPage(context.scope, collection, { ...query, per_page: limit, page: offset / limit + 1 });
  if (offset + limit <= MAX_PER_PAGE) {
    const page = await loadListPage(context.scope, collection, { ...query, per_page: offset + limit, page: 1 });
    return { ...page, records: page.records.slice(offset) };
  }
  const first = Math.floor(offset / limit) + 1;
  const pages = await Promise.all(
    [first, first + 1].map((page) => loadListPage(context.scope, collection, { ...query, per_page: limit, page })),
  );
  const records = pages.flatMap((p) => p.records).slice(offset - (first - 1) * limit, offset - (first - 1) * limit + limit);
  return { records, total: pages[0]!.total };
}

/**
 * A connection over a REST collection query: one GET per connection (two for an unaligned category window),
 * `per_page`/`offset` from the pagination args, totals from `X-WP-Total`. The models it brings prime their
 * collection's loader.
 */
export function restConnection<C extends Collection>(
  context: GatewayContext,
  collection: C,
  args: ConnectionArgs,
  query: RestQuery,
): Promise<ConnectionShape<ReturnType<(typeof toModel)[C]>>> {
  return pagedConnection(args, async (offset, limit, flipped) => {
    const order = (query.order as string | undefined) ?? DEFAULT_ORDER[collection];
    const ordered: RestQuery = { ...query, order: flipped ? (order === 'asc' ? 'desc' : 'asc') : query.order };
    let page: ListPage<CollectionRecord[C]>;
    try {
      page = await loadWindow(context, collection, ordered, offset, limit);
    } catch (error) {
      // Credentials WordPress does not honour (a subscriber's, or ones it ignores) make it refuse non-public
      // statuses; WPGraphQL then lists what the viewer may see, so ask again for published records only.
      if (!(error instanceof WordPressError) || error.code !== 'BAD_USER_INPUT' || ordered.status === undefined) throw error;
      page = await loadWindow(context, collection, { ...ordered, status: undefined }, offset, limit);
    }
    const convert = toModel[collection] as (record: unknown, context: GatewayContext) => ReturnType<(typeof toModel)[C]>;
    const items = page.records.map((record) => convert(record, context));
    prime(context, collection, items as never);
    return { items, total: page.total };
  });
}

/** The models of a collection a REST list query finds, primed into that collection's loader. */
export type ModelOf<C extends Collection> = ReturnType<(typeof toModel)[C]>;

/**
 * GETs one list page and turns its records into models, priming the collection's loader with them: the one
 * path every lookup by slug, name or uri takes. `alsoFields` are REST fields the caller needs beyond the plan.
 */
export async function loadModels<C extends Collection>(
  context: GatewayContext,
  collection: C,
  query: RestQuery,
  alsoFields: readonly string[] = [],
): Promise<{ models: ModelOf<C>[]; total: number }> {
  const page = await loadListPage(context.scope, collection, query, alsoFields);
  const convert = toModel[collection] as (record: unknown, context: GatewayContext) => ModelOf<C>;
  const models = page.records.map((record) => convert(record, context));
  prime(context, collection, models as never);
  return { models, total: page.total };
}

/** Ids of users or terms by slug, for where-args that name them (`authorName`, `categoryName`, `tag`). */
export async function lookupIds(context: GatewayContext, collection: 'users' | 'categories' | 'tags', slugs: string[]): Promise<number[]> {
  const page = await context.client.get<{ id: number }[]>(
    `/wp/v2/${collection}`,
    { slug: slugs, per_page: Math.min(100, Math.max(1, slugs.length)), _fields: ['id'] },
    { authorization: context.authorization },
  );
  return Array.isArray(page.data) ? page.data.map((r) => r.id) : [];
}
