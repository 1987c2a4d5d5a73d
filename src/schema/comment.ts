import { GraphQLError } from 'graphql';
import { builder, type BuilderTypes } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import type { AvatarArgs, AvatarModel } from '../models/avatar.ts';
import {
  commentAuthorAvatar,
  commentContent,
  toCommentAuthorModel,
  type CommentAuthorModel,
  type CommentModel,
} from '../models/comment.ts';
import { userAvatar, type UserModel } from '../models/user.ts';
import type { ListQuery } from '../loaders/list-query.ts';
import {
  defineConnection,
  defineOneToOneEdge,
  EdgeInterface,
  OneToOneConnection,
  offsetToCursor,
  sliceConnection,
  type ConnectionArgs,
  type EdgeShape,
  paginationArgs,
} from './connections.ts';
import { databaseIdArgument } from './content-fields.ts';
import { offsetPaginationField, referenceEnum, referenceInput } from './inputs.ts';
import { ContentNode, DatabaseIdentifier, Node, UniformResourceIdentifiable } from './interfaces.ts';
import { refusedAuthorFilter } from '../loaders/user-comments.ts';
import { type ConnectionShape, pagedConnection } from './connections.ts';
import { restConnection } from './rest-connection.ts';
import { CommentRef } from './object-refs.ts';
import { scalarFields } from './scalar-fields.ts';
import { badInput } from './where/args.ts';
import { COMMENT_WHERE_FIELDS, commentWhereToRest, type CommentWhere } from './where/comments.ts';
import { fromGlobalId } from '../models/global-id.ts';
import { restRecord, restSources } from './rest-sources.ts';

/** `Comment`, its commenters (`User` or the guest `CommentAuthor`) and `Avatar`. */

const AvatarRatingEnum = referenceEnum('AvatarRatingEnum');

export const Avatar = builder.objectRef<AvatarModel>('Avatar').implement({
  description: 'Avatars are profile images for users. WordPress by default uses the Gravatar service to host and fetch avatars from.',
  fields: (t) =>
    scalarFields(t, 'Avatar', [
      'default',
      'extraAttr',
      'forceDefault',
      'foundAvatar',
      'height',
      'isRestricted',
      'rating',
      'scheme',
      'size',
      'url',
      'width',
    ]),
});

/** `avatar(size: Int = 96, forceDefault, rating)`, as User, CommentAuthor and Commenter declare it. */
export function avatarField<M>(
  t: PothosSchemaTypes.FieldBuilder<BuilderTypes, M, 'Object' | 'Interface'>,
  resolve: (model: M, args: AvatarArgs) => AvatarModel | null,
  /** The REST field holding the avatar URLs on this record (`avatar_urls`, a comment's `author_avatar_urls`). */
  source = 'avatar_urls',
) {
  const b = t as unknown as PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, M>;
  return b.field({
    type: Avatar,
    extensions: restSources(source),
    description: 'Avatar object for user. The avatar object can be retrieved in different sizes by specifying the size argument.',
    args: {
      size: b.arg.int({
        defaultValue: 96,
        description:
          'The size attribute of the avatar field can be used to fetch avatars of different sizes. The value corresponds to the dimension in pixels to fetch. The default is 96 pixels.',
      }),
      forceDefault: b.arg.boolean({ description: 'Whether to always show the default image, never the Gravatar. Default false' }),
      rating: b.arg({ type: AvatarRatingEnum, description: 'The rating level of the avatar.' }),
    },
    resolve: (model, args) => resolve(model as M, args),
  });
}

type CommenterModel = UserModel | CommentAuthorModel;

export const Commenter = builder.interfaceRef<CommenterModel>('Commenter').implement({
  description: 'The author of a comment',
  interfaces: [Node, DatabaseIdentifier],
  resolveType: (value) => value.__typename,
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, extensions: restSources('id') }),
    ...scalarFields(t, 'Commenter', { databaseId: ['id'], email: [], isRestricted: [], name: ['name'], url: ['url'] }),
    // WPGraphQL declares `avatar` without arguments here; User and CommentAuthor add `size`, `forceDefault`, `rating`.
    avatar: t.field({
      type: Avatar,
      description: 'Avatar object for user. The avatar object can be retrieved in different sizes by specifying the size argument.',
      resolve: (m) => (m.__typename === 'User' ? userAvatar(m, { size: 96 }) : commentAuthorAvatar(m, { size: 96 })),
    }),
  }),
});

