/**
 * A post's or page's latest revision as WPGraphQL answers it for `asPreview: true`: plugins/wp-graphql/src/Model/Post.php
 * over a `revision` row, typed as its parent's type (Type/InterfaceType/ContentNode.php `resolveType` reads the
 * parent's post type for revisions). The revision gives what it stores (title, content, excerpt, dates, slug, guid);
 * the fields WPGraphQL reads from the parent when `isPreview` is true (author, featured image, terms, the preview
 * link) come from the parent's model.
 */
import type { RestLinks, RestRevision } from '../wordpress/rest-types.ts';
import { renderedContent, renderedTitle } from './content-node.ts';
import { contentNodeDate } from './dates.ts';
import { toGlobalId } from './global-id.ts';
import type { PageModel } from './page.ts';
import { nonEmptyString, phpUrldecode } from './php.ts';
import type { PostModel } from './post.ts';
import { type SiteContext, uriFromLink } from './site.ts';

/**
 * The id of a record's newest revision (autosaves included), from its `_links`: WordPress's posts controller
 * names it `predecessor-version` (`wp_get_post_revisions()`, newest by date then id: the revision WPGraphQL's
 * `Utils::get_post_preview_id()` picks, with the same query), for every viewer, signed in or not. Null when the
 * record has no revisions or its links were not read.
 */
export function latestRevisionId(links: RestLinks | null | undefined): number | null {
  const id = links?.['predecessor-version']?.[0]?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * `get_preview_post_link( parent )`: the parent's permalink with `preview=true` added (`add_query_arg`), which
 * WPGraphQL's `link` gives a preview (then `urldecode`d, as every link; the parent's link already is).
 */
function previewLink(parentLink: string | null): string | null {
  if (parentLink === null) return null;
  const hash = parentLink.indexOf('#');
  const [base, fragment] = hash === -1 ? [parentLink, ''] : [parentLink.slice(0, hash), parentLink.slice(hash)];
  return `${base}${base.includes('?') ? '&' : '?'}preview=true${fragment}`;
}

/**
 * `excerptRendered` of a revision without a hand-written excerpt: WordPress's automatic excerpt
 * (`wp_trim_excerpt()`: the rendered content, tags stripped, cut to 55 words with ` [&hellip;]`), then the
 * `the_excerpt` filters (`wpautop` wraps it in a paragraph). REST's revision `excerpt.rendered` is the stored
 * excerpt only (empty here), so the gateway trims the content REST rendered itself.
 */
export function automaticExcerpt(renderedContentHtml: string | null): string {
  if (!renderedContentHtml) return '';
  // wp_strip_all_tags(): script and style elements with their content, then every tag.
  const text = renderedContentHtml
    .replace(/<(script|style)[^>]*?>[\s\S]*?<\/\1>/gi, '')
    .replace(/<[^>]*>/g, '')
    .trim();
  if (text === '') return '';
  // wp_trim_words(): words are runs between spaces, tabs and line breaks.
  const words = text.split(/[\n\r\t ]+/);
  const trimmed = words.length > 55 ? `${words.slice(0, 55).join(' ')} [&hellip;]` : words.join(' ');
  return `<p>${trimmed}</p>\n`;
}

