/**
 * What Post, Page and MediaItem share: WPGraphQL models all three with one class,
 * plugins/wp-graphql/src/Model/Post.php, over WordPress's post row. Each rule below cites the field there.
 *
 * Visibility (Model/Model.php `get_visibility()`, Model/Post.php `get_restricted_cap()`): a post with a
 * password has restricted cap `edit_others_posts`, so for an anonymous viewer it is *restricted*: only the
 * fields in `$allowed_restricted_fields` keep their value (`databaseId`, `hasPassword`, `id`, `isFrontPage`,
 * `isPostsPage`, `isPrivacyPage`, `isRestricted`, `link`, `status`, `post_type` (→ `contentTypeName`),
 * `slug`, `titleRendered`, `uri`, `<type>Id`); every other model field is null. REST marks such posts with
 * `content.protected: true`, which is how we know.
 */
import type { RestLinks, RestPostLike, RestProtectedRendered } from '../wordpress/rest-types.ts';
import { contentNodeDate } from './dates.ts';
import { toGlobalId } from './global-id.ts';
import { phpHtmlEntityDecode } from './html.ts';
import { nonEmptyId, nonEmptyString, phpUrldecode } from './php.ts';
import { type SiteContext, uriFromLink } from './site.ts';

/** Arguments of `title`, `content`, `excerpt`, `caption`, `description`, `Comment.content`. */
export interface FormatArgs {
  /** A `PostObjectFieldFormatEnum` value (`RAW`, `RENDERED`; Type/Enum/PostObjectFieldFormatEnum.php). */
  format?: string | null;
}

/**
 * The fields every content node model carries (interfaces Node, ContentNode, UniformResourceIdentifiable,
 * DatabaseIdentifier, NodeWithTitle, NodeWithAuthor, NodeWithComments).
 */
export interface ContentNodeModel {
  id: string;
  databaseId: number;
  /** `post_type`: `post`, `page`, `attachment` (Type/InterfaceType/ContentNode.php resolves `$node->post_type`). */
  contentTypeName: string | null;
  /** RENDERED title: `html_entity_decode( the_title )`, `null` when empty. */
  title: string | null;
  date: string | null;
  dateGmt: string | null;
  modified: string | null;
  modifiedGmt: string | null;
  slug: string | null;
  status: string | null;
  link: string | null;
  uri: string | null;
  guid: string | null;
  /** WPGraphQL's Post model has no `desiredSlug` field, so the field always resolves to null. */
  desiredSlug: null;
  commentStatus: string | null;
  pingStatus: string | null;
  authorDatabaseId: number | null;
  authorId: string | null;
  hasPassword: boolean | null;
  /** Null for anonymous viewers: restricted on password posts, and null anyway when there is no password. */
  password: null;
  isRestricted: boolean;
  isPreview: boolean | null;
  isRevision: boolean | null;
  isFrontPage: boolean;
  isPostsPage: boolean;
  /** `previewRevisionDatabaseId` needs `edit_posts` (Model/Post.php): null for anonymous viewers. */
  previewRevisionDatabaseId: null;
  /** REST `template` (`''` for the default), for `template` (src/models/content-type.ts). */
  _template?: string | null;
  /** On a revision: its parent's post type, which `contentType` names (src/models/revision.ts). */
  _contentTypeOf?: string | null;
  /** On a revision: the node it is a revision of (`revisionOf`; src/models/revision.ts). */
  _revisionOf?: ContentNodeModel | null;
  previewRevisionId: null;
  isComment: false;
  isContentNode: true;
  isTermNode: false;
  /** The record's `_links`, untouched, for relation routing. */
  links: RestLinks;
}

/**
 * RAW needs `context=edit`, which the gateway never requests. WPGraphQL gives `titleRaw`, `contentRaw`,
 * `excerptRaw`, `captionRaw`, `descriptionRaw` a capability of `edit_posts` (Model/Post.php), and
 * Model/Model.php `current_user_can_access_field()` nulls them for viewers without it — so an anonymous
 * viewer gets `null` from WPGraphQL too. (Comment's `contentRaw` is dropped by the comment's restricted
 * visibility, same outcome.)
 */
