/**
 * `Comment` and `CommentAuthor` from a `/wp/v2/comments` record. Rules: plugins/wp-graphql/src/Model/Comment.php,
 * Model/CommentAuthor.php, Type/ObjectType/Comment.php, Type/ObjectType/CommentAuthor.php.
 *
 * Visibility: the Comment model's restricted cap is `moderate_comments`, so an anonymous viewer sees every
 * (approved) comment *restricted*: `agent`, `authorIp`, `contentRaw` are null and `isRestricted` is true; the
 * allow-list keeps everything else we serve (`contentRendered`, `date`, `dateGmt`, `link`, `status`,
 * `type`, `uri`, `userId`, `parentDatabaseId`, `karma`, `commentAuthor`, `commentAuthorUrl`, …).
 */
import type { RestComment, RestLinks } from '../wordpress/rest-types.ts';
import { type AvatarArgs, type AvatarModel, type AvatarUrls, avatarFromUrls } from './avatar.ts';
import { withFormat, type FormatArgs } from './content-node.ts';
import { commentDate } from './dates.ts';
import { toGlobalId } from './global-id.ts';
import { nonEmptyId, nonEmptyString, phpUrldecode } from './php.ts';
import { type SiteContext, uriFromLink } from './site.ts';

/** `CommentStatusEnum` names (Type/Enum/CommentStatusEnum.php: get_comment_statuses() keys, upper-cased). */
export type CommentStatus = 'APPROVE' | 'HOLD' | 'SPAM' | 'TRASH';

/**
 * REST `status` → WPGraphQL's. The model returns `'approve'` for `comment_approved = '1'`, `'hold'` for
 * `'0'`, the raw value otherwise (Model/Comment.php `status`); REST says `approved`/`hold`/`spam`/`trash`
 * (WP_REST_Comments_Controller::prepare_status_response). The enum prints the upper-cased name.
 */
const STATUS: Record<string, CommentStatus> = { approved: 'APPROVE', hold: 'HOLD', spam: 'SPAM', trash: 'TRASH' };

/** Fields of the `CommentToCommenterConnectionEdge` (Type/ObjectType/Comment.php `author.edgeFields`). */
export interface CommentAuthorEdgeModel {
  /** `commentAuthor`: the comment's `comment_author` (REST `author_name`), not decoded; `''` → null. */
  name: string | null;
  /** `commentAuthorUrl ?: null`. */
  url: string | null;
  /** `commentAuthorEmail` needs `moderate_comments`: null for anonymous viewers. */
  email: null;
  /** `authorIp` is not in the restricted allow-list: null for anonymous viewers. */
  ipAddress: null;
}

/** What WPGraphQL outputs for a `Comment` seen by an anonymous viewer. */
export interface CommentModel {
  __typename: 'Comment';
  /** Relay::toGlobalId( 'comment', comment_ID ). */
  id: string;
  databaseId: number;
  /** Deprecated `commentId`. */
  commentId: number;
  /** RENDERED content: `comment_text` filter output, not entity-decoded. */
  content: string | null;
  /** `comment_date` as MySQL prints it: `Y-m-d H:i:s` (not ISO). */
  date: string | null;
  dateGmt: string | null;
  /** `urldecode( get_comment_link() )`. */
  link: string | null;
  /** From the decoded link: `/post-slug/#comment-9`. */
  uri: string | null;
  /** `! empty( comment_parent ) ? absint : 0` — a top-level comment has 0, not null. */
  parentDatabaseId: number;
  parentId: string | null;
  status: CommentStatus | null;
  /** Deprecated `approved`: `'approve' === status` (Type/ObjectType/Comment.php). */
  approved: boolean;
  /** `comment_type` (`comment`, `pingback`, `trackback`), null when empty. */
  type: string | null;
  isRestricted: true;
  isComment: true;
  isContentNode: false;
  isTermNode: false;
  isFrontPage: false;
  isPostsPage: false;
  /** The commented-on post (`comment_post_ID`, REST `post`). */
  commentedOnDatabaseId: number | null;
  /** `userId`: the registered commenter, null for guests (REST `author` 0). */
  commenterUserDatabaseId: number | null;
  /** Edge fields of `Comment.author`. */
  _authorEdge: CommentAuthorEdgeModel;
  /** REST `author_avatar_urls`, for the CommentAuthor fallback's avatar. */
  _avatarUrls: AvatarUrls | null;
  links: RestLinks;
}

