import { builder } from '../builder.ts';
import type { GatewayContext } from '../context.ts';
import { fromGlobalId } from '../models/global-id.ts';
import { toCommentAuthorModel, type CommentModel } from '../models/comment.ts';
import { toGeneralSettingsModel, toSettingsGroupModel } from '../models/settings.ts';
import type { CategoryModel, TagModel } from '../models/term.ts';
import type { UserModel } from '../models/user.ts';
import { defineConnection, type ConnectionArgs, paginationArgs } from './connections.ts';
import {
  byDatabaseId,
  contentById,
  contentByUri,
  contentWhereInput,
  databaseIdArgument,
  normaliseUri,
  postDatabaseIdFromGlobalId,
  type ContentCollection,
  asPreviewArg,
  asPreviewOf,
  AS_PREVIEW_SOURCES,
  contentConnection,
} from './content-fields.ts';
import { referenceEnum } from './inputs.ts';
import { toContentTypeModel, toTaxonomyModel } from '../models/content-type.ts';
import { ContentNode, Node, TermNode, UniformResourceIdentifiable } from './interfaces.ts';
import type { ContentNodeModel } from './object-refs.ts';
import { ContentTypeEnum, contentNodesOfTypes } from './content-nodes.ts';
import { discoveredTargets } from './discovered-collections.ts';
import { termById, type TermCollection } from './term-fields.ts';
import { badInput } from './where/args.ts';
import type { Collection } from '../wordpress/rest-types.ts';
import { contentWhereToRest, type ContentWhere } from './where/content.ts';

/**
 * The fields that find a node without knowing its type: `node(id)`, `nodeByUri(uri)`, `contentNode`,
 * `termNode`, `contentNodes`. A global id says `post`, `term`, `user` or `comment`; which post type or taxonomy
 * is only known by asking, so those ask every candidate collection in parallel (each through its batched loader).
 */

const CONTENT: readonly ContentCollection[] = ['posts', 'pages', 'media'];
const TERMS: readonly TermCollection[] = ['categories', 'tags'];

async function firstFound<T>(lookups: Promise<T | null>[]): Promise<T | null> {
  const found = await Promise.all(lookups);
  return found.find((x) => x != null) ?? null;
}

/** `node(id)`: WPGraphQL's global ids, whatever their type; null for ids that name nothing visible. */
export async function nodeById(context: GatewayContext, id: string): Promise<unknown> {
  const parts = fromGlobalId(id);
  if (!parts) throw badInput(`\`id\` is not a valid global id: ${JSON.stringify(id)}`, 'id');
  if (parts.type === 'setting_group' && parts.id === 'general') return toGeneralSettingsModel(context.site);
  if (parts.type === 'setting_group' && (parts.id === 'reading' || parts.id === 'writing' || parts.id === 'discussion')) {
    return toSettingsGroupModel(parts.id);
  }
  // A content type's or taxonomy's id names it (`post_type:book`): the site's facts, no request.
  if (parts.type === 'post_type') return toContentTypeModel(parts.id, context.site);
  if (parts.type === 'taxonomy') return toTaxonomyModel(parts.id, context.site);
  const n = /^\d+$/.test(parts.id) ? Number(parts.id) : Number.NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw badInput(`\`id\` is not a valid global id: ${JSON.stringify(id)}`, 'id');
  switch (parts.type) {
    case 'post':
      return firstFound(CONTENT.map((c) => context.loaders.load(c, n) as Promise<unknown>));
    case 'term':
      return firstFound(TERMS.map((c) => context.loaders.load(c, n) as Promise<unknown>));
    case 'user':
      return context.loaders.load('users', n);
    case 'comment':
      return context.loaders.load('comments', n);
    case 'comment_author': {
      const comment = (await context.loaders.load('comments', n)) as CommentModel | null;
      return comment && comment.commenterUserDatabaseId === null ? toCommentAuthorModel(comment) : null;
    }
    default:
      throw badInput(`\`id\` names a ${parts.type}, which this gateway does not serve`, 'id');
  }
}

/**
 * `nodeByUri(uri)`: the home page, an author archive (`/author/<slug>/`), a category or tag archive
 * (`/category/a/b/`, `/tag/x/`), or a post, page or attachment permalink.
 */
