import { builder } from '../../builder.ts';
import { toGlobalId } from '../../models/global-id.ts';
import type { MediaItemModel } from '../../models/media.ts';
import { MediaItemRef } from '../object-refs.ts';
import {
  badInput,
  checkSizes,
  idInput,
  inputNames,
  type MutationInput,
  mutation,
  optionalId,
  type PayloadShape,
  restBody,
} from './common.ts';

/**
 * createMediaItem, updateMediaItem and deleteMediaItem (WPGraphQL's Mutation/MediaItem*.php). createMediaItem
 * takes `filePath`, a URL, as WPGraphQL does: the gateway downloads it (public http(s) addresses only unless
 * `media-fetch-private`, size and time limits: src/wordpress/remote-file.ts) and uploads it to `/wp/v2/media`
 * with the metadata in the same request, with the viewer's credentials; WordPress checks the viewer may upload
 * and the file type. Updates write a media item's metadata to `/wp/v2/media/<id>`. WordPress keeps no trash for
 * media unless MEDIA_TRASH is on: a delete without `forceDelete: true` is refused with BAD_USER_INPUT saying so.
 */

const MEDIA_FIELDS = {
  altText: 'alt_text',
  caption: 'caption',
  commentStatus: 'comment_status',
  date: 'date',
  dateGmt: 'date_gmt',
  description: 'description',
  pingStatus: 'ping_status',
  slug: 'slug',
  title: 'title',
} as const;
const NAMES = { ...inputNames(MEDIA_FIELDS), author: 'authorId', post: 'parentId' };

function mediaBody(input: MutationInput): Record<string, unknown> {
  checkSizes(input);
  const body = restBody(input, MEDIA_FIELDS);
  const author = optionalId(input, 'authorId');
  if (author !== undefined) body.author = author;
  const parent = optionalId(input, 'parentId');
  if (parent !== undefined) body.post = parent;
  return body;
}

interface MediaPayload {
  mediaItem: MediaItemModel | null;
  deletedId?: string;
}

const mediaPayload = (name: string, deleted: boolean) => {
  const ref = builder.objectRef<MediaPayload & PayloadShape>(name);
  ref.implement({
    fields: (t) => ({
      clientMutationId: t.exposeString('clientMutationId', { nullable: true }),
      mediaItem: t.field({ type: MediaItemRef, nullable: true, resolve: (p) => p.mediaItem }),
      ...(deleted ? { deletedId: t.id({ nullable: true, resolve: (p) => p.deletedId ?? null }) } : {}),
    }),
  });
  return ref;
};

/** The input fields createMediaItem and updateMediaItem share (the one adds `filePath`, the other `id`). */
const MEDIA_INPUT = [
  'altText',
  'authorId',
  'caption',
  'clientMutationId',
  'commentStatus',
  'date',
  'dateGmt',
  'description',
  'parentId',
  'pingStatus',
  'slug',
  'title',
];

mutation(
  'createMediaItem',
  'CreateMediaItemInput',
  [...MEDIA_INPUT, 'filePath'],
  mediaPayload('CreateMediaItemPayload', false),
  async (input, context) => {
    const filePath = typeof input.filePath === 'string' ? input.filePath.trim() : '';
    if (!filePath) throw badInput('filePath', 'the URL of the file to upload is required');
    if (filePath.length > 2_048) throw badInput('filePath', `${filePath.length} characters is more than the 2048 accepted for a URL`);
    const { filePath: _, ...rest } = input;
    const fields = mediaBody(rest) as Record<string, string | number>;
    return { mediaItem: await context.writes.createMedia(filePath, fields, NAMES) };
  },
);

mutation(
  'updateMediaItem',
  'UpdateMediaItemInput',
  [...MEDIA_INPUT, 'id'],
  mediaPayload('UpdateMediaItemPayload', false),
  async (input, context) => ({ mediaItem: await context.writes.save('media', idInput(input, 'id'), mediaBody(input), NAMES) }),
);

mutation(
  'deleteMediaItem',
  'DeleteMediaItemInput',
  ['clientMutationId', 'forceDelete', 'id'],
  mediaPayload('DeleteMediaItemPayload', true),
  async (input, context) => {
    const id = idInput(input, 'id');
    return { mediaItem: await context.writes.remove('media', id, input.forceDelete === true), deletedId: toGlobalId('post', id) };
  },
);
