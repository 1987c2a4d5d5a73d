import type { FieldRef } from '@pothos/core';
import { type BuilderTypes, builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import type { ViewerSelf } from '../loaders/viewer.ts';
import { fromGlobalId } from '../models/global-id.ts';
import { userAvatar, type UserModel, type UserRoleModel, userRoles } from '../models/user.ts';
import { avatarField, commentConnectionField, Commenter } from './comment.ts';
import { defineConnection, type ConnectionArgs, paginationArgs, sliceConnection } from './connections.ts';
import { contentConnectionField, databaseIdArgument, normaliseUri } from './content-fields.ts';
import { offsetPaginationField, referenceEnum, referenceInput } from './inputs.ts';
import { DatabaseIdentifier, Node, UniformResourceIdentifiable } from './interfaces.ts';
import { restConnection } from './rest-connection.ts';
import { MediaItemRef, PageRef, PostRef, UserRef } from './object-refs.ts';
import { scalarFields } from './scalar-fields.ts';
import { badInput } from './where/args.ts';
import { USER_WHERE_FIELDS, userWhereToRest, type UserWhere } from './where/users.ts';
import { restRecord, restSources } from './rest-sources.ts';
import { enqueuedAssetFields } from './enqueued-assets.ts';

/** `UserRole` (Model/UserRole.php): only the viewer's own roles are served (see `userRoles`). */
const UserRole = builder.objectRef<UserRoleModel>('UserRole').implement({
  description: 'A user role object',
  interfaces: [Node],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'UserRole',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    ...scalarFields(t, 'UserRole', ['capabilities', 'displayName', 'isRestricted', 'name']),
  }),
});

/** Fields of {@link ViewerSelf} WPGraphQL shows a signed-in user on their own record only. */
const OWN_RECORD_FIELDS = ['email', 'locale', 'nicename', 'nickname', 'registeredDate', 'username'] as const;

/**
 * `email`, `locale`, `nicename`, `nickname`, `registeredDate`, `username` and `isRestricted`: null (restricted)
 * on every user REST shows anonymously, but a user is not restricted to themself (Model/User.php `is_private()`),
 * so on the signed-in viewer's own record they come from the viewer's edit-context read of themself
 * (`loadViewerSelf`, one request per GraphQL request, the viewer's own credentials). Another user's record stays
 * restricted: the gateway never reads another user in the edit context.
 */
function ownRecordFields(t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, UserModel>) {
  const own = async (user: UserModel, context: GatewayContext): Promise<ViewerSelf | null> => {
    if (!context.authorization) return null;
    const self = await context.loaders.viewerSelf();
    return self && self.id === user.databaseId ? self : null;
  };
  const fields: Record<string, unknown> = {
    isRestricted: t.boolean({
      extensions: restSources(),
      resolve: async (user, _args, context) => (await own(user, context)) === null && user.isRestricted,
    }),
  };
  for (const name of OWN_RECORD_FIELDS) {
    fields[name] = t.string({
      extensions: restSources(),
      resolve: async (user, _args, context) => (await own(user, context))?.[name] ?? null,
    });
  }
  return fields as Record<(typeof OWN_RECORD_FIELDS)[number] | 'isRestricted', FieldRef<BuilderTypes, unknown, 'Object'>>;
}

/** `User`, `viewer`, `user(id, idType)`, `users`: `/wp/v2/users` records (src/models/user.ts). */

