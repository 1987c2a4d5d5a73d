import { GraphQLError } from 'graphql';
import type { Collection, RestLinks } from '../wordpress/rest-types.ts';
import { type LinkRoute, linkRoute, RefusedLinkError } from './links.ts';

/**
 * Following a record's relation: the `_links` WordPress puts on it, read as a route under the site's REST root
 * (`/wp/v2/users/12` → the users loader, id 12), never fetched as a URL. Resolves to the route's collection and
 * id for the caller's loader; undefined when the record has no such link and no id to fall back on. A link to
 * another origin than the site's (`origins`), or to a collection the relation cannot point to, is refused with
 * an error on that field only (UPSTREAM_BAD_RESPONSE); the rest of the answer stands.
 */
export function linkTarget(
  origins: ReadonlySet<string>,
  links: RestLinks | undefined | null,
  rel: string,
  expected: readonly Collection[],
  /** The related id on the record itself: trimmed records (no `_links` asked for) still carry it. */
  fallbackId?: number | null,
): { collection: Collection; id: number } | undefined {
  let route: LinkRoute | undefined;
  try {
    route = linkRoute(links ?? undefined, rel, origins);
  } catch (error) {
    if (error instanceof RefusedLinkError) {
      throw new GraphQLError('WordPress linked this record to a URL outside the site; the gateway did not follow it.', {
        extensions: { code: 'UPSTREAM_BAD_RESPONSE', rel },
      });
    }
    throw error;
  }
  if (!route) return fallbackId && expected[0] ? { collection: expected[0], id: fallbackId } : undefined;
  if (route.id === undefined || !expected.includes(route.collection)) {
    throw new GraphQLError(`WordPress linked \`${rel}\` to a route the gateway does not expect (${route.collection}).`, {
      extensions: { code: 'UPSTREAM_BAD_RESPONSE', rel },
    });
  }
  return { collection: route.collection, id: route.id };
}
