import type { GatewayContext } from '../context.ts';
import type { ModelOf } from '../loaders/to-model.ts';
import type { ListQuery } from '../loaders/list-query.ts';
import type { Collection } from '../wordpress/rest-types.ts';
import { type ConnectionArgs, type ConnectionShape, pagedConnection } from './connections.ts';

/**
 * A connection over a REST collection query: the window the pagination args ask for (connections.ts), read by
 * the request's loaders (one GET per connection, two for an unaligned category window; `per_page`/`offset`,
 * totals from `X-WP-Total`). The models it brings are primed into their collection's loader there.
 */
export function restConnection<C extends Collection>(
  context: GatewayContext,
  collection: C,
  args: ConnectionArgs,
  query: ListQuery,
): Promise<ConnectionShape<ModelOf<C>>> {
  return pagedConnection(args, async (offset, limit, flipped) => {
    const page = await context.loaders.window(collection, query, offset, limit, flipped);
    return { items: page.models, total: page.total };
  });
}