// Reached only through the Commenter interface (a comment's author), so nothing names this ref again.
builder.objectRef<CommentAuthorModel>('CommentAuthor').implement({
  extensions: restRecord('comments'),
  description: 'A Comment Author object',
  interfaces: [Node, Commenter, DatabaseIdentifier],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'CommentAuthor',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, extensions: restSources('id') }),
    ...scalarFields(
      t,
      'Commenter',
      // A guest commenter is read from its comment record.
      { databaseId: ['id'], email: [], isRestricted: [], name: ['author_name'], url: ['author_url'] },
    ),
    avatar: avatarField(t, (m: CommentAuthorModel, args) => commentAuthorAvatar(m, args), 'author_avatar_urls'),
  }),
});

/** `Comment.author`: an edge with the commenter and, on the edge, the name/url the comment was left with. */
interface CommenterEdge extends EdgeShape<CommenterModel> {
  name: string | null;
  url: string | null;
  email: null;
  ipAddress: null;
}

const CommenterConnectionEdge = builder.interfaceRef<CommenterEdge>('CommenterConnectionEdge').implement({
  description: 'Edge between a node and a connected Commenter',
  interfaces: [EdgeInterface],
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: Commenter, nullable: false, resolve: (e) => e.node }),
  }),
});

const CommentToCommenterConnectionEdge = builder.objectRef<CommenterEdge>('CommentToCommenterConnectionEdge').implement({
  description: 'Connection between the Comment type and the Commenter type',
  interfaces: [OneToOneConnection, EdgeInterface, CommenterConnectionEdge],
  fields: (t) => ({
    cursor: t.exposeString('cursor'),
    node: t.field({ type: Commenter, nullable: false, resolve: (e) => e.node }),
    ...scalarFields(t, 'CommentToCommenterConnectionEdge', ['name', 'url', 'email', 'ipAddress']),
  }),
});

const CommentToContentNodeConnectionEdge = defineOneToOneEdge('CommentToContentNodeConnectionEdge', 'ContentNode', ContentNode);
const CommentToParentCommentConnectionEdge = defineOneToOneEdge<CommentModel>(
  'CommentToParentCommentConnectionEdge',
  'Comment',
  CommentRef,
);

const CommentStatusEnum = referenceEnum('CommentStatusEnum');
const PostObjectFieldFormatEnum = referenceEnum('PostObjectFieldFormatEnum');

/** The commenter: the registered user when WordPress shows them to this viewer, else the guest details. */
async function commenter(comment: CommentModel, context: GatewayContext): Promise<CommenterModel> {
  if (comment.commenterUserDatabaseId !== null) {
    // The collection is fixed (users): the record's own `author` id, not its link (see src/schema/rest-sources.ts on `_links`).
    const user = await context.loaders.load('users', comment.commenterUserDatabaseId);
    if (user) return user;
  }
  return toCommentAuthorModel(comment);
}

