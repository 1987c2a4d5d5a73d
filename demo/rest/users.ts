/**
 * `/wp/v2/users`: `WP_REST_Users_Controller`. Without `list_users` (anonymous callers, and editors too),
 * the list holds only users with published posts or pages, and `/users/{id}` of anyone else is
 * 401/403 `rest_user_cannot_view` — except one's own record, and `/users/me`.
 */
import type { StoredUser } from '../content-types.ts';
import { capabilitiesOf, type Viewer } from './auth.ts';
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
import { userLinks } from './links.ts';
import { type Args, parseList, toInt } from './params.ts';
import type { Site } from './site.ts';
import { ok, type RestRequest, type Route } from './types.ts';

const ARGS: Args = {
  context: contextArg(['embed', 'view', 'edit']),
  ...PAGING_ARGS,
  exclude: idListArg('Ensure result set excludes specific IDs.'),
  include: idListArg('Limit result set to specific IDs.'),
  offset: { description: 'Offset the result set by a specific number of items.', type: 'integer' },
  order: { ...orderArg('asc') },
  orderby: {
    default: 'name',
    description: 'Sort collection by user attribute.',
    enum: ['id', 'include', 'name', 'registered_date', 'slug', 'include_slugs', 'email', 'url'],
    type: 'string',
  },
  slug: { description: 'Limit result set to users with one or more specific slugs.', type: 'array', items: { type: 'string' } },
  roles: {
    description: 'Limit result set to users matching at least one specific role provided. Accepts csv list or single role.',
    type: 'array',
    items: { type: 'string' },
  },
  capabilities: {
    description: 'Limit result set to users matching at least one specific capability provided. Accepts csv list or single capability.',
    type: 'array',
    items: { type: 'string' },
  },
  who: { description: 'Limit result set to users who are considered authors.', type: 'string', enum: ['authors'] },
  has_published_posts: {
    description: 'Limit result set to users who have published posts.',
    type: ['boolean', 'array'],
    items: {
      type: 'string',
      enum: ['post', 'page', 'attachment', 'nav_menu_item', 'wp_block', 'wp_template', 'wp_template_part', 'wp_navigation'],
    },
  },
};

/**
 * The `user_level` WordPress stores for each role (the highest of a user's roles): `who=authors` is
 * `WP_User_Query`'s meta query `user_level != 0` — contributors and above, never subscribers or users without
 * a role on the site.
 */
const ROLE_LEVELS: Record<string, number> = { administrator: 10, editor: 7, author: 2, contributor: 1, subscriber: 0 };

const userLevel = (user: StoredUser): number => Math.max(0, ...(user._demo?.roles ?? []).map((r) => ROLE_LEVELS[r] ?? 0));

/** Published rows per author, by post type (`count_user_posts` for public types). */
function publishedTypes(site: Site, userId: number): Set<string> {
  const types = new Set<string>();
  for (const row of site.rows.values()) if (row.author === userId && row.status === 'publish') types.add(row.type ?? 'post');
  return types;
}

/** `count_user_posts()` as the single-user check uses it: published, plus private ones the viewer may read. */
function countsAsAuthor(site: Site, viewer: Viewer | null, userId: number): boolean {
  for (const row of site.rows.values()) {
    if (row.author !== userId) continue;
    if (row.status === 'publish' || (row.status === 'private' && viewer?.can('read_private_posts'))) return true;
  }
  return false;
}

/**
 * The edit context's extra fields the gateway reads: `first_name`/`last_name` (the demo keeps a display name only:
 * its first word and the rest), `roles` and `capabilities`. WordPress prints more (email, username, locale, …).
 */
function editFields(user: StoredUser): Record<string, unknown> {
  const [first = '', ...rest] = (user.name ?? '').split(' ');
  const roles = user._demo?.roles ?? [];
  return { first_name: first, last_name: rest.join(' '), roles, capabilities: capabilitiesOf(roles) };
}

/** The `context=edit` fields the demo renders (with the view ones): a request naming only these is served. */
const EDIT_FIELDS_SERVED = new Set(['id', 'name', 'slug', 'first_name', 'last_name', 'roles', 'capabilities']);

/**
 * {@link editContextGate} for users: a capable caller whose `_fields` names only {@link EDIT_FIELDS_SERVED} (the
 * gateway's names read) is served; any other edit request still gets the demo's explicit 501.
 */
