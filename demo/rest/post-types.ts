/**
 * `/wp/v2/posts`, `/wp/v2/pages` and `/wp/v2/media`: `WP_REST_Posts_Controller` and
 * `WP_REST_Attachments_Controller` over the bundled rows. The query mirrors what `get_items()` hands
 * `WP_Query` (statuses, include/exclude, authors, parents, slugs, dates, taxonomies, sticky, search and its
 * relevance order, offset/page); totals count the query's matches, and rows the viewer may not read are then
 * dropped from the page without changing the totals — as WordPress does.
 */
import type { Viewer } from './auth.ts';
import type { StoredMedia, StoredPost } from '../content-types.ts';
import { localString } from '../time.ts';
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
import { postLinks } from './links.ts';
import { type Args, type ArgSchema, parseList, toInt, validateOne } from './params.ts';
import type { PhpArray, PhpValue } from './php.ts';
import { fold, type PostRow, type Site } from './site.ts';
import { POST_TYPES, type PostTypeInfo, taxonomyByName } from './registry.ts';
import { ok, type RestRequest, type Route } from './types.ts';

type PostType = PostTypeInfo & { statusEnum: string[] };

const POST_STATI = [
  'publish',
  'future',
  'draft',
  'pending',
  'private',
  'trash',
  'auto-draft',
  'inherit',
  'request-pending',
  'request-confirmed',
  'request-failed',
  'request-completed',
  'any',
];

const TYPES: PostType[] = POST_TYPES.map((t) => ({
  ...t,
  statusEnum: t.name === 'attachment' ? ['inherit', 'private', 'trash'] : POST_STATI,
}));

/** Statuses `'any'` expands to: everything not excluded from search. */
const ANY = ['publish', 'future', 'draft', 'pending', 'private', 'inherit'];

const parentOf = (row: PostRow): number =>
  row.type === 'attachment' ? ((row as StoredMedia).post ?? 0) : 'parent' in row ? (row.parent ?? 0) : 0;

/** `read_post` for a signed-in viewer: editors read everything, others their own rows. */
function canReadNonPublic(viewer: Viewer | null, row: PostRow): boolean {
  if (!viewer) return false;
  if (row.status === 'private') return viewer.can('read_private_posts') || row.author === viewer.userId;
  if (row.status === 'trash') return false;
  return viewer.can('edit_others_posts') || (row.author === viewer.userId && viewer.can('edit_posts'));
}

/** `check_read_permission()`. */
export function canRead(site: Site, viewer: Viewer | null, row: PostRow, depth = 0): boolean {
  if (row.status === 'publish') return true;
  if (canReadNonPublic(viewer, row)) return true;
  if (row.status === 'inherit') {
    const parent = site.rows.get(parentOf(row));
    if (parent && depth < 5) return canRead(site, viewer, parent, depth + 1);
    return true;
  }
  return false;
}

/** `post_password_required()` is false for a row when the request carries its password. */
function passwordPasses(row: PostRow, password: unknown): boolean {
  const pw = row._demo?.password;
  return !pw || (typeof password === 'string' && password !== '' && password === pw);
}

/** The `view` record without private data; password-protected content and excerpt blanked unless unlocked. */
export function viewRecord(row: PostRow, password: unknown): Record<string, unknown> {
  const { _demo, ...view } = row;
  if (!_demo?.password || passwordPasses(row, password)) return view;
  const out: Record<string, unknown> = { ...view };
  if ('content' in view && view.content) out.content = { ...view.content, rendered: '' };
  if ('excerpt' in view && view.excerpt) out.excerpt = { ...view.excerpt, rendered: '' };
  return out;
}

function statusArg(type: PostType): ArgSchema {
  const arg: ArgSchema = {
    default: type.defaultStatus,
    description: 'Limit result set to posts assigned one or more statuses.',
    type: 'array',
    items: { enum: type.statusEnum, type: 'string' },
  };
  // sanitize_post_statuses(): any status but the default needs edit_posts (or read_private_posts for 'private').
  // The result is wp_parse_slug_list()'s: array_unique() keeps the keys of first occurrences, so
  // `draft,draft,pending` is [0 => draft, 2 => pending] (which the Link headers show).
  arg.sanitize = (value: PhpValue, viewer: Viewer | null) => {
    const statuses: PhpArray = new Map();
    parseList(value).forEach((s, i) => {
      const slug = slugForQuery(String(s));
      if (![...statuses.values()].includes(slug)) statuses.set(String(i), slug);
    });
    for (const status of statuses.values() as Iterable<string>) {
      if (status === type.defaultStatus) continue;
      if (viewer?.can('edit_posts') || (status === 'private' && viewer?.can('read_private_posts'))) {
        const err = validateOne(status, arg, 'status');
        if (err) return err;
      } else {
        return new WpError('rest_forbidden_status', 'Status is forbidden.', { status: authCode(viewer) });
      }
    }
    return statuses;
  };
  return arg;
}

