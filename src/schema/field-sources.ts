import type { TypeFieldSources } from '../loaders/field-plan.ts';
import { COMMENT_AUTHOR_FIELD_SOURCES, COMMENT_FIELD_SOURCES } from '../models/comment.ts';
import { MEDIA_ITEM_FIELD_SOURCES } from '../models/media.ts';
import { PAGE_FIELD_SOURCES } from '../models/page.ts';
import { POST_FIELD_SOURCES } from '../models/post.ts';
import { CATEGORY_FIELD_SOURCES, TAG_FIELD_SOURCES } from '../models/term.ts';
import { USER_FIELD_SOURCES } from '../models/user.ts';

/**
 * For each record type: its REST collection and the REST fields each GraphQL field is computed from (the
 * models' tables), plus `_links` for the relations whose link says something the record does not
 * (src/schema/relations.ts). The field planner turns an operation's selection into `_fields` with it.
 *
 * `_links` only where the link names the collection: a comment's `up` may be a post, a page or an attachment,
 * and so may an attachment's parent. Where the collection is fixed (a post's author is a user, its featured image
 * a media item, a page's parent a page), the record's own id field (`author`, `featured_media`, `parent`) names
 * the very record the link points to, and asking for `_links` makes WordPress run `prepare_links()` for every
 * record of the page — a revision count per post, a children count per comment. Measured on WordPress 6.1
 * (tests/wordpress): the home page's posts list takes 16 ms without `_links` vs 21 ms with, for 10 posts, and
 * 33 vs 75 ms for 100.
 */
const withLinks = (sources: Record<string, string[]>, relations: string[]) =>
  Object.fromEntries(Object.entries(sources).map(([f, s]) => [f, relations.includes(f) ? [...s, '_links'] : s]));

export const FIELD_SOURCES_BY_TYPE: Record<string, TypeFieldSources> = {
  Post: { collection: 'posts', sources: POST_FIELD_SOURCES },
  Page: { collection: 'pages', sources: PAGE_FIELD_SOURCES },
  MediaItem: { collection: 'media', sources: withLinks(MEDIA_ITEM_FIELD_SOURCES, ['parent', 'ancestors']) },
  Category: { collection: 'categories', sources: CATEGORY_FIELD_SOURCES },
  Tag: { collection: 'tags', sources: TAG_FIELD_SOURCES },
  User: { collection: 'users', sources: USER_FIELD_SOURCES },
  Comment: { collection: 'comments', sources: withLinks(COMMENT_FIELD_SOURCES, ['commentedOn']) },
  // A guest commenter is read from its comment record.
  CommentAuthor: { collection: 'comments', sources: COMMENT_AUTHOR_FIELD_SOURCES },
};
