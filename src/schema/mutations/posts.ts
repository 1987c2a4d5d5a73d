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
import { siteInputsOf } from './site-inputs.ts';
import { resolveTermInput, type TermPlan, type TermTaxonomy, writeWithTerms } from './term-input.ts';

/**
 * createPost, updatePost, deletePost and the same for pages (WPGraphQL's Mutation/PostObject*.php), as REST
 * writes to `/wp/v2/posts` and `/wp/v2/pages` with the viewer's credentials. A new post is a draft unless
 * `status` says otherwise, as in WPGraphQL. Terms are named by id, slug or name, and created when missing and the
 * viewer may, after the post is saved, as WPGraphQL does (./term-input.ts). A site's own taxonomies on posts or
 * pages and their registered meta arrive with the input from the site schema (./site-inputs.ts).
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

const BUILT_IN_TAXONOMIES: readonly TermTaxonomy[] = [
  { collection: 'categories', field: 'categories' },
  { collection: 'tags', field: 'tags' },
];

/**
 * Writes a post or page: `body` with its term inputs (categories and tags for posts, and the site's own taxonomies
 * and meta, ./site-inputs.ts), missing terms created after the post is saved (./term-input.ts).
 */
async function writeContent<C extends 'posts' | 'pages'>(
  context: GatewayContext,
  collection: C,
  id: number | undefined,
  input: MutationInput,
  body: Record<string, unknown>,
) {
  const site = siteInputsOf(input);
  const taxonomies = collection === 'posts' ? [...BUILT_IN_TAXONOMIES, ...site.taxonomies] : site.taxonomies;
  const plans: TermPlan[] = [];
  for (const taxonomy of taxonomies) {
    const plan = await resolveTermInput(context, input, taxonomy, id);
    if (plan) plans.push(plan);
  }
  const meta = site.meta?.(input);
  if (meta) body.meta = meta;
  return writeWithTerms(context, collection, id, body, plans, { ...NAMES, ...site.names });
}

function postBody(input: MutationInput): Record<string, unknown> {
  return contentBody(input, POST_FIELDS);
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
  post: await writeContent(context, 'posts', undefined, input, postBody(input)),
}));

mutation('updatePost', 'UpdatePostInput', [...POST_INPUT, 'id'], postPayload('UpdatePostPayload', false), async (input, context) => {
  const id = idInput(input, 'id');
  return { post: await writeContent(context, 'posts', id, input, postBody(input)) };
});

mutation('deletePost', 'DeletePostInput', DELETE_INPUT, postPayload('DeletePostPayload', true), async (input, context) => {
  const id = idInput(input, 'id');
  return { post: await context.writes.remove('posts', id, input.forceDelete === true), deletedId: toGlobalId('post', id) };
});

mutation('createPage', 'CreatePageInput', PAGE_INPUT, pagePayload('CreatePagePayload', false), async (input, context) => ({
  page: await writeContent(context, 'pages', undefined, input, pageBody(input)),
}));

mutation('updatePage', 'UpdatePageInput', [...PAGE_INPUT, 'id'], pagePayload('UpdatePagePayload', false), async (input, context) => {
  const id = idInput(input, 'id');
  return { page: await writeContent(context, 'pages', id, input, pageBody(input)) };
});

mutation('deletePage', 'DeletePageInput', DELETE_INPUT, pagePayload('DeletePagePayload', true), async (input, context) => {
  const id = idInput(input, 'id');
  return { page: await context.writes.remove('pages', id, input.forceDelete === true), deletedId: toGlobalId('post', id) };
});
