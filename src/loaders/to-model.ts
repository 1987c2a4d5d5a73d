import { type CommentModel, toCommentModel } from '../models/comment.ts';
import { type MediaItemModel, toMediaItemModel } from '../models/media.ts';
import { type PageModel, toPageModel } from '../models/page.ts';
import { type PostModel, toPostModel } from '../models/post.ts';
import type { SiteContext } from '../models/site.ts';
import { type CategoryModel, type TagModel, toCategoryModel, toTagModel } from '../models/term.ts';
import { type UserModel, toUserModel } from '../models/user.ts';
import type { Collection, CollectionRecord } from '../wordpress/rest-types.ts';

/** The model each REST collection's records become: what resolvers of that type read. */
export interface ModelByCollection {
  posts: PostModel;
  pages: PageModel;
  media: MediaItemModel;
  categories: CategoryModel;
  tags: TagModel;
  users: UserModel;
  comments: CommentModel;
}

/** The model of one collection's records. */
export type ModelOf<C extends Collection> = ModelByCollection[C];

/**
 * REST record → model, per collection: the one place a record becomes what resolvers read. Every loader
 * (by id, list pages, lookups, the viewer) converts through it, so a record read any way looks the same.
 */
export const TO_MODEL: { readonly [C in Collection]: (record: CollectionRecord[C], site: SiteContext) => ModelOf<C> } = {
  posts: toPostModel,
  pages: toPageModel,
  media: toMediaItemModel,
  categories: toCategoryModel,
  tags: toTagModel,
  users: toUserModel,
  comments: toCommentModel,
};

/** Converts records of one collection (a generic call site cannot index {@link TO_MODEL} by a type parameter). */
export function toModels<C extends Collection>(collection: C, records: readonly CollectionRecord[C][], site: SiteContext): ModelOf<C>[] {
  // TypeScript cannot correlate TO_MODEL[C]'s parameter with CollectionRecord[C] for a generic C (it widens the
  // index to the union); the mapped type above checks each entry, so this one view is sound.
  const convert = TO_MODEL[collection] as (record: CollectionRecord[C], site: SiteContext) => ModelOf<C>;
  return records.map((record) => convert(record, site));
}
