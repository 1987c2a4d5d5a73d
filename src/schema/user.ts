import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
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

/** `User`, `viewer`, `user(id, idType)`, `users`: `/wp/v2/users` records (src/models/user.ts). */

UserRef.implement({
  extensions: restRecord('users'),
  description: 'A User object',
  interfaces: [Node, UniformResourceIdentifiable, Commenter, DatabaseIdentifier],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'User',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, extensions: restSources('id') }),
    ...scalarFields(t, 'User', {
      adminColor: [],
      capKey: [],
      capabilities: [],
      description: ['description'],
      extraCapabilities: [],
      hasCommentShortcutsEnabled: [],
      hasRichEditingEnabled: [],
      hasSyntaxHighlightingEnabled: [],
      locale: [],
      nicename: [],
      nickname: [],
      registeredDate: [],
      shouldShowAdminToolbar: [],
      slug: ['slug'],
      userId: ['id'],
      username: [],
    }),
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
        const roles = userRoles(user.databaseId, await context.loaders.viewerRoles());
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
      // REST answers `comments?author=` only to users who can edit posts (rest_forbidden_param).
      "A user's comments can only be listed for a signed-in viewer: WordPress's REST API refuses to filter comments by author for anonymous clients. Send Authorization.",
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
