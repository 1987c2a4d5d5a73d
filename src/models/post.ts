/**
 * `Post` (post type `post`) from a `/wp/v2/posts` record. Rules: plugins/wp-graphql/src/Model/Post.php,
 * Registry/Utils/PostObject.php (type-specific fields), shared ones in ./content-node.ts.
 */
import type { RestPost } from '../wordpress/rest-types.ts';
import {
  type ContentNodeModel,
  contentNodeFields,
  isPasswordProtected,
  readInEditContext,
  renderedContent,
  restrict,
} from './content-node.ts';
import { wpgraphqlExcerpt } from './excerpt.ts';
import { toGlobalId } from './global-id.ts';
import { nonEmptyId } from './php.ts';
import type { SiteContext } from './site.ts';

/** What WPGraphQL outputs for a `Post`, field by field, for an anonymous viewer with default arguments. */
export interface PostModel extends ContentNodeModel {
  __typename: 'Post';
  /** Deprecated `postId`: absint( ID ) (Registry/Utils/PostObject.php). */
  postId: number;
  /** RENDERED content, HTML kept as is; null when empty or restricted. */
  content: string | null;
  /** RENDERED excerpt, HTML kept as is (may be `''`, WPGraphQL does not null it); null when restricted. */
  excerpt: string | null;
  /** `is_sticky( ID )`, REST `sticky`. */
  isSticky: boolean;
  featuredImageDatabaseId: number | null;
  featuredImageId: string | null;
  /** Term ids from the record, for the `categories` / `tags` / `terms` connections. */
  categoryDatabaseIds: number[];
  tagDatabaseIds: number[];
}

/** Maps a `/wp/v2/posts` record (possibly trimmed by `_fields`) to {@link PostModel}. */
export function toPostModel(record: RestPost, site: SiteContext): PostModel {
  const base = contentNodeFields(record, site);
  // `featuredImageDatabaseId`: get_post_thumbnail_id(), null when empty; REST `featured_media` is 0 then.
  const featuredImageDatabaseId = nonEmptyId(record.featured_media);
  const hasPassword = isPasswordProtected(record);
  const model: PostModel = {
    __typename: 'Post',
    ...base,
    contentTypeName: base.contentTypeName ?? 'post',
    postId: record.id,
    content: renderedContent(record.content),
    // `excerptRendered`: apply_filters( 'the_excerpt', apply_filters( 'get_the_excerpt', … ) ), no decoding,
    // no empty→null. REST `excerpt.rendered` runs the same two filters, but trims an automatic excerpt from the
    // text before a more tag only, where WPGraphQL trims the whole content (./excerpt.ts).
    excerpt: wpgraphqlExcerpt(record.excerpt, record.content),
    // `hasPassword`: ! empty( post_password ); REST `content.protected` = (bool) post_password.
    hasPassword,
    isSticky: record.sticky === true,
    featuredImageDatabaseId,
    featuredImageId: featuredImageDatabaseId === null ? null : toGlobalId('post', featuredImageDatabaseId),
    categoryDatabaseIds: record.categories ?? [],
    tagDatabaseIds: record.tags ?? [],
  };
  return hasPassword && !readInEditContext(record) ? restrict(model) : model;
}
