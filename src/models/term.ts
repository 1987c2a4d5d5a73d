/**
 * `Category` and `Tag` from `/wp/v2/categories` and `/wp/v2/tags` records. Rules:
 * plugins/wp-graphql/src/Model/Term.php; `databaseId` is `absint( $term->databaseId )` in
 * Type/InterfaceType/TermNode.php. Terms have no restricted cap, so anonymous viewers see every field.
 */
import type { RestLinks, RestTerm } from '../wordpress/rest-types.ts';
import { toGlobalId } from './global-id.ts';
import { phpHtmlEntityDecode } from './html.ts';
import { nonEmptyId, nonEmptyString, phpEmpty, phpUrldecode } from './php.ts';
import { type SiteContext, uriFromLink } from './site.ts';

/** The fields Category and Tag share (interfaces TermNode, UniformResourceIdentifiable, DatabaseIdentifier). */
interface TermModelBase {
  id: string;
  databaseId: number;
  /** `! empty( count ) ? absint : null` — a term with no posts has `count: null`, not 0. */
  count: number | null;
  /** Raw, not entity-decoded (`html_entity_decode( …, 'description' )` defaults to off); `''` → null. */
  description: string | null;
  /** `get_term_link()` as is — terms do NOT urldecode their link (unlike posts). */
  link: string | null;
  /** `html_entity_decode( name )`: REST prints the stored, escaped name (`Q&amp;A`). */
  name: string | null;
  /** `urldecode( slug )`. */
  slug: string | null;
  /** The taxonomy's name: `category`, `post_tag`. */
  taxonomyName: string | null;
  /** `str_ireplace( home_url(), '', link )` from the undecoded link: percent-encoding stays. */
  uri: string | null;
  isRestricted: false;
  isComment: false;
  isContentNode: false;
  isTermNode: true;
  /** `isset( $node->isFrontPage )` is false for terms (Type/InterfaceType/UniformResourceIdentifiable.php). */
  isFrontPage: false;
  isPostsPage: false;
  links: RestLinks;
}

/** What WPGraphQL outputs for a `Category`. */
export interface CategoryModel extends TermModelBase {
  __typename: 'Category';
  /** Deprecated `categoryId`: absint( term_id ). */
  categoryId: number;
  /** `! empty( parent ) ? parent : null`. */
  parentDatabaseId: number | null;
  parentId: string | null;
}

/** What WPGraphQL outputs for a `Tag`. */
export interface TagModel extends TermModelBase {
  __typename: 'Tag';
  /** Deprecated `tagId`: absint( term_id ). */
  tagId: number;
}

function termBase(record: RestTerm, site: SiteContext): TermModelBase {
  const link = nonEmptyString(record.link);
  return {
    // `id`: Relay::toGlobalId( 'term', databaseId ).
    id: toGlobalId('term', record.id),
    databaseId: record.id,
    count: nonEmptyId(record.count),
    description: nonEmptyString(record.description),
    link,
    // `name`: html_entity_decode( name, 'name', true ) — decoding on by default.
    name: phpEmpty(record.name) ? null : phpHtmlEntityDecode(record.name as string),
    slug: record.slug === undefined || phpEmpty(record.slug) ? null : phpUrldecode(record.slug),
    taxonomyName: nonEmptyString(record.taxonomy),
    uri: uriFromLink(link, site),
    isRestricted: false,
    isComment: false,
    isContentNode: false,
    isTermNode: true,
    isFrontPage: false,
    isPostsPage: false,
    links: record._links ?? {},
  };
}

/** Maps a `/wp/v2/categories` record (possibly trimmed by `_fields`) to {@link CategoryModel}. */
export function toCategoryModel(record: RestTerm, site: SiteContext): CategoryModel {
  const parentDatabaseId = nonEmptyId(record.parent);
  return {
    __typename: 'Category',
    ...termBase(record, site),
    taxonomyName: nonEmptyString(record.taxonomy) ?? 'category',
    categoryId: record.id,
    parentDatabaseId,
    // `parentId`: Relay::toGlobalId( 'term', parentDatabaseId ).
    parentId: parentDatabaseId === null ? null : toGlobalId('term', parentDatabaseId),
  };
}

/** Maps a `/wp/v2/tags` record (possibly trimmed by `_fields`) to {@link TagModel}. */
export function toTagModel(record: RestTerm, site: SiteContext): TagModel {
  return {
    __typename: 'Tag',
    ...termBase(record, site),
    taxonomyName: nonEmptyString(record.taxonomy) ?? 'post_tag',
    tagId: record.id,
  };
}
