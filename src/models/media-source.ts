/**
 * The attachment facts WordPress's media functions read (`wp_get_attachment_metadata()`, the attachment URL, the
 * theme's content width), read back from a `/wp/v2/media` record.
 *
 * REST's `media_details` is `wp_get_attachment_metadata()` with three changes
 * (WP_REST_Attachments_Controller::prepare_item_for_response): `mime-type` is renamed `mime_type`, each size
 * gets a `source_url`, and a synthetic `full` size is appended (overwriting the real `full` preview entry of
 * PDFs). WPGraphQL reads the metadata itself, so the synthetic entry is dropped here.
 */
import type { RestMedia, RestMediaDetails, RestMediaSize } from '../wordpress/rest-types.ts';
import { nonEmptyString, phpEmpty } from './php.ts';
import type { SiteContext } from './site.ts';
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