CommentRef.implement({
  extensions: restRecord('comments'),
  description: 'A Comment object',
  interfaces: [Node, DatabaseIdentifier, UniformResourceIdentifiable],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'Comment',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, extensions: restSources('id') }),
    ...scalarFields(t, 'Comment', {
      approved: ['status'],
      commentId: ['id'],
      date: ['date'],
      dateGmt: ['date_gmt'],
      isRestricted: [],
      link: ['link'],
      parentDatabaseId: ['parent'],
      parentId: ['parent'],
      type: ['type'],
    }),
    status: t.field({
      type: CommentStatusEnum,
      description:
        'The approval status of the comment. This field is equivalent to WP_Comment->comment_approved and the value matching the "comment_approved" column in SQL.',
      extensions: restSources('status'),
      resolve: (c) => c.status,
    }),
    content: t.string({
      description:
        'Content of the comment. This field is equivalent to WP_Comment->comment_content and the value matching the "comment_content" column in SQL.',
      args: { format: t.arg({ type: PostObjectFieldFormatEnum, description: 'Format of the field output' }) },
      extensions: restSources('content'),
      resolve: (c, args) => commentContent(c, args),
    }),
    author: t.field({
      type: CommentToCommenterConnectionEdge,
      description: 'The author of the comment',
      // The registered commenter by `author` (its user record), else the guest details on the comment itself.
      extensions: restSources('author', 'author_name', 'author_url', 'author_avatar_urls'),
      resolve: async (c, _args, context) => ({
        cursor: offsetToCursor(0),
        node: await commenter(c, context),
        ...c._authorEdge,
      }),
    }),
    commentedOn: t.field({
      type: CommentToContentNodeConnectionEdge,
      description: 'Connection between the Comment type and the ContentNode type',
      // `_links.up` names the collection (a post, page or attachment); `post` is the id when links are trimmed.
      extensions: restSources('post', '_links'),
      resolve: async (c, _args, context) => {
        const node = await context.loaders.followLink(c.links, 'up', ['posts', 'pages', 'media'], c.commentedOnDatabaseId);
        return node ? { cursor: offsetToCursor(0), node } : null;
      },
    }),
    parent: t.field({
      type: CommentToParentCommentConnectionEdge,
      description:
        'Parent comment of current comment. This field is equivalent to the WP_Comment instance matching the WP_Comment->comment_parent ID.',
      extensions: restSources('parent'),
      resolve: async (c, _args, context) => {
        if (!c.parentDatabaseId) return null;
        const node = await context.loaders.load('comments', c.parentDatabaseId);
        return node ? { cursor: offsetToCursor(0), node } : null;
      },
    }),
    replies: commentConnectionField(t, 'CommentToCommentConnection', 'CommentToCommentConnectionWhereArgs', (c: CommentModel) => ({
      parent: c.databaseId,
    })),
  }),
});

/**
 * A connection to comments with WPGraphQL's comment where-args. On a post or page with no where-args, the
 * comments come from the batched comments-by-post loader (one request for every post on the page); otherwise
 * one REST list query with the parent's filter (`fixed`) and the where-args.
 */
export function commentConnectionField<Parent extends { databaseId: number }>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Parent>,
  name: string,
  whereInputName: string,
  fixed?: (parent: Parent) => ListQuery,
  /** `User.comments`: the parent is the comments' author (see {@link authorCommentsConnection}). */
  byAuthor?: true,
) {
  const connection = defineConnection<CommentModel>(name, 'Comment', CommentRef);
  const where = referenceInput(whereInputName, COMMENT_WHERE_FIELDS, offsetPaginationField);
  return t.field({
    type: connection,
    description: `Connection between the ${name.split('To')[0]} type and the Comment type`,
    // The parent's id: comments are read by `post`, `parent` or `author`.
    extensions: restSources('id'),
    args: paginationArgs(t, where),
    resolve: async (parent, rawArgs, rawContext) => {
      const context = rawContext as GatewayContext;
      const { where: whereArgs, ...paging } = rawArgs as ConnectionArgs & { where?: CommentWhere | null };
      const filters = commentWhereToRest(whereArgs, context.authorization !== undefined);
      const hasFilters = Object.keys(filters).length > 0 || whereArgs?.offsetPagination;
      // WordPress refuses to list comments of a password-protected post to a viewer who has not unlocked it
      // (401 for the whole request, so it must not join a batch): there are none to show.
      if (
        !fixed &&
        (parent as { isRestricted?: boolean; hasPassword?: boolean }).hasPassword &&
        (parent as { isRestricted?: boolean }).isRestricted
      ) {
        return sliceConnection([], paging);
      }
      if (byAuthor) return authorCommentsConnection(context, parent.databaseId, whereArgs, paging, filters);
      if (!fixed && !hasFilters) {
        const models = await context.loaders.commentModelsOf(parent.databaseId);
        if (models) return sliceConnection(models, paging);
        // More comments than one batched page holds: this post's window alone.
      }
      const base = fixed ? fixed(parent) : { post: parent.databaseId };
      return restConnection(context, 'comments', { ...paging, where: whereArgs }, { ...filters, ...base });
    },
  });
}

/**
 * `User.comments` (WPGraphQL: `user_id => <id>`, `status => approve`, newest first; Model/Comment.php hides a comment
 * on content the viewer may not see). A viewer REST lets filter by author (`edit_posts`) reads with their own
 * credentials, as any connection. Anyone else — anonymous viewers, and signed-in ones REST answers
 * `rest_forbidden_param` — gets the approved comments read with the service account (../loaders/user-comments.ts:
 * without where-args one batched request for every user on the page, else this user's window), then only those
 * whose post, page or attachment the viewer's own loaders return ({@link visibleToViewer}): the account's wider
 * view never reaches the answer. Paging is over the account's list and the hidden comments are left out of the
 * page, as WPGraphQL pages over its query's ids and then drops the private ones. Without a service account that
 * can read them: FORBIDDEN naming the setting (an empty list would be wrong data).
 */
