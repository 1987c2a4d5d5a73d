import type { GatewayContext } from '../context.ts';
import type { ModelOf } from '../loaders/to-model.ts';
import type { ListQuery } from '../loaders/list-query.ts';
import type { Collection } from '../wordpress/rest-types.ts';
import { buildConnection, type ConnectionArgs, type ConnectionShape, pagedConnection, sliceConnection, windowFor } from './connections.ts';
import { MAX_PER_PAGE } from '../loaders/records.ts';

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

/** How many records (pages of 100) a filtered connection reads at most before answering with what it found. */
const FILTERED_SCAN_PAGES = 10;

/**
 * A connection over a REST collection query narrowed by a rule REST cannot express (`where: { hasPassword }`:
 * WP_Query's `has_password`, which no REST parameter reaches). The list is read from its start in pages of 100,
 * with `alsoFields` added to `_fields` (what `keep` reads), keeping the records `keep` accepts, until the window
 * the pagination args ask for is filled or the list ends: one GET for a first page unless it holds records the rule
 * drops. Cursors are positions in the narrowed list, as in every connection. When the whole list was read (at most
 * {@link FILTERED_SCAN_PAGES} pages), totals are exact; otherwise `total` is null and `hasNextPage` says whether the
 * window was filled.
 */
export async function filteredRestConnection<C extends Collection>(
  context: GatewayContext,
  collection: C,
  args: ConnectionArgs,
  query: ListQuery,
  alsoFields: readonly string[],
  keep: (model: ModelOf<C>) => boolean,
): Promise<ConnectionShape<ModelOf<C>>> {
  const window = windowFor(args);
  const wanted = window.reverse ? Number.POSITIVE_INFINITY : window.offset + window.limit;
  const kept: ModelOf<C>[] = [];
  let complete = false;
  for (let page = 0; page < FILTERED_SCAN_PAGES && kept.length < wanted; page++) {
    const read = await context.loaders.list(
      collection,
      { ...query, per_page: MAX_PER_PAGE, offset: page * MAX_PER_PAGE || undefined },
      alsoFields,
    );
    kept.push(...read.models.filter(keep));
    if (read.models.length < MAX_PER_PAGE || (page + 1) * MAX_PER_PAGE >= read.total) {
      complete = true;
      break;
    }
  }
  if (complete) return sliceConnection(kept, args);
  const items = kept.slice(window.offset, window.offset + window.limit);
  return buildConnection(items, { ...window, reverse: false }, null);
}
