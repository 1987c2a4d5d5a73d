/**
 * `MediaItem`, `MediaDetails`, `MediaSize`, `MediaItemMeta` from a `/wp/v2/media` record.
 *
 * Rules: plugins/wp-graphql/src/Model/Post.php (attachment fields), Registry/Utils/PostObject.php
 * `register_attachment_fields()` (caption, srcSet, sizes, sourceUrl, file, filePath, fileSize…),
 * Type/ObjectType/MediaDetails.php, MediaSize.php, MediaItemMeta.php. Those call WordPress's media functions
 * (`wp_get_attachment_image_src()`, `wp_calculate_image_srcset()`, `wp_calculate_image_sizes()`,
 * `image_downsize()`, wp-includes/media.php, WordPress 6.1), which are re-implemented in
 * ./wordpress-media-functions.ts over the attachment facts REST prints in `media_details` (./media-source.ts).
 */
import type { RestMedia } from '../wordpress/rest-types.ts';
import { type ContentNodeModel, contentNodeFields, withFormat, type FormatArgs } from './content-node.ts';
import { isAutomaticExcerpt, trimmedExcerpt } from './excerpt.ts';
import { toGlobalId } from './global-id.ts';
import { type MediaSizeSource, type MediaSource, mediaSourceFromRest } from './media-source.ts';
import { nonEmptyId, nonEmptyString, phpBasename, phpDirname, phpEmpty, wpMakeLinkRelative, wpPathJoin } from './php.ts';
import type { SiteContext } from './site.ts';
import { relativeUploadsPath } from './wordpress-media-functions.ts';

/**
 * `MediaItemSizeEnum` names → WordPress size names (Type/Enum/MediaItemSizeEnum.php: `WPEnumType::get_safe_name()`
 * of each registered size). Functions below take the WordPress size name (the enum's internal value).
 */
export const MEDIA_ITEM_SIZE_ENUM = {
  THUMBNAIL: 'thumbnail',
  MEDIUM: 'medium',
  MEDIUM_LARGE: 'medium_large',
  LARGE: 'large',
  _1536X1536: '1536x1536',
  _2048X2048: '2048x2048',
} as const;

/** What WPGraphQL outputs for `MediaSize`. */
export interface MediaSizeModel {
  name: string;
  file: string | null;
  filePath: string | null;
  /** `Int` metadata printed through a `String` field: `"300"`. */
  width: string | null;
  height: string | null;
  mimeType: string | null;
  fileSize: number | null;
  sourceUrl: string | null;
}

/** What WPGraphQL outputs for `MediaItemMeta` (the `image_meta` EXIF/IPTC block). */
export interface MediaItemMetaModel {
  aperture: number | null;
  camera: string | null;
  caption: string | null;
  copyright: string | null;
  createdTimestamp: number | null;
  credit: string | null;
  focalLength: number | null;
  iso: number | null;
  keywords: string[] | null;
  orientation: string | null;
  shutterSpeed: number | null;
  title: string | null;
}

/** What WPGraphQL outputs for `MediaDetails`; `sizes(include, exclude)` is {@link mediaDetailsSizes}. */
export interface MediaDetailsModel {
  width: number | null;
  height: number | null;
  /** `basename( $media_details['file'] )`. */
  file: string | null;
  /** `path_join( <uploads path relative to the host>, $media_details['file'] )`. */
  filePath: string | null;
  meta: MediaItemMetaModel | null;
  /** The attachment the sizes are read from, when asked: {@link mediaDetailsSizes}. */
  _media: MediaSource;
}

/** What WPGraphQL outputs for a `MediaItem` seen by an anonymous viewer with default arguments. */
export interface MediaItemModel extends ContentNodeModel {
  __typename: 'MediaItem';
  /** Deprecated `mediaItemId`: absint( ID ). */
  mediaItemId: number;
  /** `get_post_meta( ID, '_wp_attachment_image_alt', true )` — `''` when unset, not null. */
  altText: string | null;
  /** RENDERED caption (`the_excerpt` of `get_the_excerpt`), null when empty. */
  caption: string | null;
  /** RENDERED description (`the_content` without `prepend_attachment`), null when empty. */
  description: string | null;
  /** `wp_get_attachment_url()`. */
  mediaItemUrl: string | null;
  /** `wp_attachment_is_image() ? 'image' : 'file'`. */
  mediaType: string | null;
  mimeType: string | null;
  // `sourceUrl`, `srcSet`, `sizes`, `file`, `filePath` and `fileSize` take a `size` argument: the schema computes
  // them per field from `_media` (mediaItemSourceUrl … mediaItemFileSize below), so the model holds none of them.
  // Computing their defaults for every record, with every MediaDetails size, was ~9 % of a home query's
  // allocations (964 → 875 KB), and none of it was ever served.
  mediaDetails: MediaDetailsModel | null;
  parentDatabaseId: number | null;
  parentId: string | null;
  _media: MediaSource;
}