const termQueryArg = (base: string, exclude: boolean, hierarchical: boolean): ArgSchema => {
  const props: Record<string, ArgSchema> = {
    terms: { description: 'Term IDs.', type: 'array', items: { type: 'integer' }, default: [] },
  };
  if (hierarchical)
    props.include_children = {
      description: 'Whether to include child terms in the terms limiting the result set.',
      type: 'boolean',
      default: false,
    };
  if (!exclude)
    props.operator = {
      description: 'Whether items must be assigned all or any of the specified terms.',
      type: 'string',
      enum: ['AND', 'OR'],
      default: 'OR',
    };
  return {
    description: exclude
      ? `Limit result set to items except those with specific terms assigned in the ${base} taxonomy.`
      : `Limit result set to items with specific terms assigned in the ${base} taxonomy.`,
    type: ['object', 'array'],
    oneOf: [
      { title: 'Term ID List', description: 'Match terms with the listed IDs.', type: 'array', items: { type: 'integer' } },
      {
        title: 'Term ID Taxonomy Query',
        description: 'Perform an advanced term query.',
        type: 'object',
        properties: props,
        additionalProperties: false,
      },
    ],
  };
};

/** `get_collection_params()` of the posts/attachments controllers, in WordPress's order. */
function collectionArgs(type: PostType): Args {
  const args: Args = {
    context: contextArg(['view', 'edit', 'embed']),
    ...PAGING_ARGS,
    after: { description: 'Limit response to posts published after a given ISO8601 compliant date.', type: 'string', format: 'date-time' },
    modified_after: {
      description: 'Limit response to posts modified after a given ISO8601 compliant date.',
      type: 'string',
      format: 'date-time',
    },
    author: {
      description: 'Limit result set to posts assigned to specific authors.',
      type: 'array',
      items: { type: 'integer' },
      default: [],
    },
    author_exclude: {
      description: 'Ensure result set excludes posts assigned to specific authors.',
      type: 'array',
      items: { type: 'integer' },
      default: [],
    },
    before: {
      description: 'Limit response to posts published before a given ISO8601 compliant date.',
      type: 'string',
      format: 'date-time',
    },
    modified_before: {
      description: 'Limit response to posts modified before a given ISO8601 compliant date.',
      type: 'string',
      format: 'date-time',
    },
    exclude: idListArg('Ensure result set excludes specific IDs.'),
    include: idListArg('Limit result set to specific IDs.'),
  };
  // Author filters only where the type supports authors (`post_type_supports( $type, 'author' )`).
  if (!type.supports.author) {
    delete args.author;
    delete args.author_exclude;
  }
  if (type.supports.pageAttributes)
    args.menu_order = { description: 'Limit result set to posts with a specific menu_order value.', type: 'integer' };
  args.offset = { description: 'Offset the result set by a specific number of items.', type: 'integer' };
  args.order = orderArg('desc');
  const orderby = ['author', 'date', 'id', 'include', 'modified', 'parent', 'relevance', 'slug', 'include_slugs', 'title'];
  if (type.supports.pageAttributes) orderby.push('menu_order');
  args.orderby = { description: 'Sort collection by post attribute.', type: 'string', default: 'date', enum: orderby };
  if (type.hierarchical || type.name === 'attachment') {
    args.parent = {
      description: 'Limit result set to items with particular parent IDs.',
      type: 'array',
      items: { type: 'integer' },
      default: [],
    };
    args.parent_exclude = {
      description: 'Limit result set to all items except those of a particular parent ID.',
      type: 'array',
      items: { type: 'integer' },
      default: [],
    };
  }
  args.slug = { description: 'Limit result set to posts with one or more specific slugs.', type: 'array', items: { type: 'string' } };
  args.status = statusArg(type);
  if (type.taxonomies.length > 0) {
    args.tax_relation = {
      description: 'Limit result set based on relationship between multiple taxonomies.',
      type: 'string',
      enum: ['AND', 'OR'],
    };
    for (const name of type.taxonomies) {
      const tax = taxonomyByName(name);
      if (!tax) continue;
      args[tax.base] = termQueryArg(tax.base, false, tax.hierarchical);
      args[`${tax.base}_exclude`] = termQueryArg(tax.base, true, tax.hierarchical);
    }
  }
  if (type.name === 'post') {
    args.sticky = { description: 'Limit result set to items that are sticky.', type: 'boolean' };
  }
  if (type.name === 'attachment') {
    args.media_type = {
      default: null,
      description: 'Limit result set to attachments of a particular media type.',
      type: 'string',
      enum: ['image', 'video', 'text', 'application', 'audio'],
    };
    args.mime_type = { default: null, description: 'Limit result set to attachments of a particular MIME type.', type: 'string' };
  }
  return args;
}

