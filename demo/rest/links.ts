/**
 * `_links` exactly as WordPress 6.1 builds them (`prepare_links()` in each controller, then
 * `WP_REST_Server::get_compact_response_links()`): relations in the controller's order, each entry's
 * attributes before its `href`, `https://api.w.org/…` relations compacted to `wp:…` and `curies` last.
 * (WordPress 6.1 has no `targetHints` on `self`; those arrived in 6.7.)
 */
import type { RestLink, RestLinks } from '../../src/wordpress/rest-types.ts';
import type { StoredComment, StoredTerm, StoredUser } from '../content-types.ts';
import { type PostTypeInfo, postTypeByName, taxonomyByName } from './registry.ts';
import type { PostRow, Site } from './site.ts';

type Link = Omit<RestLink, 'href'> & { href: string; [attr: string]: unknown };

const CURIES = [{ name: 'wp', href: 'https://api.w.org/{rel}', templated: true }];

/** Builds the compact `_links` object from `[rel, entries]` pairs, adding `curies` when a `wp:` rel is used. */
function compact(pairs: [string, Link[]][]): RestLinks {
  const out: Record<string, Link[]> = {};
  let curie = false;
  for (const [rel, links] of pairs) {
    if (rel.startsWith('wp:')) curie = true;
    out[rel] = links;
  }
  if (curie) out.curies = CURIES as Link[];
  return out as RestLinks;
}

/** The REST route of a post row by its type (`rest_get_route_for_post`). */
export function routeForRow(row: PostRow): string {
  return `wp/v2/${postTypeByName(row.type)?.base ?? 'posts'}/${row.id}`;
}

/** Links of a post, page or attachment. */
export function postLinks(site: Site, row: PostRow): RestLinks {
  const type = postTypeByName(row.type) ?? (postTypeByName('post') as PostTypeInfo);
  const base = type.base;
  const pairs: [string, Link[]][] = [
    ['self', [{ href: site.restUrl(`wp/v2/${base}/${row.id}`) }]],
    ['collection', [{ href: site.restUrl(`wp/v2/${base}`) }]],
    ['about', [{ href: site.restUrl(`wp/v2/types/${row.type}`) }]],
  ];
  if (type.supports.author && row.author) pairs.push(['author', [{ embeddable: true, href: site.restUrl(`wp/v2/users/${row.author}`) }]]);
  if (type.supports.comments) pairs.push(['replies', [{ embeddable: true, href: `${site.restUrl('wp/v2/comments')}?post=${row.id}` }]]);
  if (type.supports.revisions && row.type !== 'attachment') {
    const rev = row._demo?.revisions ?? { count: 0, latest_id: 0 };
    pairs.push(['version-history', [{ count: rev.count, href: site.restUrl(`wp/v2/${base}/${row.id}/revisions`) }]]);
    if (rev.count > 0) {
      pairs.push([
        'predecessor-version',
        [{ id: rev.latest_id, href: site.restUrl(`wp/v2/${base}/${row.id}/revisions/${rev.latest_id}`) }],
      ]);
    }
  }
  const parent = 'parent' in row ? (row.parent ?? 0) : 0;
  if (type.hierarchical && parent) {
    const p = site.rows.get(parent);
    pairs.push(['up', [{ embeddable: true, href: site.restUrl(p ? routeForRow(p) : `wp/v2/${base}/${parent}`) }]]);
  }
  const featured = 'featured_media' in row ? (row.featured_media ?? 0) : 0;
  if (featured) pairs.push(['wp:featuredmedia', [{ embeddable: true, href: site.restUrl(`wp/v2/media/${featured}`) }]]);
  if (row.type !== 'attachment') pairs.push(['wp:attachment', [{ href: `${site.restUrl('wp/v2/media')}?parent=${row.id}` }]]);
  const taxonomies = type.taxonomies.flatMap((name) => taxonomyByName(name) ?? []);
  if (taxonomies.length > 0) {
    pairs.push([
      'wp:term',
      taxonomies.map((tax) => ({ taxonomy: tax.name, embeddable: true, href: `${site.restUrl(`wp/v2/${tax.base}`)}?post=${row.id}` })),
    ]);
  }
  return compact(pairs);
}

/** Links of a category or tag. */
export function termLinks(site: Site, term: StoredTerm): RestLinks {
  const tax = taxonomyByName(term.taxonomy);
  const base = tax?.base ?? 'tags';
  const pairs: [string, Link[]][] = [
    ['self', [{ href: site.restUrl(`wp/v2/${base}/${term.id}`) }]],
    ['collection', [{ href: site.restUrl(`wp/v2/${base}`) }]],
    ['about', [{ href: site.restUrl(`wp/v2/taxonomies/${term.taxonomy}`) }]],
  ];
  if (term.parent && site.terms.has(term.parent)) {
    pairs.push(['up', [{ embeddable: true, href: site.restUrl(`wp/v2/${base}/${term.parent}`) }]]);
  }
  const types = (tax?.types ?? ['post']).flatMap((name) => postTypeByName(name) ?? []);
  pairs.push(['wp:post_type', types.map((t) => ({ href: `${site.restUrl(`wp/v2/${t.base}`)}?${base}=${term.id}` }))]);
  return compact(pairs);
}

/** Links of a user. */
export function userLinks(site: Site, user: StoredUser): RestLinks {
  return compact([
    ['self', [{ href: site.restUrl(`wp/v2/users/${user.id}`) }]],
    ['collection', [{ href: site.restUrl('wp/v2/users') }]],
  ]);
}

/** Links of a comment. */
export function commentLinks(site: Site, comment: StoredComment): RestLinks {
  const pairs: [string, Link[]][] = [
    ['self', [{ href: site.restUrl(`wp/v2/comments/${comment.id}`) }]],
    ['collection', [{ href: site.restUrl('wp/v2/comments') }]],
  ];
  if (comment.author) pairs.push(['author', [{ embeddable: true, href: site.restUrl(`wp/v2/users/${comment.author}`) }]]);
  const post = comment.post ? site.rows.get(comment.post) : undefined;
  if (post) pairs.push(['up', [{ embeddable: true, post_type: post.type, href: site.restUrl(routeForRow(post)) }]]);
  if (comment.parent) pairs.push(['in-reply-to', [{ embeddable: true, href: site.restUrl(`wp/v2/comments/${comment.parent}`) }]]);
  if (site.commentsWithChildren.has(comment.id)) {
    pairs.push(['children', [{ embeddable: true, href: `${site.restUrl('wp/v2/comments')}?parent=${comment.id}` }]]);
  }
  return compact(pairs);
}
