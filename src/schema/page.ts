import { builder } from '../builder.ts';
import { PAGE_FIELD_SOURCES } from '../models/page.ts';
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
} from './interfaces.ts';
import { HierarchicalContentNode } from './hierarchical-content-node.ts';
import { ownScalarFieldNames } from './wpgraphql-reference.ts';
import { PageRef } from './object-refs.ts';
import { scalarFields } from './scalar-fields.ts';

/** `Page`: a `/wp/v2/pages` record (src/models/page.ts). */

const INTERFACES = [
  'Node',
  'ContentNode',
  'UniformResourceIdentifiable',
  'DatabaseIdentifier',
  'NodeWithTitle',
  'NodeWithContentEditor',
  'NodeWithAuthor',
  'NodeWithFeaturedImage',
  'NodeWithComments',
  'NodeWithPageAttributes',
  'HierarchicalContentNode',
  'HierarchicalNode',
];

PageRef.implement({
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
  ],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'Page',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    ...scalarFields(t, 'Page', ownScalarFieldNames('Page', PAGE_FIELD_SOURCES, INTERFACES)),
    comments: commentConnectionField(t, 'PageToCommentConnection', 'PageToCommentConnectionWhereArgs'),
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
