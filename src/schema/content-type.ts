import { builder } from '../builder.ts';
import {
  allContentTypes,
  allTaxonomies,
  type ContentTemplateModel,
  type ContentTypeModel,
  contentTemplate,
  type TaxonomyModel,
  toContentTypeModel,
  toTaxonomyModel,
} from '../models/content-type.ts';
import { fromGlobalId } from '../models/global-id.ts';
import { type ConnectionArgs, defineConnection, defineOneToOneEdge, oneToOne, paginationArgs, sliceConnection } from './connections.ts';
import { ContentNode, Node, TermNode, UniformResourceIdentifiable } from './interfaces.ts';
import { CategoryRef, TagRef } from './object-refs.ts';
import { restSources } from './rest-sources.ts';
import { scalarFields } from './scalar-fields.ts';

/**
 * `ContentType`, `Taxonomy`, `ContentTemplate`/`DefaultTemplate` for the built-in and discovered types the gateway
 * serves, and the fields that reach them: `contentType`, `contentTypes`, `taxonomy`, `taxonomies` at the root,
 * `ContentNode.contentType`, `.template`, `Category/Tag.taxonomy` (a discovered taxonomy's copy of these too),
 * `TermNode.termGroupId`, `.termTaxonomyId` (src/models/content-type.ts; docs/compatibility.md says which fields
 * are served). The lists are the site's facts (no request): WordPress core's types, then discovery's.
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

export const TaxonomyRef = builder.objectRef<TaxonomyModel>('Taxonomy').implement({
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
  const Edge = defineOneToOneEdge<TaxonomyModel>(edge, 'Taxonomy', TaxonomyRef);
  builder.objectField(ref as typeof CategoryRef, 'taxonomy', (t) =>
    t.field({
      type: Edge,
      description: `Connection between the ${ref.name} type and the Taxonomy type`,
      extensions: restSources('taxonomy'),
      resolve: (term, _args, context) => oneToOne(toTaxonomyModel(term.taxonomyName ?? '', context.site)),
    }),
  );
}

const ContentTypeIdTypeEnum = builder.enumType('ContentTypeIdTypeEnum', {
  description:
    'Identifier types for retrieving a specific content type definition. Determines whether to look up content types by ID or name.',
  values: { ID: { description: 'The globally unique ID' }, NAME: { description: 'The name of the content type.' } },
});

const TaxonomyIdTypeEnum = builder.enumType('TaxonomyIdTypeEnum', {
  description: 'Identifier types for retrieving a taxonomy definition. Determines whether to look up taxonomies by ID or name.',
  values: { ID: { description: 'The globally unique ID' }, NAME: { description: 'The name of the taxonomy' } },
});

/**
 * The WordPress name an `id` argument means: a global id's (`post_type:book`) when idType is ID, the id itself when
 * it is NAME; null for a global id of another kind (WPGraphQL answers null then too).
 */
function nameFromId(id: string, idType: string | null | undefined, kind: 'post_type' | 'taxonomy'): string | null {
  if (idType === 'NAME') return id;
  const parts = fromGlobalId(id);
  return parts && parts.type === kind ? parts.id : null;
}

builder.queryFields((t) => ({
  contentType: t.field({
    type: ContentTypeRef,
    nullable: true,
    description: 'Fetch a Content Type node by unique Identifier',
    args: {
      id: t.arg.id({ required: true, description: 'Unique Identifier for the Content Type node.' }),
      idType: t.arg({
        type: ContentTypeIdTypeEnum,
        description: 'Type of unique identifier to fetch a content type by. Default is Global ID',
      }),
    },
    resolve: (_root, args, context) => {
      const name = nameFromId(String(args.id), args.idType, 'post_type');
      // WPGraphQL accepts the enum spelling of a name too (POST for post): its lower case here.
      return name === null ? null : (toContentTypeModel(name, context.site) ?? toContentTypeModel(name.toLowerCase(), context.site));
    },
  }),
  contentTypes: t.field({
    type: defineConnection<ContentTypeModel>('RootQueryToContentTypeConnection', 'ContentType', ContentTypeRef),
    description: 'Connection between the RootQuery type and the ContentType type',
    args: paginationArgs(t),
    resolve: (_root, args, context) => sliceConnection(allContentTypes(context.site), args as ConnectionArgs),
  }),
  taxonomy: t.field({
    type: TaxonomyRef,
    nullable: true,
    description: 'Fetch a Taxonomy node by unique Identifier',
    args: {
      id: t.arg.id({ required: true, description: 'Unique Identifier for the Taxonomy node.' }),
      idType: t.arg({
        type: TaxonomyIdTypeEnum,
        description: 'Type of unique identifier to fetch a taxonomy by. Default is Global ID',
      }),
    },
    resolve: (_root, args, context) => {
      const name = nameFromId(String(args.id), args.idType, 'taxonomy');
      return name === null ? null : toTaxonomyModel(name, context.site);
    },
  }),
  taxonomies: t.field({
    type: defineConnection<TaxonomyModel>('RootQueryToTaxonomyConnection', 'Taxonomy', TaxonomyRef),
    description: 'Connection between the RootQuery type and the Taxonomy type',
    args: paginationArgs(t),
    resolve: (_root, args, context) => sliceConnection(allTaxonomies(context.site), args as ConnectionArgs),
  }),
}));
