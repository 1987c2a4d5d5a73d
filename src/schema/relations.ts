import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.ts';
import { type LinkRoute, linkRoute, RefusedLinkError } from '../loaders/links.ts';
import type { Collection, RestLinks } from '../wordpress/rest-types.ts';
import { loadById } from './refs.ts';

/**
 * Following a record's relations: the `_links` WordPress puts on it, read as routes under the site's REST root
 * (`/wp/v2/users/12` → the users loader, id 12). A link to another origin is refused with an error on that
 * field only; the rest of the answer stands.
 */

/** The record a `_links` relation points to, loaded through its collection's loader; null when there is none. */
export async function followLink(
  context: GatewayContext,
  links: RestLinks | undefined | null,
  rel: string,
  expected: readonly Collection[],
  fallbackId?: number | null,
): Promise<unknown> {
  let route: LinkRoute | undefined;
  try {
    route = linkRoute(links ?? undefined, rel, context.client.origins);
  } catch (error) {
    if (error instanceof RefusedLinkError) {
      throw new GraphQLError('WordPress linked this record to a URL outside the site; the gateway did not follow it.', {
        extensions: { code: 'UPSTREAM_BAD_RESPONSE', rel },
      });
    }
    throw error;
  }
  if (!route) {
    // Trimmed records (no `_links` asked for) still carry the related id itself.
    return fallbackId ? loadById(context, expected[0] as Collection, fallbackId) : null;
  }
  if (route.id === undefined || !expected.includes(route.collection)) {
    throw new GraphQLError(`WordPress linked \`${rel}\` to a route the gateway does not expect (${route.collection}).`, {
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', rel },
    });
  }
  return loadById(context, route.collection, route.id);
}

/** Loads several ids of one collection, dropping the ones WordPress did not return (hidden or deleted). */
export async function loadMany<T>(context: GatewayContext, collection: Collection, ids: readonly number[]): Promise<T[]> {
  const loaded = await Promise.all(ids.map((id) => loadById(context, collection, id)));
  return loaded.filter((x): x is NonNullable<typeof x> => x != null) as T[];
}
