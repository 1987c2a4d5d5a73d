/**
 * `ContentType`, `Taxonomy` and `ContentTemplate` for the built-in post types and taxonomies the gateway serves.
 * Rules: plugins/wp-graphql/src/Model/PostType.php, Model/Taxonomy.php, Type/InterfaceType/ContentTemplate.php.
 *
 * Only the facts that do not depend on the site are served: names, WPGraphQL's GraphQL names, hierarchy and REST
 * bases are WordPress core's (`create_initial_post_types()`, `create_initial_taxonomies()`); labels are translated
 * by the site's locale and are left out (docs/compatibility.md). A discovered post type or taxonomy
 * (`SiteContext.collections`) has the same fields, from what REST lists of it and the names the schema gives it.
 */
import { toGlobalId } from './global-id.ts';
import type { DiscoveredTypeFacts, SiteContext } from './site.ts';

/** The post types the gateway serves, by WordPress name. */
const POST_TYPES = {
  post: { graphqlSingleName: 'post', graphqlPluralName: 'posts', hierarchical: false, restBase: 'posts' },
  page: { graphqlSingleName: 'page', graphqlPluralName: 'pages', hierarchical: true, restBase: 'pages' },
  attachment: { graphqlSingleName: 'mediaItem', graphqlPluralName: 'mediaItems', hierarchical: false, restBase: 'media' },
} as const;

/** The taxonomies the gateway serves, by WordPress name. */
const TAXONOMIES = {
  category: { graphqlSingleName: 'category', graphqlPluralName: 'categories', hierarchical: true, restBase: 'categories' },
  post_tag: { graphqlSingleName: 'tag', graphqlPluralName: 'tags', hierarchical: false, restBase: 'tags' },
} as const;

/** What WPGraphQL outputs for a `ContentType` (the served fields). */
export interface ContentTypeModel {
  __typename: 'ContentType';
  /** Relay::toGlobalId( 'post_type', name ). */
  id: string;
  name: string;
  graphqlSingleName: string;
  graphqlPluralName: string;
  hierarchical: boolean;
  restBase: string;
  public: true;
  showInRest: true;
  showInGraphql: true;
  /** The post type archive's link, relative: `/` for posts (the blog on the front page); null for the others. */
  uri: string | null;
  /** `'post' === name`. */
  isPostsPage: boolean;
  /** `post` when the front page shows the posts (no static front page). */
  isFrontPage: boolean;
  isContentNode: false;
  isTermNode: false;
  isComment: false;
  isRestricted: false;
}

/**
 * The `ContentType` of a built-in post type (`post`, `page`, `attachment`); null for another type (served by
 * discovery, not here). `staticFrontPage`: whether the site shows a page on its front page (the page whose link is
 * the home URL): then `post` is not the front page, and its archive is the posts page (`SiteContext.pageForPostsId`,
 * whose link REST does not tell without a lookup: null).
 */
export function toContentTypeModel(
  name: string,
  site: Pick<SiteContext, 'pageForPostsId' | 'collections'>,
  staticFrontPage = false,
): ContentTypeModel | null {
  const facts = POST_TYPES[name as keyof typeof POST_TYPES];
  if (!facts) {
    const discovered = discoveredFacts(site, 'postType', name);
    return discovered ? discoveredContentType(discovered) : null;
  }
  const isPost = name === 'post';
  return {
    __typename: 'ContentType',
    id: toGlobalId('post_type', name),
    name,
    ...facts,
    public: true,
    showInRest: true,
    showInGraphql: true,
    // get_post_type_archive_link(): home_url( '/' ) for posts unless a page is the posts page; false for types
    // without an archive (pages, attachments).
    uri: isPost && site.pageForPostsId === null ? '/' : null,
    isPostsPage: isPost,
    isFrontPage: isPost && !staticFrontPage,
    isContentNode: false,
    isTermNode: false,
    isComment: false,
    isRestricted: false,
  };
}

/** The built-in post types', then the discovered ones' `ContentType`s, in WordPress's registration order. */
export function allContentTypes(site: Pick<SiteContext, 'pageForPostsId' | 'collections'>, staticFrontPage = false): ContentTypeModel[] {
  const names = [...Object.keys(POST_TYPES), ...discoveredOf(site, 'postType').map((f) => f.slug)];
  return names.map((name) => toContentTypeModel(name, site, staticFrontPage)).filter((x): x is ContentTypeModel => x !== null);
}

