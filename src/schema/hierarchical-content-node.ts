import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { defineConnection, defineOneToOneEdge, oneToOne, sliceConnection, type ConnectionArgs, paginationArgs } from './connections.ts';
import { contentConnection, contentWhereInput } from './content-fields.ts';
import {
  CONTENT_NODE_SCALARS,
  ContentNode,
  DatabaseIdentifier,
  HierarchicalNode,
  Node,
  UniformResourceIdentifiable,
} from './interfaces.ts';
import type { ContentNodeModel } from './object-refs.ts';
import { scalarFields } from './scalar-fields.ts';
import { contentWhereToRest, type ContentWhere } from './where/content.ts';
import { restSources } from './rest-sources.ts';

/** `HierarchicalContentNode`: pages (and attachments) with a parent, children and ancestors. */

type Hierarchical = ContentNodeModel & { parentDatabaseId: number | null };

export const HierarchicalContentNodeToParentContentNodeConnectionEdge = defineOneToOneEdge(
  'HierarchicalContentNodeToParentContentNodeConnectionEdge',
  'ContentNode',
  ContentNode,
);
const AncestorsConnection = defineConnection<ContentNodeModel>(
  'HierarchicalContentNodeToContentNodeAncestorsConnection',
  'ContentNode',
  ContentNode,
);
const ChildrenConnection = defineConnection<ContentNodeModel>(
  'HierarchicalContentNodeToContentNodeChildrenConnection',
  'ContentNode',
  ContentNode,
);
const AncestorsWhere = contentWhereInput('HierarchicalContentNodeToContentNodeAncestorsConnectionWhereArgs', 'pages');
const ChildrenWhere = contentWhereInput('HierarchicalContentNodeToContentNodeChildrenConnectionWhereArgs', 'pages');

/**
 * A page, or a record of a hierarchical custom post type (src/schema/site-schema.ts serves its fields with `pages`
 * read as its own collection, and its models say `pageLike`).
 */
function isPageLike(node: Hierarchical): boolean {
  return node.__typename === 'Page' || (node as { pageLike?: boolean }).pageLike === true;
}

/**
 * The parent: a page's parent page by its `parent` id; an attachment's post through the record's `up` link, which
 * says which collection (posts, pages) that post is in.
 */
export function parentOf(context: GatewayContext, node: Hierarchical): Promise<unknown> {
  if (node.parentDatabaseId == null) return Promise.resolve(null);
  if (isPageLike(node)) return context.loaders.load('pages', node.parentDatabaseId);
  return context.loaders.followLink(node.links, 'up', ['posts', 'pages', 'media'], node.parentDatabaseId);
}

/** Parents, nearest first; one round trip per level, since each level's id is only known from the one below. */
async function ancestors(context: GatewayContext, node: Hierarchical): Promise<ContentNodeModel[]> {
  const chain: ContentNodeModel[] = [];
  const seen = new Set([node.databaseId]);
  let current: Hierarchical | null = node;
  while (current && current.parentDatabaseId != null && !seen.has(current.parentDatabaseId)) {
    seen.add(current.parentDatabaseId);
    current = (await parentOf(context, current)) as Hierarchical | null;
    if (current) chain.push(current);
  }
  return chain;
}

export const HierarchicalContentNode = builder.interfaceRef<Hierarchical>('HierarchicalContentNode').implement({
  description: 'Content node with hierarchical (parent/child) relationships',
  interfaces: [Node, ContentNode, UniformResourceIdentifiable, DatabaseIdentifier, HierarchicalNode],
  resolveType: (value) => value.__typename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    ...scalarFields(t, 'HierarchicalContentNode', {
      ...CONTENT_NODE_SCALARS,
      parentDatabaseId: ['parent'],
      parentId: ['parent'],
    }),
    parent: t.field({
      type: HierarchicalContentNodeToParentContentNodeConnectionEdge,
      description: 'The parent of the node. The parent object can be of various types',
      extensions: restSources('parent', 'content.protected'),
      resolve: async (node, _args, context) => oneToOne(await parentOf(context, node)),
    }),
    ancestors: t.field({
      type: AncestorsConnection,
      description: 'Returns ancestors of the node. Default ordered as lowest (closest to the child) to highest (closest to the root).',
      extensions: restSources('parent', 'content.protected'),
      args: paginationArgs(t, AncestorsWhere),
      resolve: async (node, args, context) => {
        const chain = await ancestors(context, node);
        return chain.length ? sliceConnection(chain, args as ConnectionArgs) : null;
      },
    }),
    children: t.field({
      type: ChildrenConnection,
      description: 'Connection between the HierarchicalContentNode type and the ContentNode type',
      extensions: restSources('id'),
      args: paginationArgs(t, ChildrenWhere),
      resolve: async (node, rawArgs, context) => {
        const args = rawArgs as ConnectionArgs & { where?: ContentWhere | null };
        const query = await contentWhereToRest(args.where, {
          authenticated: context.authorization !== undefined,
          lookupIds: (collection, slugs) => context.loaders.lookupIds(collection, slugs),
        });
        const collection = isPageLike(node) ? 'pages' : 'media';
        return contentConnection(context, collection, args, { ...query, parent: [node.databaseId] });
      },
    }),
  }),
});
