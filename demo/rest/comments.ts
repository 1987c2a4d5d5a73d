/**
 * `/wp/v2/comments`: `WP_REST_Comments_Controller`. `post` and `parent` take lists; `status` other than
 * `approve` (and `author`, `type`, …) need `edit_posts`, else 401/403 `rest_forbidden_param`; comments on
 * posts the viewer cannot read (drafts, private, password-protected without the password) and unapproved
 * ones are dropped from the page after the query, so `X-WP-Total` still counts them, as in WordPress.
 */
import type { StoredComment } from '../content-types.ts';
import type { Viewer } from './auth.ts';
import {
  contextArg,
  editContextGate,
  idListArg,
  ids,
  orderArg,
  PAGING_ARGS,
  paginationHeaders,
  slicePage,
  writeEndpoints,
} from './common.ts';
import { authCode, WpError } from './errors.ts';
import { requestedFields, type ShapedRecord, shapeRecord } from './fields.ts';
import { commentLinks } from './links.ts';
import { type Args, sanitizeKey, toInt } from './params.ts';
import { canRead, localWall } from './post-types.ts';
import { fold, type PostRow } from './site.ts';
import { ok, type RestRequest, type Route } from './types.ts';

const ARGS: Args = {
  context: contextArg(['view', 'edit', 'embed']),
  ...PAGING_ARGS,
  after: { description: 'Limit response to comments published after a given ISO8601 compliant date.', type: 'string', format: 'date-time' },
  author: {
    description: 'Limit result set to comments assigned to specific user IDs. Requires authorization.',
    type: 'array',
    items: { type: 'integer' },
  },
  author_exclude: {
    description: 'Ensure result set excludes comments assigned to specific user IDs. Requires authorization.',
    type: 'array',
    items: { type: 'integer' },
  },
  author_email: {
    default: null,
    description: 'Limit result set to that from a specific author email. Requires authorization.',
    format: 'email',
    type: 'string',
  },
  before: {
    description: 'Limit response to comments published before a given ISO8601 compliant date.',
    type: 'string',
    format: 'date-time',
  },
  exclude: idListArg('Ensure result set excludes specific IDs.'),
  include: idListArg('Limit result set to specific IDs.'),
  offset: { description: 'Offset the result set by a specific number of items.', type: 'integer' },
  order: orderArg('desc'),
  orderby: {
    description: 'Sort collection by comment attribute.',
    type: 'string',
    default: 'date_gmt',
    enum: ['date', 'date_gmt', 'id', 'include', 'post', 'parent', 'type'],
  },
  parent: { default: [], description: 'Limit result set to comments of specific parent IDs.', type: 'array', items: { type: 'integer' } },
  parent_exclude: {
    default: [],
    description: 'Ensure result set excludes specific parent IDs.',
    type: 'array',
    items: { type: 'integer' },
  },
  post: {
    default: [],
    description: 'Limit result set to comments assigned to specific post IDs.',
    type: 'array',
    items: { type: 'integer' },
  },
  status: {
    default: 'approve',
    description: 'Limit result set to comments assigned a specific status. Requires authorization.',
    sanitize: (v) => sanitizeKey(v),
    type: 'string',
    validate: true,
  },
  type: {
    default: 'comment',
    description: 'Limit result set to comments assigned a specific type. Requires authorization.',
    sanitize: (v) => sanitizeKey(v),
    type: 'string',
    validate: true,
  },
  password: { description: 'The password for the post if it is password protected.', type: 'string' },
};

/** `check_read_post_permission()`: the post's password only counts when one post (or one comment) was asked for. */
function canReadPost(req: RestRequest, post: PostRow, single: boolean): boolean {
  if (post._demo?.password) {
    const pw = req.params.get('password');
    const unlocked = single && typeof pw === 'string' && pw !== '' && pw === post._demo.password;
    if (!unlocked) return req.viewer?.can('edit_others_posts') ?? false;
  }
  return canRead(req.site, req.viewer, post);
}

/** `check_read_permission()` of a comment. */
function canReadComment(req: RestRequest, c: StoredComment, single: boolean): boolean {
  const post = c.post ? req.site.rows.get(c.post) : undefined;
  if (post && canReadPost(req, post, single) && c.status === 'approved') return true;
  const v = req.viewer;
  if (!v) return false;
  if (!c.post && !v.can('moderate_comments')) return false;
  if (c.author && c.author === v.userId) return true;
  return v.can('moderate_comments');
}

