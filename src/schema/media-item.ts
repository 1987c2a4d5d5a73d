import { builder, type BuilderTypes } from '../builder.ts';
import {
  MEDIA_ITEM_SIZE_ENUM,
  mediaDetailsSizes,
  mediaItemCaption,
  mediaItemDescription,
  type MediaDetailsModel,
  type MediaItemMetaModel,
  type MediaItemModel,
  type MediaSizeModel,
} from '../models/media.ts';
import {
  mediaItemFile,
  mediaItemFilePath,
  mediaItemFileSize,
  mediaItemSizes,
  mediaItemSourceUrl,
  mediaItemSrcSet,
} from '../models/wordpress-media-functions.ts';
import { commentConnectionField } from './comment.ts';
import { contentConnectionField, contentNodeByIdField } from './content-fields.ts';
import { referenceEnum } from './inputs.ts';
import {
  ContentNode,
  DatabaseIdentifier,
  HierarchicalNode,
  Node,
  NodeWithAuthor,
  NodeWithComments,
  NodeWithTitle,
  UniformResourceIdentifiable,
} from './interfaces.ts';
import { MediaItemRef } from './object-refs.ts';
import { HierarchicalContentNode } from './hierarchical-content-node.ts';
import { scalarFields } from './scalar-fields.ts';
import { restRecord, restSources } from './rest-sources.ts';

/** `MediaItem` (an attachment), `MediaDetails`, `MediaSize`, `MediaItemMeta`: src/models/media.ts. */

/** Values are WordPress size names (`MEDIUM_LARGE` → `medium_large`), which the model functions take. */
const MediaItemSizeEnum = referenceEnum('MediaItemSizeEnum', undefined, MEDIA_ITEM_SIZE_ENUM);
const PostObjectFieldFormatEnum = referenceEnum('PostObjectFieldFormatEnum');

const MediaItemMeta = builder.objectRef<MediaItemMetaModel>('MediaItemMeta').implement({
  description: 'Meta connected to a MediaItem',
  fields: (t) =>
    scalarFields(t, 'MediaItemMeta', [
      'aperture',
      'camera',
      'caption',
      'copyright',
      'createdTimestamp',
      'credit',
      'focalLength',
      'iso',
      'keywords',
      'orientation',
      'shutterSpeed',
      'title',
    ]),
});

const MediaSize = builder.objectRef<MediaSizeModel>('MediaSize').implement({
  description: 'Details of an available size for a media item',
  fields: (t) => scalarFields(t, 'MediaSize', ['file', 'filePath', 'fileSize', 'height', 'mimeType', 'name', 'sourceUrl', 'width']),
});

const MediaDetails = builder.objectRef<MediaDetailsModel>('MediaDetails').implement({
  description: 'File details for a Media Item',
  fields: (t) => ({
    ...scalarFields(t, 'MediaDetails', ['file', 'filePath', 'height', 'width']),
    meta: t.field({ type: MediaItemMeta, description: 'Meta information associated with the mediaItem', resolve: (d) => d.meta }),
    sizes: t.field({
      type: [MediaSize],
      nullable: { list: true, items: true },
      description: 'The available sizes of the mediaItem',
      args: {
        exclude: t.arg({
          type: [MediaItemSizeEnum],
          required: { list: false, items: false },
          description: 'The sizes to exclude. Will take precedence over `include`.',
        }),
        include: t.arg({
          type: [MediaItemSizeEnum],
          required: { list: false, items: false },
          description: 'The sizes to include. Can be overridden by `exclude`.',
        }),
      },
      resolve: (d, args) => mediaDetailsSizes(d, args),
    }),
  }),
});

/** What WordPress's media functions read (src/models/media-source.ts): the URL, the type and the metadata. */
const ATTACHMENT_FACTS = ['source_url', 'media_type', 'media_details'];

/** A `(size: MediaItemSizeEnum)` field computed by a model function. */
function sized(
  t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, MediaItemModel>,
  type: 'String' | 'Int',
  description: string,
  compute: (model: MediaItemModel, args: { size?: string | null }) => string | number | null,
) {
  return t.field({
    type: type,
    description,
    extensions: restSources(...ATTACHMENT_FACTS),
    args: { size: t.arg({ type: MediaItemSizeEnum, description: 'Size of the MediaItem to return' }) },
    resolve: (m, args) => compute(m, args),
  });
}

