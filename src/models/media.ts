/**
 * `MediaItem`, `MediaDetails`, `MediaSize`, `MediaItemMeta` from a `/wp/v2/media` record.
 *
 * Rules: plugins/wp-graphql/src/Model/Post.php (attachment fields), Registry/Utils/PostObject.php
 * `register_attachment_fields()` (caption, srcSet, sizes, sourceUrl, file, filePath, fileSize…),
 * Type/ObjectType/MediaDetails.php, MediaSize.php, MediaItemMeta.php. Those call WordPress's media functions
 * (`wp_get_attachment_image_src()`, `wp_calculate_image_srcset()`, `wp_calculate_image_sizes()`,
 * `image_downsize()`, wp-includes/media.php, WordPress 6.1), which are re-implemented below over the
 * attachment metadata REST prints in `media_details`.
 *
 * REST's `media_details` is `wp_get_attachment_metadata()` with three changes
 * (WP_REST_Attachments_Controller::prepare_item_for_response): `mime-type` is renamed `mime_type`, each size
 * gets a `source_url`, and a synthetic `full` size is appended (overwriting the real `full` preview entry of
 * PDFs). WPGraphQL reads the metadata itself, so the synthetic entry is dropped here.
 */
import type { RestMedia, RestMediaDetails, RestMediaSize } from '../wordpress/rest-types.ts';
import { CONTENT_NODE_FIELD_SOURCES, type ContentNodeModel, contentNodeFields, withFormat, type FormatArgs } from './content-node.ts';
import { toGlobalId } from './global-id.ts';
import { nonEmptyId, nonEmptyString, phpBasename, phpDirname, phpEmpty, wpMakeLinkRelative, wpPathJoin } from './php.ts';
import type { SiteContext } from './site.ts';

export { resolveTitle as mediaItemTitle } from './content-node.ts';

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

/** One intermediate size as WordPress stores it (after REST's renaming), keyed by its name. */
export interface MediaSizeSource {
  name: string;
  file: string | null;
  width: number | null;
  height: number | null;
  mimeType: string | null;
  fileSize: number | null;
  sourceUrl: string | null;
}

/**
 * The raw attachment facts the argument-taking fields need. Serialisable; kept on the model as `_media`.
 */
export interface MediaSource {
  databaseId: number;
  /** `wp_get_attachment_url()` (REST `source_url`). */
  url: string | null;
  /** `wp_attachment_is_image()` (REST `media_type === 'image'`). */
  isImage: boolean;
  /** `wp_get_attachment_metadata()` minus REST's additions; null when WordPress has none. */
  meta: {
    file: string | null;
    width: number | null;
    height: number | null;
    fileSize: number | null;
    sizes: MediaSizeSource[];
    imageMeta: Record<string, unknown> | null;
  } | null;
  /** The theme's `$content_width` (SiteContext), which constrains `large`/`medium_large`. */
  contentWidth: number;
}

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
// Reading REST's media_details back into WordPress's metadata.

function int(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
  return null;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jpe: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};

/**
 * WordPress's metadata as far as REST shows it. For images REST's `full` entry is synthetic and dropped; for
 * other files (PDF previews) `full` is real but REST overwrote its `mime-type` with the attachment's
 * (`application/pdf`) and dropped its `filesize`: the preview's type is read from its file extension.
 */
function metaFromRest(record: RestMedia): MediaSource['meta'] {
  const details = record.media_details as RestMediaDetails | undefined;
  if (!details || phpEmpty(details)) return null;
  const isImage = record.media_type === 'image';
  const sizes: MediaSizeSource[] = [];
  for (const [name, size] of Object.entries((details.sizes ?? {}) as Record<string, RestMediaSize>)) {
    if (name === 'full' && isImage) continue;
    const file = typeof size.file === 'string' ? size.file : null;
    const rebuiltFull = name === 'full' && !isImage;
    const extension = file?.split('.').pop()?.toLowerCase() ?? '';
    sizes.push({
      name,
      file,
      width: int(size.width),
      height: int(size.height),
      mimeType: rebuiltFull ? (MIME_BY_EXTENSION[extension] ?? size.mime_type ?? null) : (size.mime_type ?? null),
      fileSize: rebuiltFull ? null : int(size.filesize),
      sourceUrl: typeof size.source_url === 'string' ? size.source_url : null,
    });
  }
  return {
    file: typeof details.file === 'string' ? details.file : null,
    width: int(details.width),
    height: int(details.height),
    fileSize: int(details.filesize),
    sizes,
    imageMeta: details.image_meta && !phpEmpty(details.image_meta) ? (details.image_meta as Record<string, unknown>) : null,
  };
}