/** The fields a preview of either type takes from the revision and its parent. */
function previewFields(revision: RestRevision, parent: PostModel | PageModel, site: SiteContext, isPreview: boolean) {
  const link = previewLink(parent.link);
  return {
    id: toGlobalId('post', revision.id),
    databaseId: revision.id,
    // `post_type` of the row: `revision` (ContentNode.contentTypeName reads it as stored).
    contentTypeName: 'revision',
    title: renderedTitle(revision.title),
    content: renderedContent(revision.content),
    date: contentNodeDate(revision.date),
    dateGmt: contentNodeDate(revision.date_gmt),
    modified: contentNodeDate(revision.modified),
    modifiedGmt: contentNodeDate(revision.modified_gmt),
    slug: revision.slug === undefined ? null : nonEmptyString(phpUrldecode(revision.slug)),
    // Revisions are stored with status `inherit`; REST does not print it.
    status: 'inherit',
    link,
    uri: uriFromLink(link, site),
    guid: nonEmptyString(revision.guid?.rendered),
    // A revision row is inserted with WordPress's defaults for a non-post type: comments and pings closed.
    commentStatus: 'closed',
    pingStatus: 'closed',
    hasPassword: false,
    isRestricted: false,
    isRevision: true,
    // `isPreview`: whether it is its parent's newest revision (what `asPreview` answers).
    isPreview,
    isFrontPage: false,
    isPostsPage: false,
    // A revision has no revisions of its own.
    previewRevisionDatabaseId: null,
    previewRevisionId: null,
    // `authorDatabaseId` of a preview is the parent's author, not the revision's (an autosave's is its saver).
    authorDatabaseId: parent.authorDatabaseId,
    authorId: parent.authorId,
    // `featuredImageDatabaseId` of a revision reads the parent's thumbnail.
    featuredImageDatabaseId: parent.featuredImageDatabaseId,
    featuredImageId: parent.featuredImageId,
    // `template`: a preview reads its parent's page template.
    _template: parent._template,
    // `contentType` of a revision is its parent's post type (Type/InterfaceType/ContentNode.php).
    _contentTypeOf: parent.contentTypeName,
    // `revisionOf`: the parent (`post_parent` of the revision row).
    _revisionOf: parent,
    // Relations WPGraphQL reads from the parent (comments, terms) follow the parent's links.
    links: parent.links,
  } as const;
}

/** A post's revision (its newest: `post(…, asPreview: true)`) as WPGraphQL's `Post`. */
export function toPostPreviewModel(revision: RestRevision, parent: PostModel, site: SiteContext, isPreview = true): PostModel {
  const fields = previewFields(revision, parent, site, isPreview);
  const excerpt = nonEmptyString(revision.excerpt?.rendered);
  return {
    ...parent,
    ...fields,
    postId: revision.id,
    excerpt: excerpt ?? automaticExcerpt(fields.content),
    // `is_sticky( ID )` of the revision's own id.
    isSticky: false,
    // Terms of a preview are its parent's (Registry/Utils/PostObject.php: `isPreview` → `parentDatabaseId`).
    categoryDatabaseIds: parent.categoryDatabaseIds,
    tagDatabaseIds: parent.tagDatabaseIds,
  };
}

/** A page's revision (its newest: `page(…, asPreview: true)`) as WPGraphQL's `Page`. */
export function toPagePreviewModel(revision: RestRevision, parent: PageModel, site: SiteContext, isPreview = true): PageModel {
  const fields = previewFields(revision, parent, site, isPreview);
  return {
    ...parent,
    ...fields,
    pageId: revision.id,
    isPrivacyPage: false,
    // A revision's `post_parent` is the page it revises; its menu order is WordPress's default, 0 (→ null).
    parentDatabaseId: parent.databaseId,
    parentId: toGlobalId('post', parent.databaseId),
    menuOrder: null,
  };
}

/**
 * A revision listed by `revisions` (Connection/PostObjects.php: the parent's `revision` rows, newest first) as
 * WPGraphQL's model answers it. Its parent's newest one is a preview (`isPreview` true, {@link toPostPreviewModel});
 * an older one is not, and Model/Post.php then reads the row itself where a preview reads the parent: `link` is
 * `get_permalink()` of a revision (`home_url( '?p=<id>' )`), `author` the revision's own `post_author`, and its terms
 * are the revision row's (WordPress copies none to revisions: empty). The featured image is still the parent's
 * (`get_post_thumbnail_id()` of a revision falls back to its parent), checked against WPGraphQL 2.20 on seed 4.
 */
export function toRevisionModel<M extends PostModel | PageModel>(
  revision: RestRevision,
  parent: M,
  site: SiteContext,
  like: 'posts' | 'pages',
): M {
  const isPreview = latestRevisionId(parent.links) === revision.id;
  const preview =
    like === 'pages'
      ? toPagePreviewModel(revision, parent as PageModel, site, isPreview)
      : toPostPreviewModel(revision, parent as PostModel, site, isPreview);
  if (isPreview) return preview as M;
  const link = `${site.homeUrl}/?p=${revision.id}`;
  const author = typeof revision.author === 'number' && revision.author > 0 ? revision.author : null;
  return {
    ...preview,
    link,
    uri: uriFromLink(link, site),
    authorDatabaseId: author,
    authorId: author === null ? null : toGlobalId('user', author),
    ...(like === 'posts' ? { categoryDatabaseIds: [], tagDatabaseIds: [] } : {}),
  } as M;
}
