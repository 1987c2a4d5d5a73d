/**
 * `/wp/v2/categories`, `/wp/v2/tags` and `/wp/v2/genres`: `WP_REST_Terms_Controller`. Terms take a single `post`, a
 * `parent` (categories), `hide_empty` (which keeps empty categories that have non-empty descendants, while
 * `X-WP-Total` counts only non-empty ones — WordPress counts in SQL), `offset` (tags only). A page past the
 * end answers `[]`, not an error: only the posts controller checks page bounds.
 */
import type { StoredPost, StoredTerm } from '../content-types.ts';
import type { Viewer } from './auth.ts';
import {
  compareText,
  contextArg,
  editContextGate,
  idListArg,
  ids,
  orderArg,
  PAGING_ARGS,
  paginationHeaders,
  slicePage,
  slugForQuery,
  writeEndpoints,
} from './common.ts';
import { authCode, WpError } from './errors.ts';
import { requestedFields, type ShapedRecord, shapeRecord } from './fields.ts';
import { termLinks } from './links.ts';
import type { Args } from './params.ts';
import { toInt } from './params.ts';
import { canRead } from './post-types.ts';
import { TAXONOMIES, type TaxonomyInfo } from './registry.ts';
import { fold } from './site.ts';
import { ok, type RestRequest, type Route } from './types.ts';

type Taxonomy = TaxonomyInfo;

/** `sanitize_title` in `save` context: Latin accents removed, then percent-encoded like a query slug. */
const saveSlug = (s: string): string =>
  slugForQuery(
    Array.from(s)
      .map((ch) => (/[\u00c0-\u024f]/.test(ch) ? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : ch))
      .join(''),
  );

function collectionArgs(tax: Taxonomy): Args {
  const args: Args = {
    context: contextArg(['view', 'embed', 'edit']),
    ...PAGING_ARGS,
    exclude: idListArg('Ensure result set excludes specific IDs.'),
    include: idListArg('Limit result set to specific IDs.'),
  };
  if (!tax.hierarchical) args.offset = { description: 'Offset the result set by a specific number of items.', type: 'integer' };
  args.order = orderArg('asc');
  args.orderby = {
    description: 'Sort collection by term attribute.',
    type: 'string',
    default: 'name',
    enum: ['id', 'include', 'name', 'slug', 'include_slugs', 'term_group', 'description', 'count'],
  };
  args.hide_empty = { description: 'Whether to hide terms not assigned to any posts.', type: 'boolean', default: false };
  if (tax.hierarchical) args.parent = { description: 'Limit result set to terms assigned to a specific parent.', type: 'integer' };
  args.post = { description: 'Limit result set to terms assigned to a specific post.', type: 'integer', default: null };
  args.slug = { description: 'Limit result set to terms with one or more specific slugs.', type: 'array', items: { type: 'string' } };
  return args;
}

function hasNonEmptyDescendant(terms: StoredTerm[], term: StoredTerm): boolean {
  const stack = [term.id];
  while (stack.length > 0) {
    const id = stack.pop();
    for (const t of terms) {
      if (t.parent !== id) continue;
      if ((t.count ?? 0) > 0) return true;
      stack.push(t.id);
    }
  }
  return false;
}

function shape(req: RestRequest, tax: Taxonomy, term: StoredTerm, placement: 'list' | 'item'): ShapedRecord {
  const { _demo, ...view } = term;
  const context = String(req.params.get('context') ?? 'view');
  return shapeRecord(view, tax.base, context, requestedFields(req.params.get('_fields')), () => termLinks(req.site, term), placement);
}