/** The built-in taxonomies', then the discovered ones' `Taxonomy` nodes. */
export function allTaxonomies(site: Pick<SiteContext, 'collections'>): TaxonomyModel[] {
  const names = [...Object.keys(TAXONOMIES), ...discoveredOf(site, 'taxonomy').map((f) => f.slug)];
  return names.map((name) => toTaxonomyModel(name, site)).filter((x): x is TaxonomyModel => x !== null);
}

function discoveredOf(site: Pick<SiteContext, 'collections'>, kind: DiscoveredTypeFacts['kind']): DiscoveredTypeFacts[] {
  return [...(site.collections?.values() ?? [])].flatMap((c) => (c.facts?.kind === kind ? [c.facts] : []));
}

function discoveredFacts(site: Pick<SiteContext, 'collections'>, kind: DiscoveredTypeFacts['kind'], slug: string) {
  return discoveredOf(site, kind).find((f) => f.slug === slug);
}

/**
 * A discovered post type's `ContentType`. `uri` is its archive's (get_post_type_archive_link()) when REST names the
 * archive's slug; an archive at the type's rewrite slug (`has_archive: true`) has a link REST does not tell: null.
 * `public`: REST lists the type to anonymous clients and the gateway serves its records to them.
 */
function discoveredContentType(facts: DiscoveredTypeFacts): ContentTypeModel {
  return {
    __typename: 'ContentType',
    id: toGlobalId('post_type', facts.slug),
    name: facts.slug,
    graphqlSingleName: facts.graphqlSingleName,
    graphqlPluralName: facts.graphqlPluralName,
    hierarchical: facts.hierarchical,
    restBase: facts.restBase,
    public: true,
    showInRest: true,
    showInGraphql: true,
    uri: typeof facts.hasArchive === 'string' ? `/${facts.hasArchive.replace(/^\/+|\/+$/g, '')}/` : null,
    isPostsPage: false,
    isFrontPage: false,
    isContentNode: false,
    isTermNode: false,
    isComment: false,
    isRestricted: false,
  };
}

/** What WPGraphQL outputs for a `Taxonomy` (the served fields). */
export interface TaxonomyModel {
  __typename: 'Taxonomy';
  /** Relay::toGlobalId( 'taxonomy', name ). */
  id: string;
  name: string;
  graphqlSingleName: string;
  graphqlPluralName: string;
  hierarchical: boolean;
  restBase: string;
  public: true;
  showInRest: true;
  showInGraphql: true;
  isRestricted: false;
}

/** The `Taxonomy` of `category`, `post_tag` or a discovered taxonomy; null for another taxonomy. */
export function toTaxonomyModel(name: string, site: Pick<SiteContext, 'collections'> = {}): TaxonomyModel | null {
  const found = TAXONOMIES[name as keyof typeof TAXONOMIES] ?? discoveredFacts(site, 'taxonomy', name);
  if (!found) return null;
  const facts = {
    graphqlSingleName: found.graphqlSingleName,
    graphqlPluralName: found.graphqlPluralName,
    hierarchical: found.hierarchical,
    restBase: found.restBase,
  };
  return {
    __typename: 'Taxonomy',
    id: toGlobalId('taxonomy', name),
    name,
    ...facts,
    public: true,
    showInRest: true,
    showInGraphql: true,
    isRestricted: false,
  };
}

/** A `ContentTemplate`: WPGraphQL's `DefaultTemplate` for the default template. */
export interface ContentTemplateModel {
  __typename: 'DefaultTemplate';
  templateName: string;
}

/**
 * `template` (Type/InterfaceType/ContentNode.php): `DefaultTemplate { templateName: "Default" }` when the record has
 * no template (REST `template: ""`). A theme's template is a GraphQL type of its own in WPGraphQL (`Template_…`,
 * named from the theme's files, which REST does not list): null here.
 */
export function contentTemplate(restTemplate: string | null | undefined): ContentTemplateModel | null {
  if (restTemplate === undefined || restTemplate === null || restTemplate === '' || restTemplate === 'default') {
    return { __typename: 'DefaultTemplate', templateName: 'Default' };
  }
  return null;
}
