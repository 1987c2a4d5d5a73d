import { builder, type BuilderTypes } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import type { CategoryModel } from '../models/term.ts';
import { defineConnection, defineOneToOneEdge, oneToOne, sliceConnection, type ConnectionArgs, paginationArgs } from './connections.ts';
import { contentConnectionField } from './content-fields.ts';
import { offsetPaginationField, referenceEnum, referenceInput } from './inputs.ts';
import {
  ContentNode,
  DatabaseIdentifier,
  HierarchicalNode,
  HierarchicalTermNode,
  Node,
  TermNode,
  UniformResourceIdentifiable,
  MenuItemLinkable,
} from './interfaces.ts';
import { restConnection } from './rest-connection.ts';
import { CategoryRef, PostRef } from './object-refs.ts';
import { scalarFields } from './scalar-fields.ts';
import { termById } from './term-fields.ts';
import { TERM_WHERE_FIELDS, termWhereToRest, type TermWhere } from './where/terms.ts';
import { restRecord, restSources } from './rest-sources.ts';

/** `Category`: a `/wp/v2/categories` record (src/models/term.ts). */

const CategoryToParentCategoryConnectionEdge = defineOneToOneEdge<CategoryModel>(
  'CategoryToParentCategoryConnectionEdge',
  'Category',
  CategoryRef,
);
const CategoryToCategoryConnection = defineConnection<CategoryModel>('CategoryToCategoryConnection', 'Category', CategoryRef);
const CategoryToAncestorsCategoryConnection = defineConnection<CategoryModel>(
  'CategoryToAncestorsCategoryConnection',
  'Category',
  CategoryRef,
);
const CategoryToCategoryWhere = referenceInput('CategoryToCategoryConnectionWhereArgs', TERM_WHERE_FIELDS, offsetPaginationField);
const RootQueryToCategoryWhere = referenceInput('RootQueryToCategoryConnectionWhereArgs', TERM_WHERE_FIELDS, offsetPaginationField);

/** Parents, nearest first: one loader call per level (each level's id is only known from the one below). */
async function ancestors(context: GatewayContext, category: CategoryModel): Promise<CategoryModel[]> {
  const chain: CategoryModel[] = [];
  const seen = new Set([category.databaseId]);
  let parentId = category.parentDatabaseId;
  while (parentId && !seen.has(parentId)) {
    seen.add(parentId);
    const parent = await context.loaders.load('categories', parentId);
    if (!parent) break;
    chain.push(parent);
    parentId = parent.parentDatabaseId;
  }
  return chain;
}

CategoryRef.implement({
  extensions: restRecord('categories'),
  description: 'The category type',
  interfaces: [Node, TermNode, UniformResourceIdentifiable, DatabaseIdentifier, HierarchicalTermNode, HierarchicalNode, MenuItemLinkable],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'Category',
  fields: (t) => {
    const tt = t as unknown as PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, CategoryModel>;
    return {
      id: t.exposeID('id', { nullable: false, extensions: restSources('id') }),
      ...scalarFields(t, 'Category', { categoryId: ['id'] }),
      parent: t.field({
        type: CategoryToParentCategoryConnectionEdge,
        description: 'Connection between the category type and its parent category type',
        extensions: restSources('parent'),
        resolve: async (c, _args, context) =>
          c.parentDatabaseId ? oneToOne(await context.loaders.load('categories', c.parentDatabaseId)) : null,
      }),
      children: t.field({
        type: CategoryToCategoryConnection,
        description: 'Connection between the category type and its children categories.',
        extensions: restSources('id'),
        args: paginationArgs(tt, CategoryToCategoryWhere),
        resolve: (c, args, context) => {
          const { where, ...paging } = args as ConnectionArgs & { where?: TermWhere | null };
          return restConnection(context, 'categories', { ...paging, where }, { ...termWhereToRest(where, true), parent: c.databaseId });
        },
      }),
      ancestors: t.field({
        type: CategoryToAncestorsCategoryConnection,
        description: 'The ancestors of the node. Default ordered as lowest (closest to the child) to highest (closest to the root).',
        extensions: restSources('parent'),
        args: paginationArgs(tt),
        resolve: async (c, args, context) => {
          const chain = await ancestors(context, c);
          // WPGraphQL answers null, not an empty connection, for a top-level category.
          return chain.length ? sliceConnection(chain, args as ConnectionArgs) : null;
        },
      }),
      contentNodes: contentConnectionField(t, {
        connection: 'CategoryToContentNodeConnection',
        kind: 'ContentNode',
        nodeRef: ContentNode,
        collection: 'posts',
        whereInput: 'CategoryToContentNodeConnectionWhereArgs',
        description: 'Connection between the Category type and the ContentNode type',
        // Only posts carry category terms on a stock site. The category's own posts: see `posts` below.
        fixed: (c: CategoryModel) => ({ 'categories[terms]': [c.databaseId], 'categories[include_children]': false }),
      }),
      posts: contentConnectionField(t, {
        connection: 'CategoryToPostConnection',
        kind: 'Post',
        nodeRef: PostRef,
        collection: 'posts',
        whereInput: 'CategoryToPostConnectionWhereArgs',
        description: 'Connection between the Category type and the post type',
        // The posts assigned to the category itself: WPGraphQL adds a tax_query with `include_children => false`
        // (Registry/Utils/TermObject.php), unlike `where: { categoryId }` (WP_Query's `cat`).
        fixed: (c: CategoryModel) => ({ 'categories[terms]': [c.databaseId], 'categories[include_children]': false }),
      }),
    };
  },
});

builder.queryFields((t) => ({
  category: t.field({
    type: CategoryRef,
    description: 'A 0bject',
    args: {
      id: t.arg.id({ required: true, description: 'The globally unique identifier of the object.' }),
      idType: t.arg({ type: referenceEnum('CategoryIdType'), description: 'Type of unique identifier to fetch by. Default is Global ID' }),
    },
    resolve: (_root, args, context) => termById(context, 'categories', String(args.id), args.idType as string | null | undefined),
  }),
  categories: t.field({
    type: defineConnection<CategoryModel>('RootQueryToCategoryConnection', 'Category', CategoryRef),
    description: 'Connection between the RootQuery type and the category type',
    args: paginationArgs(t, RootQueryToCategoryWhere),
    // WPGraphQL lists empty terms too (`hide_empty` false), unlike WordPress's own default.
    resolve: (_root, args, context) =>
      restConnection(context, 'categories', args as ConnectionArgs, {
        hide_empty: false,
        ...termWhereToRest(args.where as TermWhere | null, true),
      }),
  }),
}));
