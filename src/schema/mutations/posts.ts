import { builder } from '../../builder.ts';
import type { GatewayContext } from '../../context.ts';
import { toGlobalId } from '../../models/global-id.ts';
import type { PageModel } from '../../models/page.ts';
import type { PostModel } from '../../models/post.ts';
import { PageRef, PostRef } from '../object-refs.ts';
import {
  checkSizes,
  idInput,
  inputNames,
  lowerCase,
  type MutationInput,
  mutation,
  optionalId,
  type PayloadShape,
  restBody,
} from './common.ts';
import { resolveTermInput } from './term-input.ts';

/**
 * createPost, updatePost, deletePost and the same for pages (WPGraphQL's Mutation/PostObject*.php), as REST
 * writes to `/wp/v2/posts` and `/wp/v2/pages` with the viewer's credentials. A new post is a draft unless
 * `status` says otherwise, as in WPGraphQL. Terms are named by id, slug or name, and created when missing and the
 * viewer may, as WPGraphQL does (./term-input.ts).
 */

/** Input field → REST field, for both post types. */
const CONTENT_FIELDS = {
  commentStatus: 'comment_status',
  content: 'content',
  date: 'date',
  password: 'password',
  slug: 'slug',
  status: 'status',
  title: 'title',
} as const;
const POST_FIELDS = { ...CONTENT_FIELDS, excerpt: 'excerpt', pingStatus: 'ping_status' } as const;
const PAGE_FIELDS = { ...CONTENT_FIELDS, menuOrder: 'menu_order' } as const;
const NAMES = { ...inputNames(POST_FIELDS), ...inputNames(PAGE_FIELDS), author: 'authorId', parent: 'parentId' };

/** The REST body shared by posts and pages: the mapped fields and the author. */
function contentBody(input: MutationInput, fields: Readonly<Record<string, string>>): Record<string, unknown> {
  checkSizes(input);
  const body = restBody(input, fields, { status: lowerCase });
  const author = optionalId(input, 'authorId');
  if (author !== undefined) body.author = author;
  return body;
}

async function postBody(input: MutationInput, context: GatewayContext, id: number | undefined): Promise<Record<string, unknown>> {
  const body = contentBody(input, POST_FIELDS);
  const categories = await resolveTermInput(context, input, { collection: 'categories', field: 'categories' }, id);
  const tags = await resolveTermInput(context, input, { collection: 'tags', field: 'tags' }, id);
  if (categories) body.categories = categories;
  if (tags) body.tags = tags;
  return body;
}

function pageBody(input: MutationInput): Record<string, unknown> {
  const body = contentBody(input, PAGE_FIELDS);
  const parent = optionalId(input, 'parentId');
  if (parent !== undefined) body.parent = parent;
  return body;
}

interface PostPayload {
  post: PostModel | null;
  deletedId?: string;
}
interface PagePayload {
  page: PageModel | null;
  deletedId?: string;
}

const postPayload = (name: string, deleted: boolean) => {
  const ref = builder.objectRef<PostPayload & PayloadShape>(name);
  ref.implement({
    fields: (t) => ({
      clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
      post: t.field({ type: PostRef, nullable: true, resolve: (p) => p.post }),
      ...(deleted ? { deletedId: t.id({ nullable: true, resolve: (p) => p.deletedId ?? null }) } : {}),
    }),
  });
  return ref;
};
const pagePayload = (name: string, deleted: boolean) => {
  const ref = builder.objectRef<PagePayload & PayloadShape>(name);
  ref.implement({
    fields: (t) => ({
      clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
      page: t.field({ type: PageRef, nullable: true, resolve: (p) => p.page }),
      ...(deleted ? { deletedId: t.id({ nullable: true, resolve: (p) => p.deletedId ?? null }) } : {}),
    }),
  });
  return ref;
};

const POST_INPUT = [
  'authorId',
  'categories',
  'clientMutationId',
  'commentStatus',
  'content',
  'date',
  'excerpt',
  'password',
  'pingStatus',
  'slug',
  'status',
  'tags',
  'title',
];
const PAGE_INPUT = [
  'authorId',
  'clientMutationId',
  'commentStatus',
  'content',
  'date',
  'menuOrder',
  'parentId',
  'password',
  'slug',
  'status',
  'title',
];
const DELETE_INPUT = ['clientMutationId', 'forceDelete', 'id'];

mutation('createPost', 'CreatePostInput', POST_INPUT, postPayload('CreatePostPayload', false), async (input, context) => ({
  post: await context.writes.save('posts', undefined, await postBody(input, context, undefined), NAMES),
}));

mutation('updatePost', 'UpdatePostInput', [...POST_INPUT, 'id'], postPayload('UpdatePostPayload', false), async (input, context) => {
  const id = idInput(input, 'id');
  return { post: await context.writes.save('posts', id, await postBody(input, context, id), NAMES) };
});

mutation('deletePost', 'DeletePostInput', DELETE_INPUT, postPayload('DeletePostPayload', true), async (input, context) => {
  const id = idInput(input, 'id');
  return { post: await context.writes.remove('posts', id, input.forceDelete === true), deletedId: toGlobalId('post', id) };
});

mutation('createPage', 'CreatePageInput', PAGE_INPUT, pagePayload('CreatePagePayload', false), async (input, context) => ({
  page: await context.writes.save('pages', undefined, pageBody(input), NAMES),
}));

mutation('updatePage', 'UpdatePageInput', [...PAGE_INPUT, 'id'], pagePayload('UpdatePagePayload', false), async (input, context) => ({
  page: await context.writes.save('pages', idInput(input, 'id'), pageBody(input), NAMES),
}));

mutation('deletePage', 'DeletePageInput', DELETE_INPUT, pagePayload('DeletePagePayload', true), async (input, context) => {
  const id = idInput(input, 'id');
  return { page: await context.writes.remove('pages', id, input.forceDelete === true), deletedId: toGlobalId('post', id) };
});