/** A date parameter as site-local wall time (`WP_Date_Query` assumes the site's zone when none is given). */
export function localWall(site: Site, value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(value);
  if (!m) return value;
  if (!m[3]) return `${m[1]}T${m[2]}`;
  const offset = m[3] === 'Z' ? 'Z' : m[3].length === 3 ? `${m[3]}:00` : m[3].includes(':') ? m[3] : `${m[3].slice(0, 3)}:${m[3].slice(3)}`;
  const ms = Date.parse(`${m[1]}T${m[2]}${offset}`);
  return Number.isNaN(ms) ? value : localString(ms, site.content.site.timezone_string || 'UTC');
}

interface TaxClause {
  /** The taxonomy's rest base: also the record key holding a post's term ids. */
  base: string;
  terms: number[];
  operator: 'IN' | 'AND' | 'NOT IN';
}

function descendants(site: Site, id: number): number[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) {
    for (const t of site.terms.values()) if (t.parent === out[i] && !out.includes(t.id)) out.push(t.id);
  }
  return out;
}

function taxClauses(site: Site, type: PostType, params: Map<string, unknown>): TaxClause[] {
  const clauses: TaxClause[] = [];
  for (const tax of type.taxonomies.map(taxonomyByName)) {
    if (!tax) continue;
    const base = tax.base;
    for (const exclude of [false, true]) {
      const value = params.get(exclude ? `${base}_exclude` : base);
      if (value === undefined) continue;
      let terms: number[] = [];
      let children = false;
      let operator: TaxClause['operator'] = exclude ? 'NOT IN' : 'IN';
      if (Array.isArray(value)) terms = ids(value);
      else if (value && typeof value === 'object') {
        const v = value as { terms?: unknown; include_children?: unknown; operator?: unknown };
        terms = ids(v.terms);
        children = tax.hierarchical && v.include_children === true;
        if (!exclude && v.operator === 'AND') operator = 'AND';
      }
      if (terms.length === 0) continue;
      if (children) terms = [...new Set(terms.flatMap((t) => descendants(site, t)))];
      clauses.push({ base, terms, operator });
    }
  }
  return clauses;
}

const STOPWORDS = new Set([
  'about',
  'an',
  'are',
  'as',
  'at',
  'be',
  'by',
  'com',
  'for',
  'from',
  'how',
  'in',
  'is',
  'it',
  'of',
  'on',
  'or',
  'that',
  'the',
  'this',
  'to',
  'was',
  'what',
  'when',
  'where',
  'who',
  'will',
  'with',
  'www',
]);

/** `WP_Query::parse_search_terms()`: quoted phrases, no stopwords, no lone letters. */
function searchTerms(search: string): string[] {
  const raw = search.match(/"[^"]+"|\S+/g) ?? [];
  const terms = raw.length > 9 ? [search] : raw;
  return terms
    .map((t) => t.replace(/^"|"$/g, '').trim())
    .filter((t) => t !== '' && !(t.length === 1 && /^[a-z-]$/i.test(t)) && !STOPWORDS.has(t.toLowerCase()));
}

