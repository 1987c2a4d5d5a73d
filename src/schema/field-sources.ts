import type { TypeFieldSources } from '../loaders/field-plan.ts';
import { COMMENT_AUTHOR_FIELD_SOURCES, COMMENT_FIELD_SOURCES } from '../models/comment.ts';
import { MEDIA_ITEM_FIELD_SOURCES } from '../models/media.ts';
import { PAGE_FIELD_SOURCES } from '../models/page.ts';
import { POST_FIELD_SOURCES } from '../models/post.ts';
import { CATEGORY_FIELD_SOURCES, TAG_FIELD_SOURCES } from '../models/term.ts';
import { USER_FIELD_SOURCES } from '../models/user.ts';

/**
 * For each record type: its REST collection and the REST fields each GraphQL field is computed from (the
 * models' tables), plus `_links` for the relations this layer follows through links (src/schema/relations.ts).
 * The field planner turns an operation's selection into `_fields` with it.
 */
const withLinks = (sources: Record<string, string[]>, relations: string[]) =>
  Object.fromEntries(Object.entries(sources).map(([f, s]) => [f, relations.includes(f) ? [...s, '_links'] : s]));

export const FIELD_SOURCES_BY_TYPE: Record<string, TypeFieldSources> = {
  Post: { collection: 'posts', sources: withLinks(POST_FIELD_SOURCES, ['author', 'featuredImage']) },
  Page: { collection: 'pages', sources: withLinks(PAGE_FIELD_SOURCES, ['author', 'featuredImage', 'parent']) },
  MediaItem: { collection: 'media', sources: withLinks(MEDIA_ITEM_FIELD_SOURCES, ['author', 'parent']) },
  Category: { collection: 'categories', sources: CATEGORY_FIELD_SOURCES },
  Tag: { collection: 'tags', sources: TAG_FIELD_SOURCES },
  User: { collection: 'users', sources: USER_FIELD_SOURCES },
  Comment: { collection: 'comments', sources: withLinks(COMMENT_FIELD_SOURCES, ['author', 'commentedOn']) },
  // A guest commenter is read from its comment record.
  CommentAuthor: { collection: 'comments', sources: COMMENT_AUTHOR_FIELD_SOURCES },
};