async function authorCommentsConnection(
  context: GatewayContext,
  userId: number,
  whereArgs: (ConnectionArgs & { where?: CommentWhere | null })['where'],
  paging: ConnectionArgs,
  filters: ListQuery,
): Promise<ConnectionShape<CommentModel>> {
  const base = { author: [userId] };
  if (context.authorization) {
    try {
      return await restConnection(context, 'comments', { ...paging, where: whereArgs }, { ...filters, ...base });
    } catch (error) {
      if (!refusedAuthorFilter(error)) throw error;
    }
  }
  if (Object.keys(filters).length === 0) {
    const models = await context.loaders.serviceUserComments(userId);
    if (models) return visibleToViewer(context, sliceConnection(models, paging));
    // More comments in the batch than it reads: this user's window alone.
  }
  // Only approved comments, whatever the where-args ask: held ones are the moderators' (WPGraphQL: is_private).
  const query = { ...filters, ...base, status: 'approve' };
  const shape = await pagedConnection<CommentModel>({ ...paging, where: whereArgs }, async (offset, limit, flipped) => {
    const page = await context.loaders.serviceUserCommentsWindow(query, offset, limit, flipped);
    return { items: page.models, total: page.total };
  });
  return visibleToViewer(context, shape);
}

/**
 * The page without the comments whose post, page or attachment this viewer may not see (a private or draft post,
 * a trashed page): each is looked up through the viewer's own loaders, batched with the others. A link WordPress
 * points elsewhere than the collections a comment can be on counts as not visible. Cursors and `hasNextPage` stay
 * those of the whole window, so the next page starts after it.
 */
async function visibleToViewer(context: GatewayContext, shape: ConnectionShape<CommentModel>): Promise<ConnectionShape<CommentModel>> {
  const visible = await Promise.all(
    shape.edges.map(async ({ node }) => {
      try {
        return (await context.loaders.followLink(node.links, 'up', ['posts', 'pages', 'media'], node.commentedOnDatabaseId)) != null;
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions.code === 'UPSTREAM_BAD_RESPONSE') return false;
        throw error;
      }
    }),
  );
  const edges = shape.edges.filter((_, i) => visible[i]);
  return { edges, nodes: edges.map((edge) => edge.node), pageInfo: { ...shape.pageInfo, startCursor: edges[0]?.cursor ?? null } };
}

builder.queryFields((t) => ({
  comment: t.field({
    type: CommentRef,
    description: 'Returns a Comment',
    args: {
      id: t.arg.id({ required: true, description: 'Unique identifier for the comment node.' }),
      idType: t.arg({
        type: referenceEnum('CommentNodeIdTypeEnum'),
        description: 'Type of unique identifier to fetch a comment by. Default is Global ID',
      }),
    },
    resolve: (_root, args, context) => {
      const id = String(args.id);
      if ((args.idType ?? 'ID') === 'DATABASE_ID') return context.loaders.load('comments', databaseIdArgument(id));
      const parts = fromGlobalId(id);
      if (!parts || !/^\d+$/.test(parts.id)) throw badInput(`\`id\` is not a valid global id: ${JSON.stringify(id)}`, 'id');
      if (parts.type !== 'comment') throw badInput(`\`id\` is the global id of a ${parts.type}, not of a comment.`, 'id');
      return context.loaders.load('comments', Number(parts.id));
    },
  }),
  comments: t.field({
    type: defineConnection<CommentModel>('RootQueryToCommentConnection', 'Comment', CommentRef),
    description: 'Connection between the RootQuery type and the Comment type',
    args: paginationArgs(t, referenceInput('RootQueryToCommentConnectionWhereArgs', COMMENT_WHERE_FIELDS, offsetPaginationField)),
    resolve: (_root, args, context) => {
      const filters = commentWhereToRest(args.where as CommentWhere | null, context.authorization !== undefined);
      return restConnection(context, 'comments', args as ConnectionArgs, filters);
    },
  }),
}));
