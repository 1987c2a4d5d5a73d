import type { GatewayContext } from '../context.ts';
import { loadListPage } from '../loaders/lists.ts';
import type { RestQuery } from '../wordpress/client.ts';
import type { Collection } from '../wordpress/rest-types.ts';
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
 * A connection over a REST collection query: one GET per connection, `per_page`/`offset` from the pagination
 * args, totals from `X-WP-Total`. The models it brings prime their collection's loader.
 */
export function restConnection<C extends Collection>(
  context: GatewayContext,
  collection: C,
  args: ConnectionArgs,
  query: RestQuery,
): Promise<ConnectionShape<ReturnType<(typeof toModel)[C]>>> {
  return pagedConnection(args, async (offset, limit, flipped) => {
    const order = (query.order as string | undefined) ?? DEFAULT_ORDER[collection];
    const page = await loadListPage(context.scope, collection, {
      ...query,
      per_page: limit,
      offset: offset || undefined,
      order: flipped ? (order === 'asc' ? 'desc' : 'asc') : query.order,
    });
    const convert = toModel[collection] as (record: unknown, context: GatewayContext) => ReturnType<(typeof toModel)[C]>;
    const items = page.records.map((record) => convert(record, context));
    prime(context, collection, items as never);
    return { items, total: page.total };
  });
}

/** Ids of users or terms by slug, for where-args that name them (`authorName`, `categoryName`, `tag`). */
export async function lookupIds(
  context: GatewayContext,
  collection: 'users' | 'categories' | 'tags',
  slugs: string[],
): Promise<number[]> {
  const page = await context.client.get<{ id: number }[]>(
    `/wp/v2/${collection}`,
    { slug: slugs, per_page: Math.min(100, Math.max(1, slugs.length)), _fields: ['id'] },
    { authorization: context.authorization },
  );
  return Array.isArray(page.data) ? page.data.map((r) => r.id) : [];
}