export function withFormat(rendered: string | null | undefined, args?: FormatArgs | null): string | null {
  const format = args?.format;
  if (format === 'RAW' || format === 'raw') return null;
  return rendered ?? null;
}

/** `title(format)` on Post, Page, MediaItem (Type/InterfaceType/NodeWithTitle.php). */
export function resolveTitle(model: { title: string | null }, args?: FormatArgs | null): string | null {
  return withFormat(model.title, args);
}

/** `content(format)` on Post and Page (Type/InterfaceType/NodeWithContentEditor.php). */
export function resolveContent(model: { content: string | null }, args?: FormatArgs | null): string | null {
  return withFormat(model.content, args);
}

/**
 * Whether the record was read in REST's edit context, which WordPress serves a single record in only to viewers
 * who may edit it (its `password` field exists there alone): then WPGraphQL would not restrict a password post
 * (src/loaders/protected.ts).
 */
export function readInEditContext(record: object): boolean {
  return typeof (record as { password?: unknown }).password === 'string';
}

/** Whether REST marks the record as password-protected (`content.protected` / `excerpt.protected`). */
export function isPasswordProtected(record: { content?: RestProtectedRendered; excerpt?: RestProtectedRendered }): boolean {
  return record.content?.protected === true || record.excerpt?.protected === true;
}

/**
 * `titleRendered` (Model/Post.php): `html_entity_decode( apply_filters( 'the_title', $post_title ) )`, null
 * when empty (PHP `empty()`, so a title of `"0"` is null too). REST `title.rendered` is `get_the_title()`,
 * i.e. the same `the_title` filter; the "Protected: %s" prefix is suppressed by the REST controller
 * (WP_REST_Posts_Controller::protected_title_format). Private posts keep REST's localised "Private: %s"
 * prefix, which WPGraphQL does not add — anonymous viewers never see private posts.
 */
export function renderedTitle(title: { rendered?: string } | undefined): string | null {
  const rendered = nonEmptyString(title?.rendered);
  return rendered === null ? null : nonEmptyString(phpHtmlEntityDecode(rendered));
}

/**
 * `contentRendered` (Model/Post.php): `apply_filters( 'the_content', $post_content )`, NOT entity-decoded
 * (`html_entity_decode( …, 'contentRendered', false )`), null when the raw content is empty. REST
 * `content.rendered` is the same filter; empty content renders to `''`.
 */
export function renderedContent(content: RestProtectedRendered | undefined): string | null {
  return nonEmptyString(content?.rendered);
}

/**
 * `link` (Model/Post.php): `urldecode( get_permalink() )`; REST `link` is `get_permalink()` undecoded.
 * `uri`: `str_ireplace( home_url(), '', $this->link )` — so from the *decoded* link.
 */
export function postLinkAndUri(restLink: string | undefined, site: SiteContext): { link: string | null; uri: string | null } {
  const link = nonEmptyString(restLink === undefined ? null : phpUrldecode(restLink));
  return { link, uri: uriFromLink(link, site) };
}

