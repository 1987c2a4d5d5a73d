import type { RestQuery } from '../wordpress/client.ts';
import type { Collection } from '../wordpress/rest-types.ts';
import { type ListPage, loadListPage } from './list-pages.ts';
import type { CollectionRecord } from '../wordpress/rest-types.ts';
import { MAX_PER_PAGE, type UpstreamRequestScope } from './records.ts';
import { withoutRefusedStatus } from './status-fallback.ts';

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
async function loadPages<C extends Collection>(
  scope: UpstreamRequestScope,
  collection: C,
  query: RestQuery,
  offset: number,
  limit: number,
): Promise<ListPage<CollectionRecord[C]>> {
  if (!NO_OFFSET.has(scope.likeOf?.(collection) ?? collection) || offset === 0) {
    return loadListPage(scope, collection, { ...query, per_page: limit, offset: offset || undefined });
  }
  if (offset % limit === 0) return loadListPage(scope, collection, { ...query, per_page: limit, page: offset / limit + 1 });
  if (offset + limit <= MAX_PER_PAGE) {
    const page = await loadListPage(scope, collection, { ...query, per_page: offset + limit, page: 1 });
    return { ...page, records: page.records.slice(offset) };
  }
  const first = Math.floor(offset / limit) + 1;
  const pages = await Promise.all([first, first + 1].map((page) => loadListPage(scope, collection, { ...query, per_page: limit, page })));
  const records = pages.flatMap((p) => p.records).slice(offset - (first - 1) * limit, offset - (first - 1) * limit + limit);
  return { records, total: pages[0]!.total };
}

/**
 * `limit` records of a list query from position `offset`, in the collection's default order or the query's,
 * reversed when `flipped` (a connection's `last` without `before` reads from the end): one GET (two for an
 * unaligned category window). A `status` WordPress refuses this viewer is dropped (./status-fallback.ts).
 */
export function loadWindow<C extends Collection>(
  scope: UpstreamRequestScope,
  collection: C,
  query: RestQuery,
  offset: number,
  limit: number,
  flipped: boolean,
): Promise<ListPage<CollectionRecord[C]>> {
  const order = (query.order as string | undefined) ?? DEFAULT_ORDER[scope.likeOf?.(collection) ?? collection];
  const ordered: RestQuery = { ...query, order: flipped ? (order === 'asc' ? 'desc' : 'asc') : query.order };
  return withoutRefusedStatus(ordered, (q) => loadPages(scope, collection, q, offset, limit));
}
