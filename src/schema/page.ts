import { builder } from '../builder.ts';
import { commentConnectionField } from './comment.ts';
import { contentConnectionField, contentNodeByIdField } from './content-fields.ts';
import {
  ContentNode,
  DatabaseIdentifier,
  HierarchicalNode,
  Node,
  NodeWithAuthor,
  NodeWithComments,
  NodeWithContentEditor,
  NodeWithFeaturedImage,
  NodeWithPageAttributes,
  NodeWithTitle,
  UniformResourceIdentifiable,
  MenuItemLinkable,
} from './interfaces.ts';
import { HierarchicalContentNode } from './hierarchical-content-node.ts';
import { PageRef } from './object-refs.ts';
import { scalarFields } from './scalar-fields.ts';
import { revisionFields, NodeWithRevisions } from './revisions.ts';
import { restRecord, restSources } from './rest-sources.ts';

/** `Page`: a `/wp/v2/pages` record (src/models/page.ts). */

PageRef.implement({
  // Inherited fields whose sources differ for pages: the front page and posts page are told by link and id, and
  // a page's parent (which a password restricts) is its `parent`.
  extensions: restRecord('pages', {
    isFrontPage: ['link'],
    isPostsPage: ['id'],
    uri: ['link', 'id'],
    parentDatabaseId: ['parent', 'content.protected'],
    parentId: ['parent', 'content.protected'],
  }),
  description: 'The page type',
  interfaces: [
    Node,
    ContentNode,
    UniformResourceIdentifiable,
    DatabaseIdentifier,
    NodeWithTitle,
    NodeWithContentEditor,
    NodeWithAuthor,
    NodeWithFeaturedImage,
    NodeWithComments,
    NodeWithPageAttributes,
    HierarchicalContentNode,
    HierarchicalNode,
    MenuItemLinkable,
    NodeWithRevisions,
  ],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'Page',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, extensions: restSources('id') }),
    ...scalarFields(t, 'Page', {
      hasPassword: ['content.protected'],
      isPrivacyPage: ['id'],
      isRevision: ['content.protected'],
      pageId: ['id'],
      password: [],
    }),
    comments: commentConnectionField(t, 'PageToCommentConnection', 'PageToCommentConnectionWhereArgs'),
    ...revisionFields(t, 'Page', 'pages'),
  }),
});

builder.queryFields((t) => ({
  page: contentNodeByIdField(t, {
    type: PageRef,
    collection: 'pages',
    idTypeEnum: 'PageIdType',
    description: 'An object of the page Type. ',
  }),
  pages: contentConnectionField(t, {
    connection: 'RootQueryToPageConnection',
    kind: 'Page',
    nodeRef: PageRef,
    collection: 'pages',
    whereInput: 'RootQueryToPageConnectionWhereArgs',
    description: 'Connection between the RootQuery type and the page type',
  }),
}));
