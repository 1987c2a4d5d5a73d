import { builder, type BuilderTypes } from '../builder.ts';
import { withFormat } from '../models/content-node.ts';
import { defineOneToOneEdge, oneToOne } from './connections.ts';
import { referenceEnum } from './inputs.ts';
import { MediaItemRef, UserRef } from './object-refs.ts';
import { scalarFields } from './scalar-fields.ts';
import { restSources } from './rest-sources.ts';
import type { CommentModel } from '../models/comment.ts';
import type { CategoryModel, TagModel } from '../models/term.ts';
import type { UserModel } from '../models/user.ts';
import type { ContentNodeModel } from './object-refs.ts';
import type { GatewayContext } from '../context.ts';
import { toGlobalId } from '../models/global-id.ts';
import { enqueuedAssetFields } from './enqueued-assets.ts';
import { latestRevisionId } from '../models/revision.ts';

/**
 * WPGraphQL's interfaces over our record types. Scalar fields are declared from the reference SDL and read the
 * model property of the same name; implementing types inherit them. Each interface resolves a value's type
 * from the model's `__typename`.
 */

type Model = Record<string, unknown> & { __typename: string };

/** Roles of WordPress core that hold `edit_posts`, and those that hold `edit_pages` (wp-admin/includes/schema.php). */
const EDITS_POSTS = new Set(['administrator', 'editor', 'author', 'contributor']);
const EDITS_PAGES = new Set(['administrator', 'editor']);

/**
 * `previewRevisionDatabaseId` (Model/Post.php): the node's newest revision, for viewers with the post type's
 * `edit_posts` capability (`edit_pages` for pages), null for everyone else, for revisions themselves, and on
 * restricted nodes. The revision's id is in the record's `_links.predecessor-version`; the viewer's capability is
 * read from their roles (`/wp/v2/users/me?context=edit`, once per request, only when a node has revisions).
 * Roles other than core's are taken as lacking the capability.
 */
async function previewRevisionDatabaseId(model: ContentNodeModel, context: GatewayContext): Promise<number | null> {
  if (model.isRestricted || model.isRevision || model.__typename === 'MediaItem') return null;
  const revisionId = latestRevisionId(model.links);
  if (revisionId === null || context.authorization === undefined) return null;
  const viewer = await context.loaders.viewerSelf();
  const holders = (model as { pageLike?: boolean }).pageLike || model.__typename === 'Page' ? EDITS_PAGES : EDITS_POSTS;
  return viewer?.roles.some((role) => holders.has(role)) ? revisionId : null;
}
const byTypename = (value: unknown) => (value as Model).__typename;

export const Node = builder.nodeInterfaceRef();

export const DatabaseIdentifier = builder.interfaceRef<Model>('DatabaseIdentifier').implement({
  description: 'Object that can be identified with a Database ID',
  resolveType: byTypename,
  fields: (t) => scalarFields(t, 'DatabaseIdentifier', { databaseId: ['id'] }),
});

export const UniformResourceIdentifiable = builder
  .interfaceRef<ContentNodeModel | CategoryModel | TagModel | UserModel | CommentModel>('UniformResourceIdentifiable')
  .implement({
    description: 'Any node that has a URI',
    interfaces: [Node],
    resolveType: byTypename,
    fields: (t) => ({
      id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
      ...scalarFields(t, 'UniformResourceIdentifiable', {
        isComment: [],
        isContentNode: [],
        isFrontPage: [],
        isPostsPage: [],
        isTermNode: [],
        uri: ['link'],
      }),
    }),
  });

/**
 * The served scalar fields of ContentNode (enclosure: REST does not expose the `enclosure` meta), each with the
 * REST fields it is computed from. `content.protected` marks what a password restricts (the model nulls it).
 */
export const CONTENT_NODE_SCALARS = {
  contentTypeName: ['type'],
  databaseId: ['id'],
  date: ['date', 'content.protected'],
  dateGmt: ['date_gmt', 'content.protected'],
  desiredSlug: [],
  guid: ['guid', 'content.protected'],
  isComment: [],
  isContentNode: [],
  isFrontPage: [],
  isPostsPage: [],
  isPreview: ['content.protected'],
  isRestricted: ['content.protected'],
  isTermNode: [],
  link: ['link'],
  modified: ['modified', 'content.protected'],
  modifiedGmt: ['modified_gmt', 'content.protected'],
  slug: ['slug'],
  status: ['status'],
  uri: ['link'],
} as const satisfies Record<string, readonly string[]>;

