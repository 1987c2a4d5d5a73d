import { builder } from '../builder.ts';
import {
  type ContentTemplateModel,
  type ContentTypeModel,
  contentTemplate,
  type TaxonomyModel,
  toContentTypeModel,
  toTaxonomyModel,
} from '../models/content-type.ts';
import { defineOneToOneEdge, oneToOne } from './connections.ts';
import { ContentNode, Node, TermNode, UniformResourceIdentifiable } from './interfaces.ts';
import { CategoryRef, TagRef } from './object-refs.ts';
import { restSources } from './rest-sources.ts';
import { scalarFields } from './scalar-fields.ts';

/**
 * `ContentType`, `Taxonomy`, `ContentTemplate`/`DefaultTemplate` for the built-in types the gateway serves, and the
 * fields that reach them: `ContentNode.contentType`, `.template`, `Category/Tag.taxonomy`, `TermNode.termGroupId`,
 * `.termTaxonomyId` (src/models/content-type.ts; docs/compatibility.md says which fields are served).
 */

export const ContentTypeRef = builder.objectRef<ContentTypeModel>('ContentType').implement({
  description: 'An Post Type object',
  interfaces: [Node, UniformResourceIdentifiable as never],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'ContentType',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    ...scalarFields(t, 'ContentType', [
      'graphqlPluralName',
      'graphqlSingleName',
      'hierarchical',
      'isComment',
      'isContentNode',
      'isFrontPage',
      'isPostsPage',
      'isRestricted',
      'isTermNode',
      'name',
      'public',
      'restBase',
      'showInGraphql',
      'showInRest',
      'uri',
    ]),
  }),
});

const Taxonomy = builder.objectRef<TaxonomyModel>('Taxonomy').implement({
  description: 'A taxonomy object',
  interfaces: [Node],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'Taxonomy',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false }),
    ...scalarFields(t, 'Taxonomy', [
      'graphqlPluralName',
      'graphqlSingleName',
      'hierarchical',
      'isRestricted',
      'name',
      'public',
      'restBase',
      'showInGraphql',
      'showInRest',
    ]),
  }),
});

const ContentTemplate = builder.interfaceRef<ContentTemplateModel>('ContentTemplate').implement({
  description: 'The template assigned to a node of content',
  resolveType: (value) => value.__typename,
  fields: (t) => ({ ...scalarFields(t, 'ContentTemplate', ['templateName']) }),
});

builder.objectRef<ContentTemplateModel>('DefaultTemplate').implement({
  description: 'The template assigned to the node',
  interfaces: [ContentTemplate],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'DefaultTemplate',
  fields: () => ({}),
});

const ContentNodeToContentTypeConnectionEdge = defineOneToOneEdge<ContentTypeModel>(
  'ContentNodeToContentTypeConnectionEdge',
  'ContentType',
  ContentTypeRef,
);

builder.interfaceFields(ContentNode, (t) => ({
  contentType: t.field({
    type: ContentNodeToContentTypeConnectionEdge,
    description: 'Connection between the ContentNode type and the ContentType type',
    extensions: restSources('type'),
    // A revision's content type is its parent's (Type/InterfaceType/ContentNode.php).
    resolve: (node, _args, context) => oneToOne(toContentTypeModel(node._contentTypeOf ?? node.contentTypeName ?? '', context.site)),
  }),
  template: t.field({
    type: ContentTemplate,
    description: 'The template assigned to a node of content',
    extensions: restSources('template'),
    resolve: (node) => contentTemplate((node as { _template?: string | null })._template),
  }),
}));

builder.interfaceFields(TermNode, (t) => ({
  ...scalarFields(t, 'TermNode', { termGroupId: [], termTaxonomyId: [] }),
}));

for (const [ref, edge] of [
  [CategoryRef, 'CategoryToTaxonomyConnectionEdge'],
  [TagRef, 'TagToTaxonomyConnectionEdge'],
] as const) {
  const Edge = defineOneToOneEdge<TaxonomyModel>(edge, 'Taxonomy', Taxonomy);
  builder.objectField(ref as typeof CategoryRef, 'taxonomy', (t) =>
    t.field({
      type: Edge,
      description: `Connection between the ${ref.name} type and the Taxonomy type`,
      extensions: restSources('taxonomy'),
      resolve: (term) => oneToOne(toTaxonomyModel(term.taxonomyName ?? '')),
    }),
  );
}