// ----------------------------------------------------------------------------------------------------------
// MediaDetails, MediaSize, MediaItemMeta.

function graphqlFloat(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function graphqlInt(value: unknown): number | null {
  const n = graphqlFloat(value);
  return n !== null && Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 ? n : null;
}

function graphqlString(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}

/**
 * MediaItemMeta (Type/ObjectType/MediaItemMeta.php): most fields are the raw `image_meta` values (so `''`
 * stays `''` and `'0'` is 0); `createdTimestamp`, `focalLength`, `shutterSpeed` are null when PHP-empty.
 */
export function toMediaItemMetaModel(meta: Record<string, unknown>): MediaItemMetaModel {
  return {
    aperture: graphqlFloat(meta['aperture']),
    camera: graphqlString(meta['camera']),
    caption: graphqlString(meta['caption']),
    copyright: graphqlString(meta['copyright']),
    createdTimestamp: phpEmpty(meta['created_timestamp']) ? null : graphqlInt(meta['created_timestamp']),
    credit: graphqlString(meta['credit']),
    focalLength: phpEmpty(meta['focal_length']) ? null : graphqlFloat(meta['focal_length']),
    iso: graphqlInt(meta['iso']),
    keywords: Array.isArray(meta['keywords']) ? meta['keywords'].map((k) => graphqlString(k) ?? '') : null,
    orientation: graphqlString(meta['orientation']),
    shutterSpeed: phpEmpty(meta['shutter_speed']) ? null : graphqlFloat(meta['shutter_speed']),
    title: graphqlString(meta['title']),
  };
}

function toMediaSizeModel(size: MediaSizeSource, media: MediaSource): MediaSizeModel {
  return {
    name: size.name,
    file: size.file,
    // path_join( dirname( wp_make_link_relative( wp_get_attachment_url() ) ), $file ).
    filePath: size.file && media.url ? wpPathJoin(phpDirname(wpMakeLinkRelative(media.url)), size.file) : null,
    width: size.width === null ? null : String(size.width),
    height: size.height === null ? null : String(size.height),
    mimeType: nonEmptyString(size.mimeType),
    fileSize: size.fileSize,
    // wp_get_attachment_image_src( ID, name )[0] — what REST printed as the size's `source_url`.
    sourceUrl: size.sourceUrl,
  };
}

/** `MediaDetails` (Type/ObjectType/MediaDetails.php); null when WordPress has no metadata. */
export function toMediaDetailsModel(media: MediaSource): MediaDetailsModel | null {
  const meta = media.meta;
  if (!meta) return null;
  const rel = relativeUploadsPath(media);
  return {
    width: meta.width,
    height: meta.height,
    file: meta.file ? phpBasename(meta.file) : null,
    filePath: meta.file && rel !== null ? wpPathJoin(rel, meta.file) : null,
    meta: meta.imageMeta ? toMediaItemMetaModel(meta.imageMeta) : null,
    _media: media,
  };
}

/**
 * `MediaDetails.sizes(include, exclude)`: WordPress size names to keep / drop (the enum's values); null when
 * nothing is left (Type/ObjectType/MediaDetails.php).
 */
export function mediaDetailsSizes(
  details: Pick<MediaDetailsModel, '_media'>,
  args?: { include?: readonly (string | null | undefined)[] | null; exclude?: readonly (string | null | undefined)[] | null } | null,
): MediaSizeModel[] | null {
  // Every size, in WordPress's order, built only when the field is asked for (most queries ask width/height).
  const media = details._media;
  let sizes = media.meta?.sizes ?? [];
  if (args?.include && args.include.length > 0) sizes = sizes.filter((s) => args.include?.includes(s.name));
  if (args?.exclude && args.exclude.length > 0) sizes = sizes.filter((s) => !args.exclude?.includes(s.name));
  return sizes.length > 0 ? sizes.map((s) => toMediaSizeModel(s, media)) : null;
}

// ----------------------------------------------------------------------------------------------------------
// MediaItem.

/**
 * REST's `description.rendered` is `the_content` *with* core's `prepend_attachment` filter, which puts the
 * attachment itself (an image link, or a video/audio player) and a newline before the description.
 * WPGraphQL removes that filter for attachments (Model/Post.php constructor), so we cut it off again.
 * The prepended block is `<p class="attachment">…</p>` for images and files, the `[video]`/`[audio]`
 * shortcode output otherwise (wp-includes/post-template.php `prepend_attachment()`).
 */
export function stripPrependedAttachment(rendered: string): string {
  const patterns = [
    /^<p class="attachment">[\s\S]*?<\/p>\n/,
    /^(?:<!--\[if lt IE 9\]>[\s\S]*?<!\[endif\]-->\n)?<div [^>]*class="wp-video"[\s\S]*?<\/video><\/div>\n/,
    /^(?:<!--\[if lt IE 9\]>[\s\S]*?<!\[endif\]-->\n)?<audio [\s\S]*?<\/audio>\n/,
  ];
  for (const pattern of patterns) {
    const match = pattern.exec(rendered);
    if (match) return rendered.slice(match[0].length);
  }
  return rendered;
}

/**
 * `captionRendered`: `! empty( caption ) ? the_excerpt( get_the_excerpt( post_excerpt ) ) : null`. REST's
 * `caption.rendered` runs the same filters, but with no hand-written caption `wp_trim_excerpt()` trims `the_content`
 * of the description, and there REST keeps core's `prepend_attachment` (for a file that is not an image, a link whose
 * text is the title: "Annual report 2022") where WPGraphQL has removed it. An automatic caption (REST's recomputed
 * from `description.rendered` equals it, or `caption.raw` is empty in the edit context) is recomputed from the
 * description without the prepended attachment. ./excerpt.ts says how, and its limits.
 */
function wpgraphqlCaption(record: RestMedia): string | null {
  const rest = record.caption;
  const description = record.description?.rendered;
  if (rest?.rendered === undefined || description === undefined) return nonEmptyString(rest?.rendered);
  if (!isAutomaticExcerpt(rest, () => trimmedExcerpt(description))) return nonEmptyString(rest.rendered);
  return nonEmptyString(trimmedExcerpt(stripPrependedAttachment(description)));
}

/** Maps a `/wp/v2/media` record (possibly trimmed by `_fields`) to {@link MediaItemModel}. */
export function toMediaItemModel(record: RestMedia, site: SiteContext): MediaItemModel {
  const base = contentNodeFields(record, site);
  const media = mediaSourceFromRest(record, site);
  const parentDatabaseId = nonEmptyId(record.post);
  const description = record.description?.rendered;
  return {
    __typename: 'MediaItem',
    ...base,
    contentTypeName: base.contentTypeName ?? 'attachment',
    mediaItemId: record.id,
    altText: record.alt_text ?? null,
    caption: wpgraphqlCaption(record),
    // `descriptionRendered`: ! empty( post_content ) ? the_content : null. An empty description renders to
    // '' here once the prepended attachment is cut.
    description: description === undefined ? null : nonEmptyString(stripPrependedAttachment(description)),
    mediaItemUrl: media.url,
    mediaType: nonEmptyString(record.media_type),
    mimeType: nonEmptyString(record.mime_type),
    mediaDetails: toMediaDetailsModel(media),
    // REST `post`: the parent post id, null when unattached.
    parentDatabaseId,
    parentId: parentDatabaseId === null ? null : toGlobalId('post', parentDatabaseId),
    // Attachments get no password in WordPress's UI; REST prints no `content.protected` for them.
    hasPassword: false,
    _media: media,
  };
}

/** `caption(format)`: RAW needs `edit_posts` → null for anonymous viewers. */
export function mediaItemCaption(model: Pick<MediaItemModel, 'caption'>, args?: FormatArgs | null): string | null {
  return withFormat(model.caption, args);
}

/** `description(format)`: RAW needs `edit_posts` → null for anonymous viewers. */
export function mediaItemDescription(model: Pick<MediaItemModel, 'description'>, args?: FormatArgs | null): string | null {
  return withFormat(model.description, args);
}
