/** What discovery (./discover.ts) finds on a site: plain data, shared by the schema builder, loaders and `check`. */

export type MetaScalar = 'String' | 'Int' | 'Float' | 'Boolean';

export type MetaShape =
  | { kind: 'scalar'; scalar: MetaScalar; list: boolean }
  | { kind: 'object'; properties: Readonly<Record<string, MetaScalar>>; list: boolean };

/** A registered meta key (`register_meta(…, ['show_in_rest' => true])`) and its GraphQL shape. */
export interface MetaField {
  key: string;
  description: string | undefined;
  shape: MetaShape;
}

/** A registered meta key that cannot be typed, and why. */
export interface SkippedMeta {
  key: string;
  reason: string;
}

/** One post type (`/wp/v2/types`) or taxonomy (`/wp/v2/taxonomies`), with what its collection's schema says. */
export interface DiscoveredCollection {
  /** `user`: the users collection (not a post type), read for its registered meta and Yoast's fields. */
  kind: 'postType' | 'taxonomy' | 'user';
  slug: string;
  /** The plural label REST gives anonymously (`name`). */
  label: string;
  restBase: string;
  restNamespace: string;
  hierarchical: boolean;
  /** A post type's `has_archive` (false for taxonomies): an archive slug, or true for the rewrite slug. */
  hasArchive?: boolean | string;
  /** A post type's taxonomies, or a taxonomy's post types (slugs). */
  related: readonly string[];
  /** Whether its `OPTIONS` schema was read. */
  described: boolean;
  /** Top-level fields of its records (the schema's `properties`). */
  fields: readonly string[];
  meta: readonly MetaField[];
  skippedMeta: readonly SkippedMeta[];
  /** Records carry `yoast_head_json` (Yoast SEO). */
  seo: boolean;
  /** Records carry `yoast_head` (the HTML Yoast prints). */
  seoHead: boolean;
}

/**
 * The users collection's slug in discovery's results and the report: not a post type, so a name no post type or
 * taxonomy can have (WordPress names are sanitize_key()'d: lower-case letters, digits, `_` and `-`).
 */
export const USERS_SLUG = '(users)';

export interface SiteDiscovery {
  postTypes: readonly DiscoveredCollection[];
  taxonomies: readonly DiscoveredCollection[];
  /** `/wp/v2/users` as discovery read it (meta, Yoast's fields); absent from older discoveries and fixtures. */
  users?: DiscoveredCollection;
  /** The REST index's namespaces (`wp/v2`, `yoast/v1`, `wc/v3`, …). */
  namespaces: readonly string[];
  /** The theme's registered menu locations (./menu-locations.ts); undefined when they could not be read. */
  menuLocations?: readonly string[] | undefined;
}
