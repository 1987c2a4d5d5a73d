import { builder } from '../builder.ts';
import type { CommentModel } from '../models/comment.ts';
import type { MediaItemModel } from '../models/media.ts';
import type { PageModel } from '../models/page.ts';
import type { PostModel } from '../models/post.ts';
import type { CategoryModel, TagModel } from '../models/term.ts';
import type { UserModel } from '../models/user.ts';

/**
 * The references of the record types, declared before any type is implemented so type files can point at each
 * other without import cycles. Each resolves to its model; resolvers get models from the request's loaders
 * (src/loaders/), which batch by id per REST collection.
 */
export const PostRef = builder.objectRef<PostModel>('Post');
export const PageRef = builder.objectRef<PageModel>('Page');
export const MediaItemRef = builder.objectRef<MediaItemModel>('MediaItem');
export const CategoryRef = builder.objectRef<CategoryModel>('Category');
export const TagRef = builder.objectRef<TagModel>('Tag');
export const UserRef = builder.objectRef<UserModel>('User');
export const CommentRef = builder.objectRef<CommentModel>('Comment');

/** Any record a content-node field can give: the three post types WordPress's REST API serves. */
export type ContentNodeModel = PostModel | PageModel | MediaItemModel;