/** WP_Comment_Query's `status`: `approve`, `hold`, `all` (both), `any`, or a raw `comment_approved` value. */
function statusMatches(status: string, c: StoredComment): boolean {
  switch (status) {
    case 'approve':
      return c.status === 'approved';
    case 'hold':
      return c.status === 'hold';
    case 'all':
    case '':
      return c.status === 'approved' || c.status === 'hold';
    case 'any':
      return true;
    default:
      return c.status === status;
  }
}

function shape(req: RestRequest, c: StoredComment, placement: 'list' | 'item'): ShapedRecord {
  const { _demo, ...view } = c;
  return shapeRecord(
    view,
    'comments',
    String(req.params.get('context') ?? 'view'),
    requestedFields(req.params.get('_fields')),
    () => commentLinks(req.site, c),
    placement,
  );
}

const list = {
  methods: ['GET'],
  args: ARGS,
  permission: (req: RestRequest) => {
    const v = req.viewer;
    const posts = ids(req.params.get('post'));
    const single = posts.length === 1;
    for (const id of posts) {
      const post = req.site.rows.get(id);
      if (id !== 0 && post && !canReadPost(req, post, single)) {
        return new WpError('rest_cannot_read_post', 'Sorry, you are not allowed to read the post for this comment.', {
          status: authCode(v),
        });
      }
      if (id === 0 && !v?.can('moderate_comments')) {
        return new WpError('rest_cannot_read', 'Sorry, you are not allowed to read comments without a post.', { status: authCode(v) });
      }
    }
    const gate = editContextGate(
      v,
      req.params.get('context'),
      v?.can('moderate_comments') ?? false,
      'Sorry, you are not allowed to edit comments.',
    );
    if (gate) return gate;
    if (!v?.can('edit_posts')) {
      const forbidden: string[] = [];
      for (const param of ['author', 'author_exclude', 'author_email', 'type', 'status']) {
        const value = req.params.get(param);
        if (
          param === 'status'
            ? value !== 'approve'
            : param === 'type'
              ? value !== 'comment'
              : Array.isArray(value)
                ? value.length > 0
                : Boolean(value)
        ) {
          forbidden.push(param);
        }
      }
      if (forbidden.length > 0) {
        return new WpError('rest_forbidden_param', `Query parameter not permitted: ${forbidden.join(', ')}`, { status: authCode(v) });
      }
    }
    return true;
  },
  callback: (req: RestRequest) => {
    const p = req.params;
    const posts = ids(p.get('post'));
    const parents = ids(p.get('parent'));
    const parentsOut = ids(p.get('parent_exclude'));
    const include = ids(p.get('include'));
    const exclude = ids(p.get('exclude'));
    const authors = ids(p.get('author'));
    const authorsOut = ids(p.get('author_exclude'));
    const email = typeof p.get('author_email') === 'string' ? (p.get('author_email') as string).toLowerCase() : '';
    const status = String(p.get('status') ?? 'approve');
    const type = String(p.get('type') ?? 'comment');
    const search = typeof p.get('search') === 'string' ? fold(p.get('search') as string) : '';
    const before = req.query.has('before') ? localWall(req.site, String(p.get('before'))) : null;
    const after = req.query.has('after') ? localWall(req.site, String(p.get('after'))) : null;
    const matched = [...req.site.comments.values()].filter((c) => {
      if (!statusMatches(status, c)) return false;
      if (type !== 'all' && c.type !== type) return false;
      if (posts.length > 0 && !posts.includes(c.post ?? 0)) return false;
      if (parents.length > 0 && !parents.includes(c.parent ?? 0)) return false;
      if (parentsOut.includes(c.parent ?? 0)) return false;
      if (include.length > 0 && !include.includes(c.id)) return false;
      if (exclude.includes(c.id)) return false;
      if (authors.length > 0 && !authors.includes(c.author ?? 0)) return false;
      if (authorsOut.includes(c.author ?? 0)) return false;
      if (email && c._demo?.author_email.toLowerCase() !== email) return false;
      if (before && !((c.date ?? '') < before)) return false;
      if (after && !((c.date ?? '') > after)) return false;
      if (search) {
        const hay = fold(`${c.author_name} ${c._demo?.author_email ?? ''} ${c.author_url} ${c.content?.rendered ?? ''}`);
        if (!hay.includes(search)) return false;
      }
      return true;
    });
    const orderby = String(p.get('orderby') ?? 'date_gmt');
    const dir = p.get('order') === 'asc' ? 1 : -1;
    const str = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const cmp: Record<string, (a: StoredComment, b: StoredComment) => number> = {
      date: (a, b) => dir * str(a.date ?? '', b.date ?? ''),
      date_gmt: (a, b) => dir * str(a.date_gmt ?? '', b.date_gmt ?? ''),
      id: () => 0,
      include: (a, b) => include.indexOf(a.id) - include.indexOf(b.id),
      post: (a, b) => dir * ((a.post ?? 0) - (b.post ?? 0)),
      parent: (a, b) => dir * ((a.parent ?? 0) - (b.parent ?? 0)),
      type: (a, b) => dir * str(a.type ?? '', b.type ?? ''),
    };
    const by = cmp[orderby] ?? cmp.date_gmt;
    // WP_Comment_Query breaks ties on comment_ID in the same direction.
    const sorted = matched.sort((a, b) => (by as (x: StoredComment, y: StoredComment) => number)(a, b) || dir * (a.id - b.id));
    const perPage = toInt(p.get('per_page') ?? 10);
    const page = toInt(p.get('page') ?? 1);
    const offset = toInt(p.get('offset') ?? 0) ? toInt(p.get('offset')) : perPage * (page - 1);
    const single = posts.length === 1;
    const items = slicePage(sorted, offset, perPage)
      .filter((c) => canReadComment(req, c, single))
      .map((c) => shape(req, c, 'list'));
    return ok(items, paginationHeaders(req, 'wp/v2/comments', sorted.length, perPage, page));
  },
};