/** Builds the shared content-node fields of a post, page or attachment record. */
export function contentNodeFields(record: RestPostLike, site: SiteContext): ContentNodeModel {
  const { link, uri } = postLinkAndUri(record.link, site);
  const authorDatabaseId = nonEmptyId(record.author);
  return {
    // Model/Post.php `id`: Relay::toGlobalId( 'post', $databaseId ) for every post type.
    id: toGlobalId('post', record.id),
    databaseId: record.id,
    contentTypeName: nonEmptyString(record.type),
    title: renderedTitle(record.title),
    // `date`: prepare_date_response( post_date_gmt, post_date ) = mysql_to_rfc3339( post_date ) — the REST string.
    date: contentNodeDate(record.date),
    dateGmt: contentNodeDate(record.date_gmt),
    modified: contentNodeDate(record.modified),
    modifiedGmt: contentNodeDate(record.modified_gmt),
    // `slug`: urldecode( post_name ); REST prints post_name as stored (percent-encoded for non-ASCII).
    slug: record.slug === undefined ? null : nonEmptyString(phpUrldecode(record.slug)),
    status: nonEmptyString(record.status),
    link,
    uri,
    // `guid`: the raw column; REST `guid.rendered` is apply_filters( 'get_the_guid', guid ), which core
    // does not hook (only the display filter `the_guid` is escaped).
    guid: nonEmptyString(record.guid?.rendered),
    desiredSlug: null,
    commentStatus: nonEmptyString(record.comment_status),
    pingStatus: nonEmptyString(record.ping_status),
    // `authorDatabaseId`: ! empty( post_author ) ? (int) : null — 0 → null.
    authorDatabaseId,
    authorId: authorDatabaseId === null ? null : toGlobalId('user', authorDatabaseId),
    hasPassword: false,
    password: null,
    isRestricted: false,
    // `isRevision`: 'revision' === post_type — REST never returns revisions as posts/pages/media.
    isRevision: false,
    // `isPreview`: true only for revisions or drafts of post types without revision support; the gateway
    // serves neither to anonymous viewers.
    isPreview: false,
    // `isFrontPage`/`isPostsPage`: false for every non-page type (Model/Post.php); pages override.
    isFrontPage: false,
    isPostsPage: false,
    previewRevisionDatabaseId: null,
    previewRevisionId: null,
    // Type/InterfaceType/UniformResourceIdentifiable.php: `$node instanceof Post` etc.
    isComment: false,
    isContentNode: true,
    isTermNode: false,
    _template: record.template,
    links: record._links ?? {},
  };
}

/**
 * The model fields that survive restriction (Model/Post.php `$allowed_restricted_fields`, mapped to the
 * GraphQL fields they back), plus what is not a model field at all (type-level resolvers, relation keys).
 */
const KEPT_WHEN_RESTRICTED = new Set([
  '__typename',
  'id',
  'databaseId',
  'postId',
  'pageId',
  'mediaItemId',
  'hasPassword',
  'isFrontPage',
  'isPostsPage',
  'isPrivacyPage',
  'isRestricted',
  'link',
  'status',
  'contentTypeName',
  'slug',
  'title',
  'uri',
  'isComment',
  'isContentNode',
  'isTermNode',
  // WPGraphQL bug not copied: `isSticky` is `Boolean!` but not in the allowed list, so WPGraphQL resolves it
  // to null for a password post and the non-null error wipes out the post (and any `[Post!]!` list holding
  // it) for anonymous viewers. We keep the real value.
  'isSticky',
  // Term and comment connections still resolve on restricted posts (they key on `databaseId`, which is
  // allowed), so the relation keys stay.
  'categoryDatabaseIds',
  'tagDatabaseIds',
  'links',
  '_media',
  // `template` is a type-level resolver (Type/InterfaceType/ContentNode.php), not a model field.
  '_template',
  '_contentTypeOf',
]);

/**
 * Applies WPGraphQL's restricted visibility: every field outside {@link KEPT_WHEN_RESTRICTED} becomes null
 * and `isRestricted` becomes true. Used for password-protected posts and pages seen anonymously.
 */
export function restrict<T extends object>(model: T): T {
  const out = { ...model } as Record<string, unknown>;
  for (const key of Object.keys(out)) {
    if (!KEPT_WHEN_RESTRICTED.has(key)) out[key] = null;
  }
  out['isRestricted'] = true;
  return out as T;
}

/**
 * `commentCount` (Model/Post.php): `! empty( comment_count ) ? absint : 0` — WordPress's count of *approved*
 * comments of every type. REST records do not carry it: a loader has to count (e.g. `X-WP-Total` of
 * `comments?post=<id>&per_page=1`, with every comment type). Restricted posts give null (not an allowed field).
 */
export function commentCountFor(model: { isRestricted: boolean }, approvedTotal: number | null): number | null {
  if (model.isRestricted) return null;
  return approvedTotal ?? 0;
}
