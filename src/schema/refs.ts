import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { loadRecordsById, MAX_PER_PAGE } from '../loaders/records.ts';
import { toCommentModel, type CommentModel } from '../models/comment.ts';
import { toMediaItemModel, type MediaItemModel } from '../models/media.ts';
import { toPageModel, type PageModel } from '../models/page.ts';
import { toPostModel, type PostModel } from '../models/post.ts';
import { toCategoryModel, toTagModel, type CategoryModel, type TagModel } from '../models/term.ts';
import { toUserModel, type UserModel } from '../models/user.ts';
import type { Collection, CollectionRecord } from '../wordpress/rest-types.ts';

/**
 * The references of the record types, declared before any type is implemented so type files can point at each
 * other without import cycles. Each record type reads one REST collection, so each ref carries that
 * collection's per-request DataLoader (the dataloader plugin makes one per ref per request context): a
 * resolver that returns a record id gets the record, batched with every other id asked for in the same tick
 * into one `GET /wp/v2/<collection>?include=…` of at most 100 ids.
 */
function loader<C extends Collection, M extends { databaseId: number }>(
  collection: C,
  toModel: (record: CollectionRecord[C], context: GatewayContext) => M,
) {
  return {
    // Missing ids resolve to null (WordPress dropped them: deleted, or hidden from this viewer); the plugin's
    // types have no room for null in a load result, hence the cast.
    load: async (ids: number[], context: GatewayContext): Promise<M[]> => {
      const records = await loadRecordsById(context.scope, collection, ids);
      return records.map((record) => (record ? toModel(record, context) : null)) as M[];
    },
    toKey: (model: M) => model.databaseId,
    // Models a list query brought are handed to the loader, so a later lookup of the same id costs nothing.
    cacheResolved: true,
    loaderOptions: { maxBatchSize: MAX_PER_PAGE },
  };
}

/** REST record → model, per collection: the one place a record becomes what resolvers read. */
export const toModel = {
  posts: (r: CollectionRecord['posts'], c: GatewayContext): PostModel => toPostModel(r, c.site),
  pages: (r: CollectionRecord['pages'], c: GatewayContext): PageModel => toPageModel(r, c.site),
  media: (r: CollectionRecord['media'], c: GatewayContext): MediaItemModel => toMediaItemModel(r, c.site),
  categories: (r: CollectionRecord['categories'], c: GatewayContext): CategoryModel => toCategoryModel(r, c.site),
  tags: (r: CollectionRecord['tags'], c: GatewayContext): TagModel => toTagModel(r, c.site),
  users: (r: CollectionRecord['users'], c: GatewayContext): UserModel => toUserModel(r, c.site),
  comments: (r: CollectionRecord['comments'], c: GatewayContext): CommentModel => toCommentModel(r, c.site),
} as const;

export const PostRef = builder.loadableObjectRef<PostModel, number>('Post', loader('posts', toModel.posts));
export const PageRef = builder.loadableObjectRef<PageModel, number>('Page', loader('pages', toModel.pages));
export const MediaItemRef = builder.loadableObjectRef<MediaItemModel, number>('MediaItem', loader('media', toModel.media));
export const CategoryRef = builder.loadableObjectRef<CategoryModel, number>('Category', loader('categories', toModel.categories));
export const TagRef = builder.loadableObjectRef<TagModel, number>('Tag', loader('tags', toModel.tags));
export const UserRef = builder.loadableObjectRef<UserModel, number>('User', loader('users', toModel.users));
export const CommentRef = builder.loadableObjectRef<CommentModel, number>('Comment', loader('comments', toModel.comments));

/** Any record a content-node field can give: the three post types WordPress's REST API serves. */
export type ContentNodeModel = PostModel | PageModel | MediaItemModel;

/** Loads a record of a collection by id through that collection's request loader. */
export function loadById(context: GatewayContext, collection: 'posts', id: number): Promise<PostModel | null>;
export function loadById(context: GatewayContext, collection: 'pages', id: number): Promise<PageModel | null>;
export function loadById(context: GatewayContext, collection: 'media', id: number): Promise<MediaItemModel | null>;
export function loadById(context: GatewayContext, collection: 'categories', id: number): Promise<CategoryModel | null>;
export function loadById(context: GatewayContext, collection: 'tags', id: number): Promise<TagModel | null>;
export function loadById(context: GatewayContext, collection: 'users', id: number): Promise<UserModel | null>;
export function loadById(context: GatewayContext, collection: 'comments', id: number): Promise<CommentModel | null>;
export function loadById(context: GatewayContext, collection: Collection, id: number): Promise<unknown>;
export function loadById(context: GatewayContext, collection: Collection, id: number): Promise<unknown> {
  const ref = REF_BY_COLLECTION[collection];
  return (ref.getDataloader(context) as { load(id: number): Promise<unknown> }).load(id);
}

/** Puts models a list brought into their loader, so lookups later in the request do not ask again. */
export function prime(context: GatewayContext, collection: Collection, models: readonly { databaseId: number }[]): void {
  const dataloader = REF_BY_COLLECTION[collection].getDataloader(context) as { prime(id: number, value: unknown): unknown };
  for (const model of models) dataloader.prime(model.databaseId, model);
}

const REF_BY_COLLECTION = {
  posts: PostRef,
  pages: PageRef,
  media: MediaItemRef,
  categories: CategoryRef,
  tags: TagRef,
  users: UserRef,
  comments: CommentRef,
} as const;
