import { type CommentModel, toCommentModel } from '../models/comment.ts';
import { type MediaItemModel, toMediaItemModel } from '../models/media.ts';
import { type PageModel, toPageModel } from '../models/page.ts';
import { type PostModel, toPostModel } from '../models/post.ts';
import type { CollectionModelling, SiteContext } from '../models/site.ts';
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
  const modelling = site.collections?.get(collection);
  // TypeScript cannot correlate TO_MODEL[C]'s parameter with CollectionRecord[C] for a generic C (it widens the
  // index to the union); the mapped type above checks each entry, so this one view is sound. A discovered
  // collection takes the model of the built-in one it is like (a custom post type the post's or the page's).
  const convert = (TO_MODEL[collection] ?? (modelling && TO_MODEL[modelling.like])) as
    | ((record: CollectionRecord[C], site: SiteContext) => ModelOf<C>)
    | undefined;
  if (!convert) throw new Error(`No model for REST collection ${collection}`);
  if (!modelling) return records.map((record) => convert(record, site));
  return records.map((record) => withDiscovered(convert(record, site), record, collection, modelling));
}

/**
 * What discovery adds to a model: a discovered collection's own type name (the resolvers of its type are those of
 * the built-in type it is like), and the record's fields discovered fields read (`meta`, `yoast_head_json`, a
 * custom taxonomy's term ids) kept as they came, under `rest`.
 */
function withDiscovered<M>(model: M, record: object, collection: string, modelling: CollectionModelling): M {
  const target = model as Record<string, unknown>;
  if (target.__typename !== modelling.typename) {
    target.__typename = modelling.typename;
    target.restCollection = collection;
    if (modelling.like === 'pages') target.pageLike = true;
  }
  if (modelling.extras.length) {
    const source = record as Record<string, unknown>;
    target.rest = Object.fromEntries(modelling.extras.map((key) => [key, source[key]]));
  }
  return model;
}