/**
 * What WPGraphQL outputs for a `CommentAuthor` — the commenter when the comment has no user, or when that
 * user is private to the viewer (Type/ObjectType/Comment.php `author` resolver: `! $node || $node->isPrivate`
 * → `comment_author` loader). REST answers 401 for users without published posts — exactly the users
 * WPGraphQL treats as private — so "the users loader gave null" is the same condition.
 */
export interface CommentAuthorModel {
  __typename: 'CommentAuthor';
  /** Relay::toGlobalId( 'comment_author', comment_ID ) — keyed by the *comment* id. */
  id: string;
  /** The comment's id. */
  databaseId: number;
  name: string | null;
  /** `! empty( comment_author_url ) ? … : ''` — an empty string, not null. */
  url: string;
  /** Needs `moderate_comments`: null for anonymous viewers. */
  email: null;
  isRestricted: false;
  _avatarUrls: AvatarUrls | null;
}

/** Maps a `/wp/v2/comments` record (possibly trimmed by `_fields`) to {@link CommentModel}. */
export function toCommentModel(record: RestComment, site: SiteContext): CommentModel {
  const link = record.link === undefined ? null : nonEmptyString(phpUrldecode(record.link));
  const parentDatabaseId = nonEmptyId(record.parent) ?? 0;
  const status = record.status === undefined ? null : (STATUS[record.status] ?? null);
  return {
    __typename: 'Comment',
    id: toGlobalId('comment', record.id),
    databaseId: record.id,
    commentId: record.id,
    // `contentRendered`: html_entity_decode( apply_filters( 'comment_text', … ), …, false ) — decoding off;
    // REST `content.rendered` is the same `comment_text` filter. No empty→null in WPGraphQL.
    content: record.content?.rendered ?? null,
    date: commentDate(record.date),
    dateGmt: commentDate(record.date_gmt),
    link,
    uri: uriFromLink(link, site),
    parentDatabaseId,
    parentId: parentDatabaseId === 0 ? null : toGlobalId('comment', parentDatabaseId),
    status,
    approved: status === 'APPROVE',
    // REST prints get_comment_type(), which turns a legacy empty type into 'comment'; WPGraphQL would print
    // null for those pre-5.5 rows. Nothing in REST tells them apart.
    type: nonEmptyString(record.type),
    isRestricted: true,
    isComment: true,
    isContentNode: false,
    isTermNode: false,
    isFrontPage: false,
    isPostsPage: false,
    commentedOnDatabaseId: nonEmptyId(record.post),
    commenterUserDatabaseId: nonEmptyId(record.author),
    _authorEdge: { name: nonEmptyString(record.author_name), url: nonEmptyString(record.author_url), email: null, ipAddress: null },
    _avatarUrls: record.author_avatar_urls ?? null,
    links: record._links ?? {},
  };
}

/** `Comment.content(format)`: RAW is null for anonymous viewers (not in the restricted allow-list). */
export function commentContent(model: Pick<CommentModel, 'content'>, args?: FormatArgs | null): string | null {
  return withFormat(model.content, args);
}

/** The guest commenter of a comment (Model/CommentAuthor.php). */
export function toCommentAuthorModel(comment: CommentModel): CommentAuthorModel {
  return {
    __typename: 'CommentAuthor',
    id: toGlobalId('comment_author', comment.databaseId),
    databaseId: comment.databaseId,
    name: comment._authorEdge.name,
    url: comment._authorEdge.url ?? '',
    email: null,
    isRestricted: false,
    _avatarUrls: comment._avatarUrls,
  };
}

/**
 * `CommentAuthor.avatar(size = 96, forceDefault, rating)` (Type/ObjectType/CommentAuthor.php): null when the
 * comment has no author email (REST then prints a Gravatar URL with an empty hash) or no URL at all.
 */
export function commentAuthorAvatar(model: Pick<CommentAuthorModel, '_avatarUrls'>, args?: AvatarArgs | null): AvatarModel | null {
  return avatarFromUrls(model._avatarUrls, args, true);
}