/** Rows the query matches, before ordering. */
function matchRows(site: Site, type: PostType, req: RestRequest): PostRow[] | WpError {
  const p = req.params;
  const statusParam = p.get('status');
  const listed = statusParam instanceof Map || Array.isArray(statusParam);
  let statuses = listed ? parseList(statusParam).map(String) : [String(statusParam ?? type.defaultStatus)];
  if (statuses.includes('any')) statuses = ANY;
  if (type.name === 'attachment' && statuses.length === 0) statuses = ['inherit'];
  const include = ids(p.get('include'));
  let postIn = include.length > 0 ? include : null;
  const postNotIn = new Set(ids(p.get('exclude')));
  if (type.name === 'post' && req.query.has('sticky')) {
    const sticky = [...req.site.sticky];
    if (p.get('sticky') === true) {
      postIn = postIn ? sticky.filter((id) => postIn?.includes(id)) : sticky;
      if (postIn.length === 0) postIn = [0];
    } else {
      for (const id of sticky) postNotIn.add(id);
    }
  }
  const authors = ids(p.get('author'));
  const authorsOut = ids(p.get('author_exclude'));
  const parents = ids(p.get('parent'));
  const parentsOut = ids(p.get('parent_exclude'));
  const slugs = Array.isArray(p.get('slug')) ? (p.get('slug') as unknown[]).map((s) => slugForQuery(String(s))) : [];
  const dateParam = (key: string) => (typeof p.get(key) === 'string' && req.query.has(key) ? localWall(site, p.get(key) as string) : null);
  const before = dateParam('before');
  const after = dateParam('after');
  const modBefore = dateParam('modified_before');
  const modAfter = dateParam('modified_after');
  const menuOrder = req.query.has('menu_order') ? toInt(p.get('menu_order')) : null;
  const clauses = taxClauses(site, type, p);
  const relation = p.get('tax_relation') === 'OR' ? 'OR' : 'AND';
  const search = typeof p.get('search') === 'string' ? (p.get('search') as string) : '';
  const terms = search
    ? searchTerms(search).map((t) => ({ neg: t.startsWith('-') && t.length > 1, text: fold(t.replace(/^-(?=.)/, '')) }))
    : [];
  const mediaType = type.name === 'attachment' ? (p.get('media_type') as string | null) : null;
  const mimeType = type.name === 'attachment' ? (p.get('mime_type') as string | null) : null;

  return [...site.rows.values()].filter((row) => {
    if (row.type !== type.name) return false;
    if (!statuses.includes(row.status)) return false;
    if (postIn && !postIn.includes(row.id)) return false;
    if (postNotIn.has(row.id)) return false;
    if (authors.length > 0 && !authors.includes(row.author ?? 0)) return false;
    if (authorsOut.includes(row.author ?? 0)) return false;
    if (parents.length > 0 && !parents.includes(parentOf(row))) return false;
    if (parentsOut.includes(parentOf(row))) return false;
    if (slugs.length > 0 && !slugs.includes(row.slug ?? '')) return false;
    if (before && !((row.date ?? '') < before)) return false;
    if (after && !((row.date ?? '') > after)) return false;
    if (modBefore && !((row.modified ?? '') < modBefore)) return false;
    if (modAfter && !((row.modified ?? '') > modAfter)) return false;
    if (menuOrder !== null && ('menu_order' in row ? row.menu_order : 0) !== menuOrder) return false;
    if (mediaType && !(row as StoredMedia).mime_type?.startsWith(`${mediaType}/`)) return false;
    if (mimeType && /^[a-z]+\/[\w.+-]+$/.test(mimeType) && (row as StoredMedia).mime_type !== mimeType) return false;
    if (clauses.length > 0) {
      const post = row as StoredPost & Record<string, unknown>;
      const results = clauses.map((c) => {
        const assigned = Array.isArray(post[c.base]) ? (post[c.base] as number[]) : [];
        if (c.operator === 'IN') return c.terms.some((t) => assigned.includes(t));
        if (c.operator === 'AND') return c.terms.every((t) => assigned.includes(t));
        return !c.terms.some((t) => assigned.includes(t));
      });
      if (relation === 'AND' ? !results.every(Boolean) : !results.some(Boolean)) return false;
    }
    if (terms.length > 0) {
      const text = site.searchText.get(row.id);
      if (!text) return false;
      for (const t of terms) {
        const hit = text.title.includes(t.text) || text.excerpt.includes(t.text) || text.content.includes(t.text);
        if (hit === t.neg) return false;
      }
    }
    return true;
  });
}

