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
} from './interfaces.ts';
import { restConnection } from './rest-connection.ts';
import { CategoryRef, PostRef, TagRef } from './object-refs.ts';
import { scalarFields } from './scalar-fields.ts';
import { TERM_WHERE_FIELDS, termWhereToRest, type TermWhere } from './where/terms.ts';
import { restRecord, restSources } from './rest-sources.ts';

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
const byName = (a: { name: string | null }, b: { name: string | null }) => (a.name ?? '').localeCompare(b.name ?? '');

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
      extensions: restSources('categories'),
      args: paginationArgs(t, PostToCategoryWhere),
      resolve: (post, args, context) => postTerms(context, 'categories', post.categoryDatabaseIds, post, args),
    }),
    tags: t.field({
      type: PostToTagConnection,
      description: 'Connection between the Post type and the tag type',
      extensions: restSources('tags'),
      args: paginationArgs(t, PostToTagWhere),
      resolve: (post, args, context) => postTerms(context, 'tags', post.tagDatabaseIds, post, args),
    }),
    terms: t.field({
      type: PostToTermNodeConnection,
      description: 'Connection between the Post type and the TermNode type',
      extensions: restSources('categories', 'tags'),
      args: paginationArgs(t, PostToTermNodeWhere),
      resolve: async (post, args, context) => {
        const { where, ...paging } = args as ConnectionArgs & { where?: TermWhere | null };
        void where;
        const [categories, tags] = await Promise.all([
          context.loaders.loadMany('categories', post.categoryDatabaseIds),
          context.loaders.loadMany('tags', post.tagDatabaseIds),
        ]);
        return sliceConnection([...categories, ...tags].sort(byName), paging);
      },
    }),
    comments: commentConnectionField(t, 'PostToCommentConnection', 'PostToCommentConnectionWhereArgs'),
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