export async function nodeByUri(
  context: GatewayContext,
  uri: string,
): Promise<ContentNodeModel | CategoryModel | TagModel | UserModel | null> {
  const path = normaliseUri(uri, context);
  const bare = path.split(/[?#]/)[0] ?? '/';
  if (bare === '/' && !/[?&](p|page_id)=/.test(path)) {
    // The front page: a static page when the site has one (its link is the home URL), else the blog, which
    // WPGraphQL answers with the `post` ContentType (Data/NodeResolver.php: the home page of a site showing posts).
    const page = await firstFound([contentByUri(context, 'pages', '/')]);
    return page ?? (toContentTypeModel('post', context.site) as never);
  }
  const segments = bare.split('/').filter(Boolean);
  if (segments[0] === 'author' && segments.length === 2) {
    const ids = await context.loaders.lookupIds('users', [decodeURIComponent(segments[1] ?? '')]);
    return ids[0] ? context.loaders.load('users', ids[0]) : null;
  }
  if (segments[0] === 'category' && segments.length >= 2) return termById(context, 'categories', path, 'URI');
  if (segments[0] === 'tag' && segments.length === 2) return termById(context, 'tags', path, 'URI');
  return firstFound(CONTENT.map((c) => contentByUri(context, c, path)));
}

/** The REST collection a content node model was read from (a discovered type's own, else its built-in type's). */
function collectionOfContent(model: ContentNodeModel): Collection {
  const discovered = (model as { restCollection?: Collection }).restCollection;
  if (discovered) return discovered;
  const typename = (model as { __typename?: string }).__typename;
  return typename === 'Post' ? 'posts' : typename === 'Page' ? 'pages' : 'media';
}

/** `contentNode(id, idType)`: the first of posts, pages and media that has the record. */
async function contentNodeByArgs(context: GatewayContext, id: string, idType: string | null | undefined): Promise<ContentNodeModel | null> {
  switch (idType ?? 'ID') {
    case 'URI':
      return firstFound(CONTENT.map((c) => contentByUri(context, c, id)));
    case 'DATABASE_ID': {
      const n = databaseIdArgument(id);
      return firstFound<ContentNodeModel>(CONTENT.map((c) => byDatabaseId(context, c, n)));
    }
    default: {
      const n = postDatabaseIdFromGlobalId(id, 'content node');
      return firstFound(CONTENT.map((c) => contentById(context, c, String(n), 'DATABASE_ID', 'content node')));
    }
  }
}

builder.queryFields((t) => ({
  node: t.field({
    type: Node,
    description: 'Fetches an object given its ID',
    args: { id: t.arg.id({ description: 'The unique identifier of the node' }) },
    resolve: (_root, args, context) => (args.id == null ? null : nodeById(context, String(args.id))),
  }),
  nodeByUri: t.field({
    type: UniformResourceIdentifiable,
    description: 'Fetches an object given its Unique Resource Identifier',
    args: {
      uri: t.arg.string({
        required: true,
        description: 'Unique Resource Identifier in the form of a path or permalink for a node. Ex: "/hello-world"',
      }),
    },
    resolve: (_root, args, context) => nodeByUri(context, args.uri),
  }),
  contentNode: t.field({
    type: ContentNode,
    description: 'A node used to manage content',
    args: {
      id: t.arg.id({ required: true, description: 'Unique identifier for the content node.' }),
      idType: t.arg({
        type: referenceEnum('ContentNodeIdTypeEnum'),
        description: 'Type of unique identifier to fetch a content node by. Default is Global ID',
      }),
      asPreview: asPreviewArg(t),
    },
    extensions: AS_PREVIEW_SOURCES,
    resolve: async (_root, args, context) => {
      const found = await contentNodeByArgs(context, String(args.id), args.idType);
      return found && asPreviewOf(context, collectionOfContent(found), found, args.asPreview);
    },
  }),
  termNode: t.field({
    type: TermNode,
    description: 'A node in a taxonomy used to group and relate content nodes',
    args: {
      id: t.arg.id({ required: true, description: 'Unique identifier for the term node.' }),
      idType: t.arg({
        type: referenceEnum('TermNodeIdTypeEnum'),
        description: 'Type of unique identifier to fetch a term node by. Default is Global ID',
      }),
      taxonomy: t.arg({
        type: referenceEnum('TaxonomyEnum', ['CATEGORY', 'TAG']),
        description: 'The taxonomy of the tern node. Required when idType is set to "name" or "slug"',
      }),
    },
    resolve: (_root, args, context) => {
      // The built-in taxonomies, then the discovered ones (site schema adds their TaxonomyEnum values).
      const all = [
        ...TERMS.map((collection) => ({ value: collection === 'categories' ? 'CATEGORY' : 'TAG', collection, context })),
        ...discoveredTargets<TermCollection>(context, 'taxonomy').map((d) => ({ ...d, value: d.facts.enumValue })),
      ];
      const targets = args.taxonomy ? all.filter((x) => x.value === args.taxonomy) : all;
      if ((args.idType === 'NAME' || args.idType === 'SLUG') && targets.length > 1) {
        throw badInput('`taxonomy` is required when idType is NAME or SLUG', 'taxonomy');
      }
      return firstFound(
        targets.map((x) => termById(x.context, x.collection, String(args.id), args.idType) as Promise<CategoryModel | TagModel | null>),
      );
    },
  }),
  contentNodes: t.field({
    type: defineConnection<ContentNodeModel>('RootQueryToContentNodeConnection', 'ContentNode', ContentNode),
    description: 'Connection between the RootQuery type and the ContentNode type',
    args: paginationArgs(
      t,
      contentWhereInput('RootQueryToContentNodeConnectionWhereArgs', 'pages', (i) => ({
        contentTypes: i.field({
          type: [ContentTypeEnum],
          required: { list: false, items: false },
          description: 'The Types of content to filter',
        }),
      })),
    ),
    // WPGraphQL's default `contentTypes` for this field are the public types with show_in_graphql; this serves
    // posts then (the usual default front-end use), and the types named otherwise (./content-nodes.ts); see
    // docs/compatibility.md.
    resolve: async (_root, args, context) => {
      const where = args.where as (ContentWhere & { contentTypes?: (string | null)[] | null }) | null | undefined;
      const query = await contentWhereToRest(where, {
        authenticated: context.authorization !== undefined,
        lookupIds: (collection, slugs) => context.loaders.lookupIds(collection, slugs),
      });
      const types = where?.contentTypes?.filter((x): x is string => !!x) ?? [];
      if (types.length > 0) return contentNodesOfTypes(context, { ...args, where }, query, types);
      return contentConnection(context, 'posts', args as ConnectionArgs & { where?: ContentWhere | null }, query);
    },
  }),
}));