export const ContentNode = builder.interfaceRef<ContentNodeModel>('ContentNode').implement({
  description: 'Nodes used to manage content',
  interfaces: [Node, UniformResourceIdentifiable],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    ...scalarFields(t, 'ContentNode', CONTENT_NODE_SCALARS),
    ...enqueuedAssetFields(t, 'ContentNode'),
    previewRevisionDatabaseId: t.int({
      // The newest revision's id is in the record's `_links` (`predecessor-version`).
      extensions: restSources('_links', 'content.protected'),
      resolve: (model, _args, context) => previewRevisionDatabaseId(model, context),
    }),
    previewRevisionId: t.id({
      extensions: restSources('_links', 'content.protected'),
      resolve: async (model, _args, context) => {
        const id = await previewRevisionDatabaseId(model, context);
        return id === null ? null : toGlobalId('post', id);
      },
    }),
  }),
});

/** The served scalar fields of TermNode (termGroupId, termTaxonomyId: REST terms do not carry them), with their REST fields. */
const TERM_NODE_SCALARS = {
  count: ['count'],
  databaseId: ['id'],
  description: ['description'],
  isComment: [],
  isContentNode: [],
  isFrontPage: [],
  isPostsPage: [],
  isRestricted: [],
  isTermNode: [],
  link: ['link'],
  name: ['name'],
  slug: ['slug'],
  taxonomyName: ['taxonomy'],
  uri: ['link'],
} as const satisfies Record<string, readonly string[]>;

export const TermNode = builder.interfaceRef<CategoryModel | TagModel>('TermNode').implement({
  description: 'Terms are nodes within a Taxonomy, used to group and relate other nodes.',
  interfaces: [Node, UniformResourceIdentifiable],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    ...scalarFields(t, 'TermNode', TERM_NODE_SCALARS),
    ...enqueuedAssetFields(t, 'TermNode'),
  }),
});

export const HierarchicalNode = builder.interfaceRef<Model>('HierarchicalNode').implement({
  description: 'Node with hierarchical (parent/child) relationships',
  interfaces: [Node, DatabaseIdentifier],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    ...scalarFields(t, 'HierarchicalNode', { databaseId: ['id'], parentDatabaseId: ['parent'], parentId: ['parent'] }),
  }),
});

export const HierarchicalTermNode = builder.interfaceRef<Model>('HierarchicalTermNode').implement({
  description: 'Term node with hierarchical (parent/child) relationships',
  interfaces: [Node, TermNode, UniformResourceIdentifiable, DatabaseIdentifier, HierarchicalNode],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    ...scalarFields(t, 'HierarchicalTermNode', { ...TERM_NODE_SCALARS, parentDatabaseId: ['parent'], parentId: ['parent'] }),
  }),
});

const PostObjectFieldFormatEnum = referenceEnum('PostObjectFieldFormatEnum');

/** A `(format: PostObjectFieldFormatEnum)` string field reading the model's RENDERED value. */
function formatted(
  t: PothosSchemaTypes.FieldBuilder<BuilderTypes, Model, 'Interface'>,
  property: string,
  description: string,
  sources: readonly string[] = [property],
) {
  return t.string({
    description,
    // By default the REST field of the same name (`title`, `content`).
    extensions: restSources(...sources),
    args: { format: t.arg({ type: PostObjectFieldFormatEnum, description: 'Format of the field output' }) },
    resolve: (model, args) => withFormat(model[property] as string | null | undefined, args),
  });
}

export const NodeWithTitle = builder.interfaceRef<Model>('NodeWithTitle').implement({
  description: 'A node that NodeWith a title',
  interfaces: [Node],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    title: formatted(
      t,
      'title',
      'The title of the post. This is currently just the raw title. An amendment to support rendered title needs to be made.',
    ),
  }),
});

export const NodeWithContentEditor = builder.interfaceRef<Model>('NodeWithContentEditor').implement({
  description: 'A node that supports the content editor',
  interfaces: [Node],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    content: formatted(t, 'content', 'The content of the post.'),
  }),
});

export const NodeWithExcerpt = builder.interfaceRef<Model>('NodeWithExcerpt').implement({
  description: 'A node that can have an excerpt',
  interfaces: [Node],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    // `content` too: an automatic excerpt of a post with a more tag is WPGraphQL's trim of the whole content,
    // which REST's excerpt is not (src/models/excerpt.ts).
    excerpt: formatted(t, 'excerpt', 'The excerpt of the post.', ['excerpt', 'content']),
  }),
});

