import { COLLECTIONS, type Collection, type RestLink, type RestLinks } from '../wordpress/rest-types.ts';

/**
 * A `_links` href read as a route under the site's REST root: `/wp/v2/users/12` → `{ collection: 'users',
 * id: 12 }`, `/wp/v2/comments?post=7` → `{ collection: 'comments', query: { post: '7' } }`. The gateway never
 * fetches an href as a URL: it hands the route to that collection's loader, so an upstream cannot point it
 * anywhere else.
 */
export interface LinkRoute {
  collection: Collection;
  id?: number;
  query: Record<string, string>;
}

/** Why an href was not followed. */
export class RefusedLinkError extends Error {
  override readonly name = 'RefusedLinkError';
  constructor(
    readonly href: string,
    readonly reason: string,
  ) {
    super(`Refused to follow a WordPress link (${reason}): ${href}`);
  }
}

const COLLECTION_SET: ReadonlySet<string> = new Set(COLLECTIONS);

/**
 * Reads an href as a route, or throws RefusedLinkError when it is on a foreign origin, not under a REST root,
 * or names a collection the gateway does not read. `origins` are the site's own (see WordPressClient.origins).
 * Both REST root forms are understood: `/wp-json/wp/v2/...` and `/?rest_route=/wp/v2/...`.
 */
export function parseLink(href: string, origins: ReadonlySet<string>): LinkRoute {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    throw new RefusedLinkError(href, 'not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RefusedLinkError(href, 'not http(s)');
  if (url.username || url.password) throw new RefusedLinkError(href, 'credentials in URL');
  if (!origins.has(url.origin)) throw new RefusedLinkError(href, `foreign origin ${url.origin}`);

  const query = Object.fromEntries(url.searchParams);
  let route: string;
  const restRoute = url.searchParams.get('rest_route');
  if (restRoute !== null) {
    route = restRoute;
    delete query.rest_route;
  } else {
    const at = url.pathname.indexOf('/wp-json/');
    if (at === -1) throw new RefusedLinkError(href, 'not a REST route');
    route = url.pathname.slice(at + '/wp-json'.length);
  }
  const match = /^\/wp\/v2\/([a-z-]+)(?:\/(\d+))?\/?$/.exec(route);
  if (!match || !COLLECTION_SET.has(match[1] ?? '')) throw new RefusedLinkError(href, 'not a collection the gateway reads');
  const parsed: LinkRoute = { collection: match[1] as Collection, query };
  if (match[2] !== undefined) parsed.id = Number(match[2]);
  return parsed;
}

/**
 * The first link of a relation (`author`, `wp:featuredmedia`, `up`, …), read as a route; `undefined` when the
 * record has no such link (WordPress leaves out `wp:featuredmedia` when there is none, or the viewer may not
 * read it).
 */
export function linkRoute(links: RestLinks | undefined, rel: string, origins: ReadonlySet<string>): LinkRoute | undefined {
  const first: RestLink | undefined = links?.[rel]?.[0];
  return first ? parseLink(first.href, origins) : undefined;
}

/** The id a single-record relation points to, checked to be in the expected collection. */
export function linkedId(
  links: RestLinks | undefined,
  rel: string,
  collection: Collection,
  origins: ReadonlySet<string>,
): number | undefined {
  const route = linkRoute(links, rel, origins);
  if (!route) return undefined;
  if (route.collection !== collection || route.id === undefined) {
    throw new RefusedLinkError(links?.[rel]?.[0]?.href ?? '', `expected a ${collection} record`);
  }
  return route.id;
}