/** `WP_Query`'s relevance CASE: phrase in title, all words in title, any word in title, phrase in excerpt, in content. */
function relevance(site: Site, row: PostRow, search: string): number {
  const text = site.searchText.get(row.id) ?? { title: '', excerpt: '', content: '' };
  const words = searchTerms(search).map(fold);
  if (words.length <= 1) return text.title.includes(words[0] ?? fold(search)) ? 0 : 1;
  const phrase = /(?:\s|^)-/.test(search) ? null : fold(search);
  if (phrase && text.title.includes(phrase)) return 1;
  if (words.length < 7 && words.every((w) => text.title.includes(w))) return 2;
  if (words.length < 7 && words.some((w) => text.title.includes(w))) return 3;
  if (phrase && text.excerpt.includes(phrase)) return 4;
  if (phrase && text.content.includes(phrase)) return 5;
  return 6;
}

function sortRows(site: Site, rows: PostRow[], req: RestRequest): PostRow[] {
  const p = req.params;
  const orderby = String(p.get('orderby') ?? 'date');
  const dir = p.get('order') === 'asc' ? 1 : -1;
  const byId = (a: PostRow, b: PostRow) => dir * (a.id - b.id);
  const cmp: Record<string, (a: PostRow, b: PostRow) => number> = {
    date: (a, b) => dir * ((a.date ?? '') < (b.date ?? '') ? -1 : (a.date ?? '') > (b.date ?? '') ? 1 : 0),
    modified: (a, b) => dir * ((a.modified ?? '') < (b.modified ?? '') ? -1 : (a.modified ?? '') > (b.modified ?? '') ? 1 : 0),
    id: () => 0,
    title: (a, b) => dir * compareText(site.searchText.get(a.id)?.title ?? '', site.searchText.get(b.id)?.title ?? ''),
    slug: (a, b) => dir * ((a.slug ?? '') < (b.slug ?? '') ? -1 : (a.slug ?? '') > (b.slug ?? '') ? 1 : 0),
    author: (a, b) => dir * ((a.author ?? 0) - (b.author ?? 0)),
    parent: (a, b) => dir * (parentOf(a) - parentOf(b)),
    menu_order: (a, b) => dir * (('menu_order' in a ? (a.menu_order ?? 0) : 0) - ('menu_order' in b ? (b.menu_order ?? 0) : 0)),
  };
  const sorted = [...rows];
  if (orderby === 'include') {
    // ORDER BY FIELD(ID, …): the include list's order; `order` does not apply.
    const include = ids(p.get('include'));
    return sorted.sort((a, b) => include.indexOf(a.id) - include.indexOf(b.id));
  }
  if (orderby === 'include_slugs') {
    const slugs = Array.isArray(p.get('slug')) ? (p.get('slug') as unknown[]).map((s) => slugForQuery(String(s))) : [];
    return sorted.sort((a, b) => slugs.indexOf(a.slug ?? '') - slugs.indexOf(b.slug ?? ''));
  }
  if (orderby === 'relevance') {
    const search = String(p.get('search') ?? '');
    const rank = new Map(sorted.map((r) => [r.id, relevance(site, r, search)]));
    return sorted.sort(
      (a, b) =>
        (rank.get(a.id) ?? 6) - (rank.get(b.id) ?? 6) || ((a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : 0),
    );
  }
  const primary = cmp[orderby] ?? cmp.date;
  return sorted.sort((a, b) => (primary as (x: PostRow, y: PostRow) => number)(a, b) || byId(a, b));
}

function shape(req: RestRequest, type: PostType, row: PostRow, placement: 'list' | 'item'): ShapedRecord {
  const context = String(req.params.get('context') ?? 'view');
  return shapeRecord(
    viewRecord(row, req.params.get('password')),
    type.base,
    context,
    requestedFields(req.params.get('_fields') ?? req.query.get('_fields')),
    () => postLinks(req.site, row),
    placement,
  );
}

function listEndpoint(type: PostType) {
  return {
    methods: ['GET'],
    args: collectionArgs(type),
    permission: (req: RestRequest) => {
      const gate = editContextGate(
        req.viewer,
        req.params.get('context'),
        req.viewer?.can('edit_posts') ?? false,
        `Sorry, you are not allowed to edit posts in this post type.`,
      );
      return gate ?? true;
    },
    callback: (req: RestRequest) => {
      const p = req.params;
      if (p.get('orderby') === 'relevance' && !p.get('search')) {
        return new WpError('rest_no_search_term_defined', 'You need to define a search term to order by relevance.', { status: 400 });
      }
      if (p.get('orderby') === 'include' && ids(p.get('include')).length === 0) {
        return new WpError('rest_orderby_include_missing_include', 'You need to define an include parameter to order by include.', {
          status: 400,
        });
      }
      const matched = matchRows(req.site, type, req);
      if (matched instanceof WpError) return matched;
      const sorted = sortRows(req.site, matched, req);
      const perPage = toInt(p.get('per_page') ?? 10);
      const page = toInt(p.get('page') ?? 1);
      // WP_Query: a non-empty offset wins over page (which still drives the page-bounds check and Link headers).
      const offset = toInt(p.get('offset') ?? 0) ? Math.abs(toInt(p.get('offset'))) : (page - 1) * perPage;
      const total = sorted.length;
      const maxPages = Math.ceil(total / perPage);
      if (page > maxPages && total > 0) {
        return new WpError('rest_post_invalid_page_number', 'The page number requested is larger than the number of pages available.', {
          status: 400,
        });
      }
      const items = slicePage(sorted, Math.max(0, offset), perPage)
        .filter((row) => canRead(req.site, req.viewer, row))
        .map((row) => shape(req, type, row, 'list'));
      return ok(items, paginationHeaders(req, `wp/v2/${type.base}`, total, perPage, page));
    },
  };
}

function itemEndpoint(type: PostType) {
  const args: Args = {
    id: { description: 'Unique identifier for the post.', type: 'integer' },
    context: contextArg(['view', 'edit', 'embed']),
  };
  if (type.name !== 'attachment') args.password = { description: 'The password for the post if it is password protected.', type: 'string' };
  const find = (req: RestRequest): PostRow | WpError => {
    const id = toInt(req.urlParams.id);
    const row = id > 0 ? req.site.rows.get(id) : undefined;
    if (!row || row.type !== type.name) return new WpError('rest_post_invalid_id', 'Invalid post ID.', { status: 404 });
    return row;
  };
  return {
    methods: ['GET'],
    args,
    permission: (req: RestRequest) => {
      const row = find(req);
      if (row instanceof WpError) return row;
      const canEdit = canReadNonPublic(req.viewer, row) || (req.viewer?.can('edit_others_posts') ?? false);
      const gate = editContextGate(req.viewer, req.params.get('context'), canEdit, 'Sorry, you are not allowed to edit this post.');
      if (gate) return gate;
      const password = req.params.get('password');
      if (typeof password === 'string' && password !== '' && password !== (row._demo?.password ?? '')) {
        return new WpError('rest_post_incorrect_password', 'Incorrect post password.', { status: 403 });
      }
      return canRead(req.site, req.viewer, row);
    },
    callback: (req: RestRequest) => {
      const row = find(req);
      if (row instanceof WpError) return row;
      return ok(shape(req, type, row, 'item'), { Link: `<${row.link}>; rel="alternate"; type=text/html` });
    },
  };
}

/** The routes of one post type. */
function routesFor(type: PostType): Route[] {
  const canWrite = (viewer: Viewer | null) => viewer?.can(type.name === 'attachment' ? 'upload_files' : 'edit_posts') ?? false;
  const canEditItem = (viewer: Viewer | null) => viewer?.can('edit_others_posts') ?? false;
  return [
    {
      namespace: 'wp/v2',
      pattern: `/wp/v2/${type.base}`,
      endpoints: [listEndpoint(type), writeEndpoints(['POST'], canWrite)],
      ...(type.schema ? { schema: type.schema } : {}),
    },
    {
      namespace: 'wp/v2',
      pattern: `/wp/v2/${type.base}/(?P<id>[\\d]+)`,
      endpoints: [itemEndpoint(type), writeEndpoints(['POST', 'PUT', 'PATCH'], canEditItem), writeEndpoints(['DELETE'], canEditItem)],
    },
  ];
}

/** `/wp/v2/posts`, `/wp/v2/pages`, `/wp/v2/media`, the custom types' collections and their `/{id}` routes. */
export const postTypeRoutes: Route[] = TYPES.flatMap(routesFor);