UserRef.implement({
  extensions: restRecord('users'),
  description: 'A User object',
  interfaces: [Node, UniformResourceIdentifiable, Commenter, DatabaseIdentifier],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'User',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, extensions: restSources('id') }),
    ...enqueuedAssetFields(t, 'User'),
    ...scalarFields(t, 'User', {
      adminColor: [],
      capKey: [],
      capabilities: [],
      description: ['description'],
      extraCapabilities: [],
      hasCommentShortcutsEnabled: [],
      hasRichEditingEnabled: [],
      hasSyntaxHighlightingEnabled: [],
      shouldShowAdminToolbar: [],
      slug: ['slug'],
      userId: ['id'],
    }),
    ...ownRecordFields(t),
    // Public in WPGraphQL for the users it shows publicly; REST prints them only with context=edit, so they are read
    // with the service account, batched, for users with published posts only (src/loaders/user-names.ts).
    firstName: t.string({
      description: 'First name of the user. This is equivalent to the WP_User->user_first_name property.',
      extensions: restSources('id'),
      resolve: async (user, _args, context) => (await context.loaders.userNames(user.databaseId))?.firstName ?? null,
    }),
    lastName: t.string({
      description: 'Last name of the user. This is equivalent to the WP_User->user_last_name property.',
      extensions: restSources('id'),
      resolve: async (user, _args, context) => (await context.loaders.userNames(user.databaseId))?.lastName ?? null,
    }),
    avatar: avatarField(t, (m: UserModel, args) => userAvatar(m, args)),
    roles: t.field({
      type: defineConnection<UserRoleModel>('UserToUserRoleConnection', 'UserRole', UserRole),
      description: 'Connection between the User type and the UserRole type',
      args: paginationArgs(t),
      extensions: restSources(),
      resolve: async (user, args, context) => {
        const roles = userRoles(user.databaseId, await context.loaders.viewerSelf());
        return roles ? sliceConnection(roles, args as ConnectionArgs) : null;
      },
    }),
    posts: contentConnectionField(t, {
      connection: 'UserToPostConnection',
      kind: 'Post',
      nodeRef: PostRef,
      collection: 'posts',
      whereInput: 'UserToPostConnectionWhereArgs',
      description: 'Connection between the User type and the post type',
      fixed: (u: UserModel) => ({ author: [u.databaseId] }),
    }),
    pages: contentConnectionField(t, {
      connection: 'UserToPageConnection',
      kind: 'Page',
      nodeRef: PageRef,
      collection: 'pages',
      whereInput: 'UserToPageConnectionWhereArgs',
      description: 'Connection between the User type and the page type',
      fixed: (u: UserModel) => ({ author: [u.databaseId] }),
    }),
    mediaItems: contentConnectionField(t, {
      connection: 'UserToMediaItemConnection',
      kind: 'MediaItem',
      nodeRef: MediaItemRef,
      collection: 'media',
      whereInput: 'UserToMediaItemConnectionWhereArgs',
      description: 'Connection between the User type and the mediaItem type',
      fixed: (u: UserModel) => ({ author: [u.databaseId] }),
    }),
    comments: commentConnectionField(
      t,
      'UserToCommentConnection',
      'UserToCommentConnectionWhereArgs',
      (u: UserModel) => ({ author: [u.databaseId] }),
      // REST answers `comments?author=` only to users who can edit posts (rest_forbidden_param): the service account
      // reads them for everyone else, filtered by what the viewer may see (comment.ts authorCommentsConnection).
      true,
    ),
  }),
});

/** A user by slug (nicename): anonymous viewers only find users with published posts, as in WordPress. */
async function userBySlug(context: GatewayContext, slug: string): Promise<UserModel | null> {
  return (await context.loaders.list('users', { slug, per_page: 1 })).models[0] ?? null;
}

builder.queryFields((t) => ({
  user: t.field({
    type: UserRef,
    description: 'Returns a user',
    args: {
      id: t.arg.id({ required: true, description: 'The globally unique identifier of the object.' }),
      // EMAIL, USERNAME: REST users expose neither email nor login to look up by.
      idType: t.arg({
        type: referenceEnum('UserNodeIdTypeEnum', ['DATABASE_ID', 'ID', 'SLUG', 'URI']),
        description: 'Type of unique identifier to fetch a user by. Default is Global ID',
      }),
    },
    resolve: (_root, args, context) => {
      const id = String(args.id);
      switch (args.idType ?? 'ID') {
        case 'DATABASE_ID':
          return context.loaders.load('users', databaseIdArgument(id));
        case 'SLUG':
          return userBySlug(context, id);
        case 'URI': {
          const slug = normaliseUri(id, context).split('/').filter(Boolean).at(-1);
          return slug ? userBySlug(context, decodeURIComponent(slug)) : null;
        }
        default: {
          const parts = fromGlobalId(id);
          if (!parts || !/^\d+$/.test(parts.id)) throw badInput(`\`id\` is not a valid global id: ${JSON.stringify(id)}`, 'id');
          if (parts.type !== 'user') throw badInput(`\`id\` is the global id of a ${parts.type}, not of a user.`, 'id');
          return context.loaders.load('users', Number(parts.id));
        }
      }
    },
  }),
  users: t.field({
    type: defineConnection<UserModel>('RootQueryToUserConnection', 'User', UserRef),
    description: 'Connection between the RootQuery type and the User type',
    args: paginationArgs(t, referenceInput('RootQueryToUserConnectionWhereArgs', USER_WHERE_FIELDS, offsetPaginationField)),
    resolve: (_root, args, context) =>
      restConnection(context, 'users', args as ConnectionArgs, userWhereToRest(args.where as UserWhere | null)),
  }),
  viewer: t.field({
    type: UserRef,
    description: 'Returns the current user',
    // Anonymous: null, as WPGraphQL. Signed in: `/wp/v2/users/me` with the viewer's credentials.
    resolve: (_root, _args, context) => context.loaders.viewer(),
  }),
}));
