/**
 * `Page` from a `/wp/v2/pages` record. Rules: plugins/wp-graphql/src/Model/Post.php (same model as posts),
 * Registry/Utils/PostObject.php (`isFrontPage`, `isPostsPage`, `isPrivacyPage` are `Bool!` on pages).
 */
import type { RestPage } from '../wordpress/rest-types.ts';
import {
  type ContentNodeModel,
  contentNodeFields,
  isPasswordProtected,
  readInEditContext,
  renderedContent,
  restrict,
} from './content-node.ts';
import { toGlobalId } from './global-id.ts';
import { nonEmptyId } from './php.ts';
import type { SiteContext } from './site.ts';

/** What WPGraphQL outputs for a `Page` for an anonymous viewer with default arguments. */
export interface PageModel extends ContentNodeModel {
  __typename: 'Page';
  /** Deprecated `pageId`: absint( ID ). */
  pageId: number;
  content: string | null;
  isPrivacyPage: boolean;
  /** `! empty( menu_order ) ? absint : null` — 0 → null. */
  menuOrder: number | null;
  parentDatabaseId: number | null;
  parentId: string | null;
  featuredImageDatabaseId: number | null;
  featuredImageId: string | null;
}

/**
 * Whether the page is the static front page. WPGraphQL reads `show_on_front`/`page_on_front`, which REST does
 * not expose anonymously; but WordPress's `get_page_link()` returns exactly `home_url( '/' )` for that page
 * and only for it (wp-includes/link-template.php), and REST `link` is that permalink.
 */
export function isFrontPageLink(restLink: string | undefined, site: SiteContext): boolean {
  return restLink !== undefined && restLink === `${site.homeUrl}/`;
}

/** Maps a `/wp/v2/pages` record (possibly trimmed by `_fields`) to {@link PageModel}. */
export function toPageModel(record: RestPage, site: SiteContext): PageModel {
  const base = contentNodeFields(record, site);
  const isFrontPage = isFrontPageLink(record.link, site);
  // `isPostsPage`: show_on_front !== 'posts' && page_for_posts === ID — configured, see SiteContext.
  const isPostsPage = site.pageForPostsId !== null && site.pageForPostsId === record.id;
  const parentDatabaseId = nonEmptyId(record.parent);
  const featuredImageDatabaseId = nonEmptyId(record.featured_media);
  const hasPassword = isPasswordProtected(record);
  const model: PageModel = {
    __typename: 'Page',
    ...base,
    contentTypeName: base.contentTypeName ?? 'page',
    pageId: record.id,
    content: renderedContent(record.content),
    hasPassword,
    isFrontPage,
    isPostsPage,
    // `isPrivacyPage`: wp_page_for_privacy_policy === ID — configured, see SiteContext.
    isPrivacyPage: site.privacyPolicyPageId !== null && site.privacyPolicyPageId === record.id,
    // `uri` (Model/Post.php): '/' for the front page, null for the posts page (it stands for the blog
    // archive, not the page), else the link without home_url().
    uri: isFrontPage ? '/' : isPostsPage ? null : base.uri,
    menuOrder: nonEmptyId(record.menu_order),
    parentDatabaseId,
    parentId: parentDatabaseId === null ? null : toGlobalId('post', parentDatabaseId),
    featuredImageDatabaseId,
    featuredImageId: featuredImageDatabaseId === null ? null : toGlobalId('post', featuredImageDatabaseId),
  };
  return hasPassword && !readInEditContext(record) ? restrict(model) : model;
}
