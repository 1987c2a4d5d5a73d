/**
 * The records WordPress's REST API (`/wp-json/wp/v2`, `context=view`) answers with, as far as the gateway reads
 * them. Every field is optional because `_fields` trims records to what a query needs: code reading a record
 * must not assume a field it did not ask for. Shapes checked against WordPress 6.1 and
 * ../shared/seed/wp-v2-post-2786.json (a real post from a live site).
 */

/** `{ rendered }` wrappers WordPress uses for filtered HTML (titles, guid, captions). */
export interface RestRendered {
  rendered?: string;
  /** Only with `context=edit` (a capable, authenticated user). */
  raw?: string;
}

/** Content and excerpt carry `protected: true` on password posts, and then an empty `rendered`. */
export interface RestProtectedRendered extends RestRendered {
  protected?: boolean;
}

/** One entry of a `_links` relation. Only `href` is always present. */
export interface RestLink {
  href: string;
  embeddable?: boolean;
  /** On `wp:term` entries: the taxonomy (`category`, `post_tag`, custom ones). */
  taxonomy?: string;
  templated?: boolean;
  name?: string;
  count?: number;
  id?: number;
}

export type RestLinks = Record<string, RestLink[] | undefined>;

/** Fields every collection's records share. */
interface RestRecordBase {
  id: number;
  _links?: RestLinks;
}

/** Posts, pages and attachments share WordPress's post row. */
export interface RestPostLike extends RestRecordBase {
  /** Site-local time, `YYYY-MM-DDTHH:MM:SS`, no offset. */
  date?: string | null;
  /** UTC, same format; `null` for drafts that were never saved with a date. */
  date_gmt?: string | null;
  guid?: RestRendered;
  modified?: string;
  modified_gmt?: string;
  /** Percent-encoded for non-ASCII slugs (`caf%c3%a9`). */
  slug?: string;
  status?: string;
  /** `post`, `page`, `attachment` */
  type?: string;
  /** The permalink on the site's home URL. */
  link?: string;
  title?: RestRendered;
  author?: number;
  comment_status?: string;
  ping_status?: string;
  template?: string;
  meta?: Record<string, unknown> | unknown[];
}

export interface RestPost extends RestPostLike {
  content?: RestProtectedRendered;
  excerpt?: RestProtectedRendered;
  /** 0 when the post has no featured image. */
  featured_media?: number;
  sticky?: boolean;
  format?: string;
  categories?: number[];
  tags?: number[];
  class_list?: Record<string, string> | string[];
}

/**
 * A revision or autosave, from `/wp/v2/<type>/<id>/revisions/<revision id>` (viewers who may edit the parent only).
 * Revisions carry no status, type, link, terms or featured image: those are the parent's.
 */
export interface RestRevision extends RestRecordBase {
  /** The revision's own author (an autosave's: the user who autosaved). */
  author?: number;
  date?: string | null;
  date_gmt?: string | null;
  modified?: string;
  modified_gmt?: string;
  /** The post the revision is of. */
  parent?: number;
  /** `<parent>-revision-v1` or `<parent>-autosave-v1`. */
  slug?: string;
  guid?: RestRendered;
  title?: RestRendered;
  content?: RestRendered;
  /** The stored excerpt as `the_excerpt` renders it: `''` when none was written (no automatic excerpt). */
  excerpt?: RestRendered;
}

export interface RestPage extends RestPostLike {
  content?: RestProtectedRendered;
  excerpt?: RestProtectedRendered;
  featured_media?: number;
  /** 0 for top-level pages. */
  parent?: number;
  menu_order?: number;
}

export interface RestMediaSize {
  file?: string;
  width?: number;
  height?: number;
  filesize?: number;
  mime_type?: string;
  source_url?: string;
}

export interface RestImageMeta {
  aperture?: string | number;
  credit?: string;
  camera?: string;
  caption?: string;
  created_timestamp?: string | number;
  copyright?: string;
  focal_length?: string | number;
  iso?: string | number;
  shutter_speed?: string | number;
  title?: string;
  orientation?: string | number;
  keywords?: string[];
}

export interface RestMediaDetails {
  width?: number;
  height?: number;
  /** Path under the uploads folder: `2025/04/photo.jpg`. */
  file?: string;
  filesize?: number;
  sizes?: Record<string, RestMediaSize>;
  image_meta?: RestImageMeta;
}