/** Builds the serialisable {@link MediaSource} of a `/wp/v2/media` record. */
export function mediaSourceFromRest(record: RestMedia, site: Pick<SiteContext, 'contentWidth'>): MediaSource {
  return {
    databaseId: record.id,
    url: nonEmptyString(record.source_url),
    isImage: record.media_type === 'image',
    meta: metaFromRest(record),
    contentWidth: site.contentWidth,
  };
}

// ----------------------------------------------------------------------------------------------------------
// WordPress's media functions over MediaSource.

function sizeEntry(media: MediaSource, name: string): MediaSizeSource | undefined {
  return media.meta?.sizes.find((s) => s.name === name);
}

/** wp_constrain_dimensions() (wp-includes/media.php). */
export function wpConstrainDimensions(width: number, height: number, maxWidth: number, maxHeight: number): [number, number] {
  if (!maxWidth && !maxHeight) return [width, height];
  let widthRatio = 1.0;
  let heightRatio = 1.0;
  let didWidth = false;
  let didHeight = false;
  if (maxWidth > 0 && width > 0 && width > maxWidth) {
    widthRatio = maxWidth / width;
    didWidth = true;
  }
  if (maxHeight > 0 && height > 0 && height > maxHeight) {
    heightRatio = maxHeight / height;
    didHeight = true;
  }
  const smaller = Math.min(widthRatio, heightRatio);
  const larger = Math.max(widthRatio, heightRatio);
  const ratio = phpRound(width * larger) > maxWidth || phpRound(height * larger) > maxHeight ? smaller : larger;
  let w = Math.max(1, phpRound(width * ratio));
  let h = Math.max(1, phpRound(height * ratio));
  if (didWidth && w === maxWidth - 1) w = maxWidth;
  if (didHeight && h === maxHeight - 1) h = maxHeight;
  return [w, h];
}