function usersEditGate(req: RestRequest, allowed: boolean, message: string): WpError | null {
  const gate = editContextGate(req.viewer, req.params.get('context'), allowed, message);
  if (gate?.code !== 'demo_context_unsupported') return gate;
  const fields = requestedFields(req.params.get('_fields'));
  return fields?.every((f) => EDIT_FIELDS_SERVED.has(f)) ? null : gate;
}

function shape(req: RestRequest, user: StoredUser, placement: 'list' | 'item'): ShapedRecord {
  const { _demo, ...view } = user;
  const context = String(req.params.get('context') ?? 'view');
  return shapeRecord(
    context === 'edit' ? { ...view, ...editFields(user) } : view,
    'users',
    String(req.params.get('context') ?? 'view'),
    requestedFields(req.params.get('_fields')),
    () => userLinks(req.site, user),
    placement,
  );
}

const list = {
  methods: ['GET'],
  args: ARGS,
  permission: (req: RestRequest) => {
    const v = req.viewer;
    const listUsers = v?.can('list_users') ?? false;
    if (parseList(req.params.get('roles')).length > 0 && !listUsers) {
      return new WpError('rest_user_cannot_view', 'Sorry, you are not allowed to filter users by role.', { status: authCode(v) });
    }
    if (parseList(req.params.get('capabilities')).length > 0 && !listUsers) {
      return new WpError('rest_user_cannot_view', 'Sorry, you are not allowed to filter users by capability.', { status: authCode(v) });
    }
    const gate = usersEditGate(req, listUsers, 'Sorry, you are not allowed to edit users.');
    if (gate) return gate;
    if (['email', 'registered_date'].includes(String(req.params.get('orderby'))) && !listUsers) {
      return new WpError('rest_forbidden_orderby', 'Sorry, you are not allowed to order users by this parameter.', { status: authCode(v) });
    }
    if (req.params.get('who') === 'authors' && !(v?.can('edit_posts') ?? false)) {
      return new WpError('rest_forbidden_who', 'Sorry, you are not allowed to query users by this parameter.', { status: authCode(v) });
    }
    return true;
  },
  callback: (req: RestRequest) => {
    const p = req.params;
    const site = req.site;
    const listUsers = req.viewer?.can('list_users') ?? false;
    const include = ids(p.get('include'));
    const exclude = ids(p.get('exclude'));
    const slugs = Array.isArray(p.get('slug')) ? (p.get('slug') as unknown[]).map((s) => slugForQuery(String(s))) : [];
    const roles = parseList(p.get('roles')).map(String);
    const search = typeof p.get('search') === 'string' ? (p.get('search') as string).toLowerCase() : '';
    const hpp = p.get('has_published_posts');
    // Without list_users WordPress forces has_published_posts over every REST post type.
    const authorsOnly = p.get('who') === 'authors';
    let requireTypes: string[] | null = authorsOnly || listUsers ? null : ['post', 'page', 'attachment'];
    if (hpp === true) requireTypes = ['post', 'page', 'attachment'];
    else if (Array.isArray(hpp) && hpp.length > 0) requireTypes = hpp.map(String);
    const matched = [...site.users.values()].filter((u) => {
      if (include.length > 0 && !include.includes(u.id)) return false;
      if (exclude.includes(u.id)) return false;
      if (slugs.length > 0 && !slugs.includes(u.slug ?? '')) return false;
      if (roles.length > 0 && !roles.some((r) => u._demo?.roles.includes(r))) return false;
      if (authorsOnly && userLevel(u) === 0) return false;
      if (requireTypes) {
        const published = publishedTypes(site, u.id);
        if (!requireTypes.some((t) => published.has(t))) return false;
      }
      if (search) {
        const cols = [String(u.id), u._demo?.login ?? '', u.slug ?? '', u.name ?? ''];
        if (listUsers) cols.push(u._demo?.email ?? '', u.url ?? '');
        if (!cols.some((c) => c.toLowerCase().includes(search))) return false;
      }
      return true;
    });
    const orderby = String(p.get('orderby') ?? 'name');
    const dir = p.get('order') === 'desc' ? -1 : 1;
    const cmp: Record<string, (a: StoredUser, b: StoredUser) => number> = {
      id: (a, b) => a.id - b.id,
      include: (a, b) => include.indexOf(a.id) - include.indexOf(b.id),
      name: (a, b) => compareText(a.name ?? '', b.name ?? ''),
      registered_date: (a, b) => a.id - b.id,
      slug: (a, b) => ((a.slug ?? '') < (b.slug ?? '') ? -1 : (a.slug ?? '') > (b.slug ?? '') ? 1 : 0),
      include_slugs: (a, b) => slugs.indexOf(a.slug ?? '') - slugs.indexOf(b.slug ?? ''),
      email: (a, b) => compareText(a._demo?.email ?? '', b._demo?.email ?? ''),
      url: (a, b) => compareText(a.url ?? '', b.url ?? ''),
    };
    const by = cmp[orderby] ?? cmp.name;
    const sorted = matched.sort((a, b) => dir * (by as (x: StoredUser, y: StoredUser) => number)(a, b) || a.id - b.id);
    const perPage = toInt(p.get('per_page') ?? 10);
    const offset = toInt(p.get('offset') ?? 0) ? toInt(p.get('offset')) : (toInt(p.get('page') ?? 1) - 1) * perPage;
    const page = Math.ceil(offset / perPage + 1);
    const items = slicePage(sorted, offset, perPage).map((u) => shape(req, u, 'list'));
    return ok(items, paginationHeaders(req, 'wp/v2/users', sorted.length, perPage, page));
  },
};

