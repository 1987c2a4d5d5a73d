import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import type { PostModel } from '../models/post.ts';
import type { CategoryModel, TagModel } from '../models/term.ts';
import { defineConnection, sliceConnection, type ConnectionArgs, paginationArgs } from './connections.ts';
import { commentConnectionField } from './comment.ts';
import { contentNodeByIdField, contentConnectionField } from './content-fields.ts';
import { referenceInput } from './inputs.ts';
import {
  ContentNode,
  DatabaseIdentifier,
  Node,
  NodeWithAuthor,
  NodeWithComments,
  NodeWithContentEditor,
  NodeWithExcerpt,
  NodeWithFeaturedImage,
  NodeWithTitle,
  NodeWithTrackbacks,
  TermNode,
  UniformResourceIdentifiable,
  MenuItemLinkable,
} from './interfaces.ts';
import { restConnection } from './rest-connection.ts';
import { CategoryRef, PostRef, TagRef } from './object-refs.ts';
import { scalarFields } from './scalar-fields.ts';
import { compareTermNames } from './terms.ts';
import { TERM_WHERE_FIELDS, termWhereToRest, type TermWhere } from './where/terms.ts';
import { revisionFields, NodeWithRevisions } from './revisions.ts';
import { restRecord, restRelated, restSources } from './rest-sources.ts';

/** `Post`: a `/wp/v2/posts` record, as WPGraphQL shapes it (src/models/post.ts). */

const PostToCategoryConnection = defineConnection<CategoryModel>('PostToCategoryConnection', 'Category', CategoryRef);
const PostToTagConnection = defineConnection<TagModel>('PostToTagConnection', 'Tag', TagRef);
const PostToTermNodeConnection = defineConnection<CategoryModel | TagModel>('PostToTermNodeConnection', 'TermNode', TermNode);

const PostToCategoryWhere = referenceInput('PostToCategoryConnectionWhereArgs', TERM_WHERE_FIELDS);
const PostToTagWhere = referenceInput(
  'PostToTagConnectionWhereArgs',
  TERM_WHERE_FIELDS.filter((f) => f !== 'parent'),
);
const PostToTermNodeWhere = referenceInput(
  'PostToTermNodeConnectionWhereArgs',
  TERM_WHERE_FIELDS.filter((f) => f !== 'parent'),
);

/** WPGraphQL orders a post's terms like any term connection: by name, ascending. */
const byName = (a: { name: string | null }, b: { name: string | null }) => compareTermNames(a.name ?? '', b.name ?? '');

/** The model property each `TermObjectsConnectionOrderbyEnum` value sorts by (no term group in REST: by name). */
const TERM_ORDER_PROPERTY: Record<string, 'name' | 'slug' | 'count' | 'description' | 'databaseId'> = {
  NAME: 'name',
  SLUG: 'slug',
  COUNT: 'count',
  DESCRIPTION: 'description',
  TERM_ID: 'databaseId',
  TERM_GROUP: 'name',
};

/** The REST fields {@link TERM_ORDER_PROPERTY}'s properties come from (`databaseId` is the always-read `id`). */
const TERM_SORT_KEYS = ['name', 'slug', 'count', 'description'];

/**
 * The order `where` asks for, over terms of both taxonomies merged (WordPress sorts them in one query): as
 * termWhereToRest orders one taxonomy — by name ascending unless told, descending for other orders unless told.
 */
function termOrder(where: TermWhere | null | undefined) {
  const property = TERM_ORDER_PROPERTY[where?.orderby ?? 'NAME'] ?? 'name';
  const descending = where?.order ? where.order.toUpperCase() === 'DESC' : !!where?.orderby && where.orderby !== 'NAME';
  return (a: CategoryModel | TagModel, b: CategoryModel | TagModel) => {
    const x = a[property];
    const y = b[property];
    const compared = typeof x === 'number' && typeof y === 'number' ? x - y : compareTermNames(String(x ?? ''), String(y ?? ''));
    return descending ? -compared : compared;
  };
}

/**
 * `Post.terms`: the post's categories and tags together, in the order `where` asks for. Without filters the ids on
 * the post record go to the batched loaders (no request of its own); with them WordPress filters each taxonomy
 * (`?post=<id>&…`, one request each) and the two lists are merged.
 */