export const NodeWithAuthorToUserConnectionEdge = defineOneToOneEdge('NodeWithAuthorToUserConnectionEdge', 'User', UserRef);

export const NodeWithAuthor = builder.interfaceRef<Model>('NodeWithAuthor').implement({
  description: 'A node that can have an author assigned to it',
  interfaces: [Node],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    ...scalarFields(t, 'NodeWithAuthor', {
      authorDatabaseId: ['author', 'content.protected'],
      authorId: ['author', 'content.protected'],
    }),
    author: t.field({
      type: NodeWithAuthorToUserConnectionEdge,
      description: 'Connection between the NodeWithAuthor type and the User type',
      extensions: restSources('author', 'content.protected'),
      // Null when the model withholds the author (password posts seen anonymously, as WPGraphQL), and when
      // WordPress hides the user (no published posts) from this viewer.
      resolve: async (model, _args, context) =>
        model.authorDatabaseId == null ? null : oneToOne(await context.loaders.load('users', model.authorDatabaseId as number)),
    }),
  }),
});

export const NodeWithFeaturedImageToMediaItemConnectionEdge = defineOneToOneEdge(
  'NodeWithFeaturedImageToMediaItemConnectionEdge',
  'MediaItem',
  MediaItemRef,
);

export const NodeWithFeaturedImage = builder.interfaceRef<Model>('NodeWithFeaturedImage').implement({
  description: 'A node that can have a featured image set',
  interfaces: [Node],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    ...scalarFields(t, 'NodeWithFeaturedImage', {
      featuredImageDatabaseId: ['featured_media', 'content.protected'],
      featuredImageId: ['featured_media', 'content.protected'],
    }),
    featuredImage: t.field({
      type: NodeWithFeaturedImageToMediaItemConnectionEdge,
      description: 'Connection between the NodeWithFeaturedImage type and the MediaItem type',
      extensions: restSources('featured_media', 'content.protected'),
      resolve: async (model, _args, context) =>
        model.featuredImageDatabaseId == null
          ? null
          : oneToOne(await context.loaders.load('media', model.featuredImageDatabaseId as number)),
    }),
  }),
});

export const NodeWithComments = builder.interfaceRef<Model>('NodeWithComments').implement({
  description: 'A node that can have comments associated with it',
  interfaces: [Node],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    ...scalarFields(t, 'NodeWithComments', { commentStatus: ['comment_status', 'content.protected'] }),
    commentCount: t.int({
      description:
        'The number of comments. Even though WPGraphQL denotes this field as an integer, in WordPress this field should be saved as a numeric string for compatibility.',
      // REST records carry no comment count: count the post's approved comments, batched over posts.
      extensions: restSources('content.protected'),
      resolve: async (model, _args, context) => {
        // Null on password posts seen anonymously (restricted, as WPGraphQL); WordPress would refuse the read.
        if (model.isRestricted) return null;
        const batched = await context.loaders.commentsByPost.load(model.databaseId as number);
        if (batched.complete) return batched.comments.length;
        // The batch overflowed one page: WordPress counts this post's comments (X-WP-Total of one record).
        const page = await context.loaders.list('comments', { post: model.databaseId as number, per_page: 1 });
        return page.total;
      },
    }),
  }),
});

export const NodeWithTrackbacks = builder.interfaceRef<Model>('NodeWithTrackbacks').implement({
  description: 'A node that can have trackbacks and pingbacks',
  interfaces: [Node],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    ...scalarFields(t, 'NodeWithTrackbacks', { pingStatus: ['ping_status', 'content.protected'] }),
  }),
});

export const NodeWithPageAttributes = builder.interfaceRef<Model>('NodeWithPageAttributes').implement({
  description: 'A node that can have page attributes',
  interfaces: [Node],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
    ...scalarFields(t, 'NodeWithPageAttributes', { menuOrder: ['menu_order', 'content.protected'] }),
  }),
});

/** Content and terms a menu item can link to (`MenuItem.connectedNode`, src/schema/menu.ts). */
export const MenuItemLinkable = builder.interfaceRef<Model>('MenuItemLinkable').implement({
  description: 'Nodes that can be linked to as Menu Items',
  interfaces: [Node, UniformResourceIdentifiable as never, DatabaseIdentifier],
  resolveType: byTypename,
  fields: (t) => ({
    id: t.id({ nullable: false, extensions: restSources('id'), resolve: (m) => m.id as string }),
  }),
});
