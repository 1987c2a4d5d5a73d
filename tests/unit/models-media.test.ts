import { describe, expect, it } from 'vitest';
import { mediaDetailsSizes, mediaItemCaption, stripPrependedAttachment, toMediaItemModel } from '../../src/models/media.ts';
import {
  mediaItemFile,
  mediaItemFilePath,
  mediaItemFileSize,
  mediaItemSizes,
  mediaItemSourceUrl,
  mediaItemSrcSet,
} from '../../src/models/wordpress-media-functions.ts';
import { createSiteContext } from '../../src/models/site.ts';
import type { RestMedia } from '../../src/wordpress/rest-types.ts';
import { gid, imageRecord, site } from './models-fixtures.ts';

const UP = 'https://example.org/wp-content/uploads/2025/04';

describe('toMediaItemModel: the content-node and attachment fields', () => {
  const model = toMediaItemModel(imageRecord(), site);

  it('maps the attachment fields', () => {
    expect(model.__typename).toBe('MediaItem');
    expect(model.id).toBe(gid('post', 501));
    expect(model.mediaItemId).toBe(501);
    expect(model.title).toBe('Café – terrace');
    expect(model.altText).toBe('');
    expect(model.caption).toBe('<p>Terrace &#8211; noon</p>\n');
    expect(mediaItemCaption(model, { format: 'RAW' })).toBeNull();
    expect(model.mediaItemUrl).toBe(`${UP}/photo.jpg`);
    expect(model.mediaType).toBe('image');
    expect(model.mimeType).toBe('image/jpeg');
    expect(model.status).toBe('inherit');
    expect(model.contentTypeName).toBe('attachment');
    expect(model.parentDatabaseId).toBe(9);
    expect(model.parentId).toBe(gid('post', 9));
    expect(model.uri).toBe('/2025/04/20/hello/photo/');
    expect(model.hasPassword).toBe(false);
    expect(model.isRestricted).toBe(false);
  });

  it('cuts the attachment REST prepends to the description (WPGraphQL removes prepend_attachment)', () => {
    expect(model.description).toBe('<p>The terrace at noon.</p>\n');
    const empty = imageRecord();
    empty.description = { rendered: `<p class="attachment"><a href='${UP}/photo.jpg'><img src="${UP}/photo-300x200.jpg" /></a></p>\n` };
    expect(toMediaItemModel(empty, site).description).toBeNull();
  });

  it('strips video players too', () => {
    const video =
      "<!--[if lt IE 9]><script>document.createElement('video');</script><![endif]-->\n" +
      '<div style="width: 640px;" class="wp-video"><video class="wp-video-shortcode" id="video-7-1" width="640" height="360" preload="metadata" controls="controls"><source type="video/mp4" src="https://example.org/v.mp4?_=1" /><a href="https://example.org/v.mp4">https://example.org/v.mp4</a></video></div>\n' +
      '<p>Clip</p>\n';
    expect(stripPrependedAttachment(video)).toBe('<p>Clip</p>\n');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

describe('MediaItem sizes, sources and files', () => {
  const model = toMediaItemModel(imageRecord(), site);

  it('sourceUrl: full by default, the size when it exists, else the full image (image_downsize)', () => {
    expect(mediaItemSourceUrl(model)).toBe(`${UP}/photo.jpg`);
    expect(mediaItemSourceUrl(model, { size: 'large' })).toBe(`${UP}/photo-1024x683.jpg`);
    expect(mediaItemSourceUrl(model, { size: '1536x1536' })).toBe(`${UP}/photo.jpg`);
  });

  it('srcSet (default medium) lists same-ratio sizes, the src first, the original last', () => {
    expect(mediaItemSrcSet(model)).toBe(
      `${UP}/photo-300x200.jpg 300w, ${UP}/photo-1024x683.jpg 1024w, ${UP}/photo-768x512.jpg 768w, ${UP}/photo.jpg 1200w`,
    );
    expect(mediaItemSrcSet(model, { size: 'large' })).toBe(
      `${UP}/photo-1024x683.jpg 1024w, ${UP}/photo-300x200.jpg 300w, ${UP}/photo-768x512.jpg 768w, ${UP}/photo.jpg 1200w`,
    );
    // the square thumbnail only matches itself: fewer than two sources → null
    expect(mediaItemSrcSet(model, { size: 'thumbnail' })).toBeNull();
  });

  it('sizes (default medium) is wp_calculate_image_sizes of the size width', () => {
    expect(mediaItemSizes(model)).toBe('(max-width: 300px) 100vw, 300px');
    expect(mediaItemSizes(model, { size: 'large' })).toBe('(max-width: 1024px) 100vw, 1024px');
  });

  it('applies the theme content width to large', () => {
    const narrow = createSiteContext(
      { home: 'https://example.org', url: 'https://example.org' },
      { baseUrl: 'https://example.org', contentWidth: 640 },
    );
    expect(mediaItemSizes(toMediaItemModel(imageRecord(), narrow), { size: 'large' })).toBe('(max-width: 640px) 100vw, 640px');
  });

  it('file, filePath, fileSize with and without a size', () => {
    expect(mediaItemFile(model)).toBe('photo.jpg');
    expect(mediaItemFile(model, { size: 'medium' })).toBe('photo-300x200.jpg');
    expect(mediaItemFilePath(model)).toBe('/wp-content/uploads/2025/04/photo.jpg');
    expect(mediaItemFilePath(model, { size: 'medium' })).toBe('/wp-content/uploads/2025/04/photo-300x200.jpg');
    expect(mediaItemFileSize(model)).toBe(245_000);
    expect(mediaItemFileSize(model, { size: 'medium' })).toBe(14_000);
    expect(mediaItemFileSize(model, { size: '2048x2048' })).toBe(245_000);
  });

  it('mediaDetails drops REST’s synthetic full size and prints widths as strings', () => {
    const details = model.mediaDetails;
    expect(details?.width).toBe(1200);
    expect(details?.height).toBe(800);
    expect(details?.file).toBe('photo.jpg');
    expect(details?.filePath).toBe('/wp-content/uploads/2025/04/photo.jpg');
    const sizes = details ? mediaDetailsSizes(details) : null;
    expect(sizes?.map((s) => s.name)).toEqual(['medium', 'large', 'thumbnail', 'medium_large']);
    expect(sizes?.[0]).toEqual({
      name: 'medium',
      file: 'photo-300x200.jpg',
      filePath: '/wp-content/uploads/2025/04/photo-300x200.jpg',
      width: '300',
      height: '200',
      mimeType: 'image/jpeg',
      fileSize: 14_000,
      sourceUrl: `${UP}/photo-300x200.jpg`,
    });
    expect(details && mediaDetailsSizes(details, { include: ['thumbnail', 'large'] })?.map((s) => s.name)).toEqual(['large', 'thumbnail']);
    expect(details && mediaDetailsSizes(details, { exclude: ['medium', 'large', 'thumbnail', 'medium_large'] })).toBeNull();
  });

  it('MediaItemMeta keeps raw values except the PHP-empty-checked ones', () => {
    expect(model.mediaDetails?.meta).toEqual({
      aperture: 2.8,
      camera: 'X100V',
      caption: '',
      copyright: '',
      createdTimestamp: 1745143200,
      credit: '',
      focalLength: 23,
      iso: 160,
      keywords: [],
      orientation: '1',
      shutterSpeed: 0.004,
      title: '',
    });
    const zero = imageRecord();
    const details = zero.media_details as { image_meta: Record<string, unknown> };
    details.image_meta = { ...details.image_meta, created_timestamp: '0', focal_length: '0', shutter_speed: '0', iso: '0', aperture: '0' };
    const meta = toMediaItemModel(zero, site).mediaDetails?.meta;
    expect([meta?.createdTimestamp, meta?.focalLength, meta?.shutterSpeed, meta?.iso, meta?.aperture]).toEqual([null, null, null, 0, 0]);
  });
});

describe('large and non-image attachments', () => {
  it('leaves the over-2048px original out of srcSet', () => {
    const big = imageRecord();
    big.media_details = {
      width: 2560,
      height: 1707,
      file: '2025/04/big-scaled.jpg',
      sizes: {
        large: { file: 'big-1024x683.jpg', width: 1024, height: 683, mime_type: 'image/jpeg', source_url: `${UP}/big-1024x683.jpg` },
        '2048x2048': {
          file: 'big-2048x1365.jpg',
          width: 2048,
          height: 1365,
          mime_type: 'image/jpeg',
          source_url: `${UP}/big-2048x1365.jpg`,
        },
        full: { file: 'big-scaled.jpg', width: 2560, height: 1707, mime_type: 'image/jpeg', source_url: `${UP}/big-scaled.jpg` },
      },
    };
    big.source_url = `${UP}/big-scaled.jpg`;
    const model = toMediaItemModel(big, site);
    expect(mediaItemSrcSet(model, { size: 'large' })).toBe(`${UP}/big-1024x683.jpg 1024w, ${UP}/big-2048x1365.jpg 2048w`);
    // medium was not generated: image_downsize falls back to the original
    expect(mediaItemSourceUrl(model, { size: 'medium' })).toBe(`${UP}/big-scaled.jpg`);
  });

  it('a PDF keeps its real full-size preview; sourceUrl is the preview', () => {
    const pdf: RestMedia = {
      id: 600,
      type: 'attachment',
      media_type: 'file',
      mime_type: 'application/pdf',
      source_url: `${UP}/report.pdf`,
      media_details: {
        filesize: 90_000,
        sizes: {
          full: { file: 'report-pdf.jpg', width: 1088, height: 1408, mime_type: 'application/pdf', source_url: `${UP}/report-pdf.jpg` },
          thumbnail: {
            file: 'report-pdf-116x150.jpg',
            width: 116,
            height: 150,
            filesize: 4_000,
            mime_type: 'image/jpeg',
            source_url: `${UP}/report-pdf-116x150.jpg`,
          },
        },
      },
    };
    const model = toMediaItemModel(pdf, site);
    expect(mediaItemSourceUrl(model)).toBe(`${UP}/report-pdf.jpg`);
    expect(mediaItemFile(model)).toBe('report.pdf');
    expect(mediaItemFilePath(model)).toBe('/wp-content/uploads/2025/04/report.pdf');
    expect(mediaItemFileSize(model)).toBe(90_000);
    expect(mediaItemSrcSet(model)).toBeNull();
    const sizes = model.mediaDetails ? mediaDetailsSizes(model.mediaDetails) : null;
    expect(sizes?.map((s) => [s.name, s.mimeType])).toEqual([
      ['full', 'image/jpeg'],
      ['thumbnail', 'image/jpeg'],
    ]);
    expect(model.mediaDetails?.file).toBeNull();
  });

  it('a file without metadata has no image, no details', () => {
    const zip: RestMedia = { id: 601, media_type: 'file', mime_type: 'application/zip', source_url: `${UP}/a.zip`, media_details: {} };
    const model = toMediaItemModel(zip, site);
    expect(model.mediaDetails).toBeNull();
    expect(mediaItemSourceUrl(model)).toBeNull();
    expect(mediaItemSizes(model)).toBeNull();
    expect(model.mediaItemUrl).toBe(`${UP}/a.zip`);
  });
});

describe('caption: WPGraphQL trims the description without the prepended attachment', () => {
  // As the seeded site's attachment 2024 (a PDF without caption or description) comes from REST 6.1.
  const pdf = {
    id: 2024,
    description: {
      rendered:
        '<p class="attachment"><a href=\'http://127.0.0.1/wp-content/uploads/2022/01/annual-report-2022.pdf\'>Annual report 2022</a></p>\n',
    },
    caption: { rendered: '<p>Annual report 2022</p>\n' },
  } as RestMedia;

  it("an automatic caption made of prepend_attachment's link text is null, as WPGraphQL (which removes the filter)", () => {
    expect(toMediaItemModel(pdf, site).caption).toBeNull();
  });

  it('keeps a hand-written caption, and REST’s caption when the description was not fetched', () => {
    const handWritten = { ...pdf, caption: { rendered: '<p>Caption <em>3</em></p>\n' } } as RestMedia;
    expect(toMediaItemModel(handWritten, site).caption).toBe('<p>Caption <em>3</em></p>\n');
    expect(toMediaItemModel({ id: 2024, caption: pdf.caption } as RestMedia, site).caption).toBe('<p>Annual report 2022</p>\n');
  });

  it('an automatic caption over a description keeps the description’s words only; raw decides in the edit context', () => {
    const described = {
      ...pdf,
      description: { rendered: `${pdf.description!.rendered}<p>Our figures.</p>\n` },
      caption: { rendered: '<p>Annual report 2022 Our figures.</p>\n' },
    } as RestMedia;
    expect(toMediaItemModel(described, site).caption).toBe('<p>Our figures.</p>\n');
    const raw = { ...pdf, caption: { rendered: '<p>Annual report 2022</p>\n', raw: 'Annual report 2022' } } as RestMedia;
    expect(toMediaItemModel(raw, site).caption).toBe('<p>Annual report 2022</p>\n');
  });
});