async function allPostTerms(context: GatewayContext, post: PostModel, where: TermWhere | null | undefined) {
  const { order, orderby, ...filters } = termWhereToRest(where, false);
  if (Object.keys(filters).length === 0) {
    const [categories, tags] = await Promise.all([
      context.loaders.loadMany('categories', post.categoryDatabaseIds),
      context.loaders.loadMany('tags', post.tagDatabaseIds),
    ]);
    return [...categories, ...tags].sort(termOrder(where));
  }
  const query = { ...filters, order, orderby, post: post.databaseId, per_page: 100 };
  const [categories, tags] = await Promise.all([context.loaders.list('categories', query), context.loaders.list('tags', query)]);
  return [...categories.models, ...tags.models].sort(termOrder(where));
}

/**
 * A post's terms of one taxonomy. Without where-args the ids on the post record go to the batched loader (one
 * request for all posts of the page); with where-args WordPress filters: `/wp/v2/<taxonomy>?post=<id>&…`.
 */
async function postTerms<C extends 'categories' | 'tags'>(
  context: GatewayContext,
  collection: C,
  ids: readonly number[],
  post: PostModel,
  args: ConnectionArgs & { where?: TermWhere | null },
) {
  const { where, ...paging } = args;
  // A restricted post (a password post seen by a viewer who may not edit it) lists no terms in WPGraphQL.
  if (post.isRestricted) return sliceConnection([] as never[], paging);
  const filters = termWhereToRest(where, collection === 'categories');
  if (Object.keys(filters).length > 0) {
    return restConnection(context, collection, paging, { ...filters, post: post.databaseId });
  }
  const terms = (await context.loaders.loadMany(collection, ids)).sort(byName);
  return sliceConnection(terms, paging);
}

PostRef.implement({
  extensions: restRecord('posts'),
  description: 'The post type',
  interfaces: [
    Node,
    ContentNode,
    UniformResourceIdentifiable,
    DatabaseIdentifier,
    NodeWithTitle,
    NodeWithContentEditor,
    NodeWithAuthor,
    NodeWithFeaturedImage,
    NodeWithExcerpt,
    NodeWithComments,
    NodeWithTrackbacks,
    MenuItemLinkable,
    NodeWithRevisions,
  ],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'Post',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, extensions: restSources('id') }),
    ...scalarFields(t, 'Post', {
      hasPassword: ['content.protected'],
      isRevision: ['content.protected'],
      isSticky: ['sticky'],
      password: [],
      postId: ['id'],
    }),
    categories: t.field({
      type: PostToCategoryConnection,
      description: 'Connection between the Post type and the category type',
      // Sorted by name (byName), selected or not.
      extensions: { ...restSources('categories'), ...restRelated({ categories: ['name'] }) },
      args: paginationArgs(t, PostToCategoryWhere),
      resolve: (post, args, context) => postTerms(context, 'categories', post.categoryDatabaseIds, post, args),
    }),
    tags: t.field({
      type: PostToTagConnection,
      description: 'Connection between the Post type and the tag type',
      extensions: { ...restSources('tags'), ...restRelated({ tags: ['name'] }) },
      args: paginationArgs(t, PostToTagWhere),
      resolve: (post, args, context) => postTerms(context, 'tags', post.tagDatabaseIds, post, args),
    }),
    terms: t.field({
      type: PostToTermNodeConnection,
      description: 'Connection between the Post type and the TermNode type',
      // termOrder sorts by name, or by what `where.orderby` names: those are read whatever is selected.
      extensions: { ...restSources('categories', 'tags'), ...restRelated({ categories: TERM_SORT_KEYS, tags: TERM_SORT_KEYS }) },
      args: paginationArgs(t, PostToTermNodeWhere),
      resolve: async (post, args, context) => {
        const { where, ...paging } = args as ConnectionArgs & { where?: TermWhere | null };
        return sliceConnection(post.isRestricted ? [] : await allPostTerms(context, post, where), paging);
      },
    }),
    comments: commentConnectionField(t, 'PostToCommentConnection', 'PostToCommentConnectionWhereArgs'),
    ...revisionFields(t, 'Post', 'posts'),
  }),
});

builder.queryFields((t) => ({
  post: contentNodeByIdField(t, {
    type: PostRef,
    collection: 'posts',
    idTypeEnum: 'PostIdType',
    description: 'An object of the post Type. ',
  }),
  posts: contentConnectionField(t, {
    connection: 'RootQueryToPostConnection',
    kind: 'Post',
    nodeRef: PostRef,
    collection: 'posts',
    whereInput: 'RootQueryToPostConnectionWhereArgs',
    description: 'Connection between the RootQuery type and the post type',
  }),
}));
