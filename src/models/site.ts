/**
 * What the models need to know about the site, and WPGraphQL's `uri` rule.
 *
 * Most of it comes from the REST index (`/wp-json/`, {@link RestIndex}); a few WordPress options that shape
 * WPGraphQL output are not readable anonymously through REST (`page_for_posts`, `wp_page_for_privacy_policy`,
 * the theme's `$content_width`), so they can be supplied by configuration and default to "not set".
 */
import type { RestIndex } from '../wordpress/rest-types.ts';
import { phpEmpty, phpStrIreplaceEmpty } from './php.ts';

/** The site facts the models read. Plain data: safe to build once per site and share between requests. */
export interface SiteContext {
  /**
   * `home_url()` — the site address, no trailing slash (REST index `home`). Every `uri` is a permalink with
   * this removed.
   */
  readonly homeUrl: string;
  /** `get_option( 'siteurl' )` — the WordPress address (REST index `url`). */
  readonly siteUrl: string;
  /** Site title (`blogname`), as the REST index prints it. */
  readonly name: string | null;
  /** Tagline (`blogdescription`). */
  readonly description: string | null;
  /** `gmt_offset` in hours (may be fractional, e.g. 5.5). */
  readonly gmtOffset: number;
  /** `timezone_string`, `''` when the site uses a manual UTC offset. */
  readonly timezoneString: string;
  /** `site_icon` attachment id, `null` when unset. */
  readonly siteIconId: number | null;
  /** `get_site_icon_url()` at its default size (512 → the full image), `null` when unset. */
  readonly siteIconUrl: string | null;
  /**
   * `page_for_posts` (the "Posts page"). REST does not reveal it to anonymous clients; configure it to get
   * `isPostsPage: true` and `uri: null` on that page, as WPGraphQL does.
   * @default null
   */
  readonly pageForPostsId: number | null;
  /**
   * `wp_page_for_privacy_policy`. Not readable through REST anonymously; configure it for `isPrivacyPage`.
   * @default null
   */
  readonly privacyPolicyPageId: number | null;
  /**
   * `WPLANG` (the site language, e.g. `fr_FR`): REST shows it only to `manage_options` users
   * (`/wp/v2/settings`); configure it for `generalSettings.language`.
   * @default null
   */
  readonly language: string | null;
  /**
   * The active theme's `$content_width` global, which WordPress uses to constrain `large`/`medium_large`
   * image dimensions (`image_constrain_size_for_editor()`), and so the `sizes` attribute WPGraphQL prints.
   * @default 0 (not set: no constraint)
   */
  readonly contentWidth: number;
  /**
   * Collections discovery found, by REST base (`books`), and built-in ones it adds fields to.
   * @default none: only the built-in collections, as they are
   */
  readonly collections?: ReadonlyMap<string, CollectionModelling>;
}

/**
 * How the records of a collection discovery found (src/discovery/) become models: with the model of the built-in
 * collection they are like, under their own GraphQL type name, keeping `extras` (record fields discovered fields
 * read: `meta`, `yoast_head_json`, a custom taxonomy's ids). Built-in collections have an entry when discovery
 * adds fields to them (SEO, meta, custom taxonomies).
 */
export interface CollectionModelling {
  like: CollectionLike;
  typename: string;
  extras: readonly string[];
  /** What its `ContentType` / `Taxonomy` node says; set for discovered collections only. */
  facts?: DiscoveredTypeFacts;
}

/** The built-in collection a discovered one is served like. */
export type CollectionLike = 'posts' | 'pages' | 'categories' | 'tags' | 'media' | 'users';

/** A discovered post type's or taxonomy's WordPress facts, as REST lists them (`/wp/v2/types`, `/wp/v2/taxonomies`). */
export interface DiscoveredTypeFacts {
  kind: 'postType' | 'taxonomy';
  /** The WordPress name (`book`). */
  slug: string;
  /** Its value in ContentTypeEnum (`BOOK`, from the name) or TaxonomyEnum (`GENRE`, from the GraphQL single name). */
  enumValue: string;
  graphqlSingleName: string;
  graphqlPluralName: string;
  hierarchical: boolean;
  restBase: string;
  /** `has_archive`: its archive's slug when REST gives one, `true` when the type has an archive at its rewrite slug. */
  hasArchive: boolean | string;
}

/** Settings that REST cannot tell us; all optional. */
export interface SiteOptions {
  /** The configured WordPress base URL; used when the REST index does not report `home`/`url`. */
  baseUrl: string;
  /** @default null */
  pageForPostsId?: number | null;
  /** @default null */
  privacyPolicyPageId?: number | null;
  /** @default null */
  language?: string | null;
  /** @default 0 */
  contentWidth?: number;
}

function untrailingslashit(url: string): string {
  return url.replace(/[/\\]+$/, '');
}

/** Builds the {@link SiteContext} from the REST index (`/wp-json/`) and the gateway's configuration. */
export function createSiteContext(index: RestIndex, options: SiteOptions): SiteContext {
  const base = untrailingslashit(options.baseUrl);
  const gmt = typeof index.gmt_offset === 'string' ? Number.parseFloat(index.gmt_offset) : index.gmt_offset;
  return Object.freeze({
    homeUrl: untrailingslashit(index.home ?? base),
    siteUrl: index.url ?? base,
    name: index.name ?? null,
    description: index.description ?? null,
    gmtOffset: typeof gmt === 'number' && Number.isFinite(gmt) ? gmt : 0,
    timezoneString: index.timezone_string ?? '',
    siteIconId: typeof index.site_icon === 'number' && index.site_icon > 0 ? index.site_icon : null,
    siteIconUrl: phpEmpty(index.site_icon_url) ? null : (index.site_icon_url as string),
    pageForPostsId: options.pageForPostsId ?? null,
    privacyPolicyPageId: options.privacyPolicyPageId ?? null,
    language: options.language ?? null,
    contentWidth: options.contentWidth ?? 0,
  });
}

/**
 * WPGraphQL's `uri`: `str_ireplace( home_url(), '', $link )` — every case-insensitive occurrence of the
 * home URL removed from the permalink (Model/Post.php, Model/Term.php, Model/User.php, Model/Comment.php).
 * `null` for an empty link. Callers pass the link in the form the model uses: posts and comments pass the
 * `urldecode()`d link, terms and users the link as WordPress printed it.
 */
export function uriFromLink(link: string | null | undefined, site: Pick<SiteContext, 'homeUrl'>): string | null {
  if (phpEmpty(link)) return null;
  return phpStrIreplaceEmpty(site.homeUrl, link as string);
}
