/**
 * The shape of the demo site's bundled content (`content.json`). Records are stored exactly as WordPress 6.1
 * answers them in `context=view` (same keys, same key order, same value shapes), minus `_links`, which the
 * server computes per request like WordPress does. What WordPress keeps in its database but never shows in
 * `view` context (post passwords, revision counts, logins, e-mails) lives under a `_demo` key the server
 * strips before answering. Every absolute URL on the site's own origin uses {@link DEMO_ORIGIN}; the server
 * rewrites it to its real origin when it loads the content.
 */
import type { RestComment, RestMedia, RestPage, RestPost, RestTerm, RestUser } from '../src/wordpress/rest-types.ts';

/** The origin placeholder used in `content.json` for the site's own URLs. */
export const DEMO_ORIGIN = 'http://demo.local';

/** Facts WordPress keeps about a post row but does not show in `context=view`. */
export interface DemoPostPrivate {
  /** `post_password`: set on password-protected posts. */
  password?: string;
  /** Number of revisions (`version-history` count) and the newest one's id (`predecessor-version`). */
  revisions?: { count: number; latest_id: number };
}

/** Facts WordPress keeps about a user but does not show in `context=view`. */
export interface DemoUserPrivate {
  login: string;
  email: string;
  roles: string[];
}

/** Facts WordPress keeps about a comment but does not show in `context=view`. */
export interface DemoCommentPrivate {
  author_email: string;
}

/** A stored record: the `view` record without `_links`, plus private facts. */
export type Stored<T, P> = Omit<T, '_links'> & { _demo?: P };

export type StoredPost = Stored<RestPost, DemoPostPrivate> & { id: number; status: string };
export type StoredPage = Stored<RestPage, DemoPostPrivate> & { id: number; status: string };
export type StoredMedia = Stored<RestMedia, DemoPostPrivate> & { id: number; status: string };
export type StoredTerm = Stored<RestTerm, never> & { id: number };
export type StoredUser = Stored<RestUser, DemoUserPrivate> & { id: number };
export type StoredComment = Stored<RestComment, DemoCommentPrivate> & { id: number; status: string };

/** Yoast SEO's `yoast_head_json` (tests/wordpress/mu-plugins/wpgw-discovery.php gives its shape). */
export type YoastHeadJson = Record<string, unknown> & { title: string; robots: Record<string, string>; canonical: string };

/**
 * A record of a custom post type (`book`, `chapter`; issue #13): a post's or a page's fields as the type's
 * supports give them, registered `meta`, the `genres` it carries, and `yoast_head_json` (`yoast_head`, the same
 * as HTML, is derived when the site loads).
 */
export type StoredCustomPost = StoredPage & {
  meta: Record<string, unknown>;
  genres?: number[];
  yoast_head_json: YoastHeadJson;
  yoast_head?: string;
};

/** A `genre` term: a term with registered `meta` and `yoast_head_json`. */
export type StoredCustomTerm = Omit<StoredTerm, 'meta'> & {
  meta: Record<string, unknown>;
  yoast_head_json: YoastHeadJson;
  yoast_head?: string;
};

/** General settings the REST index (`/wp-json/`) reports. */
export interface DemoSiteInfo {
  name: string;
  description: string;
  /** `siteurl` */
  url: string;
  /** `home` */
  home: string;
  /** The offset WordPress reported when the content was generated; the server recomputes it from the zone. */
  gmt_offset: number;
  timezone_string: string;
  /** Ids in the `sticky_posts` option. */
  sticky_posts: number[];
}

/** An application password a test or a person can use (HTTP Basic `username:password`). */
export interface DemoCredential {
  user_id: number;
  username: string;
  /** Formatted as WordPress shows it once: six groups of four characters separated by spaces. */
  application_password: string;
  /** Display name of the application password, as in the user's profile. */
  name: string;
}

/** Everything the demo site serves. */
export interface DemoContent {
  site: DemoSiteInfo;
  credentials: DemoCredential[];
  users: StoredUser[];
  categories: StoredTerm[];
  tags: StoredTerm[];
  posts: StoredPost[];
  pages: StoredPage[];
  media: StoredMedia[];
  comments: StoredComment[];
  /** Custom types (issue #13), as the test WordPress's discovery fixtures register them. */
  books: StoredCustomPost[];
  chapters: StoredCustomPost[];
  genres: StoredCustomTerm[];
}
