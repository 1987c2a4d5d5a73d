/**
 * `User` from a `/wp/v2/users` record. Rules: plugins/wp-graphql/src/Model/User.php,
 * Type/ObjectType/User.php.
 *
 * Visibility: the User model's restricted cap is `list_users` and anonymous viewers lack it, so for them
 * every user WPGraphQL shows (those with published posts — the same users REST shows anonymously) is
 * *restricted*: only `databaseId`, `description`, `firstName`, `id`, `isRestricted`, `lastName`, `name`,
 * `slug`, `uri`, `url`, `userId` keep a value, and `isRestricted` is true. `avatar` is a type-level resolver
 * keyed on `userId` and still resolves.
 */
import type { RestLinks, RestUser } from '../wordpress/rest-types.ts';
import { type AvatarArgs, type AvatarModel, type AvatarUrls, avatarFromUrls } from './avatar.ts';
import { toGlobalId } from './global-id.ts';
import { nonEmptyString } from './php.ts';
import { type SiteContext, uriFromLink } from './site.ts';

/** What WPGraphQL outputs for a `User` seen by an anonymous viewer. */
export interface UserModel {
  __typename: 'User';
  /** Relay::toGlobalId( 'user', ID ). */
  id: string;
  databaseId: number;
  /** Deprecated `userId`: the database id. */
  userId: number;
  /** `display_name` as stored — not entity-decoded. */
  name: string | null;
  /** `user_nicename` (REST `slug`), not urldecoded. */
  slug: string | null;
  /** `str_ireplace( home_url(), '', get_author_posts_url() )`: `/author/<nicename>/`; `''` (not null) if empty. */
  uri: string;
  /** `user_url`, `''` → null. */
  url: string | null;
  /** Raw `description`, `''` → null. */
  description: string | null;
  /** True for anonymous viewers (restricted visibility). */
  isRestricted: true;
  /**
   * `first_name` / `last_name` user meta. In WPGraphQL's restricted allow-list, so public there; REST gives them
   * only in `context=edit` (the user themself or `list_users`), so null here (docs/compatibility.md).
   */
  firstName: null;
  lastName: null;
  // Not in the restricted allow-list, so null for anonymous viewers in WPGraphQL:
  nicename: null;
  email: null;
  username: null;
  nickname: null;
  locale: null;
  registeredDate: null;
  capabilities: null;
  extraCapabilities: null;
  capKey: null;
  adminColor: null;
  shouldShowAdminToolbar: null;
  hasRichEditingEnabled: null;
  hasSyntaxHighlightingEnabled: null;
  hasCommentShortcutsEnabled: null;
  isComment: false;
  isContentNode: false;
  isTermNode: false;
  isFrontPage: false;
  isPostsPage: false;
  /** REST `avatar_urls` (24/48/96), for {@link userAvatar}; absent when the site turned avatars off. */
  _avatarUrls: AvatarUrls | null;
  links: RestLinks;
}

/** Maps a `/wp/v2/users` record (possibly trimmed by `_fields`) to {@link UserModel}. */
export function toUserModel(record: RestUser, site: SiteContext): UserModel {
  return {
    __typename: 'User',
    id: toGlobalId('user', record.id),
    databaseId: record.id,
    userId: record.id,
    name: nonEmptyString(record.name),
    slug: nonEmptyString(record.slug),
    uri: uriFromLink(record.link, site) ?? '',
    url: nonEmptyString(record.url),
    description: nonEmptyString(record.description),
    isRestricted: true,
    firstName: null,
    lastName: null,
    nicename: null,
    email: null,
    username: null,
    nickname: null,
    locale: null,
    registeredDate: null,
    capabilities: null,
    extraCapabilities: null,
    capKey: null,
    adminColor: null,
    shouldShowAdminToolbar: null,
    hasRichEditingEnabled: null,
    hasSyntaxHighlightingEnabled: null,
    hasCommentShortcutsEnabled: null,
    isComment: false,
    isContentNode: false,
    isTermNode: false,
    isFrontPage: false,
    isPostsPage: false,
    _avatarUrls: record.avatar_urls ?? null,
    links: record._links ?? {},
  };
}

/**
 * `User.avatar(size = 96, forceDefault, rating)`: `DataSource::resolve_avatar()` — null when there is no URL or
 * when `show_avatars` is off (REST then omits `avatar_urls`). See ./avatar.ts for which sizes REST can serve.
 */
export function userAvatar(model: Pick<UserModel, '_avatarUrls'>, args?: AvatarArgs | null): AvatarModel | null {
  return avatarFromUrls(model._avatarUrls, args);
}

/** A `UserRole` (Model/UserRole.php): `id` = toGlobalId( 'user_role', name ). */
export interface UserRoleModel {
  __typename: 'UserRole';
  id: string;
  name: string;
  /** Not in REST (the role's translated label): null. */
  displayName: null;
  /** Not in REST for roles: null. */
  capabilities: null;
  isRestricted: false;
}

/**
 * `User.roles`: WPGraphQL's User model resolves `roles` only for the viewer's own record or for viewers with
 * `list_users` (Model/User.php: not in the restricted allow-list). REST gives `roles` with `context=edit`, which a
 * user may ask about themself (`/wp/v2/users/me?context=edit`): the roles of the viewer's own record, else null.
 */
export function userRoles(userId: number, viewer: { id: number; roles: readonly string[] } | null): UserRoleModel[] | null {
  if (!viewer || viewer.id !== userId) return null;
  return viewer.roles.map((name) => ({
    __typename: 'UserRole',
    id: toGlobalId('user_role', name),
    name,
    displayName: null,
    capabilities: null,
    isRestricted: false,
  }));
}