export interface RestMedia extends RestPostLike {
  alt_text?: string;
  caption?: RestRendered;
  description?: RestRendered;
  media_type?: string;
  mime_type?: string;
  media_details?: RestMediaDetails | Record<string, never>;
  /** The parent post's id, or 0/null when unattached. */
  post?: number | null;
  source_url?: string;
}

export interface RestTerm extends RestRecordBase {
  count?: number;
  description?: string;
  link?: string;
  /** HTML-escaped: `Q&amp;A`. */
  name?: string;
  slug?: string;
  taxonomy?: string;
  /** Categories only; 0 for top-level. */
  parent?: number;
  meta?: Record<string, unknown> | unknown[];
}

/** A `/wp/v2/menus` record (a `nav_menu` term; readable with `edit_posts` in WordPress 6.1). */
export interface RestMenu {
  id: number;
  name?: string;
  slug?: string;
  description?: string;
  /** Theme locations the menu is assigned to (`primary`, `footer`). */
  locations?: string[];
}

/**
 * `/wp/v2/settings` (WordPress 6.1's registered settings, `register_initial_settings()`; readable with
 * `manage_options` only): the values WPGraphQL shows every viewer. `email` (admin_email) is WPGraphQL's one
 * restricted setting and is read with the viewer's own credentials only.
 */
export interface RestSettings {
  title?: string;
  description?: string;
  url?: string;
  email?: string;
  timezone?: string;
  date_format?: string;
  time_format?: string;
  start_of_week?: number;
  language?: string;
  use_smilies?: boolean;
  default_category?: number;
  default_post_format?: string;
  posts_per_page?: number;
  show_on_front?: string;
  page_on_front?: number;
  page_for_posts?: number;
  default_ping_status?: string;
  default_comment_status?: string;
}

/** A `/wp/v2/users?context=edit` record trimmed to the names (read with the service account's `list_users`). */
export interface RestUserNames {
  id: number;
  first_name?: string;
  last_name?: string;
}

/** A `/wp/v2/menu-items` record (a `nav_menu_item` post after `wp_setup_nav_menu_item()`). */
export interface RestMenuItem {
  id: number;
  title?: { rendered?: string };
  url?: string;
  attr_title?: string;
  description?: string;
  /** `custom`, `post_type`, `taxonomy`, `post_type_archive`. */
  type?: string;
  /** `page`, `post`, `category`, `post_tag`, `custom`… */
  object?: string;
  object_id?: number;
  /** `menu_item_parent`; 0 at the top level. */
  parent?: number;
  menu_order?: number;
  target?: string;
  classes?: string[];
  xfn?: string[];
  /** The menu's term id. */
  menus?: number;
  invalid?: boolean;
}

export interface RestUser extends RestRecordBase {
  name?: string;
  url?: string;
  description?: string;
  link?: string;
  slug?: string;
  avatar_urls?: Record<string, string>;
  meta?: Record<string, unknown> | unknown[];
}

export interface RestComment extends RestRecordBase {
  post?: number;
  parent?: number;
  /** The commenter's user id, 0 for guests. */
  author?: number;
  author_name?: string;
  author_url?: string;
  date?: string;
  date_gmt?: string;
  content?: RestRendered;
  link?: string;
  /** `approved`, `hold`, `spam`, `trash` */
  status?: string;
  /** `comment`, `pingback`, `trackback` */
  type?: string;
  author_avatar_urls?: Record<string, string>;
  meta?: Record<string, unknown> | unknown[];
}

/** The REST index, `/wp-json/`. */
export interface RestIndex {
  name?: string;
  description?: string;
  /** The WordPress address (`siteurl`). */
  url?: string;
  /** The site address (`home`): the origin of permalinks. */
  home?: string;
  gmt_offset?: number | string;
  timezone_string?: string;
  namespaces?: string[];
  site_logo?: number;
  site_icon?: number;
  site_icon_url?: string;
  routes?: Record<string, unknown>;
  _links?: RestLinks;
}

/** WordPress's error body: `{ code, message, data: { status, params? } }`. */
export interface RestErrorBody {
  code: string;
  message: string;
  data?: { status?: number; params?: Record<string, string>; details?: unknown } | null;
}

/** The REST collections the gateway reads, by their route segment under `/wp/v2/`. */
export const COLLECTIONS = ['posts', 'pages', 'media', 'categories', 'tags', 'users', 'comments'] as const;
export type Collection = (typeof COLLECTIONS)[number];

/** The record type each collection answers with. */
export interface CollectionRecord {
  posts: RestPost;
  pages: RestPage;
  media: RestMedia;
  categories: RestTerm;
  tags: RestTerm;
  users: RestUser;
  comments: RestComment;
}
