import { builder } from '../builder.ts';
import type { TagModel } from '../models/term.ts';
import { defineConnection, type ConnectionArgs, paginationArgs } from './connections.ts';
import { contentConnectionField } from './content-fields.ts';
import { offsetPaginationField, referenceEnum, referenceInput } from './inputs.ts';
import { ContentNode, DatabaseIdentifier, MenuItemLinkable, Node, TermNode, UniformResourceIdentifiable } from './interfaces.ts';
import { restConnection } from './rest-connection.ts';
import { PostRef, TagRef } from './object-refs.ts';
import { scalarFields } from './scalar-fields.ts';
import { termById } from './term-fields.ts';
import { TERM_WHERE_FIELDS, termWhereToRest, type TermWhere } from './where/terms.ts';
import { restRecord, restSources } from './rest-sources.ts';

/** `Tag`: a `/wp/v2/tags` record (src/models/term.ts). */

const TAG_WHERE_FIELDS = TERM_WHERE_FIELDS.filter((f) => f !== 'parent');

TagRef.implement({
  extensions: restRecord('tags'),
  description: 'The tag type',
  interfaces: [Node, TermNode, UniformResourceIdentifiable, DatabaseIdentifier, MenuItemLinkable],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'Tag',
  fields: (t) => ({
    id: t.exposeID('id', { nullable: false, extensions: restSources('id') }),
    ...scalarFields(t, 'Tag', { tagId: ['id'] }),
    contentNodes: contentConnectionField(t, {
      connection: 'TagToContentNodeConnection',
      kind: 'ContentNode',
      nodeRef: ContentNode,
      collection: 'posts',
      whereInput: 'TagToContentNodeConnectionWhereArgs',
      description: 'Connection between the Tag type and the ContentNode type',
      // Only posts carry tag terms on a stock site.
      fixed: (tag: TagModel) => ({ tags: [tag.databaseId] }),
    }),
    posts: contentConnectionField(t, {
      connection: 'TagToPostConnection',
      kind: 'Post',
      nodeRef: PostRef,
      collection: 'posts',
      whereInput: 'TagToPostConnectionWhereArgs',
      description: 'Connection between the Tag type and the post type',
      fixed: (tag: TagModel) => ({ tags: [tag.databaseId] }),
    }),
  }),
});

builder.queryFields((t) => ({
  tag: t.field({
    type: TagRef,
    description: 'A 0bject',
    args: {
      id: t.arg.id({ required: true, description: 'The globally unique identifier of the object.' }),
      idType: t.arg({ type: referenceEnum('TagIdType'), description: 'Type of unique identifier to fetch by. Default is Global ID' }),
    },
    resolve: (_root, args, context) => termById(context, 'tags', String(args.id), args.idType as string | null | undefined),
  }),
  tags: t.field({
    type: defineConnection<TagModel>('RootQueryToTagConnection', 'Tag', TagRef),
    description: 'Connection between the RootQuery type and the tag type',
    args: paginationArgs(t, referenceInput('RootQueryToTagConnectionWhereArgs', TAG_WHERE_FIELDS, offsetPaginationField)),
    resolve: (_root, args, context) =>
      restConnection(context, 'tags', args as ConnectionArgs, {
        hide_empty: false,
        ...termWhereToRest(args.where as TermWhere | null, false),
      }),
  }),
}));