function list(tax: Taxonomy) {
  return {
    methods: ['GET'],
    args: collectionArgs(tax),
    permission: (req: RestRequest) => {
      const gate = editContextGate(
        req.viewer,
        req.params.get('context'),
        req.viewer?.can('manage_categories') ?? false,
        'Sorry, you are not allowed to edit terms in this taxonomy.',
      );
      if (gate) return gate;
      const postId = toInt(req.params.get('post') ?? 0);
      if (postId) {
        const post = req.site.rows.get(postId);
        if (!post) return new WpError('rest_post_invalid_id', 'Invalid post ID.', { status: 400 });
        // Terms of a post are visible when the post type has the taxonomy and the post is viewable or readable.
        const allowed = tax.types.includes(post.type ?? '') && (post.status === 'publish' || canRead(req.site, req.viewer, post));
        if (!allowed) {
          return new WpError('rest_forbidden_context', 'Sorry, you are not allowed to view terms for this post.', {
            status: authCode(req.viewer),
          });
        }
      }
      return true;
    },
    callback: (req: RestRequest) => {
      const p = req.params;
      const all = [...req.site.terms.values()].filter((t) => t.taxonomy === tax.name);
      const postId = toInt(p.get('post') ?? 0);
      const post = postId ? (req.site.rows.get(postId) as (StoredPost & Record<string, unknown>) | undefined) : undefined;
      const assigned = post ? (Array.isArray(post[tax.base]) ? (post[tax.base] as number[]) : []) : null;
      const include = ids(p.get('include'));
      const exclude = ids(p.get('exclude'));
      const slugs = Array.isArray(p.get('slug')) ? (p.get('slug') as unknown[]).map((s) => saveSlug(String(s))) : [];
      const search = typeof p.get('search') === 'string' ? (p.get('search') as string) : '';
      const hideEmpty = p.get('hide_empty') === true && !assigned;
      const parent = tax.hierarchical && req.query.has('parent') ? toInt(p.get('parent')) : null;
      const base = all.filter((t) => {
        if (assigned && !assigned.includes(t.id)) return false;
        if (include.length > 0 && !include.includes(t.id)) return false;
        if (exclude.includes(t.id)) return false;
        if (slugs.length > 0 && !slugs.includes(t.slug ?? '')) return false;
        // `(t.name LIKE %s) OR (t.slug LIKE %s)` with the same pattern for both columns.
        if (search && !(fold(t.name ?? '').includes(fold(search)) || fold(t.slug ?? '').includes(fold(search)))) return false;
        if (parent !== null && t.parent !== parent) return false;
        return true;
      });
      const total = base.filter((t) => !hideEmpty || (t.count ?? 0) > 0).length;
      const listed = base.filter((t) => !hideEmpty || (t.count ?? 0) > 0 || (tax.hierarchical && hasNonEmptyDescendant(all, t)));
      const orderby = String(p.get('orderby') ?? 'name');
      const dir = p.get('order') === 'desc' ? -1 : 1;
      const key: Record<string, (a: StoredTerm, b: StoredTerm) => number> = {
        name: (a, b) => compareText(a.name ?? '', b.name ?? ''),
        slug: (a, b) => ((a.slug ?? '') < (b.slug ?? '') ? -1 : (a.slug ?? '') > (b.slug ?? '') ? 1 : 0),
        id: (a, b) => a.id - b.id,
        include: (a, b) => (include.length > 0 ? include.indexOf(a.id) - include.indexOf(b.id) : a.id - b.id),
        include_slugs: (a, b) => slugs.indexOf(a.slug ?? '') - slugs.indexOf(b.slug ?? ''),
        term_group: () => 0,
        description: (a, b) => compareText(a.description ?? '', b.description ?? ''),
        count: (a, b) => (a.count ?? 0) - (b.count ?? 0),
      };
      const cmp = key[orderby] ?? key.name;
      const sorted = [...listed].sort((a, b) => dir * (cmp as (x: StoredTerm, y: StoredTerm) => number)(a, b) || a.id - b.id);
      const perPage = toInt(p.get('per_page') ?? 10);
      const offset = !tax.hierarchical && toInt(p.get('offset') ?? 0) ? toInt(p.get('offset')) : (toInt(p.get('page') ?? 1) - 1) * perPage;
      const page = Math.ceil(offset / perPage + 1);
      const items = slicePage(sorted, offset, perPage).map((t) => shape(req, tax, t, 'list'));
      return ok(items, paginationHeaders(req, `wp/v2/${tax.base}`, total, perPage, page));
    },
  };
}

function item(tax: Taxonomy) {
  const find = (req: RestRequest): StoredTerm | WpError => {
    const id = toInt(req.urlParams.id);
    const term = id > 0 ? req.site.terms.get(id) : undefined;
    if (!term || term.taxonomy !== tax.name) return new WpError('rest_term_invalid', 'Term does not exist.', { status: 404 });
    return term;
  };
  return {
    methods: ['GET'],
    args: {
      id: { description: 'Unique identifier for the term.', type: 'integer' as const },
      context: contextArg(['view', 'embed', 'edit']),
    },
    permission: (req: RestRequest) => {
      const term = find(req);
      if (term instanceof WpError) return term;
      return (
        editContextGate(
          req.viewer,
          req.params.get('context'),
          req.viewer?.can('manage_categories') ?? false,
          'Sorry, you are not allowed to edit this term.',
        ) ?? true
      );
    },
    callback: (req: RestRequest) => {
      const term = find(req);
      return term instanceof WpError ? term : ok(shape(req, tax, term, 'item'));
    },
  };
}

const canManage = (viewer: Viewer | null) => viewer?.can('manage_categories') ?? false;

/** `/wp/v2/categories`, `/wp/v2/tags`, `/wp/v2/genres` and their `/{id}` routes. */
export const termRoutes: Route[] = TAXONOMIES.flatMap((tax) => [
  {
    namespace: 'wp/v2',
    pattern: `/wp/v2/${tax.base}`,
    endpoints: [list(tax), writeEndpoints(['POST'], canManage)],
    ...(tax.schema ? { schema: tax.schema } : {}),
  },
  {
    namespace: 'wp/v2',
    pattern: `/wp/v2/${tax.base}/(?P<id>[\\d]+)`,
    endpoints: [item(tax), writeEndpoints(['POST', 'PUT', 'PATCH'], canManage), writeEndpoints(['DELETE'], canManage)],
  },
]);
