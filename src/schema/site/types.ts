import type { GraphQLFieldResolver } from 'graphql';
import type { GatewayContext } from '../../context.ts';
import type { TypeNames } from '../../discovery/names.ts';
import { type DiscoveredCollection, USERS_SLUG } from '../../discovery/types.ts';
import type { CollectionModelling } from '../../models/site.ts';
import { COMMON_WHERE } from '../content-fields.ts';
import type { GraphQLSchema } from 'graphql';

/** The shared vocabulary of the site schema's modules (src/schema/site-schema.ts builds with them). */

export interface ServedReport {
  kind: 'postType' | 'taxonomy' | 'user';
  slug: string;
  restBase: string;
  /** The GraphQL type serving it, or undefined when not served. */
  typeName: string | undefined;
  names: TypeNames | undefined;
  /** Why it is not served (or what serves it, for built-ins). */
  note: string;
  meta: { key: string; field: string | undefined; note: string }[];
  seo: boolean;
}

export interface SiteSchema {
  schema: GraphQLSchema;
  /** What the loaders need to model records of discovered collections (SiteContext.collections). */
  collections: ReadonlyMap<string, CollectionModelling>;
  report: ServedReport[];
  warnings: string[];
}

export type Like = CollectionModelling['like'];
export type AnyResolver = GraphQLFieldResolver<unknown, GatewayContext>;

/** A post type or taxonomy the schema serves: built in (hand-written) or discovered. */
export interface Served {
  entry: DiscoveredCollection;
  builtIn: boolean;
  like: Like;
  names: TypeNames;
  /** Taxonomy (for post types) or post type (for taxonomies) slugs it is connected to, among those served. */
  related: string[];
}

/** The template (hand-written) type a discovered type is copied from, by the collection it is like. */
export const TEMPLATE_OF: Record<Like, string> = {
  posts: 'Post',
  pages: 'Page',
  categories: 'Category',
  tags: 'Tag',
  media: 'MediaItem',
  users: 'User',
};

export const BUILT_IN: Record<string, { kind: DiscoveredCollection['kind']; like: Like; names: TypeNames }> = {
  post: { kind: 'postType', like: 'posts', names: { single: 'post', plural: 'posts', type: 'Post' } },
  page: { kind: 'postType', like: 'pages', names: { single: 'page', plural: 'pages', type: 'Page' } },
  category: { kind: 'taxonomy', like: 'categories', names: { single: 'category', plural: 'categories', type: 'Category' } },
  post_tag: { kind: 'taxonomy', like: 'tags', names: { single: 'tag', plural: 'tags', type: 'Tag' } },
  // Hand-written; served here for what discovery adds to them (registered meta, Yoast's fields).
  attachment: { kind: 'postType', like: 'media', names: { single: 'mediaItem', plural: 'mediaItems', type: 'MediaItem' } },
  [USERS_SLUG]: { kind: 'user', like: 'users', names: { single: 'user', plural: 'users', type: 'User' } },
};

/** GraphQL's own names, never a type of ours. */
export const RESERVED = new Set(['String', 'Int', 'Float', 'Boolean', 'ID', 'Query', 'Mutation', 'Subscription']);

/**
 * Where-args a discovered post type's connections take: those every content route takes (the built-in types'
 * COMMON_WHERE) but `hasPassword`, which the built-in connections narrow in the gateway and the discovered ones do
 * not, plus `offsetPagination`; and for a type like pages, the parent args.
 */
const CONTENT_WHERE: readonly string[] = [...COMMON_WHERE.filter((arg) => arg !== 'hasPassword'), 'offsetPagination'];
const HIERARCHICAL_WHERE: readonly string[] = ['parent', 'parentIn', 'parentNotIn'];

/** Whether a discovered post type like `like` keeps the where-arg `field` of the template's where input. */
export const keepsWhereArg =
  (like: string) =>
  (field: string): boolean =>
    CONTENT_WHERE.includes(field) || (like === 'pages' && HIERARCHICAL_WHERE.includes(field));

/** Interfaces a post type implements only when its records carry the REST field (WordPress `supports`). */
export const SUPPORT_INTERFACES: Record<string, string> = {
  NodeWithTitle: 'title',
  NodeWithContentEditor: 'content',
  NodeWithExcerpt: 'excerpt',
  NodeWithAuthor: 'author',
  NodeWithFeaturedImage: 'featured_media',
  NodeWithComments: 'comment_status',
  NodeWithTrackbacks: 'ping_status',
  NodeWithPageAttributes: 'menu_order',
};

/** Fields of Post and Page that belong to those types only (terms, stickiness, the privacy page). */
export const TEMPLATE_ONLY = new Set(['categories', 'tags', 'terms', 'isSticky', 'isPrivacyPage', 'posts', 'contentNodes', 'pages']);
