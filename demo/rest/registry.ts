/**
 * The post types and taxonomies the demo site registers, in `register_post_type()` / `register_taxonomy()`
 * order: WordPress's built-in `post`, `page`, `attachment`, `category`, `post_tag`, and the custom `book`,
 * `chapter` and `genre` that tests/wordpress/mu-plugins/wpgw-discovery.php registers on the test WordPress
 * (issue #13). The controllers (post-types.ts, terms.ts), the links (links.ts) and the `/wp/v2/types` and
 * `/wp/v2/taxonomies` listings (discovery.ts) all read this table, by name or by rest base.
 */
import { CUSTOM_SCHEMAS as SCHEMAS } from './custom-schemas.ts';

/** A post type as the controllers need it. */
export interface PostTypeInfo {
  name: string;
  base: string;
  hierarchical: boolean;
  defaultStatus: 'publish' | 'inherit';
  /** `post_type_supports()` features that change the REST answer. */
  supports: { author: boolean; comments: boolean; revisions: boolean; thumbnail: boolean; pageAttributes: boolean };
  /** Taxonomies registered on it, in registration order. */
  taxonomies: string[];
  /** `/wp/v2/types` entry (without `_links`), as WordPress 6.1 lists it in `view` context. */
  listing: Record<string, unknown>;
  /** Its collection's `OPTIONS` schema, recorded from the test WordPress (custom types only). */
  schema?: Record<string, unknown>;
}

/** A taxonomy as the terms controller needs it. */
export interface TaxonomyInfo {
  name: string;
  base: string;
  hierarchical: boolean;
  types: string[];
  listing: Record<string, unknown>;
  schema?: Record<string, unknown>;
}

const ALL = { author: true, comments: true, revisions: true, thumbnail: true, pageAttributes: false };

const typeListing = (o: {
  description?: string;
  hierarchical: boolean;
  has_archive?: boolean;
  name: string;
  slug: string;
  icon: string | null;
  taxonomies: string[];
  rest_base: string;
}) => ({
  description: o.description ?? '',
  hierarchical: o.hierarchical,
  has_archive: o.has_archive ?? false,
  name: o.name,
  slug: o.slug,
  icon: o.icon,
  taxonomies: o.taxonomies,
  rest_base: o.rest_base,
  rest_namespace: 'wp/v2',
});

export const POST_TYPES: PostTypeInfo[] = [
  {
    name: 'post',
    base: 'posts',
    hierarchical: false,
    defaultStatus: 'publish',
    supports: ALL,
    taxonomies: ['category', 'post_tag'],
    listing: typeListing({
      hierarchical: false,
      name: 'Posts',
      slug: 'post',
      icon: 'dashicons-admin-post',
      taxonomies: ['category', 'post_tag'],
      rest_base: 'posts',
    }),
  },
  {
    name: 'page',
    base: 'pages',
    hierarchical: true,
    defaultStatus: 'publish',
    supports: { ...ALL, pageAttributes: true },
    taxonomies: [],
    listing: typeListing({
      hierarchical: true,
      name: 'Pages',
      slug: 'page',
      icon: 'dashicons-admin-page',
      taxonomies: [],
      rest_base: 'pages',
    }),
  },
  {
    name: 'attachment',
    base: 'media',
    hierarchical: false,
    defaultStatus: 'inherit',
    supports: { ...ALL, revisions: false },
    taxonomies: [],
    listing: typeListing({
      hierarchical: false,
      name: 'Media',
      slug: 'attachment',
      icon: 'dashicons-admin-media',
      taxonomies: [],
      rest_base: 'media',
    }),
  },
  {
    name: 'book',
    base: 'books',
    hierarchical: false,
    defaultStatus: 'publish',
    supports: { author: true, comments: true, revisions: false, thumbnail: true, pageAttributes: false },
    taxonomies: ['genre'],
    listing: typeListing({
      hierarchical: false,
      has_archive: true,
      name: 'Books',
      slug: 'book',
      icon: null,
      taxonomies: ['genre'],
      rest_base: 'books',
    }),
    schema: SCHEMAS.books,
  },
  {
    name: 'chapter',
    base: 'chapters',
    hierarchical: true,
    defaultStatus: 'publish',
    supports: { author: false, comments: false, revisions: false, thumbnail: false, pageAttributes: true },
    taxonomies: [],
    listing: typeListing({ hierarchical: true, name: 'Chapters', slug: 'chapter', icon: null, taxonomies: [], rest_base: 'chapters' }),
    schema: SCHEMAS.chapters,
  },
];

const taxListing = (name: string, slug: string, types: string[], hierarchical: boolean, base: string, description = '') => ({
  name,
  slug,
  description,
  types,
  hierarchical,
  rest_base: base,
  rest_namespace: 'wp/v2',
});

export const TAXONOMIES: TaxonomyInfo[] = [
  {
    name: 'category',
    base: 'categories',
    hierarchical: true,
    types: ['post'],
    listing: taxListing('Categories', 'category', ['post'], true, 'categories'),
  },
  {
    name: 'post_tag',
    base: 'tags',
    hierarchical: false,
    types: ['post'],
    listing: taxListing('Tags', 'post_tag', ['post'], false, 'tags'),
  },
  {
    name: 'genre',
    base: 'genres',
    hierarchical: true,
    types: ['book'],
    listing: taxListing('Genres', 'genre', ['book'], true, 'genres'),
    schema: SCHEMAS.genres,
  },
];

export const postTypeByName = (name: string | undefined): PostTypeInfo | undefined => POST_TYPES.find((t) => t.name === name);
export const taxonomyByName = (name: string | undefined): TaxonomyInfo | undefined => TAXONOMIES.find((t) => t.name === name);