MediaItemRef.implement({
  // Inherited fields whose sources differ for attachments: they carry no `content.protected` (no passwords), and
  // their parent is `post`, whose collection only `_links.up` names (a post, a page or another attachment).
  extensions: restRecord('media', {
    author: ['author'],
    authorDatabaseId: ['author'],
    authorId: ['author'],
    commentCount: [],
    commentStatus: ['comment_status'],
    date: ['date'],
    dateGmt: ['date_gmt'],
    guid: ['guid'],
    isPreview: [],
    isRestricted: [],
    previewRevisionDatabaseId: [],
    previewRevisionId: [],
    modified: ['modified'],
    modifiedGmt: ['modified_gmt'],
    parent: ['post', '_links'],
    ancestors: ['post', '_links'],
    parentDatabaseId: ['post'],
    parentId: ['post'],
  }),
  description: 'The mediaItem type',
  interfaces: [
    Node,
    ContentNode,
    UniformResourceIdentifiable,
    DatabaseIdentifier,
    NodeWithTitle,
    NodeWithAuthor,
    NodeWithComments,
    HierarchicalContentNode,
    HierarchicalNode,
  ],
  isTypeOf: (value) => (value as { __typename?: string }).__typename === 'MediaItem',
  fields: (t) => {
    const tt = t as unknown as PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, MediaItemModel>;
    return {
      id: t.exposeID('id', { nullable: false, extensions: restSources('id') }),
      ...scalarFields(t, 'MediaItem', {
        altText: ['alt_text'],
        hasPassword: [],
        mediaItemId: ['id'],
        mediaItemUrl: ['source_url'],
        mediaType: ['media_type'],
        mimeType: ['mime_type'],
        password: [],
      }),
      caption: t.string({
        description: 'The caption for the resource',
        // `description` too: an automatic caption is recomputed from it without REST's prepended attachment.
        extensions: restSources('caption', 'description'),
        args: { format: t.arg({ type: PostObjectFieldFormatEnum, description: 'Format of the field output' }) },
        resolve: (m, args) => mediaItemCaption(m, args),
      }),
      description: t.string({
        description: 'Description of the image (stored as post_content)',
        extensions: restSources('description'),
        args: { format: t.arg({ type: PostObjectFieldFormatEnum, description: 'Format of the field output' }) },
        resolve: (m, args) => mediaItemDescription(m, args),
      }),
      sourceUrl: sized(tt, 'String', 'Url of the mediaItem', mediaItemSourceUrl),
      srcSet: sized(
        tt,
        'String',
        'The srcset attribute specifies the URL of the image to use in different situations. It is a comma separated string of urls and their widths.',
        mediaItemSrcSet,
      ),
      sizes: sized(tt, 'String', 'The sizes attribute value for an image.', mediaItemSizes),
      file: sized(tt, 'String', 'The filename of the mediaItem for the specified size (default size is full)', mediaItemFile),
      filePath: sized(tt, 'String', 'The path to the original file relative to the uploads directory', mediaItemFilePath),
      fileSize: sized(tt, 'Int', 'The filesize in bytes of the resource', mediaItemFileSize),
      mediaDetails: t.field({
        type: MediaDetails,
        description: 'Details about the mediaItem',
        extensions: restSources(...ATTACHMENT_FACTS),
        resolve: (m) => m.mediaDetails,
      }),
      comments: commentConnectionField(t, 'MediaItemToCommentConnection', 'MediaItemToCommentConnectionWhereArgs'),
    };
  },
});

builder.queryFields((t) => ({
  mediaItem: contentNodeByIdField(t, {
    type: MediaItemRef,
    collection: 'media',
    idTypeEnum: 'MediaItemIdType',
    // SOURCE_URL: REST media cannot be looked up by file URL.
    servedIdTypes: ['DATABASE_ID', 'ID', 'SLUG', 'URI'],
    description: 'An object of the mediaItem Type. ',
  }),
  mediaItems: contentConnectionField(t, {
    connection: 'RootQueryToMediaItemConnection',
    kind: 'MediaItem',
    nodeRef: MediaItemRef,
    collection: 'media',
    whereInput: 'RootQueryToMediaItemConnectionWhereArgs',
    description: 'Connection between the RootQuery type and the mediaItem type',
  }),
}));
