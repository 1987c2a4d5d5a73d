/**
 * WordPress's media functions (wp-includes/media.php, WordPress 6.1) re-implemented over {@link MediaSource}:
 * `wp_get_attachment_image_src()` via `image_downsize()`, `wp_calculate_image_srcset()`,
 * `wp_calculate_image_sizes()`, and the `sourceUrl`/`srcSet`/`sizes`/`file`/`filePath`/`fileSize` fields WPGraphQL
 * builds on them (Registry/Utils/PostObject.php `register_attachment_fields()`). Kept apart from the MediaItem
 * model (src/models/media.ts): a port of PHP to read side by side with wp-includes/media.php.
 */
import type { MediaSizeSource, MediaSource } from './media-source.ts';
import { phpBasename, phpDirname, wpMakeLinkRelative, wpPathJoin } from './php.ts';

/** A model that carries its attachment facts (MediaItemModel's `_media`). */
type WithMedia = { readonly _media: MediaSource };

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
export function mediaItemSourceUrl(model: WithMedia, args?: { size?: string | null } | null): string | null {
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
export function mediaItemSrcSet(model: WithMedia, args?: { size?: string | null } | null): string | null {
  const size = args?.size || 'medium';
  const image = attachmentImageSrc(model._media, size);
  if (!image) return null;
  return calculateSrcset([Math.abs(image[1]), Math.abs(image[2])], image[0], model._media);
}

/** `sizes(size = medium)`: wp_calculate_image_sizes( [width, height] ) of that image (PostObject.php). */
export function mediaItemSizes(model: WithMedia, args?: { size?: string | null } | null): string | null {
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
export function mediaItemFile(model: WithMedia, args?: { size?: string | null } | null): string | null {
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
export function relativeUploadsPath(media: MediaSource): string | null {
  const base = uploadsBaseUrl(media);
  if (base !== null) return wpMakeLinkRelative(base);
  if (!media.url) return null;
  return phpDirname(wpMakeLinkRelative(media.url));
}

/** `filePath(size)` (PostObject.php): path of the size (or the original) relative to the host. */
export function mediaItemFilePath(model: WithMedia, args?: { size?: string | null } | null): string | null {
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
export function mediaItemFileSize(model: WithMedia, args?: { size?: string | null } | null): number | null {
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