function findComment(req: RestRequest): StoredComment | WpError {
  const id = toInt(req.urlParams.id);
  const c = id > 0 ? req.site.comments.get(id) : undefined;
  if (!c) return new WpError('rest_comment_invalid_id', 'Invalid comment ID.', { status: 404 });
  if (c.post && !req.site.rows.has(c.post)) return new WpError('rest_post_invalid_id', 'Invalid post ID.', { status: 404 });
  return c;
}

const item = {
  methods: ['GET'],
  args: {
    id: { description: 'Unique identifier for the comment.', type: 'integer' as const },
    context: contextArg(['view', 'edit', 'embed']),
    password: {
      description: 'The password for the parent post of the comment (if the post is password protected).',
      type: 'string' as const,
    },
  },
  permission: (req: RestRequest) => {
    const c = findComment(req);
    if (c instanceof WpError) return c;
    const v = req.viewer;
    const gate = editContextGate(
      v,
      req.params.get('context'),
      v?.can('moderate_comments') ?? false,
      'Sorry, you are not allowed to edit comments.',
    );
    if (gate) return gate;
    if (!canReadComment(req, c, true))
      return new WpError('rest_cannot_read', 'Sorry, you are not allowed to read this comment.', { status: authCode(v) });
    const post = c.post ? req.site.rows.get(c.post) : undefined;
    if (post && !canReadPost(req, post, true)) {
      return new WpError('rest_cannot_read_post', 'Sorry, you are not allowed to read the post for this comment.', { status: authCode(v) });
    }
    return true;
  },
  callback: (req: RestRequest) => {
    const c = findComment(req);
    return c instanceof WpError ? c : ok(shape(req, c, 'item'));
  },
};

const canModerate = (viewer: Viewer | null) => viewer?.can('moderate_comments') ?? false;

/** `/wp/v2/comments` and `/wp/v2/comments/{id}`. */
export const commentRoutes: Route[] = [
  { namespace: 'wp/v2', pattern: '/wp/v2/comments', endpoints: [list, writeEndpoints(['POST'], (v) => v !== null)] },
  {
    namespace: 'wp/v2',
    pattern: '/wp/v2/comments/(?P<id>[\\d]+)',
    endpoints: [item, writeEndpoints(['POST', 'PUT', 'PATCH'], canModerate), writeEndpoints(['DELETE'], canModerate)],
  },
];