function findUser(req: RestRequest): StoredUser | WpError {
  const id = toInt(req.urlParams.id);
  const user = id > 0 ? req.site.users.get(id) : undefined;
  return user ?? new WpError('rest_user_invalid_id', 'Invalid user ID.', { status: 404 });
}

const item = {
  methods: ['GET'],
  args: {
    id: { description: 'Unique identifier for the user.', type: 'integer' as const },
    context: contextArg(['embed', 'view', 'edit']),
  },
  permission: (req: RestRequest) => {
    const user = findUser(req);
    if (user instanceof WpError) return user;
    const v = req.viewer;
    if (v && v.userId === user.id) return true;
    const gate = editContextGate(
      v,
      req.params.get('context'),
      v?.can('edit_users') ?? false,
      'Sorry, you are not allowed to edit this user.',
    );
    if (gate) return gate;
    if (!(v?.can('edit_users') || v?.can('list_users')) && !countsAsAuthor(req.site, v, user.id)) {
      return new WpError('rest_user_cannot_view', 'Sorry, you are not allowed to list users.', { status: authCode(v) });
    }
    return true;
  },
  callback: (req: RestRequest) => {
    const user = findUser(req);
    return user instanceof WpError ? user : ok(shape(req, user, 'item'));
  },
};

const me = {
  methods: ['GET'],
  args: { context: contextArg(['embed', 'view', 'edit']) },
  permission: (req: RestRequest) =>
    req.viewer ? true : new WpError('rest_not_logged_in', 'You are not currently logged in.', { status: 401 }),
  callback: (req: RestRequest) => {
    const user = req.viewer ? req.site.users.get(req.viewer.userId) : undefined;
    return user ? ok(shape(req, user, 'item')) : new WpError('rest_not_logged_in', 'You are not currently logged in.', { status: 401 });
  },
};

const canEditUsers = (viewer: Viewer | null) => viewer?.can('edit_users') ?? false;

/** `/wp/v2/users`, `/wp/v2/users/{id}` and `/wp/v2/users/me`. */
export const userRoutes: Route[] = [
  { namespace: 'wp/v2', pattern: '/wp/v2/users', endpoints: [list, writeEndpoints(['POST'], canEditUsers)] },
  {
    namespace: 'wp/v2',
    pattern: '/wp/v2/users/(?P<id>[\\d]+)',
    endpoints: [item, writeEndpoints(['POST', 'PUT', 'PATCH'], canEditUsers), writeEndpoints(['DELETE'], canEditUsers)],
  },
  {
    namespace: 'wp/v2',
    pattern: '/wp/v2/users/me',
    endpoints: [me, writeEndpoints(['POST', 'PUT', 'PATCH'], (v) => v !== null), writeEndpoints(['DELETE'], canEditUsers)],
  },
];