/** PHP round(): half away from zero. */
function phpRound(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/**
 * image_constrain_size_for_editor() in the `display` context. The size's own maximum comes from options REST
 * does not expose; a generated intermediate size always fits it, and a size that was not generated means the
 * original is smaller than it, so that constraint never changes anything. What can change them is the theme's
 * `$content_width` for `large` and `medium_large`.
 */
function constrainForDisplay(width: number, height: number, size: string, contentWidth: number): [number, number] {
  if ((size === 'large' || size === 'medium_large') && contentWidth > 0) {
    return wpConstrainDimensions(width, height, contentWidth, height);
  }
  return [width, height];
}

/** `wp_get_attachment_image_src( ID, $size )` via image_downsize(): `[url, width, height]` or null. */
export function attachmentImageSrc(media: MediaSource, size: string): [string, number, number] | null {
  let url = media.url;
  if (url === null) return null;
  const meta = media.meta;
  let width = 0;
  let height = 0;
  if (!media.isImage) {
    // Non-images only have an image when WordPress made a preview (`sizes.full`, PDFs).
    const full = sizeEntry(media, 'full');
    if (!full?.file) return null;
    url = full.sourceUrl ?? url;
    width = full.width ?? 0;
    height = full.height ?? 0;
  }
  const intermediate = size === 'full' && media.isImage ? undefined : sizeEntry(media, size);
  if (intermediate?.file) {
    url = intermediate.sourceUrl ?? url;
    width = intermediate.width ?? 0;
    height = intermediate.height ?? 0;
  }
  if (!width && !height && meta?.width != null && meta.height != null) {
    width = meta.width;
    height = meta.height;
  }
  const [w, h] = constrainForDisplay(width, height, size, media.contentWidth);
  return [url, w, h];
}

/** `sourceUrl(size)`: `get_source_url_by_size()`; no size → `full` (Model/Post.php, PostObject.php). */
export function mediaItemSourceUrl(model: Pick<MediaItemModel, '_media'>, args?: { size?: string | null } | null): string | null {
  const size = args?.size ? (args.size === 'full' ? 'large' : args.size) : 'full';
  return attachmentImageSrc(model._media, size)?.[0] ?? null;
}

/** wp_image_matches_ratio(). */
function imageMatchesRatio(sourceWidth: number, sourceHeight: number, targetWidth: number, targetHeight: number): boolean {
  let constrained: [number, number];
  let expected: [number, number];
  if (sourceWidth > targetWidth) {
    constrained = wpConstrainDimensions(sourceWidth, sourceHeight, targetWidth, 0);
    expected = [targetWidth, targetHeight];
  } else {
    constrained = wpConstrainDimensions(targetWidth, targetHeight, sourceWidth, 0);
    expected = [sourceWidth, sourceHeight];
  }
  return Math.abs(constrained[0] - expected[0]) <= 1 && Math.abs(constrained[1] - expected[1]) <= 1;
}

/** The uploads base URL (`wp_get_upload_dir()['baseurl']`), read back from the attachment URL. */
function uploadsBaseUrl(media: MediaSource): string | null {
  const file = media.meta?.file;
  if (!media.url || !file || file.startsWith('/')) return null;
  return media.url.endsWith(`/${file}`) ? media.url.slice(0, -(file.length + 1)) : null;
}

/** _wp_get_attachment_relative_path(). */
function attachmentRelativePath(file: string): string {
  let dirname = phpDirname(file);
  if (dirname === '.') return '';
  const at = dirname.indexOf('wp-content/uploads');
  if (at !== -1) dirname = dirname.slice(at + 18).replace(/^\/+/, '');
  return dirname;
}

/** wp_calculate_image_srcset() with core's default `max_srcset_image_width` (2048) and no filters. */
function calculateSrcset(size: [number, number], imageSrc: string, media: MediaSource): string | null {
  const meta = media.meta;
  if (!meta || meta.sizes.length === 0 || meta.file === null || meta.file.length < 4) return null;
  const [imageWidth, imageHeight] = size;
  if (imageWidth < 1) return null;
  const imageBasename = phpBasename(meta.file);
  const candidates: { width: number; height: number; file: string }[] = meta.sizes
    .filter((s) => s.file !== null)
    .map((s) => ({ width: s.width ?? 0, height: s.height ?? 0, file: s.file as string }));
  // The full image joins the candidates unless the thumbnail is a GIF (animated GIFs keep their frames only
  // in the original, core says).
  if (sizeEntry(media, 'thumbnail')?.mimeType !== 'image/gif') {
    candidates.push({ width: meta.width ?? 0, height: meta.height ?? 0, file: imageBasename });
  } else if (imageSrc.indexOf(meta.file) > 0) {
    return null;
  }
  let dirname = attachmentRelativePath(meta.file);
  if (dirname) dirname = `${dirname.replace(/[/\\]+$/, '')}/`;
  const base = uploadsBaseUrl(media);
  const imageBaseurl =
    base !== null ? `${base.replace(/[/\\]+$/, '')}/${dirname}` : `${(media.url ?? '').slice(0, (media.url ?? '').lastIndexOf('/') + 1)}`;
  const editHash = /-e[0-9]{13}/.exec(phpBasename(imageSrc));
  const maxWidth = 2048;
  // PHP arrays keyed by width: a later equal width overwrites in place; the src moves to the front.
  let sources = new Map<number, string>();
  let srcMatched = false;
  for (const image of candidates) {
    let isSrc = false;
    if (!srcMatched && imageSrc.includes(dirname + image.file)) {
      srcMatched = true;
      isSrc = true;
    }
    if (editHash && !(image.file.indexOf(editHash[0]) > 0)) continue;
    if (maxWidth && image.width > maxWidth && !isSrc) continue;
    if (imageMatchesRatio(imageWidth, imageHeight, image.width, image.height)) {
      const url = imageBaseurl + image.file;
      if (isSrc) {
        const reordered = new Map<number, string>([[image.width, url]]);
        for (const [k, v] of sources) if (!reordered.has(k)) reordered.set(k, v);
        sources = reordered;
      } else {
        sources.set(image.width, url);
      }
    }
  }
  if (!srcMatched || sources.size < 2) return null;
  return [...sources].map(([w, url]) => `${url.replaceAll(' ', '%20')} ${w}w`).join(', ');
}

/** `srcSet(size = medium)`: wp_get_attachment_image_srcset( ID, size ) (PostObject.php). */
export function mediaItemSrcSet(model: Pick<MediaItemModel, '_media'>, args?: { size?: string | null } | null): string | null {
  const size = args?.size || 'medium';
  const image = attachmentImageSrc(model._media, size);
  if (!image) return null;
  return calculateSrcset([Math.abs(image[1]), Math.abs(image[2])], image[0], model._media);
}

/** `sizes(size = medium)`: wp_calculate_image_sizes( [width, height] ) of that image (PostObject.php). */
export function mediaItemSizes(model: Pick<MediaItemModel, '_media'>, args?: { size?: string | null } | null): string | null {
  const size = args?.size || 'medium';
  const image = attachmentImageSrc(model._media, size);
  if (!image) return null;
  const width = Math.abs(Math.trunc(image[1]));
  return width ? `(max-width: ${width}px) 100vw, ${width}px` : null;
}

/**
 * `_wp_attached_file` as far as its base name goes (all `file`/`fileSize` use): the metadata's `file`, else
 * the attachment URL's last segment (non-images have no `file` in their metadata).
 */
function attachedFile(media: MediaSource): string | null {
  return media.meta?.file ?? (media.url ? phpBasename(media.url) : null);
}

/** `file(size)` (PostObject.php): the size's file name, else the original's base name. */
export function mediaItemFile(model: Pick<MediaItemModel, '_media'>, args?: { size?: string | null } | null): string | null {
  const media = model._media;
  if (args?.size) {
    const size = args.size === 'full' ? 'large' : args.size;
    const entry = media.meta?.sizes.find((s) => s.name === size);
    if (entry?.file) return entry.file;
  }
  const attached = attachedFile(media);
  return attached ? phpBasename(attached) : null;
}

/** The uploads path relative to the host: `wp_make_link_relative( wp_upload_dir()['baseurl'] )`. */
function relativeUploadsPath(media: MediaSource): string | null {
  const base = uploadsBaseUrl(media);
  if (base !== null) return wpMakeLinkRelative(base);
  if (!media.url) return null;
  return phpDirname(wpMakeLinkRelative(media.url));
}

/** `filePath(size)` (PostObject.php): path of the size (or the original) relative to the host. */
export function mediaItemFilePath(model: Pick<MediaItemModel, '_media'>, args?: { size?: string | null } | null): string | null {
  const media = model._media;
  const rel = relativeUploadsPath(media);
  if (rel === null) return null;
  if (args?.size) {
    const size = args.size === 'full' ? 'large' : args.size;
    const entry = media.meta?.sizes.find((s) => s.name === size);
    if (entry?.file) {
      // dirname( $metadata['file'] ) . '/' . $file — with no 'file' key PHP gets dirname( null ) === ''.
      const dir = media.meta?.file ? phpDirname(media.meta.file) : '';
      return wpPathJoin(rel, `${dir}/${entry.file}`);
    }
  }
  const base = uploadsBaseUrl(media);
  if (base !== null && media.meta?.file) return wpPathJoin(rel, media.meta.file);
  return media.url ? wpMakeLinkRelative(media.url) : null;
}

/**
 * `fileSize(size)` (PostObject.php): `filesize()` of the file the size's URL names, in the original's folder.
 * REST carries those sizes in the metadata (`filesize`, WordPress 6.0+); uploads older than that have none,
 * and then we answer null where WPGraphQL reads the disk.
 */
export function mediaItemFileSize(model: Pick<MediaItemModel, '_media'>, args?: { size?: string | null } | null): number | null {
  const media = model._media;
  let url = media.url;
  if (args?.size) {
    const size = args.size === 'full' ? 'large' : args.size;
    url = attachmentImageSrc(media, size)?.[0] || url;
  }
  if (!url) return null;
  const name = phpBasename(url);
  const original = attachedFile(media);
  if (original !== null && phpBasename(original) === name) return media.meta?.fileSize ?? null;
  return media.meta?.sizes.find((s) => s.file === name)?.fileSize ?? null;
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
  args?: { include?: readonly string[] | null; exclude?: readonly string[] | null } | null,
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
    // `captionRendered`: ! empty( caption ) ? caption : null; REST `caption.rendered` runs the same filters.
    caption: nonEmptyString(record.caption?.rendered),
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

const MEDIA_SOURCES = ['source_url', 'media_type', 'media_details'];

/** REST fields (`_fields` entries) each `MediaItem` field needs. */
export const MEDIA_ITEM_FIELD_SOURCES: Record<string, string[]> = {
  // Attachments never carry `content.protected` (no passwords); drop it from the shared sources.
  ...Object.fromEntries(
    Object.entries(CONTENT_NODE_FIELD_SOURCES).map(([field, sources]) => [field, sources.filter((s) => s !== 'content.protected')]),
  ),
  hasPassword: [],
  isRestricted: [],
  mediaItemId: ['id'],
  altText: ['alt_text'],
  caption: ['caption'],
  description: ['description'],
  mediaItemUrl: ['source_url'],
  mediaType: ['media_type'],
  mimeType: ['mime_type'],
  sourceUrl: MEDIA_SOURCES,
  srcSet: MEDIA_SOURCES,
  sizes: MEDIA_SOURCES,
  file: MEDIA_SOURCES,
  filePath: MEDIA_SOURCES,
  fileSize: MEDIA_SOURCES,
  mediaDetails: MEDIA_SOURCES,
  parent: ['post'],
  parentDatabaseId: ['post'],
  parentId: ['post'],
  comments: ['id'],
  ancestors: ['post'],
  children: ['id'],
};
