import { builder, type BuilderTypes } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import type { RevisionsQuery } from '../loaders/preview.ts';
import type { ContentNodeModel } from '../models/content-node.ts';
import type { PageModel } from '../models/page.ts';
import type { PostModel } from '../models/post.ts';
import type { Collection } from '../wordpress/rest-types.ts';
import { type ConnectionArgs, defineConnection, defineOneToOneEdge, oneToOne, paginationArgs, sliceConnection } from './connections.ts';
import { referenceInput } from './inputs.ts';
import { ContentNode, Node } from './interfaces.ts';
import { PageRef, PostRef } from './object-refs.ts';
import { restSources } from './rest-sources.ts';
import { scalarFields } from './scalar-fields.ts';
import { badInput, databaseIds, searchString } from './where/args.ts';

/**
 * WPGraphQL's revision fields of posts and pages (Type/InterfaceType/NodeWithRevisions.php, Connection/PostObjects.php):
 * `revisionOf` (the parent of a revision), `preview` (the newest revision or autosave) and `revisions` (all of them,
 * newest first). Revisions are read with the viewer's credentials under their parent (src/loaders/preview.ts).
 */

type Model = ContentNodeModel & { __typename: string };

/** `revisionOf`: a revision's parent, as a one-to-one edge; null on anything that is not a revision. */
const NodeWithRevisionsToContentNodeConnectionEdge = defineOneToOneEdge<ContentNodeModel>(
  'NodeWithRevisionsToContentNodeConnectionEdge',
  'ContentNode',
  ContentNode,
);

export const NodeWithRevisions = builder.interfaceRef<Model>('NodeWithRevisions').implement({
  description: 'A node that can have revisions',
  interfaces: [Node],
  resolveType: (value) => value.__typename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id }),
    ...scalarFields(t, 'NodeWithRevisions', { isRevision: ['content.protected'] }),
    revisionOf: t.field({
      type: NodeWithRevisionsToContentNodeConnectionEdge,
      description:
        'If the current node is a revision, this field exposes the node this is a revision of. Returns null if the current node is not a revision of another node.',
      // The parent is the model a revision was read under (src/models/revision.ts): no request of its own.
      extensions: restSources(),
      resolve: (model) => oneToOne(model.isRevision ? (model._revisionOf ?? null) : null),
    }),
  }),
});

/**
 * REST's `orderby` of a revisions list for each `PostObjectsConnectionOrderbyEnum` value it can serve. `MODIFIED`
 * (Next.js's `cms-wordpress` example asks `revisions(first: 1, where: { orderby: { field: MODIFIED, order: DESC } })`)
 * has no REST order of revisions, and needs none: WordPress inserts a revision with `post_modified` equal to its
 * `post_date` (wp_insert_post() for a new row), so both orders are one. An autosave saved again in place is the
 * exception (its `post_modified` moves, its `post_date` stays the parent's last modification): ordered by date here.
 */
const ORDERBY: Record<string, string> = { DATE: 'date', IN: 'include', MODIFIED: 'date', SLUG: 'slug', TITLE: 'title' };

/** The where-args of `revisions` (the reference SDL lists the ones REST's revisions route serves). */
interface RevisionsWhere {
  search?: string | null;
  in?: readonly unknown[] | null;
  notIn?: readonly unknown[] | null;
  orderby?: readonly ({ field: string; order?: string | null } | null)[] | null;
}

/** `where` of `revisions` as REST's `/revisions` query: `search`, `include`, `exclude`, `orderby`/`order`. */
export function revisionsWhereToRest(where: RevisionsWhere | null | undefined): RevisionsQuery {
  const q: RevisionsQuery = {};
  if (!where) return q;
  const search = searchString(where.search);
  if (search) q.search = search;
  const include = databaseIds(where.in, 'in');
  if (include?.length) q.include = include.join(',');
  const exclude = databaseIds(where.notIn, 'notIn');
  if (exclude?.length) q.exclude = exclude.join(',');
  const orderby = where.orderby?.find((o) => o?.field);
  if (orderby) {
    const field = ORDERBY[orderby.field];
    if (!field)
      throw badInput(`Cannot order revisions by ${orderby.field} through the REST API (DATE, IN, MODIFIED, SLUG or TITLE)`, 'orderby');
    if (field === 'include' && !q.include) throw badInput('Ordering by IN needs `in`', 'orderby');
    q.orderby = field;
    q.order = (orderby.order ?? 'DESC').toLowerCase();
  } else if (q.include) {
    // WPGraphQL keeps the order of `in` when no other order is asked for.
    q.orderby = 'include';
  }
  return q;
}

type PostLike = PostModel | PageModel;

/**
 * `preview` and `revisions` of `Post` or `Page` (`kind`), to spread into the type's fields (`revisionOf` comes with
 * NodeWithRevisions). Both read the record's `_links` (its newest revision's id, `predecessor-version`).
 */
export function revisionFields<M extends PostLike>(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, M>,
  kind: 'Post' | 'Page',
  collection: Collection,
) {
  const nodeRef = kind === 'Post' ? PostRef : PageRef;
  const previewEdge = defineOneToOneEdge<M>(`${kind}ToPreviewConnectionEdge`, kind, nodeRef);
  const connection = defineConnection<M>(`${kind}ToRevisionConnection`, kind, nodeRef);
  const where = referenceInput(`${kind}ToRevisionConnectionWhereArgs`, ['in', 'notIn', 'orderby', 'search']);
  return {
    preview: t.field({
      type: previewEdge,
      description: `Connection between the ${kind} type and the ${kind} type`,
      extensions: restSources('_links', 'content.protected'),
      resolve: async (record: M, _args: unknown, context: GatewayContext) => {
        if (record.isRevision) return null;
        const preview = await context.loaders.preview(collection, record);
        // A record without revisions previews as itself for `asPreview`, but has no `preview` edge.
        return oneToOne(preview === record ? null : preview);
      },
    }),
    revisions: t.field({
      type: connection,
      description: `Connection between the ${kind} type and the ${kind} type`,
      args: paginationArgs(t, where),
      extensions: restSources('_links', 'content.protected'),
      resolve: async (record: M, args: ConnectionArgs & { where?: RevisionsWhere | null }, context: GatewayContext) => {
        const { where: whereArgs, ...paging } = args;
        const query = revisionsWhereToRest(whereArgs);
        return sliceConnection(await context.loaders.revisions(collection, record, query), paging);
      },
    }),
  };
}
